// From runs to what a report shows: per learner, mean and spread of the final numbers over seeds;
// per pair of learners, the paired difference of final R_T/T on shared seeds (common random numbers
// make these far tighter than the difference of means); and each expectation checked with its text.
import type { CheckpointRow } from "../core/types.ts"
import type { Expectation, ExpectationResult, LearnerRun, LearnerSummary, PairedDifference, ResolvedScenario, ScenarioResult, Spread } from "./types.ts"
import { maxOf, minOf } from "../core/extent.ts"

export const spread = (values: readonly number[]): Spread => {
  const n = values.length
  if (n === 0) return { mean: NaN, sd: NaN, min: NaN, max: NaN, n: 0 }
  let sum = 0
  for (const v of values) sum += v
  const mean = sum / n
  let ss = 0
  for (const v of values) ss += (v - mean) ** 2
  return { mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0, min: minOf(values), max: maxOf(values), n }
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
  }
}

const metricNames: Record<Expectation["metric"], string> = {
  x: "final x",
  xAvg: "final x̄ (averaged iterate)",
  avgRegret: "R_T/T",
  regret: "R_T",
  pseudoAvgRegret: "pseudo-regret/T",
  distToComparator: "‖x_T − x*‖"
}

const short = (v: number): string => String(Number(v.toPrecision(4)))

/** e.g. `adam: final x ≥ 0.99 (Theorem 1: Adam converges to +1)`. */
export const expectationText = (e: Expectation): string => {
  const metric = metricNames[e.metric] + (e.coordinate !== undefined && e.coordinate > 0 ? `[${e.coordinate}]` : "")
  const v = short(e.value)
  const claim = e.op === "near" ? `≈ ${v} ± ${short(e.tolerance ?? 0)}` : `${e.op === ">=" ? "≥" : "≤"} ${v}`
  return `${e.learner}: ${metric} ${claim}${e.why ? ` (${e.why})` : ""}`
}

const holdsFor = (e: Expectation, v: number): boolean =>
  e.op === ">=" ? v >= e.value : e.op === "<=" ? v <= e.value : Math.abs(v - e.value) <= (e.tolerance ?? 0)

export const summarise = (s: ResolvedScenario, runs: readonly LearnerRun[], completion: ScenarioResult["completion"]): ScenarioResult => {
  const labels = s.learners.map((l) => l.label).filter((l) => runs.some((r) => r.learner === l))
  const byLearner = new Map(labels.map((l) => [l, runs.filter((r) => r.learner === l)]))

  const summary: LearnerSummary[] = labels.map((label) => {
    const rs = byLearner.get(label)!
    const rows = rs.map(finalRow).filter((r): r is CheckpointRow => r !== undefined)
    const withX = rows.filter((r) => r.x !== undefined)
    const pseudo = rows.filter((r) => r.pseudoRegret !== undefined)
    return {
      learner: label,
      t: rows.length === 0 ? 0 : minOf(rows.map((r) => r.t)),
      ...(withX.length > 0 && withX.length === rows.length
        ? { x: withX[0].x!.map((_, i) => withX.reduce((a, r) => a + r.x![i], 0) / withX.length) }
        : {}),
      regret: spread(rows.map((r) => r.regret)),
      avgRegret: spread(rows.map((r) => r.avgRegret)),
      ...(pseudo.length > 0 ? { pseudoAvgRegret: spread(pseudo.map((r) => r.pseudoRegret! / r.t)) } : {}),
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
    .filter((e) => byLearner.has(e.learner))
    .map((e) => {
      const rs = byLearner.get(e.learner)!
      const observed = rs.map((r) => (r.status.kind === "ok" ? metricValue(finalRow(r), e) : NaN))
      const text = expectationText(e) + (complete ? "" : " [not checked: the run was interrupted]")
      return { expectation: e, text, holds: complete && observed.length > 0 && observed.every((v) => holdsFor(e, v)), checked: complete, observed }
    })

  return { scenario: s, runs, summary, paired, expectations, completion }
}
