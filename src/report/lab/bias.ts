// Charts of Adam's implicit bias on the bilinear model (Cattaneo, Klusowski & Shigida, Section 4):
// the runs in the (w1, w2) plane over the loss contours, the hyperbola of minimisers and the
// perturbed one-norm ‖∇E‖_{1,ε}; where on the hyperbola each run ends (oneNormSlope) against β, ρ
// and h; and the final ‖∇E‖_{1,ε}, which is 2√ε at every exact minimiser and so cannot rank them.
import { solveAdamFlow } from "../../core/flow/adam-flow.ts"
import { IntegrationError } from "../../core/flow/integrate.ts"
import { bilinearObjective } from "../../core/fullbatch/bilinear.ts"
import type { ScenarioResult } from "../../scenario/types.ts"
import type { ChartSpec } from "../charts.ts"
import { fmt } from "../format.ts"
import { colourOf, grid2, HYPER_TITLE, hypersOf, labTop, layoutOf, PANEL_HEIGHT, PANEL_WIDTH, ramp, type HyperName, type Json } from "./parts.ts"

interface BilinearSetting {
  readonly x: number
  readonly y: number
  readonly epsilon: number
}

export const bilinearOf = (result: ScenarioResult): BilinearSetting | undefined => {
  const a = result.scenario.adversary
  const o = a.objective as { kind?: string; x?: number; y?: number } | undefined
  if (a.kind !== "full-batch" || o?.kind !== "bilinear") return undefined
  return { x: o.x ?? 2, y: o.y ?? 1.5, epsilon: Number(a.normEpsilon ?? 1e-8) }
}

/** Where the plain flow (the h → 0 limit) first comes within 1e-3 of the hyperbola: its oneNormSlope. */
export const plainFlowLanding = (b: BilinearSetting, start: readonly number[], epsilon: number): number | undefined => {
  const E = bilinearObjective({ x: b.x, y: b.y })
  let y = Float64Array.from(start)
  const star = new Float64Array(2)
  try {
    for (let t = 0; t < 20; t += 0.1) {
      const times = Array.from({ length: 51 }, (_, i) => (i * 0.1) / 50)
      const flow = solveAdamFlow(E, { h: 1, beta: 0, rho: 0, epsilon }, y, times, { kind: "plain", rtol: 1e-10, atol: 1e-12, maxSteps: 200_000 })
      for (let i = 0; i < times.length; i++) {
        const p = flow.states.subarray(2 * i, 2 * i + 2)
        if (E.distanceToMinimisers(p) < 1e-3) {
          E.nearestMinimiser(p, star)
          return Math.abs(b.x) * (Math.abs(star[0]) + Math.abs(star[1]))
        }
      }
      y = Float64Array.from(flow.states.subarray(2 * (times.length - 1)))
    }
  } catch (e) {
    if (!(e instanceof IntegrationError)) throw e
  }
  return undefined
}

/** Points of the curve w1·w2 = p inside the window, split where it leaves it (one `part` per piece). */
const productCurve = (p: number, win: readonly [number, number, number, number], tag: string): Json[] => {
  const [x0, x1, y0, y1] = win
  const out: Json[] = []
  let part = 0, inside = false
  for (let i = 0; i <= 240; i++) {
    const w1 = x0 + ((x1 - x0) * i) / 240
    const w2 = w1 === 0 ? NaN : p / w1
    if (Number.isFinite(w2) && w2 >= y0 && w2 <= y1) {
      if (!inside) part++
      inside = true
      out.push({ w1, w2, curve: `${tag} ${part}` })
    } else inside = false
  }
  return out
}

