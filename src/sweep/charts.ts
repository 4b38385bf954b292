// Vega-Lite specs for a sweep. Two varying axes: heatmaps of final x (the outcome that separates
// phases), the verdict (share of seeds converged) and final R_T/T, one set per learner, with known
// boundaries drawn on top (β₁ = √β₂ when the axes are one learner's β₁ and β₂; reference curves
// from the sweep file). Numeric axes are quantitative: β₂-like values (crowding towards 1) as 1 − β₂
// on a log scale, so the boundary is a true curve, each cell reaching half way to its neighbours;
// other axes keep one equal cell per value. Cell text is dark or white by the cell's luminance;
// the verdict palette is blue/orange (colour-blind safe). One varying axis: line charts with a
// min–max band over seeds.
import { FONT_FAMILY } from "../report/font.ts"
import { fmt } from "../report/format.ts"
import * as vega from "vega"
import { chooseScale, TICK_FORMAT } from "../report/scales.ts"
import type { ChartSpec } from "../report/charts.ts"
import type { SweepPlan } from "./definition.ts"
import type { Axis, GridValue } from "./grid.ts"
import type { PointSummary, SweepSummary } from "./summary.ts"
import { verdictText } from "./summary.ts"

type Json = Record<string, unknown>

const PALETTE = ["#4c78a8", "#f58518", "#54a24b", "#e45756", "#72b7b2", "#b279a2", "#eeca3b", "#9d755d"]
const CELL_MAX = 520

const base = (title: string, subtitle: readonly string[]): Json => ({
  $schema: "https://vega.github.io/schema/vega-lite/v6.json",
  title: { text: title, subtitle: [...subtitle], anchor: "start", subtitleColor: "#555" },
  config: { font: FONT_FAMILY, view: { stroke: null } },
  background: "white"
})

/** Axes with more than one value, in plan order. */
export const varyingAxes = (plan: SweepPlan): Axis[] => plan.axes.filter((a) => a.values.length > 1)

interface Ordered {
  readonly axis: Axis
  /** Values in display order (numeric ascending when all are numbers, else as given). */
  readonly values: readonly GridValue[]
  readonly numeric: boolean
  pos(v: GridValue): number
  /** Grid position of a number by piecewise-linear interpolation; undefined outside the grid. */
  interp(v: number): number | undefined
}

const order = (axis: Axis): Ordered => {
  const numeric = axis.values.every((v) => typeof v === "number")
  const values = numeric ? [...(axis.values as number[])].sort((a, b) => a - b) : [...axis.values]
  const keys = values.map((v) => JSON.stringify(v))
  return {
    axis,
    values,
    numeric,
    pos: (v) => keys.indexOf(JSON.stringify(v)),
    interp: (v) => {
      if (!numeric) return undefined
      const xs = values as number[]
      if (xs.length === 1) return v === xs[0] ? 0 : undefined
      if (v < xs[0] || v > xs[xs.length - 1]) return undefined
      for (let i = 0; i < xs.length - 1; i++) {
        if (v <= xs[i + 1]) return i + (v - xs[i]) / (xs[i + 1] - xs[i])
      }
      return xs.length - 1
    }
  }
}

const label = (v: GridValue): string => (typeof v === "number" ? fmt(v, 6) : String(v))

const indexAxis = (o: Ordered, title: string, horizontal = true): Json => ({
  type: "quantitative",
  title,
  scale: { domain: [-0.5, o.values.length - 0.5], nice: false, zero: false },
  axis: {
    values: o.values.map((_, i) => i),
    labelExpr: `${JSON.stringify(o.values.map(label))}[datum.value]`,
    grid: false,
    labelOverlap: false,
    ...(horizontal && o.values.some((v) => label(v).length > 4) ? { labelAngle: -45 } : {})
  }
})

interface Curve {
  readonly name: string
  readonly points: readonly { readonly u: number; readonly v: number }[]
}

type Metric = "avgRegret" | "x" | "verdict"

const metricTitle: Record<Metric, string> = { avgRegret: "final R_T/T", x: "final x_T[0]", verdict: "converged" }

