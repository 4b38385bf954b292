// The flow-gap chart: how far each full-batch Adam run is from the plain flow and from the modified
// flow of Cattaneo, Klusowski & Shigida over the scenario's window, step by step, and the window's
// maximum against h on log-log axes with slopes 1 and 2 drawn in (the orders the theory predicts).
import { flowGaps, flowWindowOf, type FlowGaps } from "../../scenario/flow-gaps.ts"
import type { ScenarioResult } from "../../scenario/types.ts"
import type { ChartSpec } from "../charts.ts"
import { fmt } from "../format.ts"
import { labTop, PANEL_HEIGHT, ramp, thin, type Json } from "./parts.ts"

const KINDS = ["plain", "modified"] as const

/** log₂ ratios of successive maxima along a ladder of steps, per (β, ρ, ε). */
export const measuredOrders = (gaps: readonly FlowGaps[]): { readonly family: string; readonly plain: number[]; readonly modified: number[] }[] => {
  const families = new Map<string, FlowGaps[]>()
  for (const g of gaps) {
    const key = `β=${fmt(g.hyper.beta)}, ρ=${fmt(g.hyper.rho)}, ε=${fmt(g.hyper.epsilon)}`
    families.set(key, [...(families.get(key) ?? []), g])
  }
  return [...families].map(([family, list]) => {
    const ladder = [...list].sort((a, b) => b.hyper.h - a.hyper.h)
    const order = (pick: (g: FlowGaps) => number) =>
      ladder.slice(1).map((g, i) => Math.log(pick(ladder[i]) / pick(g)) / Math.log(ladder[i].hyper.h / g.hyper.h))
    return { family, plain: order((g) => g.plainMax), modified: order((g) => g.modifiedMax) }
  })
}