const phasePlane = (result: ScenarioResult, b: BilinearSetting): ChartSpec | undefined => {
  const layout = layoutOf(result)
  const colour = colourOf(result, layout)
  const hypers = new Map(hypersOf(result).map((h) => [h.learner, h]))
  const seed = result.scenario.seeds[0]
  const paths: Json[] = []
  for (const run of result.runs) {
    if (run.seed !== seed) continue
    const h = hypers.get(run.learner)!
    for (const row of run.rows) {
      if (row.x === undefined) continue
      paths.push({ learner: run.learner, t: row.t, w1: row.x[0], w2: row.x[1], h: h.h, beta: h.beta, rho: h.rho, panel: layout.panelOf.get(run.learner) ?? "" })
    }
  }
  if (paths.length === 0) return undefined
  const w1s = paths.map((p) => p.w1 as number), w2s = paths.map((p) => p.w2 as number)
  const pad = (lo: number, hi: number): [number, number] => {
    const m = Math.max(0.1, 0.12 * (hi - lo))
    return [lo - m, hi + m]
  }
  const [x0, x1] = pad(Math.min(...w1s), Math.max(...w1s))
  const [y0, y1] = pad(Math.min(...w2s), Math.max(...w2s))
  const win = [x0, x1, y0, y1] as const
  const c = b.y / b.x
  const levels = [0.01, 0.05, 0.2, 0.5, 1, 2, 4]
  const contours = levels.flatMap((L) => [1, -1].flatMap((s) => productCurve(c + (s * Math.sqrt(2 * L)) / b.x, win, `E = ${L}${s > 0 ? "+" : "−"}`)))
  const hyperbola = productCurve(c, win, "minimisers")
  // ‖∇E‖_{1,ε} on a grid: ∇E = r·x·(w2, w1) with r = x·w1·w2 − y.
  const heat: Json[] = []
  const nx = 40, ny = 30
  for (let i = 0; i < nx; i++) for (let j = 0; j < ny; j++) {
    const a = x0 + ((i + 0.5) * (x1 - x0)) / nx, bb = y0 + ((j + 0.5) * (y1 - y0)) / ny
    const r = b.x * a * bb - b.y
    const norm = Math.sqrt((r * b.x * bb) ** 2 + b.epsilon) + Math.sqrt((r * b.x * a) ** 2 + b.epsilon)
    heat.push({ a0: x0 + (i * (x1 - x0)) / nx, a1: x0 + ((i + 1) * (x1 - x0)) / nx, b0: y0 + (j * (y1 - y0)) / ny, b1: y0 + ((j + 1) * (y1 - y0)) / ny, logNorm: Number(Math.log10(norm).toFixed(3)) })
  }
  const logs = heat.map((c) => c.logNorm as number)
  const heatDomain = [Math.max(Math.min(...logs), Math.max(...logs) - 4), Math.max(...logs)]
  const X = { field: "w1", type: "quantitative", title: "w1", scale: { domain: [x0, x1], nice: false, zero: false } }
  const Y = { field: "w2", type: "quantitative", title: "w2", scale: { domain: [y0, y1], nice: false, zero: false } }
  const panel = (key: string): Json => ({
    width: PANEL_WIDTH,
    height: PANEL_HEIGHT,
    title: key === "" ? undefined : key,
    layer: [
      {
        data: { name: "heat" },
        mark: { type: "rect", opacity: 0.4, strokeWidth: 0 },
        encoding: {
          x: { field: "a0", type: "quantitative", scale: X.scale, title: "w1" }, x2: { field: "a1" },
          y: { field: "b0", type: "quantitative", scale: Y.scale, title: "w2" }, y2: { field: "b1" },
          // fill, not color: the trajectories' colour scale stays separate and shared across panels.
          fill: { field: "logNorm", type: "quantitative", title: "log₁₀ ‖∇E‖_{1,ε}", scale: { scheme: "greys", domain: heatDomain, clamp: true }, legend: { orient: "right", gradientLength: 120 } }
        }
      },
      { data: { name: "contours" }, mark: { type: "line", strokeWidth: 0.8, color: "#777", strokeDash: [3, 3], clip: true }, encoding: { x: X, y: Y, detail: { field: "curve" }, order: { field: "w1" } } },
      { data: { name: "minimisers" }, mark: { type: "line", strokeWidth: 2.5, color: "#111", clip: true }, encoding: { x: X, y: Y, detail: { field: "curve" }, order: { field: "w1" } } },
      {
        data: { values: paths.filter((p) => p.panel === key) },
        mark: { type: "line", strokeWidth: 1.6, clip: true, point: false },
        encoding: { x: X, y: Y, detail: { field: "learner" }, order: { field: "t" }, color: colour.encoding, tooltip: [{ field: "learner" }, { field: "t", title: "round t" }, { field: "w1", format: ".5f" }, { field: "w2", format: ".5f" }] }
      },
      {
        data: { values: [{ w1: result.scenario.start[0], w2: result.scenario.start[1] }] },
        mark: { type: "point", shape: "circle", filled: true, size: 50, color: "#d62728" },
        encoding: { x: X, y: Y }
      }
    ]
  })
  const title = "Trajectories in the (w1, w2) plane"
  return {
    name: "phase-plane",
    title,
    spec: {
      ...labTop(result, title, [
        `E(w) = ½(${fmt(b.y)} − ${fmt(b.x)}·w1·w2)²: thick black, the hyperbola of minimisers w1·w2 = ${fmt(c)}; dashed grey, loss contours E = ${levels.join(", ")}; red dot, the start`,
        `shading: log₁₀ ‖∇E‖_{1,ε} (ε = ${fmt(b.epsilon)}), darker is larger; along a loss contour it grows with |w1| + |w2|`,
        `points played x_t at the checkpoints of seed ${seed}`
      ]),
      // Shared by every panel, so stored once.
      datasets: { heat, contours, minimisers: hyperbola },
      ...grid2(layout.panels.map(panel))
    }
  }
}

