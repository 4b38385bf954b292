// The one function through which the search plays games: a learner against a described adversary,
// rows at the asked rounds, one run per seed for i.i.d. adversaries (one run for oblivious ones).
// The search knows nothing else of the engine, so a test can stub it and the framework's game can
// replace the scalar stand-in behind the same signature.
import { createRandomSource } from "../core/rng.ts"
import { periodGradients, type AdversaryDescription } from "./families.ts"
import type { ScoredRow } from "./objective.ts"
import { playPeriodic, playTwoPoint, type Interval, type ScalarLearner } from "./scalar-game.ts"

export interface GameQuery {
  readonly learner: ScalarLearner
  readonly adversary: AdversaryDescription
  readonly interval: Interval
  /** x_1. */
  readonly start: number
  /** Ascending rounds to report; the last is the horizon. */
  readonly rounds: readonly number[]
  /** Seeds of the i.i.d. runs (common random numbers: every candidate sees the same uniforms). */
  readonly seeds: readonly number[]
}

export type Evaluate = (query: GameQuery) => readonly (readonly ScoredRow[])[]

/**
 * The scalar stand-in. Uniforms come from the same stream the framework's bernoulli-linear
 * adversary draws (seed, "adversary"), so a found i.i.d. sequence replays identically in a scenario;
 * they are kept per seed and grown as longer horizons are asked.
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
    const a = q.adversary
    if (a.kind !== "two-point-linear") return [playPeriodic(q.learner, q.interval, q.start, periodGradients(a), q.rounds)]
    const T = q.rounds[q.rounds.length - 1]
    if (scratch.length < T) scratch = new Float64Array(T)
    return q.seeds.map((seed) => playTwoPoint(q.learner, q.interval, q.start, a.a, a.b, a.p, uniformsFor(seed, T), q.rounds, scratch))
  }
}
