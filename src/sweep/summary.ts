// From job records to one row per (grid point, learner): mean and spread over seeds of the final
// R_T/T, R_T and x, how many seeds failed, and the verdict (how many seeds converged).
import { spread } from "../scenario/index.ts"
import type { Spread } from "../scenario/types.ts"
import type { SweepPlan, Verdict } from "./definition.ts"
import type { JobRecord } from "./execute.ts"
import { type GridValue, pointCount, pointValues } from "./grid.ts"

export interface PointSummary {
  readonly point: number
  readonly values: Readonly<Record<string, GridValue>>
  readonly learner: string
  /** Jobs recorded (ok + failed) out of the seeds. */
  readonly n: number
  readonly failed: number
  readonly reasons: readonly string[]
  readonly avgRegret: Spread
  readonly regret: Spread
  /** Final x_T, coordinate 0 (absent when the runs recorded no x). */
  readonly x?: Spread
  /** Seeds whose final row meets the verdict (ok jobs only); undefined without a verdict. */
  readonly converged?: number
}

export interface SweepSummary {
  readonly points: readonly PointSummary[]
  readonly total: number
  readonly finished: number
  readonly failed: number
  readonly missing: number
}

export const metricOf = (r: JobRecord, metric: Verdict["metric"]): number => {
  switch (metric) {
    case "x": return r.x?.[0] ?? NaN
    case "xAvg": return r.xAvg?.[0] ?? NaN
    case "avgRegret": return r.avgRegret ?? NaN
    case "regret": return r.regret ?? NaN
    case "pseudoAvgRegret": return r.pseudoAvgRegret ?? NaN
    case "distToComparator": return r.distToComparator ?? NaN
  }
}

export const meetsVerdict = (r: JobRecord, v: Verdict): boolean => {
  if (r.status !== "ok") return false
  const m = metricOf(r, v.metric)
  return v.op === "<=" ? m <= v.threshold : m >= v.threshold
}

/** e.g. "x[0] ≤ -0.9" (x and xAvg name their coordinate); with why, the reason in brackets. */
export const verdictText = (v: Verdict, withWhy = true): string =>
  `${v.metric === "x" || v.metric === "xAvg" ? `${v.metric}[0]` : v.metric} ${v.op === "<=" ? "≤" : "≥"} ${v.threshold}${withWhy && v.why ? ` (${v.why})` : ""}`

export const summariseSweep = (plan: SweepPlan, records: readonly JobRecord[]): SweepSummary => {
  const groups = new Map<string, JobRecord[]>()
  for (const r of records) {
    const key = `${r.point}\u0000${r.learner}`
    const g = groups.get(key)
    if (g) g.push(r)
    else groups.set(key, [r])
  }
  const points: PointSummary[] = []
  const P = pointCount(plan.axes)
  for (let p = 0; p < P; p++) {
    for (const learner of plan.learners) {
      const rs = (groups.get(`${p}\u0000${learner}`) ?? []).slice().sort((a, b) => a.index - b.index)
      const ok = rs.filter((r) => r.status === "ok")
      const xs = ok.filter((r) => r.x !== undefined)
      points.push({
        point: p,
        values: pointValues(plan.axes, p),
        learner,
        n: rs.length,
        failed: rs.length - ok.length,
        reasons: rs.filter((r) => r.status === "failed").map((r) => `seed ${r.seed}: ${r.reason ?? "failed"}`),
        avgRegret: spread(ok.map((r) => r.avgRegret ?? NaN)),
        regret: spread(ok.map((r) => r.regret ?? NaN)),
        ...(xs.length > 0 ? { x: spread(xs.map((r) => r.x![0])) } : {}),
        ...(plan.verdict !== undefined ? { converged: ok.filter((r) => meetsVerdict(r, plan.verdict!)).length } : {})
      })
    }
  }
  const failed = records.filter((r) => r.status === "failed").length
  return { points, total: plan.jobs, finished: records.length, failed, missing: plan.jobs - records.length }
}
