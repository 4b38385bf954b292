// Vega-Lite specs for a search report: the score history, the found sequence (one period), the
// regret curves of the verification run at 10T, and for a failure-region map the grid of cells
// with β1 = √β2 (Reddi et al.'s Theorem 2 boundary) drawn over it. Data inline, the report font set,
// so the .vl.json opens in the Vega editor and the PNG matches the SVG.
import type { ChartSpec } from "../report/charts.ts"
import { FONT_FAMILY } from "../report/font-family.ts"
import { fmt } from "../report/format.ts"
import { chooseScale, type ScaleChoice } from "../report/scales.ts"
import { adversaryDim, type FoundAdversary } from "../search/families.ts"
import type { CellOutcome, RegionAxis, RegionValue } from "../search/region.ts"
import type { HistoryEntry } from "../search/search.ts"
import type { ContenderRuns } from "../search/verify.ts"

type Json = Record<string, unknown>

/** The scale in words for an axis title, with symlog's linear range as a short number. */
const scaleWords = (s: ScaleChoice): string =>
  s.scale.type === "symlog" && s.scale.constant !== undefined ? `symlog scale, linear within ±${fmt(s.scale.constant, 2)}` : s.words

/** A log scale from the decade below the data to the decade above, every decade a labelled tick. */
const widenToDecades = (s: ScaleChoice, values: readonly number[]): ScaleChoice => {
  if (s.scale.type !== "log") return s
  const lo = Math.floor(Math.log10(Math.min(...values))), hi = Math.ceil(Math.log10(Math.max(...values)))
  const ticks = Array.from({ length: hi - lo + 1 }, (_, k) => Number((10 ** (lo + k)).toPrecision(1)))
  return { ...s, scale: { ...s.scale, domain: [ticks[0], ticks[ticks.length - 1]], nice: false }, ticks }
}

const PALETTE = ["#e45756", "#4c78a8", "#54a24b", "#f58518", "#72b7b2", "#b279a2"]

const base = (title: string, subtitle: readonly string[]): Json => ({
  $schema: "https://vega.github.io/schema/vega-lite/v6.json",
  title: { text: title, subtitle: [...subtitle], anchor: "start", subtitleColor: "#555", subtitleFontSize: 11 },
  config: { font: FONT_FAMILY, view: { stroke: "#ddd" }, legend: { labelLimit: 0 } },
  background: "white"
})

/** Best score so far and each generation's best against candidates, certificates marked. */
export const historyChart = (history: readonly HistoryEntry[], subtitle: readonly string[]): ChartSpec => {
  const rows = history.flatMap((h) => (Number.isFinite(h.generationBest) ? [{ n: h.evaluations, best: h.best, gen: h.generationBest, period: h.period ?? null, certified: h.certified, seconds: h.time === undefined ? null : h.time / 1000 }] : []))
  const s = chooseScale(rows.flatMap((r) => [r.best, r.gen]))
  const y = { type: "quantitative", title: `score (${scaleWords(s)})`, scale: s.scale, axis: { format: s.format, ...(s.ticks ? { values: s.ticks } : {}) } }
  const x = { field: "n", type: "quantitative", title: "candidates scored", axis: { format: ",d", tickCount: 7 } }
  const tooltip = [{ field: "n", title: "candidates" }, { field: "gen", title: "generation best", format: ".4~g" }, { field: "best", title: "best so far", format: ".4~g" }, { field: "period", title: "period" }, { field: "seconds", title: "seconds", format: ".1f" }]
  const layers: Json[] = [
    { mark: { type: "point", filled: true, size: 12, opacity: 0.45 }, encoding: { x, y: { field: "gen", ...y }, color: { value: "#9aa7b8" }, tooltip } },
    { mark: { type: "line", interpolate: "step-after", strokeWidth: 2.5, color: "#e45756" }, encoding: { x, y: { field: "best", ...y } } },
    { transform: [{ filter: "datum.certified" }], mark: { type: "point", shape: "triangle-up", size: 90, filled: true, color: "#1a7f37" }, encoding: { x, y: { field: "best", ...y }, tooltip } }
  ]
  return { name: "score-history", title: "Score against candidates (red: best so far; grey: each generation's best; green: certified at 10T)", spec: { ...base("Search progress", [...subtitle, "score = R_T/T/(G·D) × min(1, ratio/0.9), ratio = (R_T/T)/(R_{T/10}/(T/10))"]), width: 620, height: 300, data: { values: rows }, layer: layers } }
}

