// Vega-Lite specs for a scenario result. Each spec carries its data inline, so the .vl.json opens
// as it is in the Vega editor, and it sets config.font to the font the PNG renderer loads, so the
// SVG's text metrics and the PNG's glyphs agree on every machine.
//
// What a chart draws, and why:
// - One run (one seed, or seeds that played identical runs): the value at each log-spaced
//   checkpoint, and a band from its min to its max over every round since the previous checkpoint
//   (the rows' window extremes), so a periodic signal is not aliased by where checkpoints fall.
// - Several seeds: the mean with its 95% confidence interval (Student's t), and each seed as a thin
//   line up to ten seeds. Iterates and the comparator point are drawn per seed, never averaged.
// - Learners differ in colour, dash and width; the widest is drawn first, so where curves coincide
//   the narrower dashed ones stay visible on top (the legend says so).
import type { ScenarioResult } from "../scenario/types.ts"
import { computeBounds } from "./bounds.ts"
import { labCharts } from "./lab/index.ts"
import { fmt, hyperText, wrap } from "./format.ts"
import { FONT_FAMILY } from "./font-family.ts"
import { chooseScale, TICK_FORMAT, withDomain, type ScaleChoice } from "./scales.ts"
import { dimension, distinctSeeds, hasValues, learnerLabels, MAX_SEED_LINES, meanWithInterval, perSeed, type Pick, tQuantile975, windowed } from "./series.ts"
import { summaryRound, verdictOf } from "./summary.ts"

export interface ChartSpec {
  readonly name: string
  readonly title: string
  readonly spec: object
  /** Also written as a PDF (figures meant for a paper). */
  readonly pdf?: boolean
}

type Json = Record<string, unknown>

/** Okabe & Ito's colour-blind-safe palette (yellow left out: too faint on white). */
export const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000", "#999999"]
/**
 * Dash pattern and width per learner, in scenario order: solid and widest first. Solid is the
 * empty pattern, not [1, 0]: a canvas strokes [1, 0] as one dash per pixel, which made the widest
 * line the costliest thing a chart draws.
 */
const DASHES = [[], [8, 3], [3, 2], [1, 2], [8, 2, 2, 2], [4, 4]]
const WIDTHS = [3.8, 2.7, 1.8, 1.3, 1.1, 1]
/** Plot width: with the y axis and its title the chart fills the report's 64rem column. */
export const WIDTH = 860
const HEIGHT = 300
const PANEL = 190
/** Above this many x coordinates, the iterate chart shows ‖x_t − x*_t‖₂ instead. */
const MAX_COORDS = 4

/** Round t on a log axis from 1 to the horizon, whatever the rows reached (a stopped or streaming run leaves the rest blank). */
const tAxis = (result: ScenarioResult): Json => ({
  field: "t", type: "quantitative", title: "round t (log scale)", scale: { type: "log", nice: false, domain: [1, Math.max(10, result.scenario.horizon)] }, axis: { format: "~s", labelFlush: true }
})

const LEGEND_TITLE = "learner (widest drawn first: where curves coincide, the narrower dashed line lies on top)"

/** The learners' one legend: each label with its hyperparameters under it. */
const LEGEND = { labelExpr: "[datum.label, hyper[datum.label] || '']", labelLimit: 0, titleLimit: 0, orient: "bottom", direction: "vertical", symbolType: "stroke", symbolOpacity: 1, symbolSize: 500 }

/** Colour, dash and width by learner, in a fixed order (`thin`: per-seed lines, many to a learner). */
const learnerChannels = (labels: readonly string[], dash = true, thin = false): Json => {
  const legend = LEGEND
  const widths = labels.map((_, i) => WIDTHS[i % WIDTHS.length] * (thin ? 0.45 : 1))
  return {
    color: { field: "learner", type: "nominal", title: LEGEND_TITLE, scale: { domain: labels, range: labels.map((_, i) => PALETTE[i % PALETTE.length]) }, legend },
    ...(dash ? { strokeDash: { field: "learner", type: "nominal", title: LEGEND_TITLE, scale: { domain: labels, range: labels.map((_, i) => DASHES[i % DASHES.length]) }, legend } } : {}),
    strokeWidth: { field: "learner", type: "ordinal", scale: { domain: labels, range: widths }, title: LEGEND_TITLE, legend }
  }
}

