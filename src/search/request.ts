// A search as a user asks for it — a learner kind with its preset and field overrides, a family, a
// domain, a horizon, a budget — and the whole of it in this thread: search, then verify at 10T
// through the framework's game and write the scenario. The command line does the same with the
// games on worker threads and a report folder (src/cli/search.ts).
import { ConfigError } from "../core/config/error.ts"
import type { LearnerSpec } from "../core/learner/resolve.ts"
import { resolveLearner } from "../core/learner/resolve.ts"
import type { DomainConfig } from "../core/types.ts"
import { createEvaluator, type Evaluate } from "./evaluate.ts"
import { familyNames, type FamilyName } from "./families.ts"
import { runSearch, type Certified, type Found, type RunOptions, type SearchResult, type SearchSpec } from "./search.ts"
import { verifyFound, type Verification } from "./verify.ts"

export interface SearchRequest {
  /** The learner to defeat: a kind, optionally a preset, and any of its fields to override (as in a scenario). */
  readonly learner: LearnerSpec
  /** "periodic" (P free gradient vectors, the default), "periodic-linear" (Reddi et al.'s shape) or "stochastic-linear" (i.i.d. two-point). */
  readonly family?: FamilyName
  /** default the interval [−1, 1]. */
  readonly domain?: DomainConfig
  /** x_1; default the domain's centre. */
  readonly start?: readonly number[]
  /** T; default 10⁵. Candidates are scored at T/10 and T and verified at 10T. */
  readonly horizon?: number
  /** G = ‖g‖∞ of every sequence; default 1. */
  readonly gradientBound?: number
  /** Periods raced (periodic families); default [2, 200]. */
  readonly periodMin?: number
  readonly periodMax?: number
  /** stochastic-linear: the seeds averaged; default 1 … 8. */
  readonly seeds?: readonly number[]
  /** The search's seed; default 1. */
  readonly seed?: number
  /** Certificate thresholds: no-decay ratio (0.9), floor of R_t/t/(G·D) (10⁻⁵), AMSGrad's fall (2). */
  readonly decay?: number
  readonly floor?: number
  readonly contrastDrop?: number
}

/** The search spec of a request: the learner resolved (errors name `learner.<field>`), defaults filled in. */
export const searchSpecOf = (request: SearchRequest): SearchSpec => {
  const family = request.family ?? "periodic"
  if (!familyNames.includes(family)) throw new ConfigError("family", family, `one of ${familyNames.join(", ")}`)
  let learner
  try {
    learner = resolveLearner(request.learner).config
  } catch (e) {
    throw e instanceof ConfigError ? e.within("learner") : e
  }
  return {
    family,
    learner,
    ...(request.domain !== undefined ? { domain: request.domain } : {}),
    ...(request.start !== undefined ? { start: request.start } : {}),
    horizon: request.horizon ?? 100_000,
    G: request.gradientBound ?? 1,
    minPeriod: request.periodMin ?? 2,
    maxPeriod: request.periodMax ?? 200,
    ...(request.seeds !== undefined ? { seeds: request.seeds } : {}),
    seed: request.seed ?? 1,
    ...(request.decay !== undefined ? { decay: request.decay } : {}),
    ...(request.floor !== undefined ? { floor: request.floor } : {}),
    ...(request.contrastDrop !== undefined ? { contrastDrop: request.contrastDrop } : {})
  }
}

/** The candidate a search reports: its best certified one, else its best. */
export const reportedCandidate = (result: SearchResult): Found | Certified | undefined => result.bestCertified ?? result.best

export interface SearchOutcome {
  readonly spec: SearchSpec
  readonly result: SearchResult
  /** The reported candidate played again to 10T (undefined when the search evaluated nothing). */
  readonly verification: Verification | undefined
}

export interface SearchAdversaryOptions extends Partial<RunOptions> {
  /** Stop after this many candidates (when no `until` is given); default 2000. */
  readonly evaluations?: number
  /** How games are played; default createEvaluator() (the scalar loop where it applies). */
  readonly evaluate?: Evaluate
  /** Scenario id and the command recorded in its notes. */
  readonly id?: string
  readonly command?: string
}

/** Searches, then verifies the reported candidate at 10T through the framework's game, all in this thread. */
export const searchAdversary = (request: SearchRequest, options: SearchAdversaryOptions = {}): SearchOutcome => {
  const spec = searchSpecOf(request)
  const evaluate = options.evaluate ?? createEvaluator()
  const budget = options.evaluations ?? 2000
  const result = runSearch(spec, evaluate, { ...options, until: options.until ?? ((p) => p.evaluations >= budget) })
  const found = reportedCandidate(result)
  const verification = found === undefined ? undefined : verifyFound(spec, found, evaluate, { id: options.id, command: options.command })
  return { spec, result, verification }
}
