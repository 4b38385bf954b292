// Vega-Lite specs for a scenario result. Each spec carries its data inline, so the .vl.json opens
// as it is in the Vega editor, and it sets config.font to the font the PNG renderer loads, so the
// SVG's text metrics and the PNG's glyphs agree on every machine.
import type { ScenarioResult } from "../scenario/types.ts"
import { computeBounds } from "./bounds.ts"
import { labCharts } from "./lab/index.ts"
import { fmt, hyperText } from "./format.ts"
import { FONT_FAMILY } from "./font-family.ts"
import { chooseScale, type ScaleChoice } from "./scales.ts"
import { aggregate, dimension, hasSpread, learnerLabels, type SeriesPoint } from "./series.ts"
import { summaryRound, verdictOf } from "./summary.ts"

export interface ChartSpec {
  readonly name: string
  readonly title: string
  readonly spec: object
}

type Json = Record<string, unknown>

const PALETTE = ["#4c78a8", "#f58518", "#54a24b", "#e45756", "#72b7b2", "#b279a2", "#eeca3b", "#9d755d", "#bab0ac", "#ff9da6"]
const WIDTH = 560
const HEIGHT = 280
/** Above this many x coordinates, the iterate chart shows ‖x_t − x*_t‖₂ instead. */
const MAX_COORDS = 4

const T_AXIS = { field: "t", type: "quantitative", title: "round t (log scale)", scale: { type: "log", nice: false }, axis: { format: "~s" } }

/** Colour by learner with a fixed order; the legend shows each label with its hyperparameters under it. */
const colorEncoding = (labels: readonly string[], symbolType = "stroke"): Json => ({
  field: "learner",
  type: "nominal",
  title: "learner",
  scale: { domain: labels, range: labels.map((_, i) => PALETTE[i % PALETTE.length]) },
  legend: { labelExpr: "[datum.label, hyper[datum.label] || '']", labelLimit: 0, orient: "bottom", direction: "vertical", symbolType, symbolOpacity: 1, symbolStrokeWidth: 2.5 }
})

/** Breaks long subtitle lines at spaces so a chart's width stays its plot width. */
export const wrap = (line: string, width = 96): string[] => {
  const out: string[] = []
  let current = ""
  for (const word of line.split(" ")) {
    if (current && [...current].length + 1 + [...word].length > width) {
      out.push(current)
      current = word
    } else current = current ? `${current} ${word}` : word
  }
  if (current) out.push(current)
  return out
}

/** Shared top level: schema, font, the learner → hyperparameter lookup the legend reads. */
const topLevel = (result: ScenarioResult, title: string, subtitle: readonly string[]): Json => ({
  $schema: "https://vega.github.io/schema/vega-lite/v6.json",
  title: { text: title, subtitle: [result.scenario.title, ...subtitle].flatMap((l) => wrap(l)), anchor: "start", subtitleFontSize: 11 },
  // Learner labels are data (a signal value), never spliced into an expression string.
  params: [{ name: "hyper", value: Object.fromEntries(result.scenario.learners.map((l) => [l.label, hyperText(l.config)])) }],
  config: {
    font: FONT_FAMILY,
    background: "white",
    view: { stroke: "#ddd" },
    legend: { labelFontSize: 11, titleFontSize: 11 },
    axis: { labelFontSize: 10, titleFontSize: 11 }
  }
})

const tooltip = (yTitle: string): Json[] => [
  { field: "learner", type: "nominal" },
  { field: "t", type: "quantitative", format: "," },
  { field: "mean", type: "quantitative", title: `${yTitle} (mean over seeds)`, format: ".6~g" },
  { field: "n", type: "quantitative", title: "seeds" }
]

/** The band (min–max across seeds) and mean line for one measured series. */
const bandAndLine = (y: Json, colour: Json, spread: boolean, yTitle: string, filter?: string, prefix = ""): Json[] => {
  const tf = filter ? [{ filter }] : []
  const layers: Json[] = []
  if (spread) {
    layers.push({
      name: `${prefix}band`,
      transform: tf,
      mark: { type: "area", opacity: 0.18 },
      encoding: { x: T_AXIS, y: { field: "lo", type: "quantitative", ...y }, y2: { field: "hi" }, color: colour }
    })
  }
  layers.push({
    name: `${prefix}mean`,
    transform: tf,
    mark: { type: "line", strokeWidth: 2, point: false },
    encoding: { x: T_AXIS, y: { field: "mean", type: "quantitative", ...y }, color: colour, tooltip: tooltip(yTitle) }
  })
  return layers
}