/** Learner colour only (bands, per-seed lines), with the same legend as the lines so the two merge. */
const colourOnly = (labels: readonly string[]): Json => ({
  color: { field: "learner", type: "nominal", title: LEGEND_TITLE, scale: { domain: labels, range: labels.map((_, i) => PALETTE[i % PALETTE.length]) }, legend: LEGEND }
})


/** β1 → β₁ in the learners' hyperparameter text. */
const subscriptBetas = (s: string): string => s.replace(/β1/g, "β₁").replace(/β2/g, "β₂")

/** Shared top level: schema, font, the learner → hyperparameter lookup the legend reads. */
export const topLevel = (result: ScenarioResult, title: string, subtitle: readonly string[]): Json => ({
  $schema: "https://vega.github.io/schema/vega-lite/v6.json",
  title: { text: title, subtitle: [result.scenario.title, ...subtitle].flatMap((l) => wrap(l)), anchor: "start", subtitleFontSize: 11, subtitleColor: "#444" },
  // Learner labels are data (a signal value), never spliced into an expression string.
  params: [{ name: "hyper", value: Object.fromEntries(result.scenario.learners.map((l) => [l.label, subscriptBetas(hyperText(l.config))])) }],
  config: {
    font: FONT_FAMILY,
    background: "white",
    view: { stroke: "#ccc" },
    legend: { labelFontSize: 11, titleFontSize: 11 },
    axis: { labelFontSize: 10, titleFontSize: 11 }
  }
})

const yAxis = (title: string, s: ScaleChoice, extra: Json = {}): Json => ({
  type: "quantitative",
  title,
  scale: { ...s.scale, ...extra },
  axis: { format: s.format, ...(s.ticks ? { values: s.ticks } : {}) }
})

const valueTooltip = (what: string, field = "value"): Json[] => [
  { field: "learner", type: "nominal" },
  { field: "t", type: "quantitative", format: "," },
  { field, type: "quantitative", title: what, format: ".6~g" }
]

/** Layers for one quantity: the single-run line with its window band, or the mean with its interval and each seed. */
interface Series {
  readonly layers: Json[]
  readonly values: number[]
  readonly words: string
}

const seedWordsFor = (result: ScenarioResult): string => {
  const n = result.scenario.seeds.length
  return n > 1 && distinctSeeds(result) === 1 ? `${n} seeds played identical runs (the adversary ignores the seed): one run drawn` : ""
}

/**
 * The y scale `values` call for, with round ends (see withDomain) around them and `extent` (more
 * values drawn, a confidence band, that the axis holds without choosing the scale).
 */
type ScaleOf = (values: readonly number[], extent: readonly number[]) => ScaleChoice
const defaultScale: ScaleOf = (values, extent) => withDomain(chooseScale(values), extent.length === 0 ? values : [...values, ...extent])

/**
 * The standard series of a quantity. `lo`/`hi`: the rows' window extremes, drawn as a band for
 * one run; `windowWhy`: why there is no band when the rows lack them.
 */
