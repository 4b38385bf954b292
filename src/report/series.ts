// Long-format chart data, one record per (learner, t) or per (learner, seed, t). Seeds share their
// checkpoint rounds, so grouping by t lines them up; a run that stopped early (diverged,
// interrupted) contributes fewer points. Non-finite values are left out: vega cannot place them,
// and the summary table reports divergence instead.
//
// Several seeds are summarised by their mean with a 95% confidence interval from Student's t
// (the seeds are independent realisations); with few seeds each seed is also drawn. Quantities
// that do not average (the comparator point, an iterate that splits between two ends) are drawn
// per seed, never as a mean.
import { domainDim } from "../core/domain/index.ts"
import type { CheckpointRow } from "../core/types.ts"
import type { LearnerRun, ScenarioResult } from "../scenario/types.ts"

export type Pick = (row: CheckpointRow) => number | undefined

/** Each seed is drawn as its own thin line up to this many seeds. */
export const MAX_SEED_LINES = 10

/** Learner labels in scenario order (the legend and colour order). */
export const learnerLabels = (result: ScenarioResult): readonly string[] => {
  const labels = result.scenario.learners.map((l) => l.label)
  for (const run of result.runs) if (!labels.includes(run.learner)) labels.push(run.learner)
  return labels
}

/** Problem dimension, from the domain config. */
export const dimension = (result: ScenarioResult): number => domainDim(result.scenario.domain)

const runsOf = (result: ScenarioResult, learner: string): LearnerRun[] => result.runs.filter((r) => r.learner === learner)

/**
 * True when every learner's seeds played identical runs (an oblivious adversary ignores the
 * seed): the report then draws one run, as for a single seed.
 */
export const seedsIdentical = (result: ScenarioResult): boolean =>
  learnerLabels(result).every((label) => {
    const runs = runsOf(result, label)
    return runs.every((r) => r.rows.length === runs[0].rows.length && r.rows.every((row, k) => row.t === runs[0].rows[k].t && row.cumLoss === runs[0].rows[k].cumLoss && sameX(row, runs[0].rows[k])))
  })

const sameX = (a: CheckpointRow, b: CheckpointRow): boolean => (a.x ?? []).every((v, i) => v === b.x?.[i])

/** The seeds drawn as separate runs: one when they all played the same run. */
export const distinctSeeds = (result: ScenarioResult): number => (seedsIdentical(result) ? 1 : result.scenario.seeds.length)

/** Two-sided 97.5% quantiles of Student's t for 1 … 30 degrees of freedom; beyond, the normal's 1.96 is within 2%. */
const T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042]

/** t_{0.975, n−1}: the half-width of a 95% interval for a mean of n values is this times sd/√n. */
export const tQuantile975 = (n: number): number => (n < 2 ? NaN : n - 1 <= T975.length ? T975[n - 2] : 1.96 + 2.4 / (n - 1))

export interface MeanPoint {
  readonly learner: string
  readonly t: number
  readonly mean: number
  /** The 95% confidence interval of the mean over seeds (equal to the mean for one seed). */
  readonly lo: number
  readonly hi: number
  readonly n: number
}

/** A learner's finite values per checkpoint round, over its seeds, in round order. */
const valuesByCheckpoint = (result: ScenarioResult, learner: string, pick: Pick): [number, number[]][] => {
  const byT = new Map<number, number[]>()
  for (const run of runsOf(result, learner)) {
    for (const row of run.rows) {
      const v = pick(row)
      if (v === undefined || !Number.isFinite(v)) continue
      const list = byT.get(row.t)
      if (list) list.push(v)
      else byT.set(row.t, [v])
    }
  }
  return [...byT].sort((a, b) => a[0] - b[0])
}

/** Per learner and checkpoint: the mean over seeds and its 95% confidence interval. */
export const meanWithInterval = (result: ScenarioResult, pick: Pick): MeanPoint[] => {
  const out: MeanPoint[] = []
  for (const learner of learnerLabels(result)) {
    for (const [t, vs] of valuesByCheckpoint(result, learner, pick)) {
      const n = vs.length
      let sum = 0
      for (const v of vs) sum += v
      const mean = sum / n
      let ss = 0
      for (const v of vs) ss += (v - mean) ** 2
      const half = n > 1 ? tQuantile975(n) * Math.sqrt(ss / (n - 1)) / Math.sqrt(n) : 0
      out.push({ learner, t, mean, lo: mean - half, hi: mean + half, n })
    }
  }
  return out
}

export interface SeedPoint {
  readonly learner: string
  readonly seed: number
  readonly t: number
  readonly value: number
}

/** The runs drawn one by one: every seed's, or each learner's first when the seeds played identical runs. */
const drawnRuns = (result: ScenarioResult): LearnerRun[] => {
  const one = seedsIdentical(result)
  return learnerLabels(result).flatMap((learner) => (one ? runsOf(result, learner).slice(0, 1) : runsOf(result, learner)))
}

/** Every seed's own values (the first seed only when the seeds played identical runs). */
export const perSeed = (result: ScenarioResult, pick: Pick): SeedPoint[] => {
  const out: SeedPoint[] = []
  for (const run of drawnRuns(result)) {
    for (const row of run.rows) {
      const value = pick(row)
      if (value !== undefined && Number.isFinite(value)) out.push({ learner: run.learner, seed: run.seed, t: row.t, value })
    }
  }
  return out
}

export interface WindowPoint extends SeedPoint {
  /** The min and max over the rounds since the previous checkpoint (the value itself when the row has no window). */
  readonly lo: number
  readonly hi: number
}

/** The checkpoint value and its window's extremes, per drawn run (as perSeed). */
export const windowed = (result: ScenarioResult, pick: Pick, lo: Pick, hi: Pick): WindowPoint[] => {
  const out: WindowPoint[] = []
  for (const run of drawnRuns(result)) {
    for (const row of run.rows) {
      const value = pick(row), l = lo(row), h = hi(row)
      if (value === undefined || !Number.isFinite(value)) continue
      if (l !== undefined && !Number.isFinite(l)) continue
      if (h !== undefined && !Number.isFinite(h)) continue
      out.push({ learner: run.learner, seed: run.seed, t: row.t, value, lo: l ?? value, hi: h ?? value })
    }
  }
  return out
}

/** Per learner and checkpoint: the mean over seeds and the min–max band (lab charts draw these). */
export interface SeriesPoint {
  readonly learner: string
  readonly t: number
  readonly mean: number
  readonly lo: number
  readonly hi: number
  readonly n: number
  readonly key?: string
}

export const aggregate = (result: ScenarioResult, pick: Pick, key?: string): SeriesPoint[] => {
  const out: SeriesPoint[] = []
  for (const learner of learnerLabels(result)) {
    for (const [t, vs] of valuesByCheckpoint(result, learner, pick)) {
      let sum = 0, lo = Infinity, hi = -Infinity
      for (const v of vs) {
        sum += v
        if (v < lo) lo = v
        if (v > hi) hi = v
      }
      const point: SeriesPoint = { learner, t, mean: sum / vs.length, lo, hi, n: vs.length }
      out.push(key === undefined ? point : { ...point, key })
    }
  }
  return out
}

/** True when the scenario has more than one seed. */
export const hasSpread = (result: ScenarioResult): boolean => result.scenario.seeds.length > 1

/** True when a row of the result carries this pick. */
export const hasValues = (result: ScenarioResult, pick: Pick): boolean => result.runs.some((r) => r.rows.some((row) => pick(row) !== undefined))
