// The --json document: one stable shape for scripts. Numbers are written as JSON.stringify writes
// them (shortest text that reads back to the same double, i.e. full precision); NaN and ±Infinity,
// which JSON lacks, use the report's {"$nonfinite": "NaN"} form, so data.json and --json agree.
import { serialiseScenario } from "../report/data.ts"
import type { LearnerRun, ScenarioResult } from "../scenario/types.ts"

export interface FinalValues {
  readonly t: number
  readonly x: readonly number[] | null
  readonly cumLoss: number
  readonly comparatorLoss: number
  readonly regret: number
  readonly avgRegret: number
  /** The adversary's own numbers at the last row, when it reports any. */
  readonly metrics?: Readonly<Record<string, number>>
}

/** Values at the last recorded row, or null when the run stopped before its first checkpoint. */
export const finalValues = (run: LearnerRun): FinalValues | null => {
  const last = run.rows.at(-1)
  if (last === undefined) return null
  return {
    t: last.t,
    x: last.x ?? null,
    cumLoss: last.cumLoss,
    comparatorLoss: last.comparatorLoss,
    regret: last.regret,
    avgRegret: last.avgRegret,
    ...(last.metrics !== undefined ? { metrics: last.metrics } : {})
  }
}

export const runDocument = (result: ScenarioResult, report: string | null) => ({
  scenario: serialiseScenario(result.scenario),
  completion: result.completion,
  runs: result.runs.map((run) => ({
    learner: run.learner,
    seed: run.seed,
    status: run.status,
    final: finalValues(run),
    rows: run.rows
  })),
  summary: result.summary,
  paired: result.paired,
  expectations: result.expectations,
  report
})

/** Same encoding as the report's data.json (read back with its fromJson). */
const nonFinite = (_key: string, value: unknown): unknown =>
  typeof value === "number" && !Number.isFinite(value) ? { $nonfinite: String(value) } : value

/** Compact, one line: scripts parse it, people pipe it through jq. */
export const runDocumentText = (result: ScenarioResult, report: string | null): string =>
  JSON.stringify(runDocument(result, report), nonFinite) + "\n"
