// Long-format chart data: one record per (learner, t), the mean across seeds and the min–max band.
// Seeds share their checkpoint rounds, so grouping by t lines them up; a run that stopped early
// (diverged, interrupted) simply contributes fewer points. Non-finite values are left out: vega
// cannot place them, and the summary table reports divergence instead.
import { domainDim } from "../core/domain/index.ts"
import type { CheckpointRow } from "../core/types.ts"
import type { ScenarioResult } from "../scenario/types.ts"
import { maxOf, minOf } from "../core/extent.ts"

export interface SeriesPoint {
  readonly learner: string
  readonly t: number
  readonly mean: number
  readonly lo: number
  readonly hi: number
  readonly n: number
  /** Extra grouping key (a coordinate index, a variant such as "x_t" or "x̄_t"). */
  readonly key?: string
}

export type Pick = (row: CheckpointRow) => number | undefined

/** Learner labels in scenario order (the legend and colour order). */
export const learnerLabels = (result: ScenarioResult): readonly string[] => {
  const labels = result.scenario.learners.map((l) => l.label)
  for (const run of result.runs) if (!labels.includes(run.learner)) labels.push(run.learner)
  return labels
}

export const aggregate = (result: ScenarioResult, pick: Pick, key?: string): SeriesPoint[] => {
  const out: SeriesPoint[] = []
  for (const learner of learnerLabels(result)) {
    const byT = new Map<number, number[]>()
    for (const run of result.runs) {
      if (run.learner !== learner) continue
      for (const row of run.rows) {
        const v = pick(row)
        if (v === undefined || !Number.isFinite(v)) continue
        const list = byT.get(row.t)
        if (list) list.push(v)
        else byT.set(row.t, [v])
      }
    }
    for (const t of [...byT.keys()].sort((a, b) => a - b)) {
      const vs = byT.get(t)!
      let sum = 0
      for (const v of vs) sum += v
      const point: SeriesPoint = { learner, t, mean: sum / vs.length, lo: minOf(vs), hi: maxOf(vs), n: vs.length }
      out.push(key === undefined ? point : { ...point, key })
    }
  }
  return out
}

/** Problem dimension, from the domain config. */
export const dimension = (result: ScenarioResult): number => domainDim(result.scenario.domain)

/** True when some learner has more than one seed, so a spread band means something. */
export const hasSpread = (result: ScenarioResult): boolean => result.scenario.seeds.length > 1