const series = (result: ScenarioResult, labels: readonly string[], pick: Pick, y: (s: ScaleChoice) => Json, name: string, options: { lo?: Pick; hi?: Pick; windowWhy?: string; perSeedOnly?: boolean; scaleOf?: ScaleOf } = {}): Series & { scale: ScaleChoice } => {
  const runs = distinctSeeds(result)
  const channels = learnerChannels(labels)
  const scaleOf = options.scaleOf ?? defaultScale
  if (runs === 1) {
    const banded = options.lo !== undefined && options.hi !== undefined && hasValues(result, options.lo)
    const data = banded ? windowed(result, pick, options.lo!, options.hi!) : perSeed(result, pick).map((p) => ({ learner: p.learner, seed: p.seed, t: p.t, value: p.value, lo: p.value, hi: p.value }))
    const values: number[] = []
    for (const p of data) values.push(p.value, p.lo, p.hi)
    const scale = scaleOf(values, [])
    const layers: Json[] = []
    if (banded) {
      layers.push({ name: `${name}_band`, data: { values: data }, mark: { type: "area", opacity: 0.28, clip: true }, encoding: { x: tAxis(result), y: { field: "lo", ...y(scale) }, y2: { field: "hi" }, ...colourOnly(labels), tooltip: [...valueTooltip(`${name} min over the window`, "lo"), { field: "hi", title: "max over the window", format: ".6~g" }] } })
    }
    layers.push({ name: `${name}_line`, data: { values: data }, mark: { type: "line", clip: true }, encoding: { x: tAxis(result), y: { field: "value", ...y(scale) }, ...channels, tooltip: valueTooltip(name) } })
    const words = banded
      ? "line: the value at log-spaced checkpoints; band: its min and max over every round between two checkpoints"
      : options.windowWhy ?? "the value at log-spaced checkpoints"
    return { layers, values, words: [seedWordsFor(result), words].filter((w) => w).join("; "), scale }
  }
  const seeds = perSeed(result, pick)
  const drawSeeds = result.scenario.seeds.length <= MAX_SEED_LINES
  if (options.perSeedOnly && drawSeeds) {
    const scale = scaleOf(seeds.map((p) => p.value), [])
    return {
      layers: [{ name: `${name}_seeds`, data: { values: seeds }, mark: { type: "line", clip: true, opacity: 0.85 }, encoding: { x: tAxis(result), y: { field: "value", ...y(scale) }, detail: { field: "seed", type: "nominal" }, ...learnerChannels(labels, true, true), tooltip: [...valueTooltip(name), { field: "seed", type: "nominal" }] } }],
      values: seeds.map((p) => p.value),
      words: `one line per seed (${result.scenario.seeds.length} seeds): a mean would hide seeds that end apart`,
      scale
    }
  }
  const raw = meanWithInterval(result, pick)
  // The scale's kind follows the means and the seeds; on a log scale an interval reaching below
  // zero is cut at the smallest value drawn (the tooltip keeps its true ends). The axis holds the
  // interval too.
  const values = [...raw.map((p) => p.mean), ...(drawSeeds ? seeds.map((p) => p.value) : raw.flatMap((p) => [p.lo, p.hi]))]
  const kind = scaleOf(values, []).scale.type
  let floor = Infinity
  for (const v of values) if (v > 0 && v < floor) floor = v
  const mean = kind === "log" ? raw.map((p) => ({ ...p, low: p.lo, lo: Math.max(p.lo, floor) })) : raw
  const band: number[] = []
  for (const p of mean) band.push(p.lo, p.hi)
  const scale = scaleOf(values, band)
  const layers: Json[] = [
    { name: `${name}_interval`, data: { values: mean }, mark: { type: "area", opacity: 0.22, clip: true }, encoding: { x: tAxis(result), y: { field: "lo", ...y(scale) }, y2: { field: "hi" }, ...colourOnly(labels) } }
  ]
  if (drawSeeds) {
    layers.push({ name: `${name}_seeds`, data: { values: seeds }, mark: { type: "line", strokeWidth: 0.7, opacity: 0.45, clip: true }, encoding: { x: tAxis(result), y: { field: "value", ...y(scale) }, detail: { field: "seed", type: "nominal" }, ...colourOnly(labels), tooltip: [...valueTooltip(name), { field: "seed", type: "nominal" }] } })
  }
  layers.push({ name: `${name}_mean`, data: { values: mean }, mark: { type: "line", clip: true }, encoding: { x: tAxis(result), y: { field: "mean", ...y(scale) }, ...channels, tooltip: [...valueTooltip(`${name} (mean over seeds)`, "mean"), { field: "lo", title: "95% CI low", format: ".6~g" }, { field: "hi", title: "95% CI high", format: ".6~g" }, { field: "n", title: "seeds" }] } })
  const n = result.scenario.seeds.length
  const words = `line: mean over ${n} seeds; band: its 95% confidence interval (Student's t, ${n - 1} degrees of freedom)${drawSeeds ? "; thin lines: each seed" : ""}`
  return { layers, values, words, scale }
}

const familyOf = (result: ScenarioResult): string => {
  const linear = result.runs.some((r) => r.rows.some((row) => row.avgRegretLo !== undefined))
  return linear ? "linear" : "non-linear"
}

