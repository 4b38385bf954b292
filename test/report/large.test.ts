// Reports of big runs: 1.5·10^5 checkpoint rows, and a box of dimension 2·10^5. Spreading that many
// values into Math.max overflowed the call stack, so these runs ended without a report or summary.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import * as path from "node:path"
import { describe, expect, it } from "vitest"
import { logCheckpoints } from "../../src/core/checkpoints.ts"
import { maxOf, minOf } from "../../src/core/extent.ts"
import { buildCharts } from "../../src/report/charts.ts"
import { rowsCsv } from "../../src/report/data.ts"
import { chooseScale } from "../../src/report/scales.ts"
import { summaryCsv, summaryMarkdown, summaryTable } from "../../src/report/summary.ts"
import { writeReport } from "../../src/report/write.ts"
import { applyOverrides, getScenario, resolveScenario, runScenarioSync, spread } from "../../src/scenario/index.ts"

const N = 200_000

describe("extents of long lists", () => {
  it("maxOf and minOf take any length and agree with Math.max/min where those work", () => {
    const values = Array.from({ length: N }, (_, i) => Math.sin(i) * i)
    expect(() => Math.max(...values)).toThrow(RangeError)
    expect(maxOf(values)).toBe(values.reduce((a, b) => Math.max(a, b)))
    expect(minOf(values)).toBe(values.reduce((a, b) => Math.min(a, b)))
    expect(maxOf([], 0)).toBe(0)
    expect(maxOf([1, NaN, 3])).toBeNaN()
    expect(minOf([1, NaN, -3])).toBeNaN()
    expect(maxOf([-0.5, -2], -Infinity)).toBe(-0.5)
  })

  it("scales and spreads of 2·10^5 values", () => {
    const values = Array.from({ length: N }, (_, i) => 1 + i)
    expect(chooseScale(values).scale.type).toBe("log")
    expect(chooseScale(values.map((v, i) => (i % 2 ? v : -v))).scale.type).toBe("symlog")
    expect(spread(values)).toMatchObject({ min: 1, max: N, n: N })
  })
})

describe("a report of 1.5·10^5 checkpoint rows", () => {
  it("charts, CSV and summaries are built", () => {
    const horizon = 150_000
    // perDecade ≥ 3·T: every round is a checkpoint.
    expect(logCheckpoints(horizon, 3 * horizon)).toHaveLength(horizon)
    const base = getScenario("reddi2018/online")!
    const s = applyOverrides(base, [`horizon=${horizon}`, `checkpoints.perDecade=${3 * horizon}`])
    const result = runScenarioSync({ ...s, expectations: s.expectations.filter((e) => e.learner === "adam") }, { learners: ["adam"] })
    expect(result.runs[0].rows).toHaveLength(horizon)
    const charts = buildCharts(result)
    expect(charts.map((c) => c.name)).toContain("avg-regret")
    expect(rowsCsv(result).split("\n")).toHaveLength(horizon + 2)
    expect(summaryCsv(result)).toContain("adam,150000")
    expect(summaryMarkdown(result)).toContain("| adam |")
    expect(summaryTable(result)).toContain("T = 150,000")
  })
})

describe("a report at d = 2·10^5", () => {
  it("a box of dimension 2·10^5 with the periodic-linear adversary writes its report (bounds from the closed form)", async () => {
    const d = N
    const s = resolveScenario({
      id: "large/box", title: "A box of dimension 2e5",
      domain: { kind: "box", lower: new Array(d).fill(-1), upper: new Array(d).fill(1) },
      adversary: { kind: "periodic-linear", C: 3, period: 3 },
      learners: [{ label: "adagrad", kind: "adagrad" }],
      horizon: 3, start: new Array(d).fill(0)
    }, "large-box")
    const result = runScenarioSync(s)
    expect(result.runs[0].status).toEqual({ kind: "ok" })
    const out = path.join(mkdtempSync(path.join(tmpdir(), "regretlab-large-")), "report")
    const written = await writeReport(result, { outDir: out, command: "test", version: "0", png: false })
    expect(readdirSync(written.dir)).toEqual(expect.arrayContaining(["index.html", "regret.svg", "data.csv", "summary.csv"]))
    // AdaGrad's bound is drawn: Σ_i ‖g_{1:t,i}‖₂ and G∞ came from the adversary's closed form over 2·10^5 coordinates.
    expect(readFileSync(path.join(written.dir, "regret.vl.json"), "utf8")).toContain('"name": "bound"')
  })
})

describe("a lab report of 1.5·10^5 path points", () => {
  it("the phase plane takes its window from every point of the paths", async () => {
    const { labCharts } = await import("../../src/report/lab/index.ts")
    const base = getScenario("implicit-bias/bilinear-step")!
    const small = runScenarioSync(base)
    const run = small.runs[0]
    const last = run.rows.at(-1)!
    // The paths as a run with every round recorded would give them: 1.5·10^5 rows, the widest at the end.
    const rows = Array.from({ length: 150_000 }, (_, k) => ({ ...last, t: k + 1, x: [last.x![0] * (1 + k / 150_000), last.x![1]] }))
    const result = { ...small, runs: [{ ...run, rows }, ...small.runs.slice(1)] }
    const plane = labCharts(result).find((c) => c.name === "phase-plane")!
    // The w1 axis reaches past the widest point (the pad is at least 0.1).
    const w1 = [...rows, ...small.runs.flatMap((r) => r.rows)].map((r) => r.x![0])
    const domains = [...JSON.stringify(plane.spec).matchAll(/"field":"w1"[^}]*"domain":\[([^,\]]+),([^\]]+)\]/g)].map((m) => [Number(m[1]), Number(m[2])])
    expect(domains.length).toBeGreaterThan(0)
    for (const [lo, hi] of domains) {
      expect(lo).toBeLessThanOrEqual(minOf(w1) - 0.1)
      expect(hi).toBeGreaterThanOrEqual(maxOf(w1) + 0.1)
    }
  })
})