const axisFor = (s: ScaleChoice): Json => (s.ticks ? { axis: { values: s.ticks, format: "~g" } } : {})

const values = (points: readonly SeriesPoint[]): number[] => points.flatMap((p) => [p.mean, p.lo, p.hi])

const seedWords = (result: ScenarioResult): string =>
  hasSpread(result) ? `lines: mean over ${result.scenario.seeds.length} seeds; band: min–max across seeds` : `one seed (${result.scenario.seeds[0] ?? "—"})`

const regretChart = (result: ScenarioResult, labels: readonly string[]): ChartSpec => {
  const data = aggregate(result, (r) => r.regret)
  const bounds = computeBounds(result)
  const scale = chooseScale([...values(data), ...bounds.points.map((b) => b.bound)])
  const yTitle = `regret R_t  (loss units, ${scale.words})`
  const colour = colorEncoding(labels)
  const layers = bandAndLine({ title: yTitle, scale: scale.scale, ...axisFor(scale) }, colour, hasSpread(result), "R_t")
  if (bounds.points.length > 0) {
    layers.push({
      name: "bound",
      data: { values: bounds.points },
      mark: { type: "line", strokeDash: [6, 4], strokeWidth: 1.5 },
      encoding: {
        x: T_AXIS,
        y: { field: "bound", type: "quantitative", title: yTitle, scale: scale.scale, ...axisFor(scale) },
        color: colour,
        tooltip: [{ field: "learner", type: "nominal" }, { field: "t", type: "quantitative" }, { field: "bound", type: "quantitative", title: "upper bound on R_t", format: ".4~g" }]
      }
    })
  }
  const boundWords = bounds.notes.length > 0 ? bounds.notes.map((n) => `bound: ${n}`) : ["no theoretical bound drawn: none applies to these learners' configs"]
  const title = "Cumulative regret R_t"
  return { name: "regret", title, spec: { ...topLevel(result, title, ["R_t = Σ_{s≤t} f_s(x_s) − min_{x∈F} Σ_{s≤t} f_s(x), regret against the best fixed point in hindsight", seedWords(result), ...boundWords]), width: WIDTH, height: HEIGHT, data: { values: data }, layer: layers } }
}

const avgRegretChart = (result: ScenarioResult, labels: readonly string[]): ChartSpec => {
  const data = aggregate(result, (r) => r.avgRegret)
  const scale = chooseScale(values(data))
  const yTitle = `R_t / t  (loss units per round, ${scale.words})`
  const title = "Average regret R_t / t"
  return {
    name: "avg-regret",
    title,
    spec: {
      ...topLevel(result, title, [seedWords(result), "no-regret learning means R_t/t → 0"]),
      width: WIDTH,
      height: HEIGHT,
      data: { values: data },
      layer: bandAndLine({ title: yTitle, scale: scale.scale, ...axisFor(scale) }, colorEncoding(labels), hasSpread(result), "R_t/t")
    }
  }
}

