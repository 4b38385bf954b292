// Reports under hostile labels and unusual endings: CSV cells that a spreadsheet would run as
// formulas, learner labels whose file names collide, an interrupted run (its expectations were
// not checked, not failed), a learner that diverged early (the summary is still at T), and
// Vega-Lite's warnings about our own specs kept off the terminal.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import * as path from "node:path"
import { describe, expect, it, vi } from "vitest"
import { fileNameParts, shortHash } from "../../src/report/file-names.ts"
import { csvField } from "../../src/report/format.ts"
import { renderHtml } from "../../src/report/html.ts"
import { renderSvg } from "../../src/report/render.ts"
import { summaryCsv, summaryMarkdown, summaryTable } from "../../src/report/summary.ts"
import { writeReport } from "../../src/report/write.ts"
import { fromJson, runInfo } from "../../src/report/data.ts"
import { resolveScenario, runScenarioSync, summarise } from "../../src/scenario/index.ts"
import type { ScenarioResult } from "../../src/scenario/types.ts"
import { resolveSweep } from "../../src/sweep/definition.ts"
import { runSweep } from "../../src/sweep/run.ts"
import { readManifest, readResults } from "../../src/sweep/results.ts"
import { summariseSweep } from "../../src/sweep/summary.ts"
import { writeSweepReport } from "../../src/sweep/report.ts"

const tmp = () => mkdtempSync(path.join(tmpdir(), "regretlab-hardening-"))

/** One CSV line split into cells (RFC 4180 quotes). */
const cells = (line: string): string[] => {
  const out: string[] = []
  let cur = "", quoted = false
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++ } else if (ch === '"') quoted = false
      else cur += ch
    } else if (ch === '"') quoted = true
    else if (ch === ",") { out.push(cur); cur = "" } else cur += ch
  }
  out.push(cur)
  return out
}

/** A sweep of a small scenario over these learners and --grid axes, run in a fresh folder; its report folder. */
const sweepReport = async (id: string, learners: readonly { label: string; kind: string }[], grid: readonly string[]): Promise<string> => {
  const dir = tmp()
  const scenario = path.join(dir, "s.json")
  writeFileSync(scenario, JSON.stringify({
    id, title: "t", domain: { kind: "box", lower: [-1], upper: [1] },
    adversary: { kind: "periodic-linear", C: 3, period: 3 },
    learners, horizon: 30, start: [0]
  }))
  const { plan, base } = await resolveSweep(scenario, { grid })
  await runSweep({ plan, base, outDir: dir, workers: 0 })
  const summary = summariseSweep(plan, readResults(path.join(dir, "results.jsonl")).records)
  return (await writeSweepReport(readManifest(dir)!, summary, { outDir: path.join(dir, "report"), command: "test", version: "0", png: false })).dir
}

const FORMULAS = ['=HYPERLINK("http://evil.example","click")', "+1+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3+cmd|' /C calc'!A0", "\t=1+1", "\r=1+1"]

const run = (labels: readonly string[], horizon = 300) =>
  runScenarioSync(resolveScenario({
    id: "hostile/labels", title: "Hostile labels",
    domain: { kind: "box", lower: [-1], upper: [1] },
    adversary: { kind: "periodic-linear", C: 3, period: 3 },
    learners: labels.map((label) => ({ label, kind: "adam" })),
    horizon, start: [0],
    expectations: [{ learner: labels[0], metric: "x", op: "<=", value: 2 }]
  }, "labels.json"))

describe("CSV cells that start like a formula", () => {
  it("are neutralised with a leading quote (OWASP), numbers and plain text are not", () => {
    for (const f of FORMULAS) expect(cells(csvField(f))).toEqual([`'${f}`])
    expect(csvField("adam")).toBe("adam")
    expect(csvField("a,b")).toBe('"a,b"')
    expect(csvField(-0.5)).toBe("-0.5")
    expect(csvField(-1e-300)).toBe("-1e-300")
    expect(csvField(true)).toBe("true")
    expect(csvField("\u0000=1")).toBe(`"'\u0000=1"`)
  })

  it("in data.csv and summary.csv; data.json keeps the raw labels", async () => {
    const result = run(FORMULAS)
    const { dir } = await writeReport(result, { outDir: path.join(tmp(), "r"), command: "test", version: "0", png: false })
    const data = readFileSync(path.join(dir, "data.csv"), "utf8").trimEnd().split("\n").slice(1).map(cells)
    const summary = readFileSync(path.join(dir, "summary.csv"), "utf8").trimEnd().split("\n").slice(1).map(cells)
    for (const rows of [data, summary]) {
      expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(FORMULAS.map((f) => `'${f}`)))
      for (const r of rows) {
        for (const cell of r) {
          expect(cell).not.toMatch(/^[=+@\t\r]/)
          if (cell.startsWith("-")) expect(Number.isFinite(Number(cell)), cell).toBe(true)
        }
      }
    }
    // Negative numbers are still numbers (x_T, regret): no quote in front of them.
    expect(data.some((r) => r.some((c) => /^-\d/.test(c)))).toBe(true)
    const json = fromJson(readFileSync(path.join(dir, "data.json"), "utf8")) as ScenarioResult
    expect(json.runs.map((r) => r.learner)).toEqual(FORMULAS)
  })

  it("in a sweep's points.csv (labels and text grid values), numeric grid values stay numbers", async () => {
    const report = await sweepReport("hostile/sweep", [{ label: FORMULAS[0], kind: "adam" }], ["adversary.direction=-1,1"])
    const rows = readFileSync(path.join(report, "points.csv"), "utf8").trimEnd().split("\n").map(cells)
    expect(rows[0][0]).toBe("adversary.direction")
    expect(rows.slice(1).map((r) => r[0])).toEqual(["-1", "1"])
    expect(rows.slice(1).map((r) => r[1])).toEqual([`'${FORMULAS[0]}`, `'${FORMULAS[0]}`])
  })
})