/** One period of the found sequence (or the two values of an i.i.d. one), as multiples of G. */
export const sequenceChart = (a: FoundAdversary, G: number, subtitle: readonly string[]): ChartSpec => {
  const d = adversaryDim(a)
  const coord = (i: number) => (d === 1 ? "g" : `g[${i}]`)
  let rows: Json[]
  let title: string
  if (a.kind === "two-point-linear") {
    rows = [...a.a.map((v, i) => ({ value: "a", coordinate: coord(i), g: v / G })), ...a.b.map((v, i) => ({ value: "b", coordinate: coord(i), g: v / G }))]
    title = `i.i.d.: a with probability ${fmt(a.p, 4)}, else b`
    const spec = {
      ...base(title, subtitle), width: 360, height: 260, data: { values: rows },
      mark: { type: "bar" },
      encoding: {
        x: { field: "value", type: "nominal", title: null, axis: { labelAngle: 0 } },
        xOffset: { field: "coordinate" },
        y: { field: "g", type: "quantitative", title: "gradient / G", scale: { domain: [-1, 1] } },
        color: { field: "coordinate", type: "nominal", title: "coordinate", scale: { range: PALETTE } },
        tooltip: [{ field: "value" }, { field: "coordinate" }, { field: "g", format: ".4~g" }]
      }
    }
    return { name: "sequence", title: "The found distribution", spec }
  }
  const gs: readonly (readonly number[])[] = a.kind === "periodic" ? a.gradients
    : Array.from({ length: a.period }, (_, k) => a.direction.map((u) => (k === 0 ? a.scale * a.C : -a.scale) * u))
  rows = gs.flatMap((g, k) => g.map((v, i) => ({ t: k + 1, t0: k + 0.5, t1: k + 1.5, zero: 0, coordinate: coord(i), g: v / G })))
  title = `One period (P = ${gs.length}) of the found sequence`
  const P = gs.length
  const x = { type: "quantitative", title: "round within the period (t mod P)", scale: { domain: [0.5, P + 0.5], nice: false, zero: false }, ...(P <= 20 ? { axis: { values: gs.map((_, k) => k + 1), format: "d" } } : { axis: { format: "d" } }) }
  const y = { field: "g", type: "quantitative", title: "gradient / G", scale: { domain: [-1, 1] } }
  const tooltip = [{ field: "t" }, { field: "coordinate" }, { field: "g", format: ".4~g" }]
  const spec = d === 1
    // One rectangle per round, from t − ½ to t + ½ and from 0 to g_t/G.
    ? { ...base(title, subtitle), width: 620, height: 260, data: { values: rows }, mark: { type: "rect", ...(P <= 40 ? { stroke: "white", strokeWidth: 1 } : {}) }, encoding: { x: { field: "t0", ...x }, x2: { field: "t1" }, y, y2: { field: "zero" }, color: { condition: { test: "datum.g > 0", value: "#e45756" }, value: "#4c78a8" }, tooltip } }
    // A step line per coordinate over [t − ½, t + ½): each value also at the end of its round.
    : { ...base(title, subtitle), width: 620, height: 260, data: { values: rows.flatMap((r) => [{ ...r, at: r.t0 }, { ...r, at: r.t1 }]) }, mark: { type: "line", interpolate: "linear" }, encoding: { x: { field: "at", ...x }, y, color: { field: "coordinate", type: "nominal", title: "coordinate", scale: { range: PALETTE } }, tooltip } }
  return { name: "sequence", title: "The found sequence, one period (red: positive gradients, blue: negative)", spec }
}

