// The scenario contract shared by the scenario, run, report and CLI layers.
import type { LabelledLearner, LearnerSpec } from "../core/learner/resolve.ts"
import type { Adversary, CheckpointRow, DomainConfig, RunStatus } from "../core/types.ts"

/** A built-in adversary described as data (JSON scenarios); TS scenarios may also give a factory. */
export type AdversaryConfig = { readonly kind: string; readonly [param: string]: unknown }

/** A claim the run must show, checked on the final row of every seed of one learner. */
export interface Expectation {
  /** Learner label. */
  readonly learner: string
  /** Which number: final x (coordinate `coordinate`, default 0), R_T/T, R_T, pseudo-regret/T, ‖x_T − x*‖. */
  readonly metric: "x" | "xAvg" | "avgRegret" | "regret" | "pseudoAvgRegret" | "distToComparator"
  readonly coordinate?: number
  readonly op: ">=" | "<=" | "near"
  readonly value: number
  /** Tolerance for "near" (absolute). */
  readonly tolerance?: number
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
  /** False when the run was interrupted before the horizon: the claim is about round T, so it was not checked (absent in older reports: checked). */
  readonly checked?: boolean
  /** Observed value per seed. */
  readonly observed: readonly number[]
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