const cellValue = (p: PointSummary, m: Metric): number | undefined => {
  if (m === "avgRegret") return p.avgRegret.n > 0 ? p.avgRegret.mean : undefined
  if (m === "x") return p.x?.mean
  const ok = p.n - p.failed
  return p.converged === undefined || p.n === 0 ? undefined : ok === 0 ? 0 : p.converged / p.n
}

/** A field path as a symbol: learners.adam.beta1 → β₁ (adam), adversary.C+adversary.period → C = period. */
export const axisSymbol = (axis: Axis): string => {
  const symbol = (field: string): string => {
    const parts = field.split(".")
    const last = parts[parts.length - 1]
    const named: Record<string, string> = { beta1: "β₁", beta2: "β₂", alpha: "α", eps: "ε", lambda: "λ", weightDecay: "λ (weight decay)", horizon: "T" }
    const owner = parts[0] === "learners" && parts.length === 3 ? ` (${parts[1]})` : ""
    return `${named[last] ?? last}${owner}`
  }
  return axis.fields.map(symbol).join(" = ")
}

/**
 * How a numeric grid axis is drawn: 1 − v on a log scale where the values crowd towards 1 (β₂),
 * log where they span decades, linear otherwise; each grid value gets a cell reaching half way
 * (in the drawn scale) to its neighbours. Non-numeric axes keep one equal cell per value.
 */
interface Placed {
  readonly title: string
  readonly scale: "linear" | "log"
  /** A grid value's position on the drawn scale (1 − v for β₂-like axes). */
  readonly at: (v: number) => number
  /** The cell of a grid value, on the drawn scale. */
  readonly edges: (v: number) => [number, number]
  /** Drawn from high to low (1 − β₂, so that β₂ grows along the axis). */
  readonly reversed: boolean
  /** A cell's share of the axis length (for deciding whether its text fits). */
  readonly share: (cell: readonly [number, number]) => number
}

const place = (o: Ordered): Placed | undefined => {
  if (!o.numeric) return undefined
  const xs = o.values as number[]
  const oneMinus = xs.length > 1 && xs.every((v) => v > 0 && v < 1) && chooseScale(xs.map((v) => 1 - v)).scale.type === "log" && chooseScale(xs).scale.type !== "log"
  const log = !oneMinus && xs.length > 1 && xs.every((v) => v > 0) && chooseScale(xs).scale.type === "log"
  const at = (v: number) => (oneMinus ? 1 - v : v)
  // Cell edges half way between neighbours in the drawn scale (geometric means on a log scale).
  const fwd = (v: number) => (oneMinus || log ? Math.log(at(v)) : at(v))
  const back = (w: number) => (oneMinus || log ? Math.exp(w) : w)
  const ws = xs.map(fwd)
  const edges = (v: number): [number, number] => {
    const i = xs.indexOf(v)
    const w = ws[i]
    const left = i > 0 ? (ws[i - 1] + w) / 2 : xs.length > 1 ? w - (ws[1] - ws[0]) / 2 : w - 0.5
    const right = i < xs.length - 1 ? (w + ws[i + 1]) / 2 : xs.length > 1 ? w + (ws[i] - ws[i - 1]) / 2 : w + 0.5
    const [a, b] = [back(left), back(right)]
    return a < b ? [a, b] : [b, a]
  }
  const symbol = axisSymbol(o.axis)
  const all = xs.flatMap((v) => edges(v))
  const [lo, hi] = extent(all.map((v) => (oneMinus || log ? Math.log(v) : v)))
  const share = ([a, b]: readonly [number, number]) => Math.abs((oneMinus || log ? Math.log(b) - Math.log(a) : b - a) / (hi - lo))
  return { title: oneMinus ? `1 − ${symbol}  (log scale, ${symbol} growing to the right)` : log ? `${symbol}  (log scale)` : symbol, scale: oneMinus || log ? "log" : "linear", at, edges, reversed: oneMinus, share }
}

const extent = (values: readonly number[]): [number, number] => {
  let lo = Infinity, hi = -Infinity
  for (const v of values) {
    if (v < lo) lo = v
    if (v > hi) hi = v
  }
  return [lo, hi]
}

