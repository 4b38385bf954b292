// Shared pieces of the full-batch (lab) charts: the top level every spec carries, how learners are
// told apart by their hyperparameters (h, β, ρ) rather than by name alone, and small data helpers.
import type { ScenarioResult } from "../../scenario/types.ts"
import { FONT_FAMILY } from "../font-family.ts"
import { fmt, hyperText, wrap } from "../format.ts"
import { learnerLabels } from "../series.ts"

export type Json = Record<string, unknown>

export const PANEL_WIDTH = 300
export const PANEL_HEIGHT = 230
export const WIDE = 560


/** Schema, title, font and the learner → hyperparameters lookup, as every report chart has. */
export const labTop = (result: ScenarioResult, title: string, subtitle: readonly string[]): Json => ({
  $schema: "https://vega.github.io/schema/vega-lite/v6.json",
  title: { text: title, subtitle: [result.scenario.title, ...subtitle].flatMap((l) => wrap(l, 96)), anchor: "start", subtitleFontSize: 11 },
  params: [{ name: "hyper", value: Object.fromEntries(result.scenario.learners.map((l) => [l.label, hyperText(l.config)])) }],
  config: {
    font: FONT_FAMILY,
    background: "white",
    view: { stroke: "#ddd" },
    legend: { labelFontSize: 11, titleFontSize: 11 },
    axis: { labelFontSize: 10, titleFontSize: 11 },
    header: { labelFontSize: 11, titleFontSize: 11 }
  }
})

/** Full-batch Adam-family hyperparameters of a learner: step α (= h), β1, β2. */
export interface Hyper {
  readonly learner: string
  readonly h: number
  readonly beta: number
  readonly rho: number
}

export type HyperName = "h" | "beta" | "rho"
export const HYPER_TITLE: Record<HyperName, string> = { h: "step h", beta: "β (β1)", rho: "ρ (β2)" }

export const hypersOf = (result: ScenarioResult): Hyper[] =>
  result.scenario.learners.map((l) => ({
    learner: l.label,
    h: Number(l.config.alpha),
    beta: Number(l.config.beta1 ?? 0),
    rho: Number(l.config.beta2 ?? 0)
  }))

const distinct = (values: readonly number[]): number[] => [...new Set(values)].sort((a, b) => a - b)

/**
 * How to show a family of runs: colour by the hyperparameter with the most values (ρ, then h, then β
 * on ties), one panel per combination of the others that vary; by learner when none varies.
 */
export interface Layout {
  readonly colour: HyperName | "learner"
  readonly colourValues: readonly number[]
  /** Panel key of each learner ("" when there is one panel) and the panel keys in order. */
  readonly panelOf: ReadonlyMap<string, string>
  readonly panels: readonly string[]
}

export const layoutOf = (result: ScenarioResult): Layout => {
  const hs = hypersOf(result)
  const varying = (["rho", "h", "beta"] as const).filter((k) => distinct(hs.map((x) => x[k])).length > 1)
  if (varying.length === 0) return { colour: "learner", colourValues: [], panelOf: new Map(hs.map((x) => [x.learner, ""])), panels: [""] }
  const colour = [...varying].sort((a, b) => distinct(hs.map((x) => x[b])).length - distinct(hs.map((x) => x[a])).length)[0]
  const others = varying.filter((k) => k !== colour)
  const key = (x: Hyper) => others.map((k) => `${k === "beta" ? "β" : k === "rho" ? "ρ" : "h"} = ${fmt(x[k])}`).join(", ")
  const panelOf = new Map(hs.map((x) => [x.learner, key(x)]))
  const panels = [...new Set(hs.map(key))]
  return { colour, colourValues: distinct(hs.map((x) => x[colour])), panelOf, panels }
}

const SEQUENTIAL = ["#440154", "#3b528b", "#21918c", "#5ec962", "#b5de2b", "#fde725"]

/** Colours for n ordered values along a viridis-like ramp, dark to light. */
export const ramp = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => SEQUENTIAL[Math.round(n === 1 ? 0 : (i * (SEQUENTIAL.length - 2)) / (n - 1))])

/** The colour encoding of a layout: by the hyperparameter's value, or by learner. */
export const colourOf = (result: ScenarioResult, layout: Layout): { readonly field: string; readonly encoding: Json } => {
  if (layout.colour === "learner") {
    const labels = learnerLabels(result)
    const palette = ["#4c78a8", "#f58518", "#54a24b", "#e45756", "#72b7b2", "#b279a2", "#eeca3b", "#9d755d", "#bab0ac", "#ff9da6"]
    return { field: "learner", encoding: { field: "learner", type: "nominal", title: "learner", scale: { domain: labels, range: labels.map((_, i) => palette[i % palette.length]) }, legend: { orient: "bottom", direction: "vertical", labelLimit: 0 } } }
  }
  const values = layout.colourValues
  return {
    field: layout.colour,
    encoding: { field: layout.colour, type: "ordinal", title: HYPER_TITLE[layout.colour], scale: { domain: values, range: ramp(values.length) }, legend: { orient: "right" } }
  }
}

/** Every ⌈n/max⌉-th element and the last, so a curve keeps its shape with at most about max points. */
export const thin = <T>(xs: readonly T[], max: number): T[] => {
  if (xs.length <= max) return [...xs]
  const stride = Math.ceil(xs.length / max)
  const out = xs.filter((_, i) => i % stride === 0)
  if (out[out.length - 1] !== xs[xs.length - 1]) out.push(xs[xs.length - 1])
  return out
}

/** Panels side by side, two per row (always a concatenation, so a panel's title never replaces the chart's). */
export const grid2 = (panels: readonly Json[]): Json =>
  ({ vconcat: Array.from({ length: Math.ceil(panels.length / 2) }, (_, r) => (panels.length - 2 * r === 1 ? panels[2 * r] : { hconcat: panels.slice(2 * r, 2 * r + 2) })) })
