import { describe, expect, it } from "vitest"
import { compile, type TopLevelSpec } from "vega-lite"
import { buildCharts, type ChartSpec } from "../../src/report/index.ts"
import { makeResult } from "./fixture.ts"

type Json = Record<string, any>

const byName = (charts: readonly ChartSpec[], name: string): Json => {
  const c = charts.find((x) => x.name === name)
  if (!c) throw new Error(`no chart ${name}`)
  return c.spec as Json
}

/** Every unit layer of a spec (through layer, vconcat and facet). */
const units = (spec: Json): Json[] => {
  if (spec.layer) return spec.layer.flatMap(units)
  if (spec.vconcat) return spec.vconcat.flatMap(units)
  if (spec.spec) return units(spec.spec)
  return [spec]
}

/** Rows of inline data visible to a spec, at any level. */
const inlineRows = (spec: Json): Json[] => [
  ...(spec.data?.values ?? []),
  ...(spec.layer ?? []).flatMap(inlineRows),
  ...(spec.vconcat ?? []).flatMap(inlineRows)
]

describe("buildCharts", () => {
  const result = makeResult()
  const charts = buildCharts(result)
  const labels = ["Adam", "AMSGrad", "AdaGrad"]

  it("makes every chart of a run report, each a compilable Vega-Lite spec with only inline data", () => {
    expect(charts.map((c) => c.name)).toEqual(["avg-regret", "regret", "iterate", "step-size", "gamma", "summary"])
    for (const c of charts) {
      const text = JSON.stringify(c.spec)
      expect(text).not.toMatch(/"url"\s*:/)
      expect((c.spec as Json).config.font).toBe("DejaVu Sans")
      expect(() => compile(c.spec as TopLevelSpec)).not.toThrow()
      expect(c.title.length).toBeGreaterThan(5)
    }
  })

  it("plots every learner in every chart, in scenario order in the colour scale", () => {
    for (const c of charts) {
      // The zero rule in the Γ chart has no learner; every other row belongs to one.
      const learners = new Set(inlineRows(c.spec as Json).filter((r) => r.learner !== undefined).map((r) => r.learner))
      expect([...learners].sort(), c.name).toEqual([...labels].sort())
      const colour = units(c.spec as Json).find((u) => u.encoding?.color)!.encoding.color
      expect(colour.scale.domain).toEqual(labels)
    }
  })

  it("uses a log t axis with a titled unit on every time chart", () => {
    for (const name of ["avg-regret", "regret", "iterate", "step-size", "gamma"]) {
      for (const u of units(byName(charts, name)).filter((u) => u.encoding?.x)) {
        expect(u.encoding.x.field).toBe("t")
        expect(u.encoding.x.scale.type).toBe("log")
        expect(u.encoding.x.title).toMatch(/round t/)
      }
    }
  })

  it("puts R_t on a log axis (positive, spanning decades) and says so in the axis title", () => {
    const mean = units(byName(charts, "regret")).find((u) => u.name === "mean")!
    expect(mean.encoding.y.scale.type).toBe("log")
    expect(mean.encoding.y.title).toMatch(/R_t.*loss units.*log scale/)
  })

  it("draws spread bands (min ≤ mean ≤ max) when there are several seeds, none with one seed", () => {
    const spec = byName(charts, "avg-regret")
    expect(units(spec).some((u) => u.name === "band" && u.mark.type === "area")).toBe(true)
    for (const r of inlineRows(spec)) expect(r.lo <= r.mean && r.mean <= r.hi).toBe(true)
    const single = byName(buildCharts(makeResult({ seeds: [1] })), "avg-regret")
    expect(units(single).some((u) => u.name === "band")).toBe(false)
  })

  it("mean R_t/t at the horizon equals the summary's mean", () => {
    const rows = inlineRows(byName(charts, "avg-regret"))
    for (const s of result.summary) {
      const last = rows.filter((r) => r.learner === s.learner).at(-1)!
      expect(last.t).toBe(s.t)
      expect(last.mean).toBeCloseTo(s.avgRegret.mean, 12)
    }
  })

  it("overlays AdaGrad's bound (D∞²/(2α)+α)·Σ‖g_{1:t}‖₂ from the periodic adversary's closed form, and no bound for constant-β1 Adam/AMSGrad", () => {
    const spec = byName(charts, "regret")
    const bound = units(spec).find((u) => u.name === "bound")!
    expect(bound.mark.strokeDash).toBeDefined()
    const points = bound.data.values as Json[]
    expect(new Set(points.map((p) => p.learner))).toEqual(new Set(["AdaGrad"]))
    // D∞ = 2, α = 0.5: 4.5·√(Σg²); one full period of 101 rounds has Σg² = 1010² + 100·10² = 1 030 100.
    const at101 = points.find((p) => p.t === 101)
    if (at101) expect(at101.bound).toBeCloseTo(4.5 * Math.sqrt(1_030_100), 6)
    const at1 = points.find((p) => p.t === 1)!
    expect(at1.bound).toBeCloseTo(4.5 * 1010, 9)
    expect(JSON.stringify(spec.title.subtitle)).toMatch(/Duchi/)
  })

  it("draws AMSGrad's Theorem 4 bound only with a decaying β1", () => {
    const base = makeResult()
    const decaying = {
      ...base,
      scenario: {
        ...base.scenario,
        learners: base.scenario.learners.map((l) =>
          l.label === "AMSGrad" ? { ...l, config: { ...l.config, beta1Schedule: { kind: "exponential" as const, lambda: 0.999 } } } : l
        )
      }
    }
    const points = (units(byName(buildCharts(decaying), "regret")).find((u) => u.name === "bound")!.data.values as Json[])
    expect(new Set(points.map((p) => p.learner))).toEqual(new Set(["AMSGrad", "AdaGrad"]))
  })

  it("says no bound is drawn when the adversary's gradients are unknown", () => {
    // Rows without recorded gradient statistics (as in reports from before they were recorded)
    // and an adversary with no closed form: nothing to draw a bound from.
    const base = makeResult()
    const strip = ({ gradNormSum: _a, gradMaxInf: _b, gradMax2: _c, ...row }: Json) => row
    const runs = base.runs.map((r) => ({ ...r, rows: r.rows.map(strip) })) as unknown as typeof base.runs
    const unknown = { ...base, runs, scenario: { ...base.scenario, adversary: { kind: "mystery" } } }
    const spec = byName(buildCharts(unknown), "regret")
    expect(units(spec).some((u) => u.name === "bound")).toBe(false)
    expect(JSON.stringify(spec.title.subtitle)).toMatch(/not drawn/)
  })

  it("draws the bound from the rows' recorded gradient statistics for any adversary", () => {
    const base = makeResult()
    const unknown = { ...base, scenario: { ...base.scenario, adversary: { kind: "mystery" } } }
    const spec = byName(buildCharts(unknown), "regret")
    expect(units(spec).some((u) => u.name === "bound")).toBe(true)
  })

  it("iterate chart: x_t, the averaged iterate and the comparator for d = 1", () => {
    const spec = byName(charts, "iterate")
    const keys = new Set(inlineRows(spec).map((r) => r.key))
    expect(keys).toEqual(new Set(["x_t", "x̄_t", "x*_t"]))
    expect(units(spec).map((u) => u.name)).toEqual(["band", "mean", "average", "comparator"])
    expect(spec.facet).toBeUndefined()
  })

  it("iterate chart: one facet row per coordinate for d ≤ 4, the distance to the comparator above", () => {
    const two = byName(buildCharts(makeResult({ dim: 2, horizon: 500 })), "iterate")
    expect(two.facet.row.field).toBe("coordinate")
    expect(new Set(two.data.values.map((r: Json) => r.coordinate))).toEqual(new Set([0, 1]))
    const six = byName(buildCharts(makeResult({ dim: 6, horizon: 500 })), "iterate")
    expect(six.facet).toBeUndefined()
    expect(units(six).find((u) => u.name === "mean")!.encoding.y.title).toMatch(/‖x_t − x\*_t‖₂/)
  })

  it("legend carries each learner's label with its key hyperparameters", () => {
    const spec = byName(charts, "avg-regret")
    const hyper = spec.params.find((p: Json) => p.name === "hyper").value
    expect(hyper.Adam).toMatch(/α=0\.5\/√t, β1=0\.9, β2=0\.99/)
    expect(hyper.AMSGrad).toMatch(/max\(v\)/)
    expect(hyper.AdaGrad).toMatch(/adagrad/)
  })

  it("gamma chart: min Γ on a scale that shows negatives, and the share of negative rounds in [0, 1]", () => {
    const spec = byName(charts, "gamma")
    expect(spec.vconcat).toHaveLength(2)
    const [top, bottom] = spec.vconcat
    expect(top.data.values.some((r: Json) => r.mean < 0)).toBe(true)
    expect(["symlog", "linear"]).toContain(units(top).find((u) => u.name === "gamma_mean")!.encoding.y.scale.type)
    for (const r of bottom.data.values) expect(r.mean >= 0 && r.mean <= 1).toBe(true)
  })

  it("summary chart has one bar per learner with x_T, R_T, R_T/T and the verdict", () => {
    const rows = byName(charts, "summary").data.values as Json[]
    expect(rows.map((r) => r.learner)).toEqual(labels)
    for (const [i, row] of rows.entries()) {
      const holds = result.expectations.find((e) => e.expectation.learner === row.learner)!.holds
      expect(row.text).toMatch(/^x_T = .* · R_T = .* · R_T\/T = .* · /)
      expect(row.text).toContain(holds ? "✓ pass" : "✗ FAIL")
      expect(row.mean).toBe(result.summary[i].avgRegret.mean)
    }
  })
})