/** A quantitative axis over the cells' extent; 1 − β₂ reversed, so β₂ still grows to the right (or upwards). */
const placedAxis = (p: Placed, values: readonly number[]): Json => {
  const [lo, hi] = extent(values)
  const decades: number[] = []
  if (p.scale === "log") for (let e = Math.ceil(Math.log10(lo)); e <= Math.floor(Math.log10(hi)); e++) decades.push(Number((10 ** e).toPrecision(1)))
  return {
    type: "quantitative",
    title: p.title,
    scale: { type: p.scale, nice: false, ...(p.scale === "linear" ? { zero: false } : {}), domain: [lo, hi], ...(p.reversed ? { reverse: true } : {}) },
    axis: { grid: false, format: TICK_FORMAT, ...(decades.length >= 2 ? { values: decades } : {}) }
  }
}

/** β₁ = √β₂ sampled densely along the β₂ axis, when the axes are one learner's β₁ and β₂ (Reddi et al. Theorem 2). */
const theoremCurve = (xo: Ordered, yo: Ordered): Curve | undefined => {
  const role = (o: Ordered) => {
    const f = o.axis.fields.map((x) => /^learners\.([^.]+)\.(beta1|beta2)$/.exec(x)).find((m) => m !== null)
    return f ? { learner: f[1], which: f[2] } : undefined
  }
  const rx = role(xo), ry = role(yo)
  if (!rx || !ry || rx.learner !== ry.learner || rx.which === ry.which || !xo.numeric || !yo.numeric) return undefined
  const [b2, b1] = rx.which === "beta2" ? [xo, yo] : [yo, xo]
  const b2s = b2.values as number[], b1s = b1.values as number[]
  const [lo, hi] = [Math.min(...b2s), Math.max(...b2s)]
  const pts: { beta1: number; beta2: number }[] = []
  // Evenly in log(1 − β₂) (and in β₂ itself): the curve is smooth on either kind of axis.
  for (let k = 0; k <= 400; k++) {
    const f = k / 400
    const beta2 = k <= 200 ? 1 - Math.exp(Math.log(1 - lo) + (f * 2) * (Math.log(1 - hi) - Math.log(1 - lo))) : lo + (f * 2 - 1) * (hi - lo)
    const beta1 = Math.sqrt(beta2)
    if (beta1 >= Math.min(...b1s) && beta1 <= Math.max(...b1s)) pts.push({ beta1, beta2 })
  }
  pts.sort((a, b) => a.beta2 - b.beta2)
  if (pts.length < 2) return undefined
  return { name: "β₁ = √β₂ (Theorem 2: Adam can be made to fail for β₁ < √β₂)", points: pts.map((p) => (rx.which === "beta2" ? { u: p.beta2, v: p.beta1 } : { u: p.beta1, v: p.beta2 })) }
}

const referenceCurves = (plan: SweepPlan, xo: Ordered, yo: Ordered): Curve[] =>
  plan.references.flatMap((r) => {
    const pts = r.points.flatMap((p) => {
      const x = p[xo.axis.name], y = p[yo.axis.name]
      return x === undefined || y === undefined ? [] : [{ u: x, v: y }]
    })
    return pts.length > 0 ? [{ name: r.label, points: pts }] : []
  })

/** sRGB relative luminance of an "rgb(r, g, b)" or "#rrggbb" colour. */
const luminance = (colour: string): number => {
  const m = /rgb\((\d+),\s*(\d+),\s*(\d+)\)/.exec(colour)
  const rgb = m ? [m[1], m[2], m[3]].map(Number) : [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16))
  const lin = rgb.map((c) => { const x = c / 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4 })
  return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
}

/** Cell text dark on light cells, white on dark ones (WCAG's crossover luminance ≈ 0.18). */
const textColour = (fill: string): string => (luminance(fill) > 0.18 ? "#111" : "#fff")

/** Colour-blind-safe verdict scale: orange (no seed converged), pale, blue (every seed). */
const VERDICT_RANGE = ["#E69F00", "#f4f4f4", "#0072B2"]

