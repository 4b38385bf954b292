// The adversary search from code: the same search, worker pool, verification at 10T, scenario file
// and report folder as `regretlab search`.
import { availableParallelism } from "node:os"
import * as path from "node:path"
import type { LearnerSpec } from "../core/learner/resolve.ts"
import type { AdversaryConfig, ScenarioInput } from "../scenario/types.ts"
import type { Certificate } from "../search/objective.ts"
import { searchSpecOf, type SearchRequest as CoreSearchRequest } from "../search/request.ts"
import type { SearchProgress } from "../search/search.ts"
import { parseBudget, runSearchJob } from "../search-run/run.ts"
import { LearnerSetup } from "./learners.ts"
import { version } from "../report/version.ts"

/**
 * What to search against and where: the learner (a helper's result such as `adam({ beta2: 0.99 })`,
 * or `{ kind, preset?, ...fields }`), the family of loss sequences ("periodic", the default;
 * "periodic-linear"; "stochastic-linear"), the domain (default [−1, 1]), x₁, the horizon T (default
 * 10⁵), the gradient bound G, the periods raced, the search's seed, and the certificate's thresholds.
 *
 * @example
 * ```ts
 * import { adam, box, type SearchRequest } from "regretlab"
 *
 * const torchAdamOnTheSquare: SearchRequest = {
 *   learner: adam({ preset: "pytorch" }), family: "periodic-linear", domain: box([-1, -1], [1, 1]), horizon: 10_000
 * }
 * ```
 */
export interface SearchRequest extends Omit<CoreSearchRequest, "learner"> {
  /** The learner to break: any registered kind, with its preset and field overrides. */
  readonly learner: LearnerSetup | LearnerSpec
}

/**
 * How long a {@link search} runs, where its games are played and what it writes.
 *
 * @example
 * ```ts
 * import type { SearchOptions } from "regretlab"
 *
 * const controller = new AbortController()
 * const options: SearchOptions = { budget: "60s", workers: 2, out: "found.json", signal: controller.signal }
 * ```
 */
export interface SearchOptions {
  /** A time ("60s", "2m") or a number of candidates (the same result on any machine); default 2000 candidates. */
  readonly budget?: string | number
  /** Worker threads (default one per core); 0 plays every game in this thread. The result does not depend on it. */
  readonly workers?: number
  /** Write the found scenario to this .json file. */
  readonly out?: string
  /** Write the report folder here (score history, the sequence, the regret curves at 10T). */
  readonly reportDir?: string
  /** PNG next to each SVG chart in the report (default true). */
  readonly png?: boolean
  /** Modules that register learner kinds of your own, loaded in every worker thread (import them in this thread yourself). */
  readonly imports?: readonly string[]
  /** Stops the search; the best sequence found so far is still verified and reported. */
  readonly signal?: AbortSignal
  /** After every generation of candidates: the count, the best so far, the best certified so far. */
  readonly onProgress?: (progress: SearchProgress, seconds: number) => void
}

/**
 * What {@link search} found: the reported sequence (the best certified one, else the best), its
 * score, and its verification at 10T through the framework's game.
 *
 * @example
 * ```ts
 * import type { SearchOutcome } from "regretlab"
 *
 * const verdict = (o: SearchOutcome) =>
 *   o.certified ? `certified after ${o.firstCertified} candidates: ${JSON.stringify(o.adversary)}` : `not certified (best score ${o.score})`
 * ```
 */
export interface SearchOutcome {
  /** The certificate holds at 10T: the target's R_t/t does not decay from T to 10T and stays above 10⁻⁵·G·D, AMSGrad's falls by ≥ 2×. */
  readonly certified: boolean
  /** The reported sequence as a scenario's adversary; undefined when no candidate was scored. */
  readonly adversary: AdversaryConfig | undefined
  /** Its score, R_T/T/(G·D) × min(1, ratio/0.9) (D the ℓ1 diameter of the domain). */
  readonly score: number | undefined
  /** Its R_T/T ÷ R_{T/10}/(T/10): below 0.9 the target's regret is still decaying. */
  readonly ratio: number | undefined
  /** The verification at 10T: the target's and AMSGrad's R_t/t/(G·D) at T and 10T, and each failed condition in words. */
  readonly certificate: Certificate | undefined
  /** The scenario `regretlab run` accepts as it is: the sequence, the target, AMSGrad and AdaGrad, expectations encoding the certificate. */
  readonly scenario: ScenarioInput | undefined
  /** Candidates scored, and the candidate at which the first certificate came. */
  readonly evaluations: number
  readonly firstCertified: number | undefined
  readonly seconds: number
  readonly workers: number
  /** The signal stopped it before its budget. */
  readonly stopped: boolean
  /** The scenario file and the report's index.html, when written. */
  readonly out?: string
  readonly report?: string
}

/**
 * Searches for the loss sequence that makes a learner fail to converge: candidates from the family
 * are played to T on worker threads and scored by R_T/T subject to no decay since T/10; the best is
 * played again to 10T against AMSGrad and AdaGrad, and is certified when the target's R_t/t stays
 * flat while AMSGrad's falls. For a seed and a candidate budget the result is the same whatever
 * the number of workers.
 *
 * @throws ConfigError naming the field (`learner.beta2`, `family`, …), the value and what was expected.
 * @example
 * ```ts
 * import { rmsprop, search } from "regretlab"
 *
 * // Theorem 1's setting (β1 = 0, β2 = 1/(1 + 3²)): a period-3 sequence breaks it.
 * const found = await search({ learner: rmsprop({ beta2: 0.1 }), periodMax: 3, horizon: 10_000 }, { budget: 200, workers: 0 })
 * console.log(found.certified, found.adversary)
 * ```
 */
export const search = async (request: SearchRequest, options: SearchOptions = {}): Promise<SearchOutcome> => {
  const { learner, ...rest } = request
  const spec = searchSpecOf({ ...rest, learner: learner instanceof LearnerSetup ? learner.config : learner })
  const budget = parseBudget(options.budget ?? 2000, "budget")
  const signal = options.signal
  const { run, scenarioFile, reportDir } = await runSearchJob({
    spec, budget, workers: options.workers ?? availableParallelism(),
    imports: (options.imports ?? []).map((m) => ({ file: path.resolve(m), shown: m })),
    ...(options.out !== undefined ? { scenarioFile: options.out } : {}),
    ...(options.reportDir !== undefined ? { reportDir: options.reportDir } : {}),
    png: options.png ?? true, command: `regretlab API: search(${JSON.stringify({ ...rest, learner: spec.learner })})`, version,
    ...(signal !== undefined ? { shouldStop: () => signal.aborted } : {}),
    ...(options.onProgress !== undefined ? { onProgress: options.onProgress } : {})
  })
  const { result, found, verification } = run
  return {
    certified: verification?.certified === true,
    adversary: found?.adversary,
    score: found?.score.value,
    ratio: found?.score.ratio,
    certificate: verification?.certificate,
    scenario: verification?.scenario,
    evaluations: result.evaluations,
    firstCertified: result.firstCertified?.evaluation,
    seconds: run.seconds,
    workers: run.workers,
    stopped: run.stopped,
    ...(scenarioFile !== undefined ? { out: scenarioFile } : {}),
    ...(reportDir !== undefined ? { report: path.join(reportDir, "index.html") } : {})
  }
}
