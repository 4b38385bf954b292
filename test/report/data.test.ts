import * as fs from "node:fs/promises"
import * as os from "node:os"
import * as path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { readReportData, writeReport } from "../../src/report/index.ts"
import { serialiseResult } from "../../src/report/data.ts"
import type { ScenarioResult } from "../../src/scenario/types.ts"
import { makeResult } from "./fixture.ts"

let dir: string
let files: readonly string[]
let result: ScenarioResult

beforeAll(async () => {
  const base = makeResult({ horizon: 400 })
  // A diverged run: its last row holds NaN and Infinity, which JSON cannot spell.
  const [first, ...rest] = base.runs
  const lastRow = first.rows[first.rows.length - 1]
  const broken = { ...first, rows: [...first.rows.slice(0, -1), { ...lastRow, regret: Infinity, avgRegret: NaN, gammaMin: -Infinity }], status: { kind: "diverged" as const, round: lastRow.t, what: "iterate" as const, value: NaN } }
  result = { ...base, runs: [broken, ...rest] }
  const parent = await fs.mkdtemp(path.join(os.tmpdir(), "regretlab-data-"))
  ;({ dir, files } = await writeReport(result, { outDir: path.join(parent, "r"), command: "regretlab run test/reddi-online --horizon 400", version: "9.9.9" }))
})
afterAll(async () => {
  await fs.rm(path.dirname(dir), { recursive: true, force: true })
})

describe("report files", () => {
  it("writes index.html, an SVG, PNG and spec per chart, data, summary and run.json, and lists exactly those", async () => {
    for (const name of ["avg-regret", "regret", "iterate", "step-size", "gamma", "summary"]) {
      for (const ext of [".svg", ".png", ".vl.json"]) expect(files).toContain(name + ext)
    }
    for (const f of ["index.html", "data.csv", "data.json", "run.json", "summary.md", "summary.csv", "lib/vega.min.js", "lib/vega-lite.min.js", "lib/vega-embed.min.js"]) expect(files).toContain(f)
    for (const f of files) expect((await fs.stat(path.join(dir, f))).size, f).toBeGreaterThan(0)
  })

  it("data.json reads back as the same result, doubles bit-exact, NaN and ±Infinity included", async () => {
    const back = await readReportData(dir)
    expect(back.result).toEqual(serialiseResult(result))
    const row = back.result.runs[0].rows.at(-1)!
    expect(row.regret).toBe(Infinity)
    expect(row.avgRegret).toBeNaN()
    expect(row.gammaMin).toBe(-Infinity)
    expect(back.result.runs[1].rows[5].regret).toBe(result.runs[1].rows[5].regret)
  })

  it("run.json has the config, seeds, version, node and the command that regenerates the report", async () => {
    const { run } = await readReportData(dir)
    expect(run).toMatchObject({
      tool: "regretlab",
      version: "9.9.9",
      command: "regretlab run test/reddi-online --horizon 400",
      node: process.version,
      seeds: [1, 2],
      scenario: { id: "test/reddi-online", horizon: 400, adversary: { kind: "periodic-linear" } }
    })
    expect(Date.parse((run as { timestamp: string }).timestamp)).not.toBeNaN()
  })

  it("data.csv has a header and one line per checkpoint row, full precision", async () => {
    const lines = (await fs.readFile(path.join(dir, "data.csv"), "utf8")).trimEnd().split("\n")
    const head = lines[0].split(",")
    expect(head.slice(0, 5)).toEqual(["learner", "seed", "status", "t", "cumLoss"])
    expect(head).toContain("x_0")
    expect(lines.length - 1).toBe(result.runs.reduce((n, r) => n + r.rows.length, 0))
    const second = lines[2].split(",")
    expect(Number(second[head.indexOf("regret")])).toBe(result.runs[0].rows[1].regret)
  })

  it("readReportData says clearly when a folder is not a report", async () => {
    await expect(readReportData(path.dirname(dir))).rejects.toThrow(/not a regretlab report folder: cannot read data.json/)
  })

  it("index.html loads only the report's own lib/ scripts (works offline), and every linked file exists", async () => {
    const html = await fs.readFile(path.join(dir, "index.html"), "utf8")
    const srcs = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1])
    expect(srcs).toEqual(["lib/vega.min.js", "lib/vega-lite.min.js", "lib/vega-embed.min.js"])
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//)
    for (const m of html.matchAll(/href="([^"#]+)"/g)) await expect(fs.stat(path.join(dir, m[1]))).resolves.toBeTruthy()
  })
})
