// Vega-Lite specs for a sweep. Two varying axes: heatmaps of final R_T/T, final x and the verdict
// (fraction of seeds converged), one set per learner, with known boundaries drawn on top (β1 = √β2
// when the axes are one learner's β1 and β2; reference curves from the sweep file). One varying
// axis: line charts with a min–max band over seeds. Grid axes are drawn in "index space": every
// grid value gets an equal cell, labelled with its value, and a boundary is mapped onto it by
// piecewise-linear interpolation between grid values, so 0.9, 0.99, 0.999 stay readable.
import { FONT_FAMILY } from "../report/font.ts"
import { fmt } from "../report/format.ts"
import { chooseScale } from "../report/scales.ts"
import { fileNameParts } from "../report/file-names.ts"
import { parseKeyPath } from "../scenario/key-path.ts"
import type { ChartSpec } from "../report/charts.ts"
import type { SweepPlan } from "./definition.ts"
import type { Axis, GridValue } from "./grid.ts"
import type { PointSummary, SweepSummary } from "./summary.ts"
import { verdictText } from "./summary.ts"
import { maxOf } from "../core/extent.ts"

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

/** β1 = √β2 when the two axes are one learner's beta1 and beta2 (Reddi et al. Theorem 2). */
const theoremCurve = (xo: Ordered, yo: Ordered): Curve | undefined => {
  const role = (o: Ordered) => {
    const f = o.axis.fields.map(parseKeyPath).find((p) => p?.length === 3 && p[0] === "learners" && (p[2] === "beta1" || p[2] === "beta2"))
    return f ? { learner: f[1], which: f[2] } : undefined
  }
  const rx = role(xo), ry = role(yo)
  if (!rx || !ry || rx.learner !== ry.learner || rx.which === ry.which || !xo.numeric || !yo.numeric) return undefined
  const [b2, b1] = rx.which === "beta2" ? [xo, yo] : [yo, xo]
  const pts: { u: number; v: number }[] = []
  const xs = b2.values as number[]
  // Sample densely along the β2 axis (in index space) and map β1 = √β2 onto the β1 axis.
  for (let s = 0; s <= (xs.length - 1) * 40; s++) {
    const i = s / 40
    const lo = Math.floor(i), f = i - lo
    const beta2 = lo >= xs.length - 1 ? xs[xs.length - 1] : xs[lo] + f * (xs[lo + 1] - xs[lo])
    const p1 = b1.interp(Math.sqrt(beta2))
    if (p1 === undefined) continue
    pts.push(rx.which === "beta2" ? { u: i, v: p1 } : { u: p1, v: i })
  }
  return pts.length >= 2 ? { name: "β1 = √β2 (Theorem 2: Adam can be made to fail below β1 < √β2)", points: pts } : undefined
}

const referenceCurves = (plan: SweepPlan, xo: Ordered, yo: Ordered): Curve[] =>
  plan.references.flatMap((r) => {
    const pts = r.points.flatMap((p) => {
      const x = p[xo.axis.name], y = p[yo.axis.name]
      if (x === undefined || y === undefined) return []
      const u = xo.interp(x), v = yo.interp(y)
      return u === undefined || v === undefined ? [] : [{ u, v }]
    })
    return pts.length > 0 ? [{ name: r.label, points: pts }] : []
  })

type Metric = "avgRegret" | "x" | "verdict"

const metricTitle: Record<Metric, string> = { avgRegret: "final R_T/T", x: "final x_T", verdict: "converged" }

const cellValue = (p: PointSummary, m: Metric): number | undefined => {
  if (m === "avgRegret") return p.avgRegret.n > 0 ? p.avgRegret.mean : undefined
  if (m === "x") return p.x?.mean
  const ok = p.n - p.failed
  return p.converged === undefined || p.n === 0 ? undefined : ok === 0 ? 0 : p.converged / p.n
}