/** R_t/t/(G·D) (or pseudo-regret) of each learner of the verification run, mean over seeds, with T and 10T marked. */
export const regretChart = (runs: readonly ContenderRuns[], horizon: number, measure: "regret" | "pseudo-regret", GD: number, subtitle: readonly string[]): ChartSpec => {
  const rows = runs.flatMap((c) => {
    const byT = new Map<number, number[]>()
    for (const run of c.runs) {
      // From T/100: the decades before T and the one the certificate reads, not the first rounds' transient.
      for (const r of run) {
        if (r.t < horizon / 100) continue
        const v = (measure === "regret" ? r.avgRegret : r.pseudoRegret === undefined ? NaN : r.pseudoRegret / r.t) / GD
        if (Number.isFinite(v)) byT.set(r.t, [...(byT.get(r.t) ?? []), v])
      }
    }
    return [...byT].map(([t, vs]) => ({ learner: `${c.label} (${c.role})`, t, value: vs.reduce((s, v) => s + v, 0) / vs.length }))
  })
  const s = widenToDecades(chooseScale(rows.map((r) => r.value)), rows.map((r) => r.value))
  const words = measure === "regret" ? "R_t/t/(G·D)" : "pseudo-regret/t/(G·D)"
  const labels = runs.map((c) => `${c.label} (${c.role})`)
  const x = { field: "t", type: "quantitative", title: "round t (log scale)", scale: { type: "log", nice: false }, axis: { format: "~s" } }
  const spec = {
    ...base(`${words} of the verification run, T/100 to 10T`, subtitle), width: 620, height: 300,
    layer: [
      { data: { values: rows }, mark: { type: "line", strokeWidth: 2.5 }, encoding: { x, y: { field: "value", type: "quantitative", title: `${words} (mean over seeds; ${scaleWords(s)})`, scale: s.scale, axis: { format: s.format, ...(s.ticks ? { values: s.ticks } : {}) } }, color: { field: "learner", type: "nominal", title: null, scale: { domain: labels, range: PALETTE }, legend: { orient: "bottom" } }, tooltip: [{ field: "learner" }, { field: "t" }, { field: "value", format: ".4~g" }] } },
      { data: { values: [{ t: horizon, label: "T" }, { t: 10 * horizon, label: "10T" }] }, mark: { type: "rule", strokeDash: [5, 3], color: "#555" }, encoding: { x } },
      { data: { values: [{ t: horizon, label: "T" }, { t: 10 * horizon, label: "10T" }] }, mark: { type: "text", align: "right", dx: -4, dy: 8, baseline: "top", color: "#555" }, encoding: { x, y: { value: 0 }, text: { field: "label" } } }
    ]
  }
  return { name: "regret", title: `${words} of the target, AMSGrad and AdaGrad to 10T (the certificate reads T and 10T)`, spec }
}

/** Axis in index space: every grid value an equal cell, labelled with its value. */
const indexAxis = (values: readonly RegionValue[], title: string, angle: boolean): Json => ({
  type: "quantitative", title,
  scale: { domain: [-0.5, values.length - 0.5], nice: false, zero: false },
  axis: { values: values.map((_, i) => i), labelExpr: `${JSON.stringify(values.map((v) => (typeof v === "number" ? fmt(v, 6) : String(v))))}[datum.value]`, grid: false, labelOverlap: false, ...(angle ? { labelAngle: -45 } : {}) }
})

/** Grid position of a number by piecewise-linear interpolation between the (sorted) grid values. */
const interp = (values: readonly number[], v: number): number | undefined => {
  if (values.length === 1) return v === values[0] ? 0 : undefined
  if (v < values[0] || v > values[values.length - 1]) return undefined
  for (let i = 0; i < values.length - 1; i++) if (v <= values[i + 1]) return i + (v - values[i]) / (values[i + 1] - values[i])
  return values.length - 1
}

