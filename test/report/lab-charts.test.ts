// The full-batch (lab) charts: which ones each kind of scenario gets, that each compiles and renders
// with its data inline, and that what they draw is the runs' numbers (final metrics, flow orders,
// reference solutions, AdamW's box).
import { describe, expect, it } from "vitest"
import { compile, type TopLevelSpec } from "vega-lite"
import { buildCharts, renderSvg, type ChartSpec } from "../../src/report/index.ts"
import { bilinearOf, plainFlowLanding } from "../../src/report/lab/bias.ts"
import { measuredOrders } from "../../src/report/lab/flow.ts"
import { labCharts } from "../../src/report/lab/index.ts"
import { flowGaps, type FlowGaps } from "../../src/scenario/flow-gaps.ts"
import { getScenario, resolveScenario, runScenarioSync, toScenarioInput } from "../../src/scenario/index.ts"
import type { ScenarioResult } from "../../src/scenario/types.ts"

type Json = Record<string, any>

const run = (id: string, changes: Json = {}): ScenarioResult => {
  const s = getScenario(id)!
  return runScenarioSync(Object.keys(changes).length === 0 ? s : resolveScenario({ ...toScenarioInput(s), ...changes }, s.source))
}

/** Rows of inline data anywhere in a spec (named datasets included). */
const rows = (spec: Json): Json[] => [
  ...(spec.data?.values ?? []),
  ...Object.values(spec.datasets ?? {}).flatMap((d) => d as Json[]),
  ...["layer", "vconcat", "hconcat"].flatMap((k) => (spec[k] ?? []).flatMap(rows))
]

const named = (charts: readonly ChartSpec[], name: string): Json => {
  const c = charts.find((x) => x.name === name)
  if (c === undefined) throw new Error(`no chart ${name} in ${charts.map((x) => x.name).join(", ")}`)
  return c.spec as Json
}

const wellFormed = async (charts: readonly ChartSpec[]) => {
  for (const c of charts) {
    expect(JSON.stringify(c.spec)).not.toMatch(/"url"\s*:/)
    expect((c.spec as Json).config.font).toBe("DejaVu Sans")
    expect(() => compile(c.spec as TopLevelSpec), c.name).not.toThrow()
    expect(await renderSvg(c.spec), c.name).toMatch(/^<svg/)
  }
}