const heatmap = (plan: SweepPlan, points: readonly PointSummary[], learner: string, xo: Ordered, yo: Ordered, m: Metric, curves: readonly Curve[]): ChartSpec => {
  const nx = xo.values.length, ny = yo.values.length
  const cell = Math.max(8, Math.min(40, Math.floor(CELL_MAX / Math.max(nx, ny))))
  const cells = points.flatMap((p) => {
    const v = cellValue(p, m)
    if (v === undefined || !Number.isFinite(v)) return []
    const i = xo.pos(p.values[xo.axis.name]), j = yo.pos(p.values[yo.axis.name])
    return [{
      x0: i - 0.5, x1: i + 0.5, y0: j - 0.5, y1: j + 0.5, xc: i, yc: j,
      value: v,
      [xo.axis.name]: p.values[xo.axis.name],
      [yo.axis.name]: p.values[yo.axis.name],
      seeds: p.n,
      failed: p.failed,
      text: m === "verdict" ? (v === 1 ? "✓" : v === 0 ? "✗" : "~") : fmt(v, 2)
    }]
  })
  const values = cells.map((c) => c.value as number)
  let color: Json
  if (m === "avgRegret") {
    const s = chooseScale(values)
    color = { field: "value", type: "quantitative", title: `R_T/T (${s.words})`, legend: { titleLimit: 400 }, scale: { ...s.scale, scheme: "viridis" } }
  } else if (m === "x") {
    const lim = maxOf(values.map(Math.abs), 1e-12)
    color = { field: "value", type: "quantitative", title: "x_T (mean over seeds)", legend: { titleLimit: 400 }, scale: { scheme: "redblue", reverse: true, domain: [-lim, lim] } }
  } else {
    color = { field: "value", type: "quantitative", title: "converged (fraction of seeds)", legend: { titleLimit: 400 }, scale: { domain: [0, 1], range: ["#c62828", "#f2f2f2", "#1a7f37"] } }
  }
  const tooltip = [
    { field: xo.axis.name, title: xo.axis.name },
    { field: yo.axis.name, title: yo.axis.name },
    { field: "value", title: metricTitle[m], format: ".4~g" },
    { field: "seeds", title: "seeds" },
    { field: "failed", title: "failed" }
  ]
  // Every layer carries the same axis definitions: vega-lite merges the axes of layers.
  const X = indexAxis(xo, xo.axis.name)
  const Y = indexAxis(yo, yo.axis.name, false)
  const layers: Json[] = [
    { data: { values: cells }, mark: { type: "rect", stroke: "white", strokeWidth: 0.5 }, encoding: { x: { field: "x0", ...X }, x2: { field: "x1" }, y: { field: "y0", ...Y }, y2: { field: "y1" }, color, tooltip } }
  ]
  if (nx * ny <= 144 && (m === "verdict" || cell >= 36)) {
    layers.push({ data: { values: cells }, mark: { type: "text", fontSize: Math.min(11, cell / 3), color: m === "verdict" ? "#222" : "white" }, encoding: { x: { field: "xc", ...X }, y: { field: "yc", ...Y }, text: { field: "text" } } })
  }
  const lines = curves.flatMap((c) => c.points.map((p, k) => ({ curve: c.name, u: p.u, v: p.v, k })))
  if (lines.length > 0) {
    layers.push({
      data: { values: lines },
      mark: { type: "line", strokeWidth: 2.5, strokeDash: [6, 3], point: lines.length < 40 ? { filled: true, size: 30 } : false },
      encoding: {
        x: { field: "u", ...X },
        y: { field: "v", ...Y },
        order: { field: "k" },
        color: { field: "curve", type: "nominal", title: "boundary", scale: { range: ["black", "#ff00aa", "#00a0c0"] }, legend: { orient: "bottom", labelLimit: 0 } }
      }
    })
  }
  const subtitle = [
    `learner ${learner}; ${plan.seeds.length} seed${plan.seeds.length === 1 ? "" : "s"} per cell${m === "verdict" && plan.verdict ? `; converged: ${verdictText(plan.verdict, false)}` : m === "verdict" ? "" : " (mean)"}`,
    ...curves.map((c) => `dashed: ${c.name}`)
  ]
  const spec = {
    ...base(`${plan.title}: ${metricTitle[m]}`, subtitle),
    width: cell * nx,
    height: cell * ny,
    layer: layers,
    resolve: { scale: { color: "independent" } }
  }
  return { name: `heatmap-${m}${plan.learners.length > 1 ? `-${fileNameParts(plan.learners).get(learner)}` : ""}`, title: `${metricTitle[m]} over ${xo.axis.name} × ${yo.axis.name}${plan.learners.length > 1 ? ` (${learner})` : ""}`, spec }
}

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
    ? { field: "idx", ...indexAxis(o, o.axis.name) }
    : { field: "pos", type: "quantitative", title: o.axis.name, scale: chooseScale(xs).scale.type === "log" && xs.every((v) => v > 0) ? { type: "log", nice: false } : { type: "linear", zero: false, nice: false } }
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
    width: 560,
    height: 280,
    data: { values: rows },
    layer: layers
  }
  return { name: `line-${m}`, title: `${metricTitle[m]} against ${o.axis.name}`, spec }
}

/** Every chart the sweep's shape allows (none for three or more varying axes: see the table). */
export const buildSweepCharts = (plan: SweepPlan, summary: SweepSummary): ChartSpec[] => {
  const axes = varyingAxes(plan)
  const metrics: Metric[] = ["avgRegret", "x", ...(plan.verdict ? (["verdict"] as const) : [])]
  if (axes.length === 1) {
    const o = order(axes[0])
    return metrics.flatMap((m) => lineChart(plan, summary.points, o, m) ?? [])
  }
  if (axes.length === 2) {
    const xo = order(axes[0]), yo = order(axes[1])
    const curves = [theoremCurve(xo, yo), ...referenceCurves(plan, xo, yo)].filter((c): c is Curve => c !== undefined)
    return plan.learners.flatMap((l) => metrics.map((m) => heatmap(plan, summary.points.filter((p) => p.learner === l), l, xo, yo, m, curves)))
  }
  return []
}