const avgRegretChart = (result: ScenarioResult, labels: readonly string[]): ChartSpec => {
  const why = familyOf(result) === "linear" ? undefined : "the value at log-spaced checkpoints (no band between them: the comparator of these losses is a numeric solve, too costly to repeat every round)"
  const s = series(result, labels, (r) => r.avgRegret, (sc) => yAxis(`Rₜ/t  (loss units per round, ${sc.words})`, sc), "Rₜ/t", { lo: (r) => r.avgRegretLo, hi: (r) => r.avgRegretHi, ...(why ? { windowWhy: why } : {}) })
  const title = "Average regret Rₜ/t"
  const stochastic = hasValues(result, (r) => r.pseudoRegret)
  return {
    name: "avg-regret",
    title,
    spec: {
      ...topLevel(result, title, [s.words, `no-regret learning means Rₜ/t → 0${stochastic ? "; Rₜ is the realised regret, noisy with the draws: the pseudo-regret chart removes that noise" : ""}`]),
      width: WIDTH,
      height: HEIGHT,
      layer: s.layers
    }
  }
}

const regretChart = (result: ScenarioResult, labels: readonly string[]): ChartSpec => {
  const bounds = computeBounds(result)
  const boundValues = bounds.points.map((b) => b.bound)
  // One scale for the curves and the bounds drawn over them.
  const yTitleOf = (sc: ScaleChoice) => `regret Rₜ  (loss units, ${sc.words})`
  const s = series(result, labels, (r) => r.regret, (sc) => yAxis(yTitleOf(sc), sc), "Rₜ", { scaleOf: (values, extent) => defaultScale([...values, ...boundValues], extent) })
  const scale = s.scale
  const yTitle = yTitleOf(scale)
  const layers = [...s.layers]
  if (bounds.points.length > 0) {
    layers.push({
      name: "bound",
      data: { values: bounds.points },
      mark: { type: "line", strokeDash: [2, 2], strokeWidth: 1.2, opacity: 0.9 },
      encoding: {
        x: tAxis(result),
        y: { field: "bound", ...yAxis(yTitle, scale) },
        ...colourOnly(labels),
        tooltip: [{ field: "learner", type: "nominal" }, { field: "t", type: "quantitative", format: "," }, { field: "bound", type: "quantitative", title: "upper bound on Rₜ", format: ".4~g" }]
      }
    })
  }
  const boundWords = bounds.notes.length > 0 ? bounds.notes.map((n) => `upper bound (thin dotted, in the learner's colour) for ${n}`) : ["no theoretical bound drawn: none applies to these learners' configs"]
  const title = "Cumulative regret Rₜ"
  return {
    name: "regret",
    title,
    spec: {
      ...topLevel(result, title, ["Rₜ = Σ fₛ(xₛ) − min over x ∈ F of Σ fₛ(x), sums over rounds s = 1 … t: regret against the best fixed point in hindsight", `${s.words.replace("; band: its min and max over every round between two checkpoints", "")}`, ...boundWords]),
      width: WIDTH,
      height: HEIGHT,
      layer: layers
    }
  }
}

const pseudoRegretChart = (result: ScenarioResult, labels: readonly string[]): ChartSpec => {
  const pick: Pick = (r) => (r.pseudoRegret === undefined ? undefined : r.pseudoRegret / r.t)
  const s = series(result, labels, pick, (sc) => yAxis(`pseudo-regret / t  (loss units per round, ${sc.words})`, sc), "pseudo-regret/t")
  const title = "Pseudo-regret per round (against the expected loss)"
  return {
    name: "pseudo-regret",
    title,
    spec: {
      ...topLevel(result, title, [
        "(Σ E f(xₛ) − t · min over x ∈ F of E f(x)) / t, sum over rounds s = 1 … t: the regret of the points played, measured with the adversary's declared expected loss E f, so the draws' noise does not enter",
        s.words
      ]),
      width: WIDTH,
      height: HEIGHT,
      layer: s.layers
    }
  }
}

/** Above this many distinct comparator paths (one per seed at most), none is drawn: they would bury the iterates. */
const MAX_COMPARATOR_PATHS = 3