describe("file names from learner labels", () => {
  it("are distinct when slugs collide, case-insensitively too, and stable", () => {
    const labels = ["a b", "a?b", "a_b", "Adam", "adam", "plain", "../x", ""]
    const names = fileNameParts(labels)
    const values = labels.map((l) => names.get(l)!)
    expect(new Set(values.map((v) => v.toLowerCase())).size).toBe(labels.length)
    expect(names.get("plain")).toBe("plain")
    expect(names.get("a b")).toBe(`a_b-${shortHash("a b")}`)
    for (const v of values) expect(v).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]*$/)
    expect(fileNameParts([...labels].reverse())).toEqual(names)
  })

  it("a sweep over learners 'a b' and 'a?b' writes each learner's heatmaps, linked from index.html", async () => {
    const report = await sweepReport("hostile/slugs", [{ label: "a b", kind: "adam" }, { label: "a?b", kind: "amsgrad" }], ["learners.a b.beta1+learners.a?b.beta1=0,0.5", "horizon=20,30"])
    const svgs = readdirSync(report).filter((f) => f.startsWith("heatmap-avgRegret") && f.endsWith(".svg"))
    expect(svgs).toHaveLength(2)
    const html = readFileSync(path.join(report, "index.html"), "utf8")
    for (const label of ["a b", "a?b"]) {
      const file = `heatmap-avgRegret-${fileNameParts(["a b", "a?b"]).get(label)}`
      expect(readFileSync(path.join(report, `${file}.vl.json`), "utf8")).toContain(`learner ${label};`)
      expect(html).toContain(`href="${file}.svg"`)
    }
  })
})

describe("an interrupted run and a learner that diverged early", () => {
  const complete = run(["adam", "second"], 1000)
  const interruptedAt = 447
  const interrupted = summarise(
    complete.scenario,
    complete.runs.map((r) => ({ ...r, rows: r.rows.filter((row) => row.t <= interruptedAt), status: { kind: "interrupted" as const, round: interruptedAt } })),
    { kind: "interrupted", round: interruptedAt }
  )

  it("says its expectations were not checked — never ✗ FAIL — in the table, summary.md, summary.csv and index.html", () => {
    const html = renderHtml({ result: interrupted, charts: [], run: runInfo(interrupted, "x", "0"), scripts: [], png: false, files: [] })
    for (const text of [summaryTable(interrupted), summaryMarkdown(interrupted), summaryCsv(interrupted), html]) {
      expect(text).not.toMatch(/FAIL|✗/)
      expect(text).toContain("not checked (interrupted; 1 expectation)")
      expect(text).toContain("447")
    }
    expect(summaryTable(interrupted)).toContain("round 447 of T = 1,000 (interrupted)")
    expect(summaryTable(interrupted)).toContain("– adam: final x[0] ≤ 2 on every seed [not checked: the run was interrupted]")
  })

  it("the summary is at the horizon T when the first learner diverged at round 447", () => {
    const first = complete.runs[0]
    const diverged = summarise(complete.scenario, [
      { ...first, rows: first.rows.filter((r) => r.t < interruptedAt), status: { kind: "diverged", round: interruptedAt, what: "loss", value: NaN } },
      complete.runs[1]
    ], { kind: "complete" })
    expect(diverged.summary[0].t).toBeLessThan(interruptedAt)
    expect(summaryTable(diverged)).toMatch(/^hostile\/labels: Hostile labels\nT = 1,000, 1 seed\n/)
    expect(summaryTable(diverged)).toContain("1 diverged")
    expect(summaryMarkdown(diverged)).toContain("T = 1,000, 1 seed")
  })
})

describe("Vega-Lite's warnings", () => {
  it("about a spec (a zero on a log scale) do not reach the console", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {})
    try {
      await renderSvg({ data: { values: [{ x: 1, y: 1 }, { x: 100, y: 2 }] }, mark: "line", encoding: { x: { field: "x", type: "quantitative", scale: { type: "log", zero: false } }, y: { field: "y", type: "quantitative" } } })
      expect(warn).not.toHaveBeenCalled()
    } finally {
      warn.mockRestore()
    }
  })

  it("none for a one-axis sweep on a log-spaced grid", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {})
    try {
      const dir = tmp()
      const { plan, base } = await resolveSweep("lecture/period3", { learners: ["adam"], grid: ["learners.adam.alpha=1e-3:1:4:log"], horizon: 30 })
      await runSweep({ plan, base, outDir: dir, workers: 0 })
      await writeSweepReport(readManifest(dir)!, summariseSweep(plan, readResults(path.join(dir, "results.jsonl")).records), { outDir: path.join(dir, "report"), command: "t", version: "0", png: false })
      expect(warn).not.toHaveBeenCalled()
    } finally {
      warn.mockRestore()
    }
  })
})
