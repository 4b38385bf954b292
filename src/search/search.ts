// The adversary search: sep-CMA-ES over a family's parameter box, maximising the non-convergence
// score of the target learner, with found sequences verified at ten times the horizon.
//
// The periodic families run one optimiser per period of a ladder (P = 2 … 6, then ×1.5 up to
// maxPeriod) and share the budget by successive halving: in round r every live period gets
// 10·2^r·λ₀ evaluations (λ₀ its optimiser's first population), then the better-scoring half goes
// on. Which periods fail depends on the learner (Adam's (0.9, 0.99) needs P near 1/(1−β2) or more;
// β2 = 0.1 fails at P = 3), so the ladder finds the scale without a hint, and the rounds keep the
// search anytime.
//
// ask/tell: ask() gives one generation of adversaries, the caller evaluates them (anywhere, in any
// order) and tells their scores in the order asked; the search is then deterministic given its
// seed. searchSteps() is the whole loop as a generator of batches of games to play, so one piece of
// logic runs in this thread (runSearch) or with the games on worker threads (runSearchAsync).
import { ConfigError } from "../core/config/error.ts"
import { createDomain, validateDomainConfig } from "../core/domain/index.ts"
import type { LearnerConfig } from "../core/learner/learner.ts"
import { checkLearnerDomain, checkLearnerStart } from "../core/learner/resolve.ts"
import type { DomainConfig } from "../core/types.ts"
import { createCmaEs, type CmaEs } from "./cmaes.ts"
import { contrastFor } from "./contrast.ts"
import type { Evaluate, GameQuery, Rows } from "./evaluate.ts"
import { createFamily, periodOf, type Family, type FamilyName, type FoundAdversary } from "./families.ts"
import { certify, l1Diameter, score, scoreRounds, type Certificate, type RegretMeasure, type Score } from "./objective.ts"

export interface SearchSpec {
  readonly family: FamilyName
  /** The learner to defeat (a resolved config: resolveLearner(spec).config). */
  readonly learner: LearnerConfig
  /** The learner that must converge on the same sequence; default AMSGrad with the target's α, β1, β2 (contrastFor). */
  readonly contrast?: LearnerConfig
  /** default the interval [−1, 1]. */
  readonly domain?: DomainConfig
  /** x_1; default the domain's centre. */
  readonly start?: readonly number[]
  /** T: candidates are scored at T/10 and T, verified at T and 10T. */
  readonly horizon: number
  /** ‖g‖∞ of every sequence; default 1. */
  readonly G?: number
  /** Periodic families: periods in [minPeriod, maxPeriod]; default [2, 200]. */
  readonly minPeriod?: number
  readonly maxPeriod?: number
  /** periodic-linear: the largest ratio C; stochastic-linear: the smallest probability (see families.ts). */
  readonly maxC?: number
  readonly minP?: number
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
  readonly adversary: FoundAdversary
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
  ask(): readonly FoundAdversary[]
  /** Their scores, in the order asked. */
  tell(scores: readonly Score[]): void
  /** The best-scoring candidate so far. */
  readonly best: Found | undefined
  readonly evaluations: number
  /** The periods still raced (periodic families), best first after each round. */
  readonly periods: readonly number[]
}

/** A search option out of range. */
export class SearchError extends ConfigError {
  override readonly name: string = "SearchError"
}

/** The periods raced: every period up to 6, then ×1.5 (rounded), and maxPeriod. */
export const periodLadder = (minPeriod: number, maxPeriod: number): number[] => {
  const set = new Set<number>([minPeriod, maxPeriod])
  for (let p = minPeriod; p <= Math.min(6, maxPeriod); p++) set.add(p)
  for (let p = Math.max(6, minPeriod); p < maxPeriod; p *= 1.5) set.add(Math.round(p))
  return [...set].filter((p) => p >= minPeriod && p <= maxPeriod).sort((a, b) => a - b)
}

export const defaultDomain: DomainConfig = { kind: "box", lower: [-1], upper: [1] }
export const defaultStochasticSeeds: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8]

/** What every evaluation of a spec shares: the validated domain and start, G, D, the measure, the seeds and the contrast. */
export interface ResolvedSetting {
  readonly domain: DomainConfig
  readonly dim: number
  readonly start: readonly number[]
  readonly G: number
  /** The ℓ1 diameter of the domain (see l1Diameter): scores are R_t/t/(G·D). */
  readonly D: number
  readonly measure: RegretMeasure
  readonly seeds: readonly number[]
  readonly contrast: LearnerConfig
}

