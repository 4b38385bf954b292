import { describe, expect, it } from "vitest"
import { summaryMarkdown, summaryTable } from "../../src/report/index.ts"
import { summaryCsv } from "../../src/report/summary.ts"
import { makeResult } from "./fixture.ts"

describe("summary", () => {
  const result = makeResult({ horizon: 2000 })

  it("table: one line per learner with x_T, R_T, R_T/T and the verdict", () => {
    const lines = summaryTable(result).split("\n")
    expect(lines[0]).toContain(result.scenario.id)
    expect(lines[2]).toMatch(/^learner\s+x_T\s+R_T\s+R_T\/T\s+verdict$/)
    for (const s of result.summary) {
      const line = lines.find((l) => l.startsWith(s.learner + " "))!
      expect(line).toBeDefined()
      const holds = result.expectations.find((e) => e.expectation.learner === s.learner)!.holds
      expect(line).toContain(holds ? "✓ pass" : "✗ FAIL")
      expect(line).toContain(Number(s.avgRegret.mean.toPrecision(4)).toString())
    }
  })

  it("markdown: a table with a header row and one row per learner", () => {
    const md = summaryMarkdown(result)
    const rows = md.split("\n").filter((l) => l.startsWith("| "))
    expect(rows[0]).toBe("| learner | x_T | R_T | R_T/T | verdict |")
    expect(rows).toHaveLength(1 + result.summary.length)
  })

  it("csv: full precision numbers", () => {
    const [head, first] = summaryCsv(result).split("\n")
    const cols = head.split(",")
    expect(Number(first.split(",")[cols.indexOf("avgRegret_mean")])).toBe(result.summary[0].avgRegret.mean)
  })
})
