// Charts, report folder and the built-in sweeps (on reduced grids and horizons).
import { existsSync, mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import * as path from "node:path"
import { describe, expect, it } from "vitest"
import { buildSweepCharts } from "../../src/sweep/charts.ts"
import { builtinSweeps, resolveSweep } from "../../src/sweep/definition.ts"
import { readManifest, readResults } from "../../src/sweep/results.ts"
import { runSweep } from "../../src/sweep/run.ts"
import { summariseSweep } from "../../src/sweep/summary.ts"
import { writeSweepReport } from "../../src/sweep/report.ts"

const tmp = () => mkdtempSync(path.join(tmpdir(), "regretlab-sweep-report-"))

const run = async (ref: string, flags: Parameters<typeof resolveSweep>[1]) => {
  const { plan, base } = await resolveSweep(ref, flags)
  const out = tmp()
  const o = await runSweep({ plan, base, outDir: out, workers: 0 })
  const records = readResults(o.file).records
  return { plan, out, records, summary: summariseSweep(plan, records) }
}

type Layer = { mark: { type: string } | string; data?: { values: Record<string, unknown>[] } }

describe("sweep charts and report", () => {
  it("a (β1, β2) sweep gets heatmaps with the β1 = √β2 curve inside the grid", async () => {
    const { plan, summary } = await run("reddi2018/online", {
      learners: ["adam"], grid: ["learners.adam.beta2=0.5,0.9,0.99", "learners.adam.beta1=0,0.5,0.9"], horizon: 2000, verdict: { metric: "x", op: "<=", threshold: -0.9 }
    })
    const charts = buildSweepCharts(plan, summary)
    // The outcome that separates the phases first.
    expect(charts.map((c) => c.name)).toEqual(["heatmap-x", "heatmap-verdict", "heatmap-avgRegret"])
    const layers = (charts[1].spec as { layer: (Layer & { encoding: Record<string, any> })[] }).layer
    // Quantitative axes: 1 − β₂ on a reversed log scale (β₂ grows to the right), β₁ linear, titled as symbols.
    const x = layers[0].encoding.x, y = layers[0].encoding.y
    expect(x.scale).toMatchObject({ type: "log", reverse: true })
    expect(x.title).toMatch(/^1 − β₂ \(adam\)/)
    expect(y.scale.type).toBe("linear")
    expect(y.title).toBe("β₁ (adam)")
    const curve = layers.find((l) => typeof l.mark === "object" && l.mark.type === "line")!
    const pts = curve.data!.values as { u: number; v: number; curve: string }[]
    expect(pts[0].curve).toMatch(/β₁ = √β₂/)
    // A true curve: every point has β₁ = √β₂, i.e. v = √(1 − u), densely sampled.
    expect(pts.length).toBeGreaterThan(50)
    for (const p of pts) expect(p.v).toBeCloseTo(Math.sqrt(1 - p.u), 12)
    const cells = layers[0].data!.values as { x0: number; x1: number; value: number }[]
    expect(cells).toHaveLength(9)
    // Cells reach half way (geometrically) to their neighbours: 1 − β₂ = 0.1 spans √(0.1·0.01) … √(0.1·0.5).
    const mid = cells.find((c) => c.x0 < 0.1 && c.x1 > 0.1)!
    expect(mid.x0).toBeCloseTo(Math.sqrt(0.001), 12)
    expect(mid.x1).toBeCloseTo(Math.sqrt(0.05), 12)
    // Cell text readable on its fill, the verdict in a colour-blind-safe palette.
    const text = layers.find((l) => typeof l.mark === "object" && l.mark.type === "text")!
    for (const c of text.data!.values as { ink: string; value: number }[]) expect(c.ink).toBe(c.value === 1 ? "#fff" : "#111")
    expect(layers[0].encoding.color.scale.range).toEqual(["#E69F00", "#f4f4f4", "#0072B2"])
  })

  it("no curve when the axes are not one learner's β1 and β2; line charts for one axis", async () => {
    const { plan, summary } = await run("lecture/period3", { learners: ["adam"], grid: ["learners.adam.beta2=0.01,0.5,0.99"], seeds: 2, horizon: 1000 })
    const charts = buildSweepCharts(plan, summary)
    expect(charts.map((c) => c.name)).toEqual(["line-avgRegret", "line-x"])
    const layers = (charts[0].spec as { layer: Layer[]; data: { values: unknown[] } })
    expect(layers.data.values).toHaveLength(3)
    expect(layers.layer.map((l) => (typeof l.mark === "object" ? l.mark.type : l.mark))).toEqual(["area", "line"])
  })

  it("writes an escaped, sortable report with provenance, atomically", async () => {
    const { plan, out, summary } = await run("lecture/period3", { learners: ["adam"], grid: ["learners.adam.beta2=0.01,0.5", "learners.adam.alpha=0.01,0.02"], horizon: 1000 })
    const manifest = readManifest(out)!
    const hostile = { ...manifest, plan: { ...plan, title: "<img src=x onerror=alert(1)>" } }
    const dir = path.join(out, "report")
    const { files } = await writeSweepReport(hostile, summary, { outDir: dir, command: "npx regretlab sweep x", version: "0.0.0-test", png: false })
    const html = readFileSync(path.join(dir, "index.html"), "utf8")
    expect(html).not.toContain("<img src=x")
    expect(html).toContain("&lt;img src=x")
    expect(html).toContain("th class=\"sortable\"")
    expect(html).toContain("npx regretlab sweep x")
    expect(files).toContain("points.csv")
    expect(readFileSync(path.join(dir, "points.csv"), "utf8").split("\n")[0]).toBe("learners.adam.beta2,learners.adam.alpha,learner,jobs,failed,avgRegret_mean,avgRegret_sd,avgRegret_min,avgRegret_max,regret_mean,x_mean,x_sd,x_min,x_max,converged")
    expect(existsSync(path.join(dir, "heatmap-x.svg"))).toBe(true)
    // Rewriting replaces the old report; a foreign folder is never replaced.
    await writeSweepReport(manifest, summary, { outDir: dir, command: "again", version: "0", png: false })
    expect(readFileSync(path.join(dir, "index.html"), "utf8")).toContain("again")
    await expect(writeSweepReport(manifest, summary, { outDir: out, command: "x", version: "0", png: false })).rejects.toThrow(/refusing to replace/)
  })
})

describe("built-in sweeps", () => {
  it("both decode and resolve", async () => {
    expect([...builtinSweeps().keys()].sort()).toEqual(["reddi2018/phase", "rmsprop/beta2-threshold"])
    for (const id of builtinSweeps().keys()) {
      const { plan } = await resolveSweep(id)
      expect(plan.jobs).toBeGreaterThan(50)
      expect(plan.verdict).toBeDefined()
    }
  })

  it("reddi2018/phase (reduced): Adam fails at β2 = 0.99 and converges at β2 = 0.99999", async () => {
    const { summary } = await run("reddi2018/phase", { grid: ["learners.adam.beta2=0.99,0.99999", "learners.adam.beta1=0,0.9"], horizon: 300_000 })
    const at = (b2: number, b1: number) => summary.points.find((p) => p.values["learners.adam.beta2"] === b2 && p.values["learners.adam.beta1"] === b1)!
    expect(at(0.99, 0.9).x!.mean).toBeGreaterThan(0.99)
    expect(at(0.99, 0).converged).toBe(0)
    expect(at(0.99999, 0.9).converged).toBe(1)
  })

  it("rmsprop/beta2-threshold (reduced): at C = 3, β2 = 0.45 fails and 0.7 converges (threshold 0.4723)", async () => {
    const { summary, plan } = await run("rmsprop/beta2-threshold", { grid: ["adversary.C+adversary.period=3", "learners.rmsprop.beta2=0.45,0.7"], horizon: 200_000 })
    expect(plan.references[0].points[0]).toEqual({ "adversary.C+adversary.period": 3, "learners.rmsprop.beta2": 0.4723 })
    expect(summary.points.map((p) => p.converged)).toEqual([0, 1])
  })
})