/** β1 = √β2 in the index space of the two axes, when they are beta1 and beta2. */
const theorem2Curve = (xAxis: RegionAxis, yAxis: RegionAxis): { u: number; v: number; k: number }[] => {
  const name = (a: RegionAxis) => a.name.replace(/^learner\./, "")
  if (name(xAxis) !== "beta2" || name(yAxis) !== "beta1") return []
  const b2 = xAxis.values as number[], b1 = yAxis.values as number[]
  const pts: { u: number; v: number; k: number }[] = []
  for (let s = 0; s <= (b2.length - 1) * 40; s++) {
    const i = s / 40, lo = Math.floor(i), f = i - lo
    const beta2 = lo >= b2.length - 1 ? b2[b2.length - 1] : b2[lo] + f * (b2[lo + 1] - b2[lo])
    const p = interp(b1, Math.sqrt(beta2))
    if (p !== undefined) pts.push({ u: i, v: p, k: pts.length })
  }
  return pts
}

/** β1 and β2 as symbols; other fields by name. */
const axisTitle = (name: string): string => ({ beta1: "β1", beta2: "β2" } as Record<string, string>)[name.replace(/^learner\./, "")] ?? name

const FOUND = ["certified failing sequence found", "none within the budget"]
const FOUND_FILL = ["#d6604d", "#e8e8e8"]

const sortedAxis = (a: RegionAxis): RegionAxis =>
  a.values.every((v) => typeof v === "number") ? { ...a, values: [...(a.values as number[])].sort((p, q) => p - q) } : a

/**
 * The failure-region map: a cell is red where a certified sequence was found within the budget
 * (labelled with its period), grey where none was; a second map shades the best score. With one
 * axis, one row of cells.
 */