const interpolate = (range: readonly string[], f: number): string => {
  const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16))
  const g = Math.min(1, Math.max(0, f)) * (range.length - 1)
  const k = Math.min(range.length - 2, Math.floor(g))
  const [a, b] = [hex(range[k]), hex(range[k + 1])]
  const t = g - k
  return `rgb(${a.map((x, i) => Math.round(x + t * (b[i] - x))).join(", ")})`
}

const heatmap = (plan: SweepPlan, points: readonly PointSummary[], learner: string, xo: Ordered, yo: Ordered, m: Metric, curves: readonly Curve[]): ChartSpec => {
  const px = place(xo), py = place(yo)
  const nx = xo.values.length, ny = yo.values.length
  const cell = Math.max(8, Math.min(48, Math.floor(CELL_MAX / Math.max(nx, ny))))
  const values = points.flatMap((p) => { const v = cellValue(p, m); return v === undefined || !Number.isFinite(v) ? [] : [v] })
  const width = px ? Math.max(480, cell * nx) : cell * nx
  const height = py ? Math.max(320, cell * ny) : cell * ny
  let color: Json
  let fillOf: (v: number) => string
  if (m === "avgRegret") {
    const s = chooseScale(values)
    const [lo, hi] = [Math.min(...values), Math.max(...values)]
    const viridis = (vega as unknown as { scheme: (n: string) => (t: number) => string }).scheme("viridis")
    const norm = (v: number) => (hi === lo ? 0.5 : s.scale.type === "log" ? Math.log(v / lo) / Math.log(hi / lo) : (v - lo) / (hi - lo))
    fillOf = (v) => viridis(norm(v))
    color = { field: "value", type: "quantitative", title: `R_T/T (${s.words})`, legend: { titleLimit: 400, format: TICK_FORMAT }, scale: { ...(s.scale.type === "log" ? { type: "log" } : {}), domain: [lo, hi], scheme: "viridis" } }
  } else if (m === "x") {
    const lim = Math.max(1e-12, ...values.map(Math.abs))
    const blueorange = (vega as unknown as { scheme: (n: string) => (t: number) => string }).scheme("blueorange")
    fillOf = (v) => blueorange((v + lim) / (2 * lim))
    color = { field: "value", type: "quantitative", title: "x_T[0] (mean over seeds; blue: −, orange: +)", legend: { titleLimit: 400, format: TICK_FORMAT }, scale: { scheme: "blueorange", domain: [-lim, lim] } }
  } else {
    fillOf = (v) => interpolate(VERDICT_RANGE, v)
    color = { field: "value", type: "quantitative", title: "share of seeds converged (blue: all, orange: none)", legend: { titleLimit: 400, format: ".0%" }, scale: { domain: [0, 1], range: VERDICT_RANGE } }
  }
  const cells = points.flatMap((p) => {
    const v = cellValue(p, m)
    if (v === undefined || !Number.isFinite(v)) return []
    const xv = p.values[xo.axis.name], yv = p.values[yo.axis.name]
    const [x0, x1] = px ? px.edges(xv as number) : [xo.pos(xv) - 0.5, xo.pos(xv) + 0.5]
    const [y0, y1] = py ? py.edges(yv as number) : [yo.pos(yv) - 0.5, yo.pos(yv) + 0.5]
    const fill = fillOf(v)
    return [{
      x0, x1, y0, y1,
      xc: px ? px.at(xv as number) : xo.pos(xv), yc: py ? py.at(yv as number) : yo.pos(yv),
      value: v,
      [xo.axis.name]: xv,
      [yo.axis.name]: yv,
      seeds: p.n,
      failed: p.failed,
      ink: textColour(fill),
      // Text only where it fits its cell.
      text: (px ? px.share([x0, x1]) * width : cell) < (m === "verdict" ? 14 : 30) ? "" : m === "verdict" ? (v === 1 ? "✓" : v === 0 ? "✗" : `${Math.round(v * 100)}%`) : fmt(v, 2)
    }]
  })
  const tooltip = [
    { field: xo.axis.name, title: axisSymbol(xo.axis) },
    { field: yo.axis.name, title: axisSymbol(yo.axis) },
    { field: "value", title: metricTitle[m], format: ".4~g" },
    { field: "seeds", title: "seeds" },
    { field: "failed", title: "failed" }
  ]
  const edgesOf = (key: "x0" | "x1" | "y0" | "y1") => cells.map((c) => c[key] as number)
  const X = px ? placedAxis(px, [...edgesOf("x0"), ...edgesOf("x1")]) : indexAxis(xo, axisSymbol(xo.axis))
  const Y = py ? placedAxis(py, [...edgesOf("y0"), ...edgesOf("y1")]) : indexAxis(yo, axisSymbol(yo.axis), false)
  const layers: Json[] = [
    { data: { values: cells }, mark: { type: "rect", stroke: "white", strokeWidth: 0.5 }, encoding: { x: { field: "x0", ...X }, x2: { field: "x1" }, y: { field: "y0", ...Y }, y2: { field: "y1" }, color, tooltip } }
  ]
  if (nx * ny <= 200) {
    layers.push({ data: { values: cells }, mark: { type: "text", fontSize: Math.min(11, Math.max(8, cell / 3.5)) }, encoding: { x: { field: "xc", ...X }, y: { field: "yc", ...Y }, text: { field: "text" }, color: { field: "ink", type: "nominal", scale: null } } })
  }
  const lines = curves.flatMap((c) => c.points.flatMap((p, k) => {
    const u = px ? px.at(p.u) : xo.interp(p.u), v = py ? py.at(p.v) : yo.interp(p.v)
    return u === undefined || v === undefined ? [] : [{ curve: c.name, u, v, k }]
  }))
  if (lines.length > 0) {
    layers.push({
      data: { values: lines },
      mark: { type: "line", strokeWidth: 2.5, strokeDash: [6, 3], point: lines.length < 40 ? { filled: true, size: 30 } : false },
      encoding: {
        x: { field: "u", ...X },
        y: { field: "v", ...Y },
        order: { field: "k" },
        stroke: { field: "curve", type: "nominal", title: "boundary", scale: { range: ["black", "#CC79A7", "#009E73"] }, legend: { orient: "bottom", labelLimit: 0, symbolType: "stroke", symbolDash: [6, 3] } }
      }
    })
  }
  const subtitle = [
    `learner ${learner}; ${plan.seeds.length} seed${plan.seeds.length === 1 ? "" : "s"} per cell${m === "verdict" && plan.verdict ? `; converged: ${verdictText(plan.verdict, false)}` : m === "verdict" ? "" : " (mean)"}`,
    ...(px || py ? ["each cell spans half way to its neighbours on the drawn scale"] : []),
    ...curves.map((c) => `dashed: ${c.name}`)
  ]
  const spec = {
    ...base(`${plan.title}: ${metricTitle[m]}`, subtitle),
    width,
    height,
    layer: layers,
    resolve: { scale: { color: "independent" } }
  }
  return { name: `heatmap-${m}${plan.learners.length > 1 ? `-${slug(learner)}` : ""}`, title: `${metricTitle[m]} over ${axisSymbol(xo.axis)} × ${axisSymbol(yo.axis)}${plan.learners.length > 1 ? ` (${learner})` : ""}`, spec }
}

