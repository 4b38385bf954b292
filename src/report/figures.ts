// Paper figures: the picture a reader of the paper comes to reproduce, laid out as the paper lays
// it out. Reddi et al.'s Figure 1 has three panels on linear axes: the online experiment's Rₜ/t
// and xₜ, and the stochastic experiment's xₜ, for Adam and AMSGrad. A figure draws panels from
// several scenarios, so a report of one of them runs the others at their defaults (a second or
// two) and says so in the caption.
import { getScenario, runScenarioSync } from "../scenario/index.ts"
import type { ScenarioResult } from "../scenario/types.ts"
import type { ChartSpec } from "./charts.ts"
import { PALETTE, topLevel } from "./charts.ts"
import { TICK_FORMAT } from "./scales.ts"
import { perSeed, distinctSeeds, windowed, type Pick } from "./series.ts"

type Json = Record<string, unknown>

export interface FigurePanel {
  readonly scenario: string
  readonly metric: "avgRegret" | "x"
  readonly title: string
}

export interface PaperFigure {
  /** File name stem in a report folder. */
  readonly name: string
  readonly title: string
  readonly citation: string
  readonly panels: readonly FigurePanel[]
  /** The learner kinds the paper draws, and the names it gives them. */
  readonly learners: Readonly<Record<string, string>>
}

export const paperFigures: readonly PaperFigure[] = [
  {
    name: "figure1",
    title: "Reddi, Kale & Kumar (2018), Figure 1, reproduced",
    citation: "Reddi, Kale & Kumar, On the Convergence of Adam and Beyond, ICLR 2018, Figure 1",
    panels: [
      { scenario: "reddi2018/online", metric: "avgRegret", title: "online: Rₜ/t" },
      { scenario: "reddi2018/online", metric: "x", title: "online: xₜ" },
      { scenario: "reddi2018/stochastic", metric: "x", title: "stochastic: xₜ" }
    ],
    learners: { adam: "Adam", amsgrad: "AMSGrad" }
  }
]

/** The figures a scenario has panels in. */
export const figuresOf = (scenarioId: string): readonly PaperFigure[] => paperFigures.filter((f) => f.panels.some((p) => p.scenario === scenarioId))

/** The other scenarios the figures of this result need, run at their built-in defaults. */
export const runCompanions = (result: ScenarioResult): ScenarioResult[] => {
  const ids = new Set(figuresOf(result.scenario.id).flatMap((f) => f.panels.map((p) => p.scenario)))
  ids.delete(result.scenario.id)
  return [...ids].flatMap((id) => {
    const s = getScenario(id)
    return s ? [runScenarioSync(s)] : []
  })
}

const PANEL_WIDTH = 270
const PANEL_HEIGHT = 210

/** A round number ≥ v from 1, 2, 2.5, 5 × 10^k. */
const niceCeil = (v: number): number => {
  const e = 10 ** Math.floor(Math.log10(v))
  for (const m of [1, 2, 2.5, 5, 10]) if (m * e >= v) return m * e
  return 10 * e
}

