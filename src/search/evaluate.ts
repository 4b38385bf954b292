// The one function through which the search plays games: a learner against a found adversary on
// a domain, rows at the asked rounds, one run per seed for i.i.d. adversaries (one run for
// oblivious ones). The search knows nothing else of the engine, so a test can stub it and a worker
// pool can run it on other threads: a query and its rows are plain data.
//
// Two ways to play: the framework's game (createEngineEvaluator: any learner kind, any domain, the
// code every scenario runs) and the scalar loop (scalar-game.ts: 1-D paper-form Algorithm-1
// learners only, 2–8× faster). createEvaluator takes the scalar loop where it applies and the
// game everywhere else; a query with `engine: true` always goes through the game (the cross-check
// of a reported sequence).
import { createAdversary } from "../core/adversary/index.ts"
import { ConfigError } from "../core/config/error.ts"
import { createDomain } from "../core/domain/index.ts"
import { playGame } from "../core/game/game.ts"
import type { LearnerConfig } from "../core/learner/learner.ts"
import { createLearner } from "../core/learner/registry.ts"
import { createRandomSource } from "../core/rng.ts"
import type { DomainConfig } from "../core/types.ts"
import { scalarIntervalOf, scalarLearnerOf } from "./fast-path.ts"
import { periodGradients, type FoundAdversary } from "./families.ts"
import type { ScoredRow } from "./objective.ts"
import { playPeriodic, playTwoPoint, type RegretRow } from "./scalar-game.ts"

export interface GameQuery {
  readonly learner: LearnerConfig
  readonly adversary: FoundAdversary
  readonly domain: DomainConfig
  /** x_1. */
  readonly start: readonly number[]
  /** Ascending rounds to report; the last is the horizon. */
  readonly rounds: readonly number[]
  /** Seeds of the i.i.d. runs (common random numbers: every candidate sees the same draws); ignored for oblivious adversaries. */
  readonly seeds: readonly number[]
  /** Play through the framework's game even where the scalar loop applies. */
  readonly engine?: boolean
}

/** The rows of one run: t, R_t, R_t/t, pseudo-regret for i.i.d. losses, and x_t when the domain is small. */
export type Rows = readonly ScoredRow[]

export type Evaluate = (query: GameQuery) => readonly Rows[]

/** The seeds a query plays: its own for i.i.d. adversaries, seed 1 once for oblivious ones. */
export const seedsOf = (q: GameQuery): readonly number[] => {
  if (q.adversary.kind !== "two-point-linear") return [1]
  if (q.seeds.length === 0) throw new ConfigError("seeds", q.seeds, "at least one seed for an i.i.d. adversary")
  return q.seeds
}

/**
 * The framework's game. A run that diverges (a non-finite step) stops at that round; its missing
 * rows are NaN, which the score ranks last.
 */
export const createEngineEvaluator = (): Evaluate => (q) => {
  const T = q.rounds[q.rounds.length - 1]
  return seedsOf(q).map((seed) => {
    const domain = createDomain(q.domain)
    const { rows, status } = playGame({
      domain,
      adversary: createAdversary(q.adversary as never, domain.dim),
      learner: createLearner(q.learner, domain),
      horizon: T,
      start: Float64Array.from(q.start),
      random: createRandomSource(seed),
      checkpoints: q.rounds
    })
    const out: ScoredRow[] = []
    for (const t of q.rounds) {
      const r = rows.find((row) => row.t === t)
      if (r !== undefined) out.push({ t, regret: r.regret, avgRegret: r.avgRegret, ...(r.pseudoRegret !== undefined ? { pseudoRegret: r.pseudoRegret } : {}), ...(r.x !== undefined ? { x: r.x } : {}) })
      else if (status.kind !== "ok") out.push({ t, regret: NaN, avgRegret: NaN, ...(q.adversary.kind === "two-point-linear" ? { pseudoRegret: NaN } : {}) })
    }
    return out
  })
}

const fromScalar = (r: RegretRow): ScoredRow => ({ t: r.t, regret: r.regret, avgRegret: r.avgRegret, ...(r.pseudoRegret !== undefined ? { pseudoRegret: r.pseudoRegret } : {}), x: [r.x] })

/**
 * The scalar loop, for queries it covers (scalarLearnerOf and scalarIntervalOf say which; others
 * throw). Uniforms come from the stream the framework's two-point-linear adversary draws (seed,
 * "adversary"), one per round, so an i.i.d. sequence replays identically in a scenario; they are
 * kept per seed and grown as longer horizons are asked.
 */
export const createScalarEvaluator = (): Evaluate => {
  const uniforms = new Map<number, Float64Array>()
  let scratch = new Float64Array(0)
  const uniformsFor = (seed: number, T: number): Float64Array => {
    const have = uniforms.get(seed)
    if (have !== undefined && have.length >= T) return have
    const u = createRandomSource(seed).stream("adversary")
    const next = Float64Array.from({ length: T }, () => u())
    uniforms.set(seed, next)
    return next
  }
  return (q) => {
    const learner = scalarLearnerOf(q.learner), interval = scalarIntervalOf(q.domain)
    if (learner === undefined) throw new ConfigError("learner", q.learner.kind, "a paper-form Algorithm-1 learner (the scalar loop's; see fast-path.ts)")
    if (interval === undefined) throw new ConfigError("domain", q.domain, "a 1-D box")
    const a = q.adversary
    if (a.kind !== "two-point-linear") return [playPeriodic(learner, interval, q.start[0], periodGradients(a), q.rounds).map(fromScalar)]
    const T = q.rounds[q.rounds.length - 1]
    if (scratch.length < T) scratch = new Float64Array(T)
    return seedsOf(q).map((seed) => playTwoPoint(learner, interval, q.start[0], a.a[0], a.b[0], a.p, uniformsFor(seed, T), q.rounds, scratch).map(fromScalar))
  }
}

/** Whether the scalar loop plays a query (else the framework's game does). */
export const usesScalarLoop = (q: Pick<GameQuery, "learner" | "domain" | "engine">): boolean =>
  q.engine !== true && scalarIntervalOf(q.domain) !== undefined && scalarLearnerOf(q.learner) !== undefined

/** The scalar loop where it applies (and the query does not ask for the game), the game elsewhere. */
export const createEvaluator = (): Evaluate => {
  const scalar = createScalarEvaluator(), engine = createEngineEvaluator()
  return (q) => (usesScalarLoop(q) ? scalar(q) : engine(q))
}