const iterateChart = (result: ScenarioResult, labels: readonly string[]): ChartSpec => {
  const dim = dimension(result)
  const hasX = result.runs.some((r) => r.rows.some((row) => row.x !== undefined))
  const colour = colorEncoding(labels)
  const spread = hasSpread(result)
  if (dim > MAX_COORDS || !hasX) {
    const data = aggregate(result, (r) => r.distToComparator)
    const scale = chooseScale(values(data))
    const yTitle = `‖x_t − x*_t‖₂  (distance to the comparator, ${scale.words})`
    const title = "Distance of the iterate to the comparator"
    const why = hasX ? `d = ${dim} > ${MAX_COORDS}: distance shown instead of coordinates` : "iterates were not recorded for this dimension"
    return {
      name: "iterate",
      title,
      spec: { ...topLevel(result, title, [seedWords(result), why]), width: WIDTH, height: HEIGHT, data: { values: data }, layer: bandAndLine({ title: yTitle, scale: scale.scale, ...axisFor(scale) }, colour, spread, "‖x_t − x*_t‖₂") }
    }
  }
  // One dataset, told apart by `series`, so the same layers work with and without a facet.
  const data: (SeriesPoint & { coordinate: number })[] = []
  for (let i = 0; i < dim; i++) {
    const at = (v: readonly number[] | undefined) => v?.[i]
    for (const p of aggregate(result, (r) => at(r.x), "x_t")) data.push({ ...p, coordinate: i })
    for (const p of aggregate(result, (r) => at(r.xAvg), "x̄_t")) data.push({ ...p, coordinate: i })
    // The comparator is the same for every learner under an oblivious adversary; drawn once, from the first learner.
    for (const p of aggregate(result, (r) => at(r.comparatorX), "x*_t")) if (p.learner === labels[0]) data.push({ ...p, coordinate: i })
  }
  const y = { title: dim === 1 ? "x_t  (point played in round t)" : "x_{t,i}", scale: { zero: false } }
  const layers: Json[] = [
    ...bandAndLine(y, colour, spread, "x_t", "datum.key === 'x_t'"),
    {
      name: "average",
      transform: [{ filter: "datum.key === 'x̄_t'" }],
      mark: { type: "line", strokeDash: [5, 3], strokeWidth: 1.5 },
      encoding: { x: T_AXIS, y: { field: "mean", type: "quantitative", ...y }, color: colour, tooltip: tooltip("x̄_t") }
    },
    {
      name: "comparator",
      transform: [{ filter: "datum.key === 'x*_t'" }],
      mark: { type: "line", strokeDash: [2, 2], color: "#222", strokeWidth: 1 },
      encoding: { x: T_AXIS, y: { field: "mean", type: "quantitative", ...y } }
    }
  ]
  const words = [seedWords(result), "solid: x_t; dashed: averaged iterate x̄_t = (1/t)Σ_{s≤t} x_s; dotted black: comparator x*_t (best fixed point so far)"]
  const title = dim === 1 ? "Iterate x_t and averaged iterate" : `Iterate x_t per coordinate (d = ${dim})`
  const base = { ...topLevel(result, title, words), data: { values: data } }
  const spec =
    dim === 1
      ? { ...base, width: WIDTH, height: HEIGHT, layer: layers }
      : { ...base, facet: { row: { field: "coordinate", type: "ordinal", title: "coordinate i" } }, spec: { width: WIDTH, height: 160, layer: layers } }
  return { name: "iterate", title, spec }
}

const stepChart = (result: ScenarioResult, labels: readonly string[]): ChartSpec => {
  const mean = aggregate(result, (r) => r.stepMean)
  const lo = aggregate(result, (r) => r.stepMin)
  const hi = aggregate(result, (r) => r.stepMax)
  const key = (p: SeriesPoint) => `${p.learner}\u0000${p.t}`
  const loBy = new Map(lo.map((p) => [key(p), p.lo]))
  const hiBy = new Map(hi.map((p) => [key(p), p.hi]))
  // Band: smallest per-coordinate step to largest, across seeds; line: mean step (coordinates, seeds).
  const data = mean.map((p) => ({ ...p, lo: loBy.get(key(p)) ?? p.lo, hi: hiBy.get(key(p)) ?? p.hi }))
  const scale = chooseScale(values(data))
  const yTitle = `effective step η_t  (${scale.words})`
  const banded = data.some((p) => p.hi > p.lo)
  const title = "Effective step size"
  return {
    name: "step-size",
    title,
    spec: {
      ...topLevel(result, title, ["η_{t,i} = α_t/(√v̂_{t,i} + ε), the per-coordinate step of the update made in round t", `line: mean over coordinates${hasSpread(result) ? " and seeds" : ""}${banded ? "; band: min–max over coordinates and seeds" : ""}`]),
      width: WIDTH,
      height: HEIGHT,
      data: { values: data },
      layer: bandAndLine({ title: yTitle, scale: scale.scale, ...axisFor(scale) }, colorEncoding(labels), banded, "η_t")
    }
  }
}

