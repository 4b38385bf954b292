// From runs to what a report shows: per learner, mean and spread of the final numbers over seeds;
// per pair of learners, the paired difference of final R_T/T on shared seeds (common random numbers
// make these far tighter than the difference of means); and each expectation checked with its text.
import type { CheckpointRow } from "../core/types.ts"
import { runMetric, runMetricsFor } from "./run-metrics.ts"
import type { BuiltinMetric, Expectation, ExpectationResult, LearnerRun, LearnerSummary, PairedDifference, ResolvedScenario, ScenarioResult, Spread } from "./types.ts"

export const spread = (values: readonly number[]): Spread => {
  const n = values.length
  if (n === 0) return { mean: NaN, sd: NaN, min: NaN, max: NaN, n: 0 }
  let sum = 0
  for (const v of values) sum += v
  const mean = sum / n
  let ss = 0
  for (const v of values) ss += (v - mean) ** 2
  return { mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0, min: Math.min(...values), max: Math.max(...values), n }
}

const finalRow = (run: LearnerRun): CheckpointRow | undefined => run.rows[run.rows.length - 1]

/** The number an expectation is about, on one final row (NaN when the row lacks it). */
export const metricValue = (row: CheckpointRow | undefined, e: Expectation): number => {
  if (row === undefined) return NaN
  const i = e.coordinate ?? 0
  switch (e.metric) {
    case "x": return row.x?.[i] ?? NaN
    case "xAvg": return row.xAvg?.[i] ?? NaN
    case "avgRegret": return row.avgRegret
    case "regret": return row.regret
    case "pseudoAvgRegret": return row.pseudoRegret === undefined ? NaN : row.pseudoRegret / row.t
    case "distToComparator": return row.distToComparator
    default: return row.metrics?.[e.metric] ?? NaN
  }
}

/** The metric's name; x and x̄ always with their coordinate, so a 2-D claim is never read as "the" x. */
export const metricName = (metric: Expectation["metric"], coordinate = 0): string => {
  switch (metric) {
    case "x": return `final x[${coordinate}]`
    case "xAvg": return `final x̄[${coordinate}] (averaged iterate)`
    case "avgRegret": return "R_T/T"
    case "regret": return "R_T"
    case "pseudoAvgRegret": return "pseudo-regret/T"
    case "distToComparator": return "‖x_T − x*_T‖₂"
    default: return metric
  }
}

const short = (v: number): string => String(Number(v.toPrecision(4)))

/** e.g. `adam: final x[0] ≥ 0.99 on every seed (Theorem 1: Adam converges to +1)`. */
export const expectationText = (e: Expectation): string => {
  const metric = metricName(e.metric, e.coordinate)
  // With `than`, the bound is the other learner's number plus the offset.
  const v = e.than === undefined ? short(e.value) : `${e.than}'s${e.value === 0 ? "" : ` ${e.value < 0 ? "−" : "+"} ${short(Math.abs(e.value))}`}`
  const claim = e.op === "near" ? `≈ ${v} ± ${short(e.tolerance ?? 0)}` : `${e.op === ">=" ? "≥" : "≤"} ${v}`
  const body = e.over === "mean" ? `mean over seeds of ${metric} ${claim}` : `${metric} ${claim} on every seed`
  return `${e.learner}: ${body}${e.why ? ` (${e.why})` : ""}`
}

/** Whether v op value holds, v being the number itself, or its difference from `than`'s. */
const holdsFor = (e: Expectation, v: number): boolean =>
  e.op === ">=" ? v >= e.value : e.op === "<=" ? v <= e.value : Math.abs(v - e.value) <= (e.tolerance ?? 0)

const meanOf = (values: readonly number[]): number => values.reduce((a, v) => a + v, 0) / values.length

/** The metric of one run: from its final row, or computed from the whole run (run-metrics.ts). */
const valueOf = (s: ResolvedScenario, run: LearnerRun, e: Expectation): number => {
  const derived = runMetric(e.metric)
  return derived !== undefined ? derived.compute(s, run) : metricValue(finalRow(run), e)
}

