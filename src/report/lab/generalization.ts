// Charts of the full-batch least-squares scenarios (Wilson et al.; the convex counterpart): training
// loss and test error over the rounds, the distance to each reference solution (the minimum-norm
// interpolant, the adaptive methods' sign solution, the unique or the L2-penalised minimiser), and
// the final weights of each learner beside the reference solutions.
import { FullBatchAdversary } from "../../core/adversary/full-batch.ts"
import { createAdversary } from "../../core/adversary/index.ts"
import { createDomain } from "../../core/domain/index.ts"
import { LeastSquaresObjective } from "../../core/fullbatch/least-squares.ts"
import { createRandomSource } from "../../core/rng.ts"
import type { CheckpointRow } from "../../core/types.ts"
import type { ScenarioResult } from "../../scenario/types.ts"
import type { ChartSpec } from "../charts.ts"
import { aggregate, hasSpread, learnerLabels } from "../series.ts"
import { labTop, PANEL_HEIGHT, WIDE, type Json } from "./parts.ts"

const LEAST_SQUARES = new Set(["wilson-least-squares", "gaussian-least-squares"])
const PALETTE = ["#4c78a8", "#f58518", "#54a24b", "#e45756", "#72b7b2", "#b279a2", "#eeca3b", "#9d755d"]
const T_AXIS = { field: "t", type: "quantitative", title: "round t (log scale)", scale: { type: "log", nice: false }, axis: { format: "~s" } }
/** Values below these are drawn at them on log axes (exact zeros and round-off): losses, distances. */
const LOSS_FLOOR = 1e-32
const DISTANCE_FLOOR = 1e-17

/** The scenario's adversary for one seed, reset, when it is full-batch least squares. */
const objectiveFor = (result: ScenarioResult, seed: number): { adversary: FullBatchAdversary; objective: LeastSquaresObjective } | undefined => {
  const s = result.scenario
  const kind = (s.adversary.objective as { kind?: string } | undefined)?.kind
  if (s.adversary.kind !== "full-batch" || kind === undefined || !LEAST_SQUARES.has(kind)) return undefined
  const dim = createDomain(s.domain).dim
  const adversary = s.createAdversary !== undefined ? s.createAdversary(s.adversary, dim) : createAdversary(s.adversary, dim)
  if (!(adversary instanceof FullBatchAdversary)) return undefined
  adversary.reset(createRandomSource(seed))
  return adversary.objective instanceof LeastSquaresObjective ? { adversary, objective: adversary.objective } : undefined
}

const colourOf = (labels: readonly string[]): Json => ({
  field: "learner", type: "nominal", title: "learner",
  scale: { domain: labels, range: labels.map((_, i) => PALETTE[i % PALETTE.length]) },
  legend: { orient: "bottom", direction: "vertical", labelExpr: "[datum.label, hyper[datum.label] || '']", labelLimit: 0, symbolType: "stroke", symbolOpacity: 1, symbolStrokeWidth: 2.5 }
})

/** Mean line (and min–max band over seeds) of one metric over t. */
const metricPanel = (result: ScenarioResult, metric: string, yTitle: string, floor: number | undefined, labels: readonly string[]): Json => {
  const log = floor !== undefined
  const pick = (row: CheckpointRow) => {
    const v = row.metrics?.[metric]
    return v === undefined ? undefined : log ? Math.max(v, floor) : v
  }
  const data = aggregate(result, pick)
  const y = { field: "mean", type: "quantitative", title: yTitle, ...(log ? { scale: { type: "log" }, axis: { format: "~e" } } : {}) }
  const colour = colourOf(labels)
  return {
    width: WIDE,
    height: PANEL_HEIGHT - 40,
    data: { values: data },
    layer: [
      ...(hasSpread(result) ? [{ mark: { type: "area", opacity: 0.15 }, encoding: { x: T_AXIS, y: { field: "lo", type: "quantitative", ...(log ? { scale: { type: "log" } } : {}) }, y2: { field: "hi" }, color: colour } }] : []),
      { mark: { type: "line", strokeWidth: 2 }, encoding: { x: T_AXIS, y, color: colour, tooltip: [{ field: "learner" }, { field: "t" }, { field: "mean", format: ".4~g", title: metric }] } }
    ]
  }
}

const seedWords = (result: ScenarioResult): string =>
  hasSpread(result) ? `lines: mean over ${result.scenario.seeds.length} seeds (each seed draws its own data); band: min–max` : `seed ${result.scenario.seeds[0]}`

const trainTestChart = (result: ScenarioResult): ChartSpec => {
  const labels = learnerLabels(result)
  const title = "Training loss and test error"
  return {
    name: "train-test",
    title,
    spec: {
      ...labTop(result, title, [
        "top: training mean squared error (1/n)‖Xw_t − y‖² (log scale; values below 1e-32, exact zeros among them, drawn at 1e-32); bottom: share of held-out points with y·⟨x, w_t⟩ ≤ 0",
        seedWords(result)
      ]),
      vconcat: [
        metricPanel(result, "trainLoss", "training MSE (log scale)", LOSS_FLOOR, labels),
        metricPanel(result, "testError", "test error", undefined, labels)
      ],
      resolve: { scale: { color: "shared" }, legend: { color: "shared" } }
    }
  }
}