export const regionCharts = (axes: readonly RegionAxis[], cells: readonly CellOutcome[], subtitle: readonly string[]): ChartSpec[] => {
  const sorted = axes.map(sortedAxis)
  // β2 (or the last axis) across, β1 (or the first) up.
  const xi = sorted.length === 1 ? 0 : sorted.findIndex((a) => a.name.replace(/^learner\./, "") === "beta2") >= 0 ? sorted.findIndex((a) => a.name.replace(/^learner\./, "") === "beta2") : 1
  const xAxis = sorted[xi], yAxis = sorted.length === 1 ? undefined : sorted[1 - xi]
  const pos = (a: RegionAxis, v: RegionValue) => a.values.findIndex((w) => JSON.stringify(w) === JSON.stringify(v))
  const rows = cells.map((c) => {
    const i = pos(xAxis, c.values[xAxis.name]), j = yAxis === undefined ? 0 : pos(yAxis, c.values[yAxis.name])
    return {
      x0: i - 0.5, x1: i + 0.5, y0: j - 0.5, y1: j + 0.5, xc: i, yc: j,
      [xAxis.name]: c.values[xAxis.name], ...(yAxis ? { [yAxis.name]: c.values[yAxis.name] } : {}),
      found: c.certified ? FOUND[0] : FOUND[1],
      text: c.certified ? `P=${c.period ?? "iid"}` : "·",
      score: Number.isFinite(c.score) && c.score > 0 ? c.score : null,
      ratio: c.ratio, candidates: c.evaluations, first: c.firstCertified ?? null
    }
  })
  const cell = Math.max(26, Math.min(56, Math.floor(560 / Math.max(xAxis.values.length, yAxis?.values.length ?? 1))))
  const X = indexAxis(xAxis.values, axisTitle(xAxis.name), xAxis.values.some((v) => String(v).length > 4))
  const Y = yAxis === undefined ? { type: "quantitative", title: null, scale: { domain: [-0.5, 0.5] }, axis: null } : indexAxis(yAxis.values, axisTitle(yAxis.name), false)
  const tooltip = [
    { field: xAxis.name }, ...(yAxis ? [{ field: yAxis.name }] : []), { field: "found" }, { field: "score", format: ".4~g", title: "best score" },
    { field: "ratio", format: ".3~g", title: "decay ratio T/10 → T" }, { field: "candidates" }, { field: "first", title: "certified at candidate" }
  ]
  const curve = yAxis === undefined ? [] : theorem2Curve(xAxis, yAxis)
  const curveData = { values: curve.map((p) => ({ ...p, curve: "β1 = √β2: below it, Reddi et al.'s Theorem 2 proves a failing sequence exists" })) }
  // A white casing under the dashed curve keeps it visible on dark cells.
  const curveLayer: Json[] = curve.length < 2 ? [] : [
    { data: curveData, mark: { type: "line", strokeWidth: 5, color: "white", opacity: 0.85 }, encoding: { x: { field: "u", ...X }, y: { field: "v", ...Y }, order: { field: "k" } } },
    {
      data: curveData, mark: { type: "line", strokeWidth: 2, strokeDash: [6, 3] },
      encoding: { x: { field: "u", ...X }, y: { field: "v", ...Y }, order: { field: "k" }, color: { field: "curve", type: "nominal", title: null, scale: { range: ["black"] }, legend: { orient: "bottom", direction: "vertical", labelLimit: 0 } } }
    }
  ]
  // Cell labels above the curve, each on a patch of its cell's colour, so the curve never hides a period.
  const fontSize = Math.min(11, cell / 3.2)
  const patches = rows.map((r) => {
    const w = (0.62 * fontSize * String(r.text).length + 6) / cell / 2, h = (fontSize + 4) / cell / 2
    return { b0: r.xc - w, b1: r.xc + w, c0: r.yc - h, c1: r.yc + h, found: r.found }
  })
  const labelLayers: Json[] = [
    { data: { values: patches }, mark: { type: "rect" }, encoding: { x: { field: "b0", ...X }, x2: { field: "b1" }, y: { field: "c0", ...Y }, y2: { field: "c1" }, fill: { field: "found", type: "nominal", scale: { domain: FOUND, range: FOUND_FILL }, legend: null } } },
    { data: { values: rows }, mark: { type: "text", fontSize, color: "#222" }, encoding: { x: { field: "xc", ...X }, y: { field: "yc", ...Y }, text: { field: "text" } } }
  ]
  const size = { width: cell * xAxis.values.length, height: cell * (yAxis?.values.length ?? 1) }
  const found = {
    ...base("Where a certified counterexample was found", subtitle), ...size,
    layer: [
      { data: { values: rows }, mark: { type: "rect", stroke: "white", strokeWidth: 1 }, encoding: { x: { field: "x0", ...X }, x2: { field: "x1" }, y: { field: "y0", ...Y }, y2: { field: "y1" }, color: { field: "found", type: "nominal", title: null, scale: { domain: FOUND, range: FOUND_FILL }, legend: { orient: "bottom", direction: "vertical" } }, tooltip } },
      ...curveLayer,
      ...labelLayers
    ],
    resolve: { scale: { color: "independent" } }
  }
  const scores = rows.flatMap((r) => (r.score === null ? [] : [r.score]))
  const s = chooseScale(scores)
  const shaded = {
    ...base("Best score per cell (R_T/T/(G·D) shrunk by the decay ratio)", subtitle), ...size,
    layer: [
      { data: { values: rows }, mark: { type: "rect", stroke: "white", strokeWidth: 1 }, encoding: { x: { field: "x0", ...X }, x2: { field: "x1" }, y: { field: "y0", ...Y }, y2: { field: "y1" }, color: { field: "score", type: "quantitative", title: `best score (${s.words})`, scale: { ...s.scale, scheme: "viridis" }, legend: { titleLimit: 400 } }, tooltip } },
      ...curveLayer
    ],
    resolve: { scale: { color: "independent" } }
  }
  return [
    { name: "region", title: "Cells where the search certified a failing sequence (label: its period)", spec: found },
    { name: "region-score", title: "The best score in each cell", spec: shaded }
  ]
}