/** Validates a spec's setting (paths name the spec's fields) and fills its defaults. */
export const resolveSpec = (spec: SearchSpec): ResolvedSetting => {
  if (!(Number.isInteger(spec.horizon) && spec.horizon >= 10)) throw new SearchError("horizon", spec.horizon, "an integer ≥ 10")
  let domainConfig: DomainConfig
  try {
    domainConfig = validateDomainConfig(spec.domain ?? defaultDomain)
  } catch (e) {
    throw e instanceof ConfigError ? e.within("domain") : e
  }
  const domain = createDomain(domainConfig)
  const start = spec.start ?? Array.from(domain.center)
  if (start.length !== domain.dim || !domain.contains(Float64Array.from(start))) throw new SearchError("start", start, `a point of the domain (${domain.dim} coordinates)`)
  const G = spec.G ?? 1
  if (!(G > 0 && G < Infinity)) throw new SearchError("G", G, "a number > 0")
  const measure: RegretMeasure = spec.family === "stochastic-linear" ? "pseudo-regret" : "regret"
  const seeds = spec.family === "stochastic-linear" ? spec.seeds ?? defaultStochasticSeeds : []
  if (spec.family === "stochastic-linear" && seeds.length === 0) throw new SearchError("seeds", seeds, "at least one seed")
  const contrast = spec.contrast ?? contrastFor(spec.learner)
  for (const [field, config] of [["learner", spec.learner], ["contrast", contrast]] as const) {
    try {
      checkLearnerDomain(config, domain)
      checkLearnerStart(config, domain, start)
    } catch (e) {
      throw e instanceof ConfigError ? e.within(field) : e
    }
  }
  return { domain: domainConfig, dim: domain.dim, start, G, D: l1Diameter(domainConfig), measure, seeds, contrast }
}

/** The game that scores a candidate: the target's runs to T, read at T/10 and T. */
export const scoreQuery = (spec: SearchSpec, r: ResolvedSetting, adversary: FoundAdversary): GameQuery =>
  ({ learner: spec.learner, adversary, domain: r.domain, start: r.start, rounds: scoreRounds(spec.horizon), seeds: r.seeds })

/** The score of a candidate from its runs. */
export const scoreOf = (spec: SearchSpec, r: ResolvedSetting, runs: readonly Rows[]): Score =>
  score(runs, { horizon: spec.horizon, G: r.G, D: r.D, measure: r.measure, decay: spec.decay })

/** The games that verify a candidate: target and contrast to 10T, read at T and 10T. */
export const verifyQueries = (spec: SearchSpec, r: ResolvedSetting, adversary: FoundAdversary, engine = false): [GameQuery, GameQuery] => {
  const T = spec.horizon
  const query = { adversary, domain: r.domain, start: r.start, rounds: [T, 10 * T], seeds: r.seeds, ...(engine ? { engine } : {}) }
  return [{ ...query, learner: spec.learner }, { ...query, learner: r.contrast }]
}

/** The certificate from the verification runs of the target and the contrast. */
export const certificateOf = (spec: SearchSpec, r: ResolvedSetting, target: readonly Rows[], contrast: readonly Rows[]): Certificate =>
  certify(target, contrast, { horizon: spec.horizon, G: r.G, D: r.D, measure: r.measure, decay: spec.decay, floor: spec.floor, contrastDrop: spec.contrastDrop })

/** The score of one candidate, played in this thread. */
export const scoreCandidate = (spec: SearchSpec, adversary: FoundAdversary, evaluate: Evaluate, setting = resolveSpec(spec)): Score =>
  scoreOf(spec, setting, evaluate(scoreQuery(spec, setting, adversary)))