const DISTANCES: readonly { readonly metric: string; readonly what: string }[] = [
  { metric: "distToMinimisers", what: "the set of minimisers of the objective" },
  { metric: "distToMinNorm", what: "the minimum-norm interpolant Xᵀ(XXᵀ)⁻¹y" },
  { metric: "distToSignSolution", what: "the interpolant c·sign(Xᵀy) (c = ¼ here)" },
  { metric: "distToReference", what: "the minimiser of the L2-penalised objective" }
]

const distanceChart = (result: ScenarioResult, adversary: FullBatchAdversary): ChartSpec | undefined => {
  const declared = new Set(adversary.metrics.map((m) => m.name))
  const shown = DISTANCES.filter((d) => declared.has(d.metric))
  if (shown.length === 0) return undefined
  const labels = learnerLabels(result)
  const title = "Which solution each learner reaches"
  return {
    name: "solutions",
    title,
    spec: {
      ...labTop(result, title, [
        `Euclidean distance of w_t to ${shown.map((d) => `${d.what} (${d.metric})`).join("; to ")}`,
        "log scale; values below 1e-17 (round-off, exact zeros) drawn at 1e-17",
        seedWords(result)
      ]),
      vconcat: shown.map((d) => metricPanel(result, d.metric, `${d.metric} (log scale)`, DISTANCE_FLOOR, labels)),
      resolve: { scale: { color: "shared" }, legend: { color: "shared" } }
    }
  }
}

const weightsChart = (result: ScenarioResult, objective: LeastSquaresObjective, seed: number): ChartSpec | undefined => {
  const labels = learnerLabels(result)
  const finals = result.runs.filter((r) => r.seed === seed).map((r) => ({ learner: r.learner, x: r.rows.at(-1)?.x }))
  if (finals.some((f) => f.x === undefined)) return undefined
  const points: Json[] = finals.flatMap((f) => f.x!.map((w, i) => ({ learner: f.learner, i, w })))
  const best = new Float64Array(objective.dim)
  objective.minimiser(best)
  const refs: Json[] = [
    ...Array.from(best, (w, i) => ({ i, w, reference: objective.penalty > 0 ? "minimiser of E (with its L2 penalty)" : objective.interpolating ? "minimum-norm interpolant" : "least-squares minimiser of E" })),
    ...objective.references.flatMap((p) => Array.from(p.point, (w, i) => ({ i, w, reference: DISTANCES.find((d) => d.metric === p.name)?.what ?? p.name })))
  ]
  const refNames = [...new Set(refs.map((r) => r.reference as string))]
  // Decoupled weight decay λ keeps AdamW's fixed points in the box ‖w‖∞ ≤ 1/λ as ε → 0.
  const boxes = result.scenario.learners.filter((l) => l.config.weightDecayMode === "decoupled" && Number(l.config.weightDecay) > 0 && l.config.secondMoment !== "none")
  const bounds: Json[] = boxes.flatMap((l) => [1, -1].map((s) => ({ w: s / Number(l.config.weightDecay), words: `±1/λ for ${l.label}: its fixed points' box as ε → 0` })))
  const x = { field: "i", type: "ordinal", title: "coordinate i", axis: { labelAngle: 0 } }
  const y = { field: "w", type: "quantitative", title: `final weight w_T,i (seed ${seed})` }
  const title = "Final weights beside the reference solutions"
  return {
    name: "final-weights",
    title,
    spec: {
      ...labTop(result, title, [
        `dots: each learner's w_T; black and grey ticks: ${refNames.join("; ")}`,
        ...(bounds.length > 0 ? ["dashed red: ±1/λ; AdamW's fixed points solve ∂_jL/√((∂_jL)² + ε) = −λw_j, which as ε → 0 is the minimiser of the data loss over ‖w‖∞ ≤ 1/λ"] : []),
        `seed ${seed}`
      ]),
      width: WIDE,
      height: PANEL_HEIGHT + 40,
      layer: [
        { data: { values: refs }, mark: { type: "tick", thickness: 2.5, size: 26 }, encoding: { x, y, color: { field: "reference", type: "nominal", title: "reference", scale: { domain: refNames, range: ["#111", "#999", "#555"] }, legend: { orient: "bottom", direction: "vertical", labelLimit: 0 } } } },
        { data: { values: points }, mark: { type: "point", filled: true, size: 60, opacity: 0.85 }, encoding: { x, y, xOffset: { field: "learner", type: "nominal", scale: { domain: labels } }, fill: { field: "learner", type: "nominal", title: "learner", scale: { domain: labels, range: labels.map((_, i) => PALETTE[i % PALETTE.length]) }, legend: { orient: "bottom", direction: "vertical" } }, tooltip: [{ field: "learner" }, { field: "i" }, { field: "w", format: ".6f" }] } },
        ...(bounds.length > 0 ? [{ data: { values: bounds }, mark: { type: "rule", strokeDash: [6, 4], color: "#c00" }, encoding: { y: { field: "w", type: "quantitative" }, tooltip: [{ field: "words" }] } }] : [])
      ],
      resolve: { scale: { color: "independent" } }
    }
  }
}

/** The charts of a least-squares full-batch scenario (none for other scenarios). */
export const generalizationCharts = (result: ScenarioResult): ChartSpec[] => {
  const seed = result.scenario.seeds[0]
  const found = objectiveFor(result, seed)
  if (found === undefined) return []
  return [trainTestChart(result), distanceChart(result, found.adversary), weightsChart(result, found.objective, seed)].filter((c): c is ChartSpec => c !== undefined)
}