export const flowChart = (result: ScenarioResult): ChartSpec | undefined => {
  const window = flowWindowOf(result.scenario)
  if (window === undefined) return undefined
  const seed = result.scenario.seeds[0]
  const found: { learner: string; gaps: FlowGaps }[] = []
  const missing: string[] = []
  for (const run of result.runs) {
    if (run.seed !== seed) continue
    const o = flowGaps(result.scenario, run)
    if (o.ok) found.push({ learner: run.learner, gaps: o.gaps })
    else missing.push(`${run.learner}: ${o.reason}`)
  }
  if (found.length === 0) return undefined
  const familyOf = (g: FlowGaps) => `β=${fmt(g.hyper.beta)}, ρ=${fmt(g.hyper.rho)}, ε=${fmt(g.hyper.epsilon)}`
  const families = [...new Set(found.map((f) => familyOf(f.gaps)))]
  const steps = [...new Set(found.map((f) => f.gaps.hyper.h))].sort((a, b) => b - a)
  const byStep = { field: "h", type: "ordinal", title: "step h", sort: "descending", scale: { domain: steps, range: ramp(steps.length) }, legend: { orient: "right" } }
  const byFamily = { field: "family", type: "nominal", title: "β, ρ, ε", scale: { domain: families, range: ["#1f77b4", "#d62728", "#2ca02c", "#9467bd"].slice(0, families.length) }, legend: { orient: "bottom", direction: "vertical", labelLimit: 0, symbolType: "stroke", symbolStrokeWidth: 2.5 } }
  const dash = { field: "flow", type: "nominal", title: "compared with", scale: { domain: ["plain", "modified"], range: [[6, 4], [1, 0]] }, legend: { orient: "bottom", direction: "vertical", symbolType: "stroke", symbolStrokeWidth: 2, symbolStrokeColor: "#333" } }
  const pointwise: Json[] = found.flatMap(({ learner, gaps }) =>
    KINDS.flatMap((flow) => thin(gaps.steps.map((k, i) => ({ k, i })), 200).map(({ k, i }) => ({ learner, family: familyOf(gaps), h: gaps.hyper.h, flow, time: k * gaps.hyper.h, gap: gaps[flow][i] })))
  )
  const maxima: Json[] = found.flatMap(({ learner, gaps }) => KINDS.map((flow) => ({ learner, family: familyOf(gaps), flow, h: gaps.hyper.h, gap: flow === "plain" ? gaps.plainMax : gaps.modifiedMax, series: `${familyOf(gaps)} ${flow}` })))
  // Reference slopes through each family's largest step: gap ∝ h (plain) and ∝ h² (modified).
  const slopes: Json[] = families.flatMap((family) => {
    const ladder = found.filter((f) => familyOf(f.gaps) === family).map((f) => f.gaps).sort((a, b) => b.hyper.h - a.hyper.h)
    const top = ladder[0], bottom = ladder[ladder.length - 1]
    return KINDS.flatMap((flow) => {
      const g0 = flow === "plain" ? top.plainMax : top.modifiedMax
      const order = flow === "plain" ? 1 : 2
      return [top, bottom].map((g) => ({ h: g.hyper.h, gap: g0 * (g.hyper.h / top.hyper.h) ** order, series: `${family} ${flow}` }))
    })
  })
  const orders = measuredOrders(found.map((f) => f.gaps))
  const orderWords = orders.map((o) => `${o.family}: plain ${o.plain.map((v) => v.toFixed(2)).join(", ")}; modified ${o.modified.map((v) => v.toFixed(2)).join(", ")}`)
  const logY = (title: string) => ({ field: "gap", type: "quantitative", title, scale: { type: "log" }, axis: { format: "~e" } })
  const title = "Distance of the iterates to the plain and the modified flow"
  return {
    name: "flow-gaps",
    title,
    spec: {
      ...labTop(result, title, [
        `‖θ_k − θ̃(kh)‖∞ for every step k with ${window[0]} ≤ kh ≤ ${window[1]}: dashed, the plain flow θ̇ = −∇E/√(∇E² + ε); solid, the first-order modified flow (flows solved to rtol 1e-12)`,
        "right: the window's maximum against h; grey, slopes 1 and 2 through the largest step: the theory's O(h) for the plain flow and O(h²) for the modified one",
        `measured orders (log of the ratio over log of the step ratio, per halving): ${orderWords.join(" | ")}`,
        ...(missing.length > 0 ? [`not compared: ${missing.join("; ")}`] : []),
        `seed ${seed}`
      ]),
      hconcat: [
        {
          vconcat: families.map((family) => ({
            width: 300,
            height: Math.max(120, Math.round((PANEL_HEIGHT + 60) / families.length)),
            title: `step by step: ${family}`,
            data: { values: pointwise.filter((p) => p.family === family) },
            mark: { type: "line", strokeWidth: 1.6 },
            encoding: { x: { field: "time", type: "quantitative", title: "time kh" }, y: logY("‖θ_k − θ̃(kh)‖∞ (log)"), color: byStep, strokeDash: dash, detail: { field: "learner" } }
          }))
        },
        {
          width: 240,
          height: PANEL_HEIGHT + 60,
          title: "maximum over the window",
          layer: [
            { data: { values: slopes }, mark: { type: "line", color: "#bbb", strokeWidth: 1 }, encoding: { x: { field: "h", type: "quantitative", scale: { type: "log" } }, y: { field: "gap", type: "quantitative", scale: { type: "log" } }, detail: { field: "series" } } },
            {
              data: { values: maxima },
              mark: { type: "line", strokeWidth: 1.6 },
              encoding: {
                x: { field: "h", type: "quantitative", title: "step h (log scale)", scale: { type: "log" }, axis: { format: "~e", values: steps } },
                y: logY("max over the window (log scale)"),
                color: byFamily,
                strokeDash: dash,
                detail: { field: "series" }
              }
            },
            {
              data: { values: maxima },
              mark: { type: "point", filled: true, size: 45 },
              encoding: { x: { field: "h", type: "quantitative", scale: { type: "log" } }, y: { field: "gap", type: "quantitative", scale: { type: "log" } }, color: byFamily, tooltip: [{ field: "learner" }, { field: "flow" }, { field: "gap", format: ".3e" }] }
            }
          ]
        }
      ],
      resolve: { scale: { color: "independent", strokeDash: "shared" } }
    }
  }
}