/** The observed number of one run: the metric, or with `than` its difference from that learner's on the same seed. */
const observe = (s: ResolvedScenario, e: Expectation, run: LearnerRun, others: readonly LearnerRun[] | undefined): number => {
  if (run.status.kind !== "ok") return NaN
  const v = valueOf(s, run, e)
  if (e.than === undefined) return v
  const other = others?.find((r) => r.seed === run.seed)
  return other === undefined || other.status.kind !== "ok" ? NaN : v - valueOf(s, other, e)
}

export const summarise = (s: ResolvedScenario, runs: readonly LearnerRun[], completion: ScenarioResult["completion"]): ScenarioResult => {
  const labels = s.learners.map((l) => l.label).filter((l) => runs.some((r) => r.learner === l))
  const byLearner = new Map(labels.map((l) => [l, runs.filter((r) => r.learner === l)]))

  const summary: LearnerSummary[] = labels.map((label) => {
    const rs = byLearner.get(label)!
    const rows = rs.map(finalRow).filter((r): r is CheckpointRow => r !== undefined)
    const withX = rows.filter((r) => r.x !== undefined)
    const pseudo = rows.filter((r) => r.pseudoRegret !== undefined)
    const named = [...new Set(rows.flatMap((r) => Object.keys(r.metrics ?? {})))]
    const derived = runMetricsFor(s, label)
    const finished = rs.filter((r) => r.status.kind === "ok")
    return {
      learner: label,
      t: rows.length === 0 ? 0 : Math.min(...rows.map((r) => r.t)),
      ...(withX.length > 0 && withX.length === rows.length
        ? { x: withX[0].x!.map((_, i) => withX.reduce((a, r) => a + r.x![i], 0) / withX.length) }
        : {}),
      regret: spread(rows.map((r) => r.regret)),
      avgRegret: spread(rows.map((r) => r.avgRegret)),
      ...(pseudo.length > 0 ? { pseudoAvgRegret: spread(pseudo.map((r) => r.pseudoRegret! / r.t)) } : {}),
      ...(named.length + derived.length > 0
        ? {
            metrics: Object.fromEntries([
              ...named.map((m) => [m, spread(rows.map((r) => r.metrics?.[m] ?? NaN))] as const),
              ...derived.map((m) => [m.name, spread(finished.map((r) => m.compute(s, r)))] as const)
            ])
          }
        : {}),
      diverged: rs.filter((r) => r.status.kind === "diverged").length
    }
  })

  const paired: PairedDifference[] = []
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      const a = byLearner.get(labels[i])!, b = byLearner.get(labels[j])!
      const diffs: number[] = []
      for (const ra of a) {
        const rb = b.find((r) => r.seed === ra.seed)
        const fa = finalRow(ra), fb = rb && finalRow(rb)
        if (fa !== undefined && fb !== undefined) diffs.push(fa.avgRegret - fb.avgRegret)
      }
      paired.push({ a: labels[i], b: labels[j], avgRegretDiff: spread(diffs) })
    }
  }

  const complete = completion.kind === "complete"
  const expectations: ExpectationResult[] = s.expectations
    .filter((e) => byLearner.has(e.learner) && (e.than === undefined || byLearner.has(e.than)))
    .map((e) => {
      const rs = byLearner.get(e.learner)!
      const others = e.than === undefined ? undefined : byLearner.get(e.than)
      const observed = rs.map((r) => observe(s, e, r, others))
      const text = expectationText(e) + (complete ? "" : " [not checked: the run was interrupted]")
      if (e.over === "mean") {
        // A diverged seed (NaN) makes the mean NaN: the claim then fails, as on every seed.
        const mean = meanOf(observed)
        return { expectation: e, text, holds: complete && observed.length > 0 && holdsFor(e, mean), observed, mean }
      }
      return { expectation: e, text, holds: complete && observed.length > 0 && observed.every((v) => holdsFor(e, v)), observed }
    })

  return { scenario: s, runs, summary, paired, expectations, completion }
}