/** The comparator point's coordinate i per seed, each distinct path once (drawn in grey, dotted). */
const comparatorPaths = (result: ScenarioResult, i: number): Json[][] => {
  const seen = new Set<string>()
  const out: Json[][] = []
  for (const run of result.runs) {
    const path = run.rows.flatMap((row) => (row.comparatorX?.[i] === undefined ? [] : [{ t: row.t, value: row.comparatorX[i], seed: run.seed }]))
    const key = JSON.stringify(path.map((p) => [p.t, p.value]))
    if (path.length === 0 || seen.has(key)) continue
    seen.add(key)
    out.push(path)
  }
  return out
}

const COMPARATOR_LEGEND = "x*ₜ: the best fixed point for rounds 1 … t (dotted grey; one line per seed where the seeds differ)"

const iterateChart = (result: ScenarioResult, labels: readonly string[]): ChartSpec => {
  const dim = dimension(result)
  const hasX = hasValues(result, (r) => r.x?.[0])
  if (dim > MAX_COORDS || !hasX) {
    const s = series(result, labels, (r) => r.distToComparator, (sc) => yAxis(`‖xₜ − x*ₜ‖₂  (distance to the comparator, ${sc.words})`, sc), "‖xₜ − x*ₜ‖₂")
    const title = "Distance of the iterate to the comparator"
    const why = hasX ? `d = ${dim} > ${MAX_COORDS}: distance shown instead of coordinates` : "iterates were not recorded for this dimension"
    return { name: "iterate", title, spec: { ...topLevel(result, title, [s.words, why]), width: WIDTH, height: HEIGHT, layer: s.layers } }
  }
  const box = result.scenario.domain.kind === "box" ? (result.scenario.domain as unknown as { lower: number[]; upper: number[] }) : undefined
  const panels: Json[] = []
  let words = ""
  let comparatorWords = ""
  for (let i = 0; i < dim; i++) {
    const coord = dim === 1 ? "" : `[${i}]`
    // The domain's own bounds, padded, so a line on the edge (x*ₜ = −1) is not hidden by the frame.
    const fixed = box ? { domain: [box.lower[i], box.upper[i]], nice: false, zero: false, padding: 10 } : { zero: false, padding: 10 }
    const yFor = (title: string) => (sc: ScaleChoice) => ({ ...yAxis(title, { ...sc, scale: { type: "linear" } }, fixed), axis: { format: TICK_FORMAT } })
    const x = series(result, labels, (r) => r.x?.[i], yFor(`xₜ${coord}`), `xₜ${coord}`, { lo: (r) => r.xLo?.[i], hi: (r) => r.xHi?.[i], perSeedOnly: true })
    const avg = series(result, labels, (r) => r.xAvg?.[i], yFor(`x̄ₜ${coord}`), `x̄ₜ${coord}`, { perSeedOnly: true })
    words = x.words
    const paths = comparatorPaths(result, i)
    const comparator = paths.length <= MAX_COMPARATOR_PATHS ? paths.flat() : []
    if (paths.length > MAX_COMPARATOR_PATHS) comparatorWords = `x*ₜ (the best fixed point for rounds 1 … t) not drawn: it follows each seed's draws, ${paths.length} different paths (data.csv has them)`
    const comparatorLayer = (title: string, panel: string): Json[] => comparator.length === 0 ? [] : [{
      name: `comparator_${panel}${i}`,
      data: { values: comparator },
      mark: { type: "line", strokeDash: [2, 3], strokeWidth: 1.6, clip: true },
      encoding: {
        x: tAxis(result),
        y: { field: "value", ...yFor(title)(chooseScale([0])) },
        detail: { field: "seed", type: "nominal" },
        stroke: { datum: COMPARATOR_LEGEND, type: "nominal", scale: { range: ["#444"] }, legend: { title: null, orient: "top", symbolType: "stroke", symbolDash: [2, 3], symbolStrokeWidth: 1.6, labelLimit: 0, symbolSize: 500 } },
        tooltip: [{ field: "t", type: "quantitative", format: "," }, { field: "value", type: "quantitative", title: `x*ₜ${coord}`, format: ".6~g" }]
      }
    }]
    panels.push(
      { title: { text: `xₜ${coord}: the point played in round t`, anchor: "start", fontSize: 12 }, width: WIDTH, height: dim === 1 ? 230 : PANEL, layer: [...x.layers, ...comparatorLayer(`xₜ${coord}`, "x")] },
      { title: { text: `x̄ₜ${coord} = (x₁ + … + xₜ)/t: the averaged iterate`, anchor: "start", fontSize: 12 }, width: WIDTH, height: dim === 1 ? 170 : 130, layer: [...avg.layers, ...comparatorLayer(`x̄ₜ${coord}`, "avg")] }
    )
  }
  const title = dim === 1 ? "Iterate xₜ and averaged iterate x̄ₜ" : `Iterate xₜ and averaged iterate x̄ₜ per coordinate (d = ${dim})`
  return {
    name: "iterate",
    title,
    spec: { ...topLevel(result, title, [words, "y axis: the domain's range, padded so a line on its edge stays visible", ...(comparatorWords ? [comparatorWords] : [])]), vconcat: panels, resolve: { scale: { y: "independent" } } }
  }
}

