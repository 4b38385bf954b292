// The adversary search: sep-CMA-ES over a family's parameter box, maximising the non-convergence
// score of the target learner, with found sequences verified at ten times the horizon.
//
// The periodic families run one optimiser per period of a ladder (P = 2 … 6, then ×1.5 up to
// maxPeriod) and share the budget by successive halving: in round r every live period gets
// 10·2^r·λ₀ evaluations (λ₀ its optimiser's first population), then the better-scoring half goes on. Which periods fail depends on the learner
// (Adam's (0.9, 0.99) needs P near 1/(1−β2) or more; β2 = 0.1 fails at P = 3), so the ladder finds
// the scale without a hint, and the rounds keep the search anytime.
//
// ask/tell: ask() gives one generation of adversaries, the caller evaluates them (anywhere, in any
// order) and tells their scores in the order asked; the search is then deterministic given its seed.
import { createCmaEs, type CmaEs } from "./cmaes.ts"
import type { Evaluate } from "./evaluate.ts"
import { createFamily, type AdversaryDescription, type Family, type FamilyName } from "./families.ts"
import { certify, score, scoreRounds, type Certificate, type RegretMeasure, type Score } from "./objective.ts"
import type { Interval, ScalarLearner } from "./scalar-game.ts"

export interface SearchSpec {
  readonly family: FamilyName
  /** The learner to defeat. */
  readonly learner: ScalarLearner
  /** The learner that must converge on the same sequence; default AMSGrad with the target's α, β1, β2 (β2 = 0.99 for an AdaGrad target). */
  readonly contrast?: ScalarLearner
  /** default [−1, 1]. */
  readonly interval?: Interval
  /** x_1; default the midpoint. */
  readonly start?: number
  /** T: candidates are scored at T/10 and T, verified at T and 10T. */
  readonly horizon: number
  /** ‖g‖∞ of every sequence; default 1. */
  readonly G?: number
  /** Periodic families: periods in [minPeriod, maxPeriod]; default [2, 200]. */
  readonly minPeriod?: number
  readonly maxPeriod?: number
  /** stochastic-linear: the seeds of the runs averaged (common random numbers); default 1 … 8. */
  readonly seeds?: readonly number[]
  /** The search's own seed; default 1. */
  readonly seed?: number
  /** Score and certificate thresholds (see objective.ts). */
  readonly decay?: number
  readonly floor?: number
  readonly contrastDrop?: number
}

export interface Found {
  readonly adversary: AdversaryDescription
  readonly score: Score
  /** Evaluations told when it was found. */
  readonly evaluation: number
}

export interface Certified extends Found {
  readonly certificate: Certificate
}

export interface Search {
  readonly spec: SearchSpec
  /** One generation of candidates. */
  ask(): readonly AdversaryDescription[]
  /** Their scores, in the order asked. */
  tell(scores: readonly Score[]): void
  /** The best-scoring candidate so far. */
  readonly best: Found | undefined
  readonly evaluations: number
  /** The periods still raced (periodic family), best first after each round. */
  readonly periods: readonly number[]
}

export class SearchError extends Error {
  constructor(readonly field: string, readonly value: unknown, readonly expected: string) {
    super(`${field} must be ${expected}, got ${JSON.stringify(value)}`)
    this.name = "SearchError"
  }
}

/** The periods raced: every period up to 6, then ×1.5 (rounded), and maxPeriod. */
export const periodLadder = (minPeriod: number, maxPeriod: number): number[] => {
  const set = new Set<number>([minPeriod, maxPeriod])
  for (let p = minPeriod; p <= Math.min(6, maxPeriod); p++) set.add(p)
  for (let p = Math.max(6, minPeriod); p < maxPeriod; p *= 1.5) set.add(Math.round(p))
  return [...set].filter((p) => p >= minPeriod && p <= maxPeriod).sort((a, b) => a - b)
}

/** The interval, start, measure and the rest every evaluation of a spec shares. */
export const resolveSpec = (spec: SearchSpec) => {
  const interval = spec.interval ?? { lo: -1, hi: 1 }
  const start = spec.start ?? (interval.lo + interval.hi) / 2
  const G = spec.G ?? 1
  const measure: RegretMeasure = spec.family === "stochastic-linear" ? "pseudo-regret" : "regret"
  const seeds = spec.family === "stochastic-linear" ? spec.seeds ?? [1, 2, 3, 4, 5, 6, 7, 8] : []
  const l = spec.learner
  const contrast = spec.contrast ?? { kind: "amsgrad", alpha: l.alpha, beta1: l.beta1, beta2: l.kind === "adagrad" ? 0.99 : l.beta2, schedule: l.schedule }
  if (!(Number.isInteger(spec.horizon) && spec.horizon >= 10)) throw new SearchError("horizon", spec.horizon, "an integer ≥ 10")
  if (seeds.length === 0 && spec.family === "stochastic-linear") throw new SearchError("seeds", seeds, "at least one seed")
  return { interval, start, G, D: interval.hi - interval.lo, measure, seeds, contrast }
}

/** The score of one candidate: the target's runs to T. */
export const scoreCandidate = (spec: SearchSpec, adversary: AdversaryDescription, evaluate: Evaluate): Score => {
  const r = resolveSpec(spec)
  const runs = evaluate({ learner: spec.learner, adversary, interval: r.interval, start: r.start, rounds: scoreRounds(spec.horizon), seeds: r.seeds })
  return score(runs, { horizon: spec.horizon, G: r.G, D: r.D, measure: r.measure, decay: spec.decay })
}