/** One panel per hyperparameter that varies along some series of learners equal in everything else. */
const againstHyper = (
  result: ScenarioResult,
  metric: string,
  yTitle: string,
  yScale: Json,
  rule: { readonly value: number; readonly words: string } | undefined
): Json[] => {
  const hs = hypersOf(result)
  const final = new Map(result.summary.map((s) => [s.learner, s.metrics?.[metric]?.mean]))
  const names: HyperName[] = ["rho", "beta", "h"]
  const panels: Json[] = []
  for (const p of names) {
    const others = names.filter((k) => k !== p && new Set(hs.map((x) => x[k])).size > 1)
    const seriesKey = (x: (typeof hs)[number]) => others.map((k) => `${k === "beta" ? "β" : k === "rho" ? "ρ" : "h"}=${fmt(x[k])}`).join(", ") || "all"
    const groups = new Map<string, typeof hs>()
    for (const x of hs) groups.set(seriesKey(x), [...(groups.get(seriesKey(x)) ?? []), x])
    if (![...groups.values()].some((g) => new Set(g.map((x) => x[p])).size > 1)) continue
    const keys = [...groups.keys()]
    const points = hs.flatMap((x) => {
      const v = final.get(x.learner)
      return v === undefined || !Number.isFinite(v) ? [] : [{ learner: x.learner, value: v, at: x[p], series: seriesKey(x) }]
    })
    const range = points.map((q) => q.at)
    const xEnc = p === "h"
      ? { field: "at", type: "quantitative", title: HYPER_TITLE[p] + " (log scale)", scale: { type: "log", nice: false, domain: [Math.min(...range) / 1.4, Math.max(...range) * 1.4] }, axis: { format: "~g", values: [...new Set(range)] } }
      : { field: "at", type: "ordinal", title: HYPER_TITLE[p], sort: "ascending", axis: { labelAngle: 0 } }
    const y = { field: "value", type: "quantitative", title: yTitle, scale: yScale }
    const colour = { field: "series", type: "nominal", title: others.map((k) => HYPER_TITLE[k]).join(", ") || "series", scale: { domain: keys, range: ramp(keys.length) }, legend: { orient: "right" } }
    panels.push({
      width: PANEL_WIDTH,
      height: PANEL_HEIGHT,
      title: `against ${HYPER_TITLE[p]}`,
      layer: [
        { data: { values: points }, mark: { type: "line", strokeWidth: 1.8, point: { filled: true, size: 45 } }, encoding: { x: xEnc, y, color: colour, tooltip: [{ field: "learner" }, { field: "value", format: ".6~g", title: metric }] } },
        ...(rule === undefined ? [] : [{ data: { values: [{ value: rule.value, words: rule.words }] }, mark: { type: "rule", strokeDash: [6, 4], color: "#c00" }, encoding: { y: { field: "value", type: "quantitative" }, tooltip: [{ field: "words" }] } }])
      ],
      resolve: { scale: { color: "independent" } }
    })
  }
  return panels
}

