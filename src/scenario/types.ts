// The scenario contract shared by the scenario, run, report and CLI layers.
import type { LabelledLearner, LearnerSpec } from "../core/learner/resolve.ts"
import type { Adversary, CheckpointRow, DomainConfig, RunStatus } from "../core/types.ts"

/** A built-in adversary described as data (JSON scenarios); TS scenarios may also give a factory. */
export type AdversaryConfig = { readonly kind: string; readonly [param: string]: unknown }

/** The numbers every final row has: final x (a coordinate), x̄, R_T/T, R_T, pseudo-regret/T, ‖x_T − x*‖. */
export type BuiltinMetric = "x" | "xAvg" | "avgRegret" | "regret" | "pseudoAvgRegret" | "distToComparator"

/**
 * A claim the run must show about one learner's final rows: on every seed (`over: "all"`, the
 * default) or for their mean over the seeds (`over: "mean"`), for claims about an average
 * behaviour that single seeds of a stochastic adversary may miss.
 */
export interface Expectation {
  /** Learner label. */
  readonly learner: string
  /**
   * Which number: a built-in one (`x` and `xAvg` at coordinate `coordinate`, default 0; the
   * norm ‖x_T − x*_T‖₂ is `distToComparator`), or the name of a number the adversary reports in
   * its rows' `metrics` (e.g. "testError").
   */
  readonly metric: BuiltinMetric | (string & {})
  /** The coordinate of x or xAvg (default 0). */
  readonly coordinate?: number
  /** "all": the claim holds on every seed (default); "mean": it holds for the mean over the seeds. */
  readonly over?: "all" | "mean"
  readonly op: ">=" | "<=" | "near"
  /** The bound; with `than`, the offset added to the other learner's number. */
  readonly value: number
  /** Tolerance for "near" (absolute). */
  readonly tolerance?: number
  /**
   * Another learner's label: the claim is then `metric op (than's metric + value)`, seed by seed
   * (e.g. Adam's test error ≥ GD's + 0.2; a monotone trend as a chain of such claims).
   */
  readonly than?: string
  /** Optional human reason, e.g. "Theorem 1: Adam converges to +1". */
  readonly why?: string
}

/** What a scenario file or defineScenario() gives, before defaults and validation. */
export interface ScenarioInput {
  readonly id: string
  readonly title: string
  readonly citation?: string
  readonly description?: string
  readonly notes?: readonly string[]
  readonly domain: DomainConfig
  readonly adversary: AdversaryConfig
  /** TS scenarios only: builds the adversary for one run (overrides the built-in lookup of `adversary.kind`). */
  readonly createAdversary?: (config: AdversaryConfig, dim: number) => Adversary
  readonly learners: readonly (LearnerSpec & { readonly label: string })[]
  readonly horizon: number
  readonly start: readonly number[]
  /** N repetitions (seeds 1..N) or an explicit list. Default 1. */
  readonly seeds?: number | readonly number[]
  readonly checkpoints?: { readonly perDecade?: number; readonly extra?: readonly number[] }
  readonly expectations?: readonly Expectation[]
}

/** A validated scenario with every default filled in: the full config a report carries. */
export interface ResolvedScenario {
  readonly id: string
  readonly title: string
  readonly citation: string
  readonly description: string
  readonly notes: readonly string[]
  readonly domain: DomainConfig
  readonly adversary: AdversaryConfig
  readonly learners: readonly LabelledLearner[]
  readonly horizon: number
  readonly start: readonly number[]
  readonly seeds: readonly number[]
  readonly checkpoints: { readonly perDecade: number; readonly extra: readonly number[] }
  readonly expectations: readonly Expectation[]
  /** TS scenarios only (not serialised): builds the adversary for one run. */
  readonly createAdversary?: (config: AdversaryConfig, dim: number) => Adversary
  /** Where the scenario came from: registry id, or the file path. */
  readonly source: string
}

/** One learner × one seed through one scenario. */
export interface LearnerRun {
  readonly learner: string
  readonly seed: number
  readonly rows: readonly CheckpointRow[]
  readonly status: RunStatus
}

/** Mean and spread of one number across seeds. */
export interface Spread {
  readonly mean: number
  readonly sd: number
  readonly min: number
  readonly max: number
  readonly n: number
}

export interface LearnerSummary {
  readonly learner: string
  readonly t: number
  /** Final x_T per coordinate (mean over seeds); omitted when dim is large. */
  readonly x?: readonly number[]
  readonly regret: Spread
  readonly avgRegret: Spread
  readonly pseudoAvgRegret?: Spread
  /** Final values of the adversary's own metrics (CheckpointRow.metrics), when it reports any. */
  readonly metrics?: Readonly<Record<string, Spread>>
  readonly diverged: number
}

/** Paired difference of final R_T/T between two learners over the same seeds (common random numbers). */
export interface PairedDifference {
  readonly a: string
  readonly b: string
  readonly avgRegretDiff: Spread
}

export interface ExpectationResult {
  readonly expectation: Expectation
  readonly text: string
  readonly holds: boolean
  /** Observed value per seed (with `than`: its difference from that learner's value). */
  readonly observed: readonly number[]
  /** The mean over the seeds, for an expectation over the mean. */
  readonly mean?: number
}

export interface ScenarioResult {
  readonly scenario: ResolvedScenario
  readonly runs: readonly LearnerRun[]
  readonly summary: readonly LearnerSummary[]
  readonly paired: readonly PairedDifference[]
  readonly expectations: readonly ExpectationResult[]
  /** "complete", or "interrupted" with the round reached by the slowest run. */
  readonly completion: { readonly kind: "complete" } | { readonly kind: "interrupted"; readonly round: number }
}
