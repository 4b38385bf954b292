import { describe, expect, it } from "vitest"
import { compile, type TopLevelSpec } from "vega-lite"
import { buildCharts, type ChartSpec } from "../../src/report/index.ts"
import { tQuantile975 } from "../../src/report/series.ts"
import { getScenario, runScenarioSync } from "../../src/scenario/index.ts"
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
      const colour = units(c.spec as Json).find((u) => u.encoding?.color?.field === "learner")!.encoding.color
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

  it("every time chart's t axis spans 1 … T; every y scale has a domain with round ends that holds all its rows (bands and intervals too)", () => {
    // Five seeds of the stochastic experiment: a linear pseudo-regret axis whose 95% intervals reach past every seed.
    const stochastic = runScenarioSync({ ...getScenario("reddi2018/stochastic")!, horizon: 2000, seeds: [1, 2, 3, 4, 5] })
    for (const result of [makeResult({ seeds: [1] }), makeResult(), stochastic])
    for (const c of buildCharts(result).filter((c) => c.name !== "summary")) {
      for (const u of units(c.spec as Json).filter((u) => u.encoding?.x?.field === "t")) expect(u.encoding.x.scale.domain, c.name).toEqual([1, result.scenario.horizon])
      // (A share's axis is [0, 1] whatever its interval says.)
      for (const u of units(c.spec as Json).filter((u) => u.data?.values?.length > 0 && u.encoding?.y?.field !== undefined && !u.name?.startsWith("share"))) {
        const domain = u.encoding.y.scale?.domain as [number, number] | undefined
        expect(domain, `${c.name} ${u.name}`).toBeDefined()
        for (const r of u.data.values as Json[]) {
          for (const k of [u.encoding.y.field, u.encoding.y2?.field].filter((k) => k !== undefined && Number.isFinite(r[k]))) {
            expect(r[k], `${c.name} ${u.name} ${k}`).toBeGreaterThanOrEqual(domain![0] - 1e-9 * Math.abs(domain![0]))
            expect(r[k], `${c.name} ${u.name} ${k}`).toBeLessThanOrEqual(domain![1] + 1e-9 * Math.abs(domain![1]))
          }
        }
      }
    }
  })

  it("puts R_t on a log axis (positive, spanning decades) and says so in the axis title", () => {
    const mean = units(byName(charts, "regret")).find((u) => u.name === "Rₜ_mean")!
    expect(mean.encoding.y.scale.type).toBe("log")
    expect(mean.encoding.y.title).toMatch(/Rₜ.*loss units.*log scale/)
    expect(mean.encoding.y.axis.format).toBe(",~r")
  })

  it("several seeds: the mean with its 95% Student-t interval and every seed's thin line; one seed: neither", () => {
    const spec = byName(charts, "avg-regret")
    const interval = units(spec).find((u) => u.name === "Rₜ/t_interval")!
    expect(interval.mark.type).toBe("area")
    const seeds = units(spec).find((u) => u.name === "Rₜ/t_seeds")!
    expect(new Set(seeds.data.values.map((r: Json) => r.seed))).toEqual(new Set([1, 2]))
    // Two seeds: half-width t₀.₉₇₅,₁ · sd/√2 = 12.706 · |a − b|/2.
    const p = interval.data.values.find((r: Json) => r.learner === "Adam" && r.t === 100)
    const [a, b] = result.runs.filter((r) => r.learner === "Adam").map((r) => r.rows.find((row) => row.t === 100)!.avgRegret)
    expect(p.mean).toBeCloseTo((a + b) / 2, 12)
    expect(p.hi - p.mean).toBeCloseTo(12.706 * Math.abs(a - b) / 2, 9)
    expect(tQuantile975(2)).toBe(12.706)
    expect(tQuantile975(11)).toBe(2.228)
    const single = byName(buildCharts(makeResult({ seeds: [1] })), "avg-regret")
    expect(units(single).map((u) => u.name)).toEqual(["Rₜ/t_line"])
  })

  it("mean R_t/t at the horizon equals the summary's mean", () => {
    const rows = units(byName(charts, "avg-regret")).find((u) => u.name === "Rₜ/t_mean")!.data.values as Json[]
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

  it("iterate chart: xₜ and x̄ₜ panels per seed (never a mean), with the comparator's own legend entry", () => {
    const spec = byName(charts, "iterate")
    expect(spec.vconcat.map((p: Json) => p.title.text)).toEqual(["xₜ: the point played in round t", "x̄ₜ = (x₁ + … + xₜ)/t: the averaged iterate"])
    const names = units(spec).map((u) => u.name)
    expect(names).toEqual(["xₜ_seeds", "comparator_x0", "x̄ₜ_seeds", "comparator_avg0"])
    expect(names.some((n) => /mean/.test(n))).toBe(false)
    const comparator = units(spec).find((u) => u.name === "comparator_x0")!
    expect(comparator.encoding.stroke.legend.symbolDash).toEqual([2, 3])
    // The fixture's comparator is −1 for every seed: one path, on the padded domain [−1, 1].
    expect(new Set(comparator.data.values.map((r: Json) => r.seed))).toEqual(new Set([1]))
    expect(comparator.encoding.y.scale).toMatchObject({ domain: [-1, 1], padding: 10 })
  })

  it("iterate chart: two panels per coordinate for d ≤ 4, the distance to the comparator above", () => {
    const two = byName(buildCharts(makeResult({ dim: 2, horizon: 500 })), "iterate")
    expect(two.vconcat.map((p: Json) => p.title.text)).toEqual(["xₜ[0]: the point played in round t", "x̄ₜ[0] = (x₁ + … + xₜ)/t: the averaged iterate", "xₜ[1]: the point played in round t", "x̄ₜ[1] = (x₁ + … + xₜ)/t: the averaged iterate"])
    const six = byName(buildCharts(makeResult({ dim: 6, horizon: 500 })), "iterate")
    expect(six.vconcat).toBeUndefined()
    expect(units(six).find((u) => u.name === "‖xₜ − x*ₜ‖₂_mean")!.encoding.y.title).toMatch(/‖xₜ − x\*ₜ‖₂/)
  })

  it("legend carries each learner's label with its key hyperparameters", () => {
    const spec = byName(charts, "avg-regret")
    const hyper = spec.params.find((p: Json) => p.name === "hyper").value
    expect(hyper.Adam).toMatch(/α=0\.5\/√t, β₁=0\.9, β₂=0\.99/)
    expect(hyper.AMSGrad).toMatch(/max\(v\)/)
    expect(hyper.AdaGrad).toMatch(/adagrad/)
  })

  it("gamma chart: min Γ on a symlog scale linear within ±1, zero drawn, the negative region shaded; the share of negative rounds in [0, 1]", () => {
    const spec = byName(charts, "gamma")
    expect(spec.vconcat).toHaveLength(2)
    const [top, bottom] = spec.vconcat
    const mean = units(top).find((u) => u.name === "min Γₜ_mean")!
    expect(mean.data.values.some((r: Json) => r.mean < 0)).toBe(true)
    expect(mean.encoding.y.scale).toMatchObject({ type: "symlog", constant: 1 })
    expect(mean.encoding.y.axis.values).toContain(0)
    expect(units(top).find((u) => u.name === "gamma_zero")!.mark.type).toBe("rule")
    expect(units(top).find((u) => u.name === "gamma_negative")!.data.values[0].y2).toBe(0)
    for (const u of units(bottom)) for (const r of u.data.values) for (const k of ["mean", "value"]) if (k in r) expect(r[k] >= 0 && r[k] <= 1).toBe(true)
  })

  it("styles learners by colour, dash and width, widest first, and the legend says so", () => {
    const line = units(byName(buildCharts(makeResult({ seeds: [1] })), "avg-regret"))[0]
    // Solid is the empty pattern: [1, 0] would be stroked as one dash per pixel.
    expect(line.encoding.strokeDash.scale.range[0]).toEqual([])
    const widths = line.encoding.strokeWidth.scale.range as number[]
    expect([...widths].sort((a, b) => b - a)).toEqual(widths)
    expect(line.encoding.color.title).toMatch(/widest drawn first/)
    expect(line.encoding.color.legend).toEqual(line.encoding.strokeDash.legend)
  })

  it("writes math as text symbols, never TeX source", () => {
    for (const c of charts) {
      const text = JSON.stringify(c.spec)
      expect(text, c.name).not.toMatch(/_\{|\^\{|\\frac|\\sum/)
    }
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