const panelSpec = (figure: PaperFigure, panel: FigurePanel, result: ScenarioResult, index: number): { spec: Json; notes: string[] } => {
  const kinds = Object.keys(figure.learners)
  const labels = result.scenario.learners.filter((l) => kinds.includes(String(l.config.kind))).map((l) => l.label)
  const names = Object.fromEntries(result.scenario.learners.map((l) => [l.label, figure.learners[String(l.config.kind)] ?? l.label]))
  const only = { ...result, runs: result.runs.filter((r) => labels.includes(r.learner)), scenario: { ...result.scenario, learners: result.scenario.learners.filter((l) => labels.includes(l.label)) } }
  const pick: Pick = panel.metric === "avgRegret" ? (r) => r.avgRegret : (r) => r.x?.[0]
  const lo: Pick = panel.metric === "avgRegret" ? (r) => r.avgRegretLo : (r) => r.xLo?.[0]
  const hi: Pick = panel.metric === "avgRegret" ? (r) => r.avgRegretHi : (r) => r.xHi?.[0]
  const T = result.scenario.horizon
  const one = distinctSeeds(only) === 1
  const rename = <P extends { learner: string }>(p: P) => ({ ...p, name: names[p.learner] })
  const data = one ? windowed(only, pick, lo, hi).map(rename) : perSeed(only, pick).map((p) => rename({ ...p, lo: p.value, hi: p.value }))
  const notes: string[] = []
  let y: Json
  if (panel.metric === "avgRegret") {
    // Rₜ/t starts near 1000 at t = 1: cut the linear axis where the later rounds are readable, as the paper's axis does.
    let top = 0
    for (const p of data) if (p.t >= T / 20 && p.hi > top) top = p.hi
    const cut = niceCeil(top * 1.6)
    y = { type: "quantitative", title: "Rₜ/t", scale: { domain: [0, cut], nice: false }, axis: { format: TICK_FORMAT } }
    notes.push(`${panel.title}: y axis cut at ${cut} (Rₜ/t starts at ${Math.round(data[0]?.value ?? 0)} at t = 1)`)
  } else {
    y = { type: "quantitative", title: "xₜ", scale: { domain: [-1, 1], nice: false, padding: 6 }, axis: { format: TICK_FORMAT, values: [-1, -0.5, 0, 0.5, 1] } }
  }
  // format() in a label expression is d3-format itself; the axis's own "~s" would put one SI prefix on every tick ("0M").
  const x = { field: "t", type: "quantitative", title: "iteration t", scale: { domain: [0, T], nice: false }, axis: { values: [0, T / 4, T / 2, (3 * T) / 4, T], labelExpr: "format(datum.value, '~s')" } }
  const named = labels.map((l) => names[l])
  const colour = { field: "name", type: "nominal", title: null, scale: { domain: named, range: named.map((_, i) => PALETTE[i % PALETTE.length]) }, legend: { orient: "top", symbolType: "stroke", symbolStrokeWidth: 2.5, symbolOpacity: 1, symbolSize: 300, labelFontSize: 11 } }
  const layers: Json[] = []
  if (one) layers.push({ name: `figure_band_${index}`, data: { values: data }, mark: { type: "area", opacity: 0.3, clip: true }, encoding: { x, y: { field: "lo", ...y }, y2: { field: "hi" }, color: colour } })
  layers.push({ name: `figure_line_${index}`, data: { values: data }, mark: { type: "line", strokeWidth: one ? 1.8 : 0.9, clip: true }, encoding: { x, y: { field: "value", ...y }, color: colour, detail: { field: "seed", type: "nominal" } } })
  return { spec: { title: { text: panel.title, fontSize: 12 }, width: PANEL_WIDTH, height: PANEL_HEIGHT, layer: layers }, notes }
}

/** The figure's spec from the results of its scenarios (by id); undefined when one is missing. */
export const figureSpec = (figure: PaperFigure, results: ReadonlyMap<string, ScenarioResult>): ChartSpec | undefined => {
  const panels: Json[] = []
  const notes: string[] = []
  for (const [i, panel] of figure.panels.entries()) {
    const result = results.get(panel.scenario)
    if (result === undefined) return undefined
    const p = panelSpec(figure, panel, result, i)
    panels.push(p.spec)
    notes.push(...p.notes)
  }
  for (const id of new Set(figure.panels.map((p) => p.scenario))) {
    const r = results.get(id)!
    const seeds = r.scenario.seeds
    const one = distinctSeeds(r) === 1
    notes.push(`${id}: T = ${r.scenario.horizon.toLocaleString("en-US")}, ${one ? (seeds.length > 1 ? `${seeds.length} seeds, identical runs` : `seed ${seeds[0]}`) : `one line per seed (${seeds.join(", ")})`}`)
  }
  const first = results.get(figure.panels[0].scenario)!
  const top = topLevel(first, figure.title, [
    "linear axes, as in the paper; line: the value at log-spaced checkpoints, band: its min and max over every round between them",
    ...notes
  ])
  return {
    name: figure.name,
    title: figure.title,
    pdf: true,
    spec: { ...top, title: { ...(top.title as Json), subtitle: [figure.citation, ...((top.title as { subtitle: string[] }).subtitle.slice(1))] }, hconcat: panels, spacing: 24 }
  }
}

/** The figures of a result, with the companion results they need. */
export const buildFigures = (result: ScenarioResult, companions: readonly ScenarioResult[]): ChartSpec[] => {
  const all = new Map([...companions.map((c) => [c.scenario.id, c] as const), [result.scenario.id, result]])
  return figuresOf(result.scenario.id).flatMap((f) => figureSpec(f, all) ?? [])
}