const slug = (s: string): string => s.replace(/[^A-Za-z0-9._-]+/g, "_")

const lineChart = (plan: SweepPlan, points: readonly PointSummary[], o: Ordered, m: Metric): ChartSpec | undefined => {
  const rows = points.flatMap((p) => {
    const s = m === "avgRegret" ? p.avgRegret : m === "x" ? p.x : undefined
    const v = m === "verdict" ? cellValue(p, m) : s?.mean
    if (v === undefined || !Number.isFinite(v)) return []
    const raw = p.values[o.axis.name]
    return [{ learner: p.learner, pos: o.numeric ? (raw as number) : o.pos(raw), idx: o.pos(raw), mean: v, lo: m === "verdict" ? v : s!.min, hi: m === "verdict" ? v : s!.max }]
  })
  if (rows.length === 0) return undefined
  const xs = o.values.filter((v): v is number => typeof v === "number")
  const oneMinus = xs.length > 1 && xs.every((v) => v > 0 && v < 1) && chooseScale(xs.map((v) => 1 - v)).scale.type === "log" && chooseScale(xs).scale.type !== "log"
  const useIndex = !o.numeric || oneMinus
  const xEnc: Json = useIndex
    ? { field: "idx", ...indexAxis(o, axisSymbol(o.axis)) }
    : { field: "pos", type: "quantitative", title: axisSymbol(o.axis), scale: { type: chooseScale(xs).scale.type === "log" && xs.every((v) => v > 0) ? "log" : "linear", zero: false, nice: false } }
  const yScale = m === "avgRegret" ? chooseScale(rows.flatMap((r) => [r.lo, r.hi])) : undefined
  const yTitle = m === "verdict" ? "fraction of seeds converged" : `${metricTitle[m]} (mean, band min–max over seeds${yScale ? `; ${yScale.words}` : ""})`
  const y: Json = { field: "mean", type: "quantitative", title: yTitle, ...(yScale ? { scale: yScale.scale } : m === "verdict" ? { scale: { domain: [0, 1] } } : { scale: { zero: false } }) }
  const color = { field: "learner", type: "nominal", scale: { domain: [...plan.learners], range: plan.learners.map((_, i) => PALETTE[i % PALETTE.length]) }, legend: { orient: "bottom" } }
  const layers: Json[] = [
    ...(plan.seeds.length > 1 && m !== "verdict" ? [{ mark: { type: "area", opacity: 0.2 }, encoding: { x: xEnc, y: { field: "lo", type: "quantitative", ...(yScale ? { scale: yScale.scale } : {}) }, y2: { field: "hi" }, color } }] : []),
    { mark: { type: "line", point: true, strokeWidth: 2 }, encoding: { x: xEnc, y, color, tooltip: [{ field: "learner" }, { field: "mean", format: ".4~g" }, { field: "lo", format: ".4~g" }, { field: "hi", format: ".4~g" }] } }
  ]
  const rules = plan.references.flatMap((r) => r.points.filter((p) => Object.keys(p).length === 1 && p[o.axis.name] !== undefined).map((p) => ({ label: r.label, at: useIndex ? o.interp(p[o.axis.name]) : p[o.axis.name] })))
  const ruleLayer = rules.filter((r) => r.at !== undefined)
  if (ruleLayer.length > 0) layers.push({ data: { values: ruleLayer }, mark: { type: "rule", strokeDash: [6, 3], color: "black" }, encoding: { x: { field: "at", type: "quantitative" } } })
  const spec = {
    ...base(`${plan.title}: ${metricTitle[m]}`, [`${plan.seeds.length} seed${plan.seeds.length === 1 ? "" : "s"} per point${m === "verdict" && plan.verdict ? `; converged: ${verdictText(plan.verdict, false)}` : ""}`, ...ruleLayer.map((r) => `dashed: ${r.label}`)]),
    width: 860,
    height: 280,
    data: { values: rows },
    layer: layers
  }
  return { name: `line-${m}`, title: `${metricTitle[m]} against ${axisSymbol(o.axis)}`, spec }
}

/** Every chart the sweep's shape allows (none for three or more varying axes: see the table). */
export const buildSweepCharts = (plan: SweepPlan, summary: SweepSummary): ChartSpec[] => {
  const axes = varyingAxes(plan)
  const metrics: Metric[] = ["avgRegret", "x", ...(plan.verdict ? (["verdict"] as const) : [])]
  // A phase shows in where x ends (or whether it converged), not in R_T/T (near 0.2 wherever Adam fails): those first.
  const phase: Metric[] = ["x", ...(plan.verdict ? (["verdict"] as const) : []), "avgRegret"]
  if (axes.length === 1) {
    const o = order(axes[0])
    return metrics.flatMap((m) => lineChart(plan, summary.points, o, m) ?? [])
  }
  if (axes.length === 2) {
    const xo = order(axes[0]), yo = order(axes[1])
    const curves = [theoremCurve(xo, yo), ...referenceCurves(plan, xo, yo)].filter((c): c is Curve => c !== undefined)
    return plan.learners.flatMap((l) => phase.map((m) => heatmap(plan, summary.points.filter((p) => p.learner === l), l, xo, yo, m, curves)))
  }
  return []
}