const slopeChart = (result: ScenarioResult, b: BilinearSetting): ChartSpec | undefined => {
  // The plain flow depends on ε only: the learners' ε inside the root when they share one.
  const roots = new Set(result.scenario.learners.map((l) => Number(l.config.epsRoot)))
  const eps = roots.size === 1 && [...roots][0] > 0 ? [...roots][0] : b.epsilon
  const landing = plainFlowLanding(b, result.scenario.start, eps)
  const rule = landing === undefined ? undefined : { value: landing, words: `the plain flow (h → 0) lands here: ${fmt(landing)}` }
  const panels = againstHyper(result, "oneNormSlope", "oneNormSlope at T", { zero: false }, rule)
  if (panels.length === 0) return undefined
  const title = "Where the runs end on the hyperbola: the one-norm slope of the minimiser"
  return {
    name: "implicit-bias",
    title,
    spec: {
      ...labTop(result, title, [
        "oneNormSlope = x(|w1*| + |w2*|) at the nearest minimiser w* of the final point; ‖∇E(w)‖₁ = |x·w1·w2 − y|·x(|w1| + |w2|), so a larger value is a minimiser in a region of larger ‖∇E‖_{1,ε}",
        "Cattaneo et al.: for small ε the modified loss is E + h(β/(1−β) − ρ/(1−ρ))‖∇E‖_{1,ε}: larger ρ, sharper; larger β, flatter; larger h amplifies the sign of ρ − β",
        ...(rule ? [`dashed red: the plain flow's landing point (h → 0), ${fmt(rule.value)}`] : []),
        `values at the last round, T = ${result.scenario.horizon.toLocaleString("en-US")} (mean over seeds)`
      ]),
      ...grid2(panels)
    }
  }
}

const finalNormChart = (result: ScenarioResult, b: BilinearSetting): ChartSpec | undefined => {
  const floor = 2 * Math.sqrt(b.epsilon)
  const panels = againstHyper(result, "gradNorm1Eps", "‖∇E‖_{1,ε} at T (log scale)", { type: "log" }, { value: floor, words: `2√ε = ${fmt(floor)}, its value at any exact minimiser` })
  if (panels.length === 0) return undefined
  const title = "The final perturbed one-norm ‖∇E‖_{1,ε}"
  return {
    name: "final-norm",
    title,
    spec: {
      ...labTop(result, title, [
        `at an exact minimiser ∇E = 0 and ‖∇E‖_{1,ε} = 2√ε = ${fmt(floor)} (dashed red) wherever on the hyperbola it is, so this number cannot rank the limits`,
        "runs above the floor are still oscillating across the hyperbola; which minimiser a run ends near is the previous chart's one-norm slope",
        `values at the last round, T = ${result.scenario.horizon.toLocaleString("en-US")}`
      ]),
      ...grid2(panels)
    }
  }
}

/** The implicit-bias charts of a bilinear full-batch scenario (none for other scenarios). */
export const biasCharts = (result: ScenarioResult): ChartSpec[] => {
  const b = bilinearOf(result)
  if (b === undefined) return []
  return [phasePlane(result, b), slopeChart(result, b), finalNormChart(result, b)].filter((c): c is ChartSpec => c !== undefined)
}