const stepChart = (result: ScenarioResult, labels: readonly string[]): ChartSpec => {
  const s = series(result, labels, (r) => r.stepMean, (sc) => yAxis(`effective step ηₜ  (${sc.words})`, sc), "ηₜ", { lo: (r) => r.stepMin, hi: (r) => r.stepMax })
  const dim = dimension(result)
  const words = distinctSeeds(result) === 1
    ? `line: mean over the ${dim} coordinate${dim === 1 ? "" : "s"} at each checkpoint${dim > 1 ? "; band: smallest to largest coordinate" : ""}`
    : s.words
  const title = "Effective step size"
  return {
    name: "step-size",
    title,
    spec: { ...topLevel(result, title, ["ηₜ,ᵢ = αₜ/(√v̂ₜ,ᵢ + ε), the per-coordinate step of the update made in round t", words]), width: WIDTH, height: HEIGHT, layer: s.layers }
  }
}

/** Γ's scale: symlog, linear within ±1 so that zero and the change of sign have room, a labelled tick every decade or two. */
const gammaScale = (values: readonly number[]): ScaleChoice => {
  const s = chooseScale(values, { symlogConstant: 1 })
  if (s.scale.type !== "symlog" || !s.ticks || s.ticks.length <= 11) return s
  const zero = s.ticks.indexOf(0)
  return { ...s, ticks: s.ticks.filter((_, k) => (k - zero) % 2 === 0) }
}

const gammaChart = (result: ScenarioResult, labels: readonly string[]): ChartSpec => {
  const pickGamma: Pick = (r) => r.gammaMin
  const yTitleOf = (sc: ScaleChoice) => `minᵢ Γₜ,ᵢ  (${sc.words})`
  const top = series(result, labels, pickGamma, (sc) => yAxis(yTitleOf(sc), sc), "min Γₜ", { lo: (r) => r.gammaMinLo, hi: (r) => r.gammaMinHi, scaleOf: (values, extent) => withDomain(gammaScale(values), [...values, ...extent]) })
  const scale = top.scale
  const yTitle = yTitleOf(scale)
  let lo = Infinity
  for (const v of top.values) if (v < lo) lo = v
  // The shading runs from the axis' own lower end (below the lowest value) up to zero.
  const bottom = scale.scale.domain?.[0] ?? lo
  const negative: Json[] = lo < 0 ? [{
    name: "gamma_negative",
    data: { values: [{ y: bottom, y2: 0, label: "Γ < 0: that coordinate's step grew" }] },
    mark: { type: "rect", color: "#fde0dd", opacity: 0.6 },
    encoding: { y: { field: "y", ...yAxis(yTitle, scale) }, y2: { field: "y2" } }
  }] : []
  const zero = { name: "gamma_zero", data: { values: [{ y: 0 }] }, mark: { type: "rule", color: "#333", strokeWidth: 1 }, encoding: { y: { field: "y", ...yAxis(yTitle, scale) } } }
  const share = series(result, labels, (r) => (r.gammaNegativeRounds === undefined ? undefined : r.gammaNegativeRounds / r.t), () => ({ type: "quantitative", title: "share of rounds with Γₛ < 0", scale: { domain: [0, 1] }, axis: { format: ".0%" } }), "share Γ < 0")
  const title = "Reddi's Γₜ diagnostic"
  return {
    name: "gamma",
    title,
    spec: {
      ...topLevel(result, title, [
        "Γₜ = √v̂ₜ/αₜ − √v̂ₜ₋₁/αₜ₋₁ per coordinate: a negative entry means that coordinate's step grew, the mechanism of Adam's non-convergence (red region)",
        `top: minᵢ Γₜ,ᵢ; ${top.words}`,
        "bottom: share of rounds s ≤ t whose Γₛ has a negative entry"
      ]),
      vconcat: [
        { width: WIDTH, height: 240, layer: [...negative, zero, ...top.layers] },
        { width: WIDTH, height: 150, layer: share.layers }
      ],
      resolve: { scale: { y: "independent" } }
    }
  }
}

