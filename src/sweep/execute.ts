// One job, in whatever thread runs it: the scenario at the job's grid point, one learner, one seed,
// played to the horizon by the unchanged numeric core. A divergence or a thrown error becomes a
// failed record with its reason; nothing here throws.
import { applyOverrides, planRuns } from "../scenario/index.ts"
import type { ResolvedScenario } from "../scenario/types.ts"
import type { Job } from "./jobs.ts"
import type { GridValue } from "./grid.ts"

/** One line of results.jsonl. */
export interface JobRecord {
  readonly id: string
  readonly index: number
  readonly point: number
  readonly values: Readonly<Record<string, GridValue>>
  readonly learner: string
  readonly seed: number
  readonly status: "ok" | "failed"
  /** Why a failed job failed (divergence with round and value, or the error message). */
  readonly reason?: string
  /** Final row (absent when the job failed before its first checkpoint). */
  readonly t?: number
  readonly x?: readonly number[]
  readonly xAvg?: readonly number[]
  readonly regret?: number
  readonly avgRegret?: number
  readonly pseudoAvgRegret?: number
  readonly distToComparator?: number
}

/** The last grid point resolved (jobs of one point arrive together: seeds and learners vary fastest). */
let cached: { base: ResolvedScenario; key: string; scenario: ResolvedScenario } | undefined

const scenarioAt = (base: ResolvedScenario, overrides: readonly string[]): ResolvedScenario => {
  const key = JSON.stringify(overrides)
  if (cached !== undefined && cached.base === base && cached.key === key) return cached.scenario
  const scenario = applyOverrides(base, overrides)
  cached = { base, key, scenario }
  return scenario
}

export const runJob = (base: ResolvedScenario, job: Job): JobRecord => {
  const head = { id: job.id, index: job.index, point: job.point, values: job.values, learner: job.learner, seed: job.seed }
  try {
    const s = scenarioAt(base, job.overrides)
    const [plan] = planRuns({ ...s, seeds: [job.seed] }, { learners: [job.learner] })
    const { rows, status } = plan.createGame().run()
    const row = rows[rows.length - 1]
    const final = row === undefined
      ? {}
      : {
          t: row.t,
          ...(row.x !== undefined ? { x: row.x } : {}),
          ...(row.xAvg !== undefined ? { xAvg: row.xAvg } : {}),
          regret: row.regret,
          avgRegret: row.avgRegret,
          ...(row.pseudoRegret !== undefined ? { pseudoAvgRegret: row.pseudoRegret / row.t } : {}),
          distToComparator: row.distToComparator
        }
    if (status.kind === "diverged") {
      return { ...head, status: "failed", reason: `diverged at round ${status.round}: ${status.what} = ${status.value}`, ...final }
    }
    if (status.kind !== "ok") return { ...head, status: "failed", reason: `stopped: ${status.kind}`, ...final }
    return { ...head, status: "ok", ...final }
  } catch (e) {
    return { ...head, status: "failed", reason: e instanceof Error ? e.message : String(e) }
  }
}
