// Paper figures: Reddi et al.'s Figure 1 from the two Section 5 scenarios, laid out as the paper
// lays it out, and its PDF for LaTeX.
import { describe, expect, it } from "vitest"
import { compile, type TopLevelSpec } from "vega-lite"
import { buildFigures, figuresOf, paperFigures } from "../../src/report/figures.ts"
import { buildCharts, renderSvg } from "../../src/report/index.ts"
import { renderPdf } from "../../src/report/pdf.ts"
import { getScenario, runScenarioSync } from "../../src/scenario/index.ts"

type Json = Record<string, any>

describe("Reddi et al.'s Figure 1", () => {
  const online = runScenarioSync({ ...getScenario("reddi2018/online")!, horizon: 20_000 })
  const stochastic = runScenarioSync({ ...getScenario("reddi2018/stochastic")!, horizon: 20_000 })

  it("belongs to both Section 5 scenarios and to no other", () => {
    expect(figuresOf("reddi2018/online").map((f) => f.name)).toEqual(["figure1"])
    expect(figuresOf("reddi2018/stochastic").map((f) => f.name)).toEqual(["figure1"])
    expect(figuresOf("reddi2018/theorem1")).toEqual([])
    expect(buildFigures(runScenarioSync({ ...getScenario("reddi2018/theorem1")!, horizon: 100 }), [online, stochastic])).toEqual([])
  })

  it("has the paper's three panels on linear axes, Adam and AMSGrad only, from either scenario's report", () => {
    const [fromOnline] = buildFigures(online, [stochastic])
    const [fromStochastic] = buildFigures(stochastic, [online])
    expect(JSON.stringify(fromOnline.spec)).toBe(JSON.stringify(fromStochastic.spec))
    const spec = fromOnline.spec as Json
    expect(fromOnline.pdf).toBe(true)
    expect(spec.hconcat.map((p: Json) => p.title.text)).toEqual(["online: Rₜ/t", "online: xₜ", "stochastic: xₜ"])
    for (const panel of spec.hconcat) {
      for (const layer of panel.layer) {
        expect(layer.encoding.x.scale).toEqual({ domain: [0, 20_000], nice: false })
        expect(layer.encoding.y.scale.type ?? "linear").toBe("linear")
        expect(new Set(layer.data.values.map((r: Json) => r.name))).toEqual(new Set(["Adam", "AMSGrad"]))
      }
    }
    expect(spec.hconcat[1].layer[0].encoding.y.scale.domain).toEqual([-1, 1])
    expect(() => compile(spec as TopLevelSpec)).not.toThrow()
    // Its reading: Adam's online xₜ goes to +1, AMSGrad's towards −1.
    const line = spec.hconcat[1].layer.find((l: Json) => l.mark.type === "line").data.values as Json[]
    expect(line.filter((r) => r.name === "Adam").at(-1)!.value).toBeGreaterThan(0.99)
    expect(line.filter((r) => r.name === "AMSGrad").at(-1)!.value).toBeLessThan(-0.5)
  })

  it("is a figure of the report only when its companion result is there", () => {
    expect(buildFigures(online, [])).toEqual([])
    expect(paperFigures.every((f) => f.panels.length === 3)).toBe(true)
  })

  it("renders to a vector PDF with the report's font, the same bytes every time", async () => {
    const [figure] = buildFigures(online, [stochastic])
    const svg = await renderSvg(figure.spec)
    const [a, b] = [await renderPdf(svg), await renderPdf(svg)]
    expect(Buffer.from(a.slice(0, 5)).toString()).toBe("%PDF-")
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true)
    expect(Buffer.from(a).toString("latin1")).toMatch(/DejaVu/)
  })
})

describe("several seeds of a stochastic scenario", () => {
  const result = runScenarioSync({ ...getScenario("reddi2018/stochastic")!, horizon: 5_000, seeds: [1, 2, 3, 4, 5] })
  const charts = buildCharts(result)
  const units = (spec: Json): Json[] => (spec.layer ? spec.layer.flatMap(units) : spec.vconcat ? spec.vconcat.flatMap(units) : [spec])

  it("adds a pseudo-regret chart, draws iterates per seed, and leaves out a comparator that differs by seed", () => {
    expect(charts.map((c) => c.name)).toEqual(["avg-regret", "regret", "pseudo-regret", "iterate", "step-size", "gamma", "summary"])
    const pseudo = units(charts[2].spec as Json).map((u) => u.name)
    expect(pseudo).toEqual(["pseudo-regret/t_interval", "pseudo-regret/t_seeds", "pseudo-regret/t_mean"])
    const iterate = charts[3].spec as Json
    const names = units(iterate).map((u) => u.name)
    expect(names).toEqual(["xₜ_seeds", "x̄ₜ_seeds"])
    expect(new Set(units(iterate)[0].data.values.map((r: Json) => r.seed))).toEqual(new Set([1, 2, 3, 4, 5]))
    expect(JSON.stringify(iterate.title.subtitle)).toMatch(/not drawn: it follows each seed's draws/)
  })
})