const summaryChart = (result: ScenarioResult, labels: readonly string[]): ChartSpec => {
  const seeds = result.scenario.seeds.length
  const rows = result.summary.map((s) => {
    const half = s.avgRegret.n > 1 ? (tQuantile975(s.avgRegret.n) * s.avgRegret.sd) / Math.sqrt(s.avgRegret.n) : 0
    return {
      learner: s.learner,
      mean: s.avgRegret.mean,
      lo: s.avgRegret.mean - half,
      hi: s.avgRegret.mean + half,
      text: `x_T = ${s.x ? s.x.map((v) => fmt(v)).join(", ") : "—"} · R_T = ${fmt(s.regret.mean)} · R_T/T = ${fmt(s.avgRegret.mean)} · ${verdictOf(result, s.learner)}`
    }
  })
  const title = `Final summary at ${summaryRound(result)}`
  const y = { field: "learner", type: "nominal", sort: labels, title: null, axis: { labelLimit: 0 } }
  const x = { field: "mean", type: "quantitative", title: `R_T / T  (loss units per round${seeds > 1 ? "; mean over seeds, rule: 95% confidence interval" : ""})`, axis: { format: TICK_FORMAT } }
  return {
    name: "summary",
    title,
    spec: {
      ...topLevel(result, title, ["verdict: the scenario's expectations for each learner (✓ all hold, ✗ some fail)"]),
      width: WIDTH,
      height: { step: 38 },
      data: { values: rows },
      layer: [
        { name: "bar", mark: { type: "bar", opacity: 0.85, height: 16 }, encoding: { y, x, ...colourOnly(labels) } },
        { name: "range", mark: { type: "rule" }, encoding: { y, x: { field: "lo", type: "quantitative" }, x2: { field: "hi" } } },
        { name: "label", mark: { type: "text", align: "left", dx: 4, dy: 16, fontSize: 11 }, encoding: { y, x: { datum: 0, type: "quantitative" }, text: { field: "text" } } }
      ]
    }
  }
}

/** Every chart of the report, in reading order (a full-batch scenario's own charts first). */
export const buildCharts = (result: ScenarioResult, only?: readonly string[]): readonly ChartSpec[] => {
  const labels = learnerLabels(result)
  // The effective step and Γ_t exist only for learners with a diagonal preconditioner.
  const diagnosed = result.runs.some((r) => r.rows.some((row) => row.stepMean !== undefined))
  // `only` names the charts wanted (a page that shows four rebuilds only those on every change).
  const want = (name: string) => only === undefined || only.includes(name)
  const chart = (name: string, when: boolean, build: () => ChartSpec): ChartSpec[] => (when && want(name) ? [build()] : [])
  return [
    ...labCharts(result).filter((c) => want(c.name)),
    ...chart("avg-regret", true, () => avgRegretChart(result, labels)),
    ...chart("regret", true, () => regretChart(result, labels)),
    ...chart("pseudo-regret", hasValues(result, (r) => r.pseudoRegret), () => pseudoRegretChart(result, labels)),
    ...chart("iterate", true, () => iterateChart(result, labels)),
    ...chart("step-size", diagnosed, () => stepChart(result, labels)),
    ...chart("gamma", diagnosed, () => gammaChart(result, labels)),
    ...chart("summary", true, () => summaryChart(result, labels))
  ]
}