/** The certificate of one candidate, played in this thread. */
export const verifyCandidate = (spec: SearchSpec, adversary: FoundAdversary, evaluate: Evaluate, setting = resolveSpec(spec)): Certificate => {
  const [target, contrast] = verifyQueries(spec, setting, adversary)
  return certificateOf(spec, setting, evaluate(target), evaluate(contrast))
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

export const createSearch = (spec: SearchSpec, setting = resolveSpec(spec)): Search => {
  const seed = spec.seed ?? 1
  const minPeriod = spec.minPeriod ?? 2
  const maxPeriod = spec.maxPeriod ?? 200
  const family: Family = createFamily(spec.family, { G: setting.G, dim: setting.dim, minPeriod, maxPeriod, maxC: spec.maxC, minP: spec.minP })
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
  let asked: { rung: Rung; adversaries: FoundAdversary[] } | undefined
  let best: Found | undefined
  let evaluations = 0

  return {
    spec,
    ask() {
      if (asked !== undefined) throw new Error("search ask() twice without tell(): tell the last generation's scores first")
      const rung = alive[index]
      if (rung.es.stopped !== undefined) rung.es = optimiser(rung.period, ++rung.renewals)
      const adversaries = rung.es.ask().map((v) => family.decode(v, rung.period))
      asked = { rung, adversaries }
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

/** Where a search stands, before each generation. */
export interface SearchProgress {
  readonly evaluations: number
  readonly best: Found | undefined
  readonly bestCertified: Certified | undefined
  readonly verifications: number
  readonly periods: readonly number[]
}

/** One generation: the best score so far and the generation's own best, and its period. */
export interface HistoryEntry {
  /** Evaluations told after this generation. */
  readonly evaluations: number
  readonly best: number
  readonly generationBest: number
  /** The generation's period (periodic families). */
  readonly period: number | undefined
  /** A candidate of this generation became the best and was certified at 10T. */
  readonly certified: boolean
  /** options.now() after the generation, when a clock was given. */
  readonly time?: number
}

export interface RunOptions {
  /** Called before each generation; true stops the search. */
  readonly until: (progress: SearchProgress) => boolean
  /** Called once per certificate found (a new best candidate whose score holds, verified at 10T). */
  readonly onCertified?: (found: Certified) => void
  /** A clock for the history (e.g. performance.now); none by default, so the search stays a pure function of its spec. */
  readonly now?: () => number
}

export interface SearchResult {
  readonly best: Found | undefined
  /** The first candidate certified, and the best-scoring one. */
  readonly firstCertified: Certified | undefined
  readonly bestCertified: Certified | undefined
  readonly evaluations: number
  /** Candidates verified at 10T. */
  readonly verifications: number
  readonly history: readonly HistoryEntry[]
}

/** One batch of games: the search yields it and is resumed with their rows, in the same order. */
export type SearchSteps = Generator<readonly GameQuery[], SearchResult, readonly (readonly Rows[])[]>

/**
 * The search loop as a generator: each step yields the games to play (a generation's scoring
 * runs, or the two verification runs of a new best whose score holds) and takes back their rows
 * in the order yielded. Whoever drives it decides where the games run. When it stops, the best
 * candidate, if its score holds, has been verified: bestCertified is it when it is certified.
 */
export function* searchSteps(spec: SearchSpec, options: RunOptions): SearchSteps {
  const setting = resolveSpec(spec)
  const search = createSearch(spec, setting)
  let firstCertified: Certified | undefined, bestCertified: Certified | undefined
  let verifications = 0
  let lastVerified: Found | undefined
  const history: HistoryEntry[] = []
  const progress = (): SearchProgress => ({ evaluations: search.evaluations, best: search.best, bestCertified, verifications, periods: search.periods })
  /** The two runs to 10T of a candidate, and the certificate they give. */
  function* verify(b: Found): Generator<readonly GameQuery[], boolean, readonly (readonly Rows[])[]> {
    lastVerified = b
    verifications++
    const [target, contrast] = yield verifyQueries(spec, setting, b.adversary)
    const certificate = certificateOf(spec, setting, target, contrast)
    if (!certificate.holds) return false
    const found: Certified = { ...b, certificate }
    firstCertified ??= found
    bestCertified = found
    options.onCertified?.(found)
    return true
  }
  // A verification costs as many rounds as 20 candidates. Until the first certificate every new
  // best whose score holds is verified; after it, one that beats the certified score by 2%, and
  // the best of all at the end.
  const due = (b: Found | undefined, final = false): b is Found =>
    b !== undefined && b !== lastVerified && b.score.holds && (final || bestCertified === undefined || b.score.value >= 1.02 * bestCertified.score.value)
  while (!options.until(progress())) {
    const candidates = search.ask()
    const results = yield candidates.map((a) => scoreQuery(spec, setting, a))
    const scores = results.map((runs) => scoreOf(spec, setting, runs))
    search.tell(scores)
    const b = search.best
    const certified = due(b) ? yield* verify(b) : false
    const generationBest = Math.max(...scores.map((s) => s.value))
    history.push({
      evaluations: search.evaluations, best: search.best?.score.value ?? -Infinity, generationBest, period: periodOf(candidates[0]), certified,
      ...(options.now !== undefined ? { time: options.now() } : {})
    })
  }
  const last = search.best
  if (due(last, true) && (yield* verify(last)) && history.length > 0) history[history.length - 1] = { ...history[history.length - 1], certified: true }
  return { best: search.best, firstCertified, bestCertified, evaluations: search.evaluations, verifications, history }
}

/** Runs a search in this thread: every game through `evaluate`. */
export const runSearch = (spec: SearchSpec, evaluate: Evaluate, options: RunOptions): SearchResult => {
  const steps = searchSteps(spec, options)
  let step = steps.next()
  while (step.done !== true) step = steps.next(step.value.map(evaluate))
  return step.value
}

/**
 * Runs a search with the games played elsewhere: `evaluateAll` gets each batch and resolves with
 * its rows in the same order (a worker pool). The result is the same as runSearch's for the same
 * spec and the same stopping point, whatever the pool does.
 */
export const runSearchAsync = async (spec: SearchSpec, evaluateAll: (queries: readonly GameQuery[]) => Promise<readonly (readonly Rows[])[]>, options: RunOptions): Promise<SearchResult> => {
  const steps = searchSteps(spec, options)
  let step = steps.next()
  while (step.done !== true) step = steps.next(await evaluateAll(step.value))
  return step.value
}