/** The certificate of a candidate: target and contrast played to 10T. */
export const verifyCandidate = (spec: SearchSpec, adversary: AdversaryDescription, evaluate: Evaluate): Certificate => {
  const r = resolveSpec(spec)
  const T = spec.horizon
  const query = { adversary, interval: r.interval, start: r.start, rounds: [T, 10 * T], seeds: r.seeds }
  const target = evaluate({ ...query, learner: spec.learner })
  const contrast = evaluate({ ...query, learner: r.contrast })
  return certify(target, contrast, { horizon: T, G: r.G, D: r.D, measure: r.measure, decay: spec.decay, floor: spec.floor, contrastDrop: spec.contrastDrop })
}

interface Rung {
  readonly period: number
  /** Evaluations per round-0 turn: 10 generations of the first population. */
  readonly turn: number
  es: CmaEs
  best: number
  /** Fresh optimisers after one stopped for good. */
  renewals: number
}

export const createSearch = (spec: SearchSpec): Search => {
  const r = resolveSpec(spec)
  const seed = spec.seed ?? 1
  const minPeriod = spec.minPeriod ?? 2
  const maxPeriod = spec.maxPeriod ?? 200
  const family: Family = createFamily(spec.family, { G: r.G, minPeriod, maxPeriod })
  const optimiser = (period: number, renewal: number): CmaEs => {
    const b = family.bounds(period)
    // IPOP doubles λ on every stall; on a flat score that is every few generations, so stop at 32λ₀
    // and start afresh (a new optimiser) rather than let one period's turns grow without bound.
    const n = b.lower.length
    return createCmaEs({ lower: b.lower, upper: b.upper, seed: `${seed}:${spec.family}:${period}:${renewal}`, maxPopulation: 32 * (4 + Math.floor(3 * Math.log(n))) })
  }
  const ladder = family.outerPeriod ? periodLadder(minPeriod, maxPeriod) : [0]
  let alive: Rung[] = ladder.map((period) => {
    const es = optimiser(period, 0)
    return { period, turn: 10 * es.populationSize, es, best: -Infinity, renewals: 0 }
  })
  let round = 0, index = 0, left = alive[0].turn
  let asked: { rung: Rung; vectors: readonly Float64Array[]; adversaries: AdversaryDescription[] } | undefined
  let best: Found | undefined
  let evaluations = 0

  return {
    spec,
    ask() {
      if (asked !== undefined) throw new Error("search ask() twice without tell(): tell the last generation's scores first")
      const rung = alive[index]
      if (rung.es.stopped !== undefined) rung.es = optimiser(rung.period, ++rung.renewals)
      const vectors = rung.es.ask()
      const adversaries = vectors.map((v) => family.decode(v, rung.period))
      asked = { rung, vectors, adversaries }
      return adversaries
    },
    tell(scores) {
      if (asked === undefined) throw new Error("search tell() without ask()")
      const { rung, adversaries } = asked
      if (scores.length !== adversaries.length) throw new SearchError("scores", scores.length, `${adversaries.length} scores (one per candidate asked)`)
      asked = undefined
      // The optimiser minimises; −∞ (a diverged run) becomes +∞, ranked last.
      rung.es.tell(scores.map((s) => -s.value))
      scores.forEach((s, i) => {
        evaluations++
        if (s.value > rung.best) rung.best = s.value
        if (best === undefined || s.value > best.score.value) best = { adversary: adversaries[i], score: s, evaluation: evaluations }
      })
      left -= scores.length
      if (left > 0) return
      if (++index < alive.length) {
        left = alive[index].turn * 2 ** round
        return
      }
      // End of a round: the better half of the periods goes on (ties: the shorter period).
      if (alive.length > 1) {
        alive = [...alive].sort((a, b) => b.best - a.best || a.period - b.period).slice(0, Math.ceil(alive.length / 2))
      }
      round++
      index = 0
      left = alive[0].turn * 2 ** round
    },
    get best() { return best },
    get evaluations() { return evaluations },
    get periods() { return alive.map((a) => a.period) }
  }
}

export interface RunOptions {
  /** Called before each generation; true stops the search. */
  readonly until: (progress: { readonly evaluations: number; readonly best: Found | undefined }) => boolean
  /** Called once per certificate found (a new best candidate whose score holds, verified at 10T). */
  readonly onCertified?: (found: Certified) => void
}

export interface SearchResult {
  readonly best: Found | undefined
  /** The first candidate certified, and the best-scoring one. */
  readonly firstCertified: Certified | undefined
  readonly bestCertified: Certified | undefined
  readonly evaluations: number
  /** Candidates verified at 10T. */
  readonly verifications: number
}

/**
 * Runs a search in this thread: ask, score each candidate, tell; each new best whose score holds
 * is verified at 10T. A worker pool would do the same with the scoring spread over threads.
 */
export const runSearch = (spec: SearchSpec, evaluate: Evaluate, options: RunOptions): SearchResult => {
  const search = createSearch(spec)
  let firstCertified: Certified | undefined, bestCertified: Certified | undefined
  let verifications = 0
  let lastVerified: Found | undefined
  while (!options.until({ evaluations: search.evaluations, best: search.best })) {
    const candidates = search.ask()
    search.tell(candidates.map((a) => scoreCandidate(spec, a, evaluate)))
    const b = search.best
    if (b !== undefined && b !== lastVerified && b.score.holds) {
      lastVerified = b
      verifications++
      const certificate = verifyCandidate(spec, b.adversary, evaluate)
      if (certificate.holds) {
        const found: Certified = { ...b, certificate }
        firstCertified ??= found
        bestCertified = found
        options.onCertified?.(found)
      }
    }
  }
  return { best: search.best, firstCertified, bestCertified, evaluations: search.evaluations, verifications }
}