const gammaChart = (result: ScenarioResult, labels: readonly string[]): ChartSpec => {
  const gamma = aggregate(result, (r) => r.gammaMin)
  const negative = aggregate(result, (r) => (r.gammaNegativeRounds === undefined ? undefined : r.gammaNegativeRounds / r.t))
  const scale = chooseScale(values(gamma))
  const colour = colorEncoding(labels)
  const spread = hasSpread(result)
  const title = "Reddi's Γ_t diagnostic"
  const panel = (id: string, data: SeriesPoint[], yTitle: string, y: Json, rule: boolean): Json => ({
    width: WIDTH,
    height: 180,
    data: { values: data },
    layer: [
      ...bandAndLine({ title: yTitle, ...y }, colour, spread, yTitle, undefined, `${id}_`),
      ...(rule ? [{ name: `${id}_zero`, mark: { type: "rule", color: "#888", strokeDash: [3, 3] }, data: { values: [{ y: 0 }] }, encoding: { y: { field: "y", type: "quantitative" } } }] : [])
    ]
  })
  return {
    name: "gamma",
    title,
    spec: {
      ...topLevel(result, title, [
        "Γ_t = √v̂_t/α_t − √v̂_{t−1}/α_{t−1}: a negative entry means that coordinate's step grew, the mechanism of Adam's non-convergence",
        `top: min_i Γ_{t,i} (${scale.words}); bottom: share of rounds s ≤ t whose Γ_s has a negative entry`,
        seedWords(result)
      ]),
      vconcat: [
        panel("gamma", gamma, `min_i Γ_{t,i}  (${scale.scale.type})`, { scale: scale.scale, ...axisFor(scale) }, true),
        panel("negative", negative, "share of rounds with Γ_s < 0", { scale: { domain: [0, 1] } }, false)
      ]
    }
  }
}

const summaryChart = (result: ScenarioResult, labels: readonly string[]): ChartSpec => {
  const rows = result.summary.map((s) => ({
    learner: s.learner,
    mean: s.avgRegret.mean,
    lo: s.avgRegret.min,
    hi: s.avgRegret.max,
    text: `x_T = ${s.x ? s.x.map((v) => fmt(v)).join(", ") : "—"} · R_T = ${fmt(s.regret.mean)} · R_T/T = ${fmt(s.avgRegret.mean)} · ${verdictOf(result, s.learner)}`
  }))
  const title = `Final summary at ${summaryRound(result)}`
  const y = { field: "learner", type: "nominal", sort: labels, title: null, axis: { labelLimit: 0 } }
  const x = { field: "mean", type: "quantitative", title: `R_T / T  (loss units per round; rule: min–max across seeds)` }
  return {
    name: "summary",
    title,
    spec: {
      ...topLevel(result, title, ["verdict: the scenario's expectations for each learner (✓ all hold, ✗ some fail)"]),
      width: WIDTH,
      height: { step: 34 },
      data: { values: rows },
      layer: [
        { name: "bar", mark: { type: "bar", opacity: 0.85, height: 16 }, encoding: { y, x, color: colorEncoding(labels, "square") } },
        { name: "range", mark: { type: "rule" }, encoding: { y, x: { field: "lo", type: "quantitative" }, x2: { field: "hi" } } },
        { name: "label", mark: { type: "text", align: "left", dx: 4, dy: 14, fontSize: 10 }, encoding: { y, x: { datum: 0, type: "quantitative" }, text: { field: "text" } } }
      ]
    }
  }
}

/** Every chart of the report, in reading order (a full-batch scenario's own charts first). */
export const buildCharts = (result: ScenarioResult): readonly ChartSpec[] => {
  const labels = learnerLabels(result)
  // The effective step and Γ_t exist only for learners with a diagonal preconditioner.
  const diagnosed = result.runs.some((r) => r.rows.some((row) => row.stepMean !== undefined))
  return [
    ...labCharts(result),
    avgRegretChart(result, labels),
    regretChart(result, labels),
    iterateChart(result, labels),
    ...(diagnosed ? [stepChart(result, labels), gammaChart(result, labels)] : []),
    summaryChart(result, labels)
  ]
}