describe("lab charts", () => {
  it("the bilinear grid: the phase plane (one panel per β, every learner's path), the slope and the final-norm charts", async () => {
    const result = run("implicit-bias/bilinear-grid")
    const charts = labCharts(result)
    expect(charts.map((c) => c.name)).toEqual(["phase-plane", "implicit-bias", "final-norm"])
    expect(buildCharts(result).slice(0, 3)).toEqual(charts)
    await wellFormed(charts)
    const plane = named(charts, "phase-plane")
    const panels = plane.vconcat.flatMap((r: Json) => r.hconcat ?? [r])
    expect(panels.map((p: Json) => p.title)).toEqual(["β = 0.5", "β = 0.8", "β = 0.9", "β = 0.95"])
    const paths = rows(plane).filter((r) => r.learner !== undefined)
    expect(new Set(paths.map((r) => r.learner)).size).toBe(16)
    // The minimiser curve lies on w1·w2 = y/x.
    for (const r of rows(plane).filter((r) => r.curve?.startsWith("minimisers"))) expect(r.w1 * r.w2).toBeCloseTo(0.75, 12)
    // The slope chart draws each learner's final oneNormSlope, against ρ and against β.
    const slope = named(charts, "implicit-bias")
    const points = rows(slope).filter((r) => r.learner !== undefined)
    expect(points.length).toBe(32)
    for (const p of points) expect(p.value).toBe(result.summary.find((s) => s.learner === p.learner)!.metrics!.oneNormSlope.mean)
    const rules = rows(slope).filter((r) => r.words !== undefined)
    expect(rules[0].value).toBeCloseTo(4, 3)
    expect(rows(named(charts, "final-norm")).find((r) => r.words !== undefined)!.value).toBeCloseTo(2e-4, 15)
  })

  it("the plain flow from (2, 1) lands at (1.5, 0.5): slope 4", () => {
    const b = bilinearOf(run("implicit-bias/bilinear-step", { horizon: 10 }))!
    expect(b).toEqual({ x: 2, y: 1.5, epsilon: 1e-8 })
    expect(plainFlowLanding(b, [2, 1], 1e-8)).toBeCloseTo(4, 3)
    // From (0.5, 3) the sign flow moves along (−1, −1) too, to (0.5 − s)(3 − s) = 0.75:
    // |w1| + |w2| = 3.5 − 2s = √(3.5² − 4·0.75).
    expect(plainFlowLanding(b, [0.5, 3], 1e-8)).toBeCloseTo(2 * Math.sqrt(3.5 ** 2 - 3), 3)
  })

  it("the flow-order scenario: the flow-gap chart with the measured orders", async () => {
    const result = run("implicit-bias/flow-order")
    const charts = labCharts(result)
    expect(charts.map((c) => c.name)).toEqual(["phase-plane", "implicit-bias", "final-norm", "flow-gaps"])
    await wellFormed(charts.slice(3))
    const gaps = result.runs.map((r) => flowGaps(result.scenario, r)).map((o) => (o.ok ? o.gaps : undefined)).filter((g): g is FlowGaps => g !== undefined)
    const orders = measuredOrders(gaps)
    expect(orders.map((o) => o.family)).toEqual(["β=0.9, ρ=0.95, ε=1e-6", "β=0.95, ρ=0.9, ε=1e-6"])
    for (const o of orders) {
      for (const v of o.plain) expect(Math.abs(v - 1)).toBeLessThan(0.3)
      for (const v of o.modified) expect(Math.abs(v - 2)).toBeLessThan(0.3)
    }
    const subtitle = (named(charts, "flow-gaps").title.subtitle as string[]).join(" ")
    expect(subtitle).toContain(`modified ${orders[0].modified.map((v) => v.toFixed(2)).join(", ")}`)
    // One maximum per learner and flow, equal to the run's.
    const drawn = rows(named(charts, "flow-gaps")).filter((r) => r.series !== undefined && r.learner !== undefined)
    const maxima = [...new Map(drawn.map((r) => [`${r.learner} ${r.flow}`, r])).values()]
    expect(maxima.length).toBe(12)
    for (const g of gaps) expect(maxima.filter((r) => r.h === g.hyper.h && r.family === `β=${g.hyper.beta}, ρ=${g.hyper.rho}, ε=1e-6`).map((r) => r.gap).sort()).toEqual([g.plainMax, g.modifiedMax].sort())
  })

  it("least squares: train/test and distances; final weights with the references when x is recorded, and AdamW's ±1/λ", async () => {
    const wilson = labCharts(run("generalization/wilson-overparameterised", { horizon: 200, seeds: [1] }))
    expect(wilson.map((c) => c.name)).toEqual(["train-test", "solutions"]) // d = 103: no final-weights chart
    await wellFormed(wilson)
    expect(rows(named(wilson, "solutions")).map((r) => r.learner).filter((l, i, a) => a.indexOf(l) === i)).toEqual(["gd", "heavy-ball", "adagrad", "adam"])
    const result = run("generalization/adamw-decoupled", { seeds: [1] })
    const charts = labCharts(result)
    expect(charts.map((c) => c.name)).toEqual(["train-test", "solutions", "final-weights"])
    await wellFormed(charts)
    const weights = rows(named(charts, "final-weights"))
    expect(weights.filter((r) => r.words !== undefined).map((r) => r.w)).toEqual([0.2, -0.2])
    // The L2-penalised minimiser's ticks are where Adam with L2 ended.
    const ridge = weights.filter((r) => r.reference === "the minimiser of the L2-penalised objective")
    const adamL2 = weights.filter((r) => r.learner === "Adam, L2")
    expect(ridge.length).toBe(8)
    ridge.forEach((r, i) => expect(Math.abs(r.w - adamL2[i].w)).toBeLessThan(1e-6))
  })

  it("no lab chart for a scenario that is not full-batch", () => {
    expect(labCharts(run("bock-weiss/cycle", { horizon: 100 }))).toEqual([])
  })
})
