// The two examples in docs/writing-an-adversary.md run as written and their expectations hold.
import { readFileSync, rmSync, writeFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { loadScenario, resolveScenario, runScenarioSync } from "../../src/scenario/index.ts"

const doc = readFileSync("docs/writing-an-adversary.md", "utf8")
const block = (lang: string): string => {
  const m = new RegExp("```" + lang + "\\n([\\s\\S]*?)```").exec(doc)
  if (m === null) throw new Error(`no ${lang} block in the doc`)
  return m[1]
}

describe("docs/writing-an-adversary.md", () => {
  it("the TypeScript example is under 20 lines and its expectation holds", async () => {
    const code = block("ts")
    expect(code.trim().split("\n").length).toBeLessThan(20)
    const file = "test/scenario/fixtures/.doc-flip.ts"
    writeFileSync(file, code.replaceAll("../src/", "../../../src/"))
    try {
      const s = await loadScenario(file)
      const r = runScenarioSync(s)
      expect(r.expectations.map((e) => e.holds)).toEqual([true])
    } finally {
      rmSync(file, { force: true })
    }
  })

  it("the JSON example is valid and its expectation holds", () => {
    const s = resolveScenario(JSON.parse(block("json")), "docs/writing-an-adversary.md")
    const r = runScenarioSync(s)
    expect(r.expectations.every((e) => e.holds)).toBe(true)
    expect(r.paired).toHaveLength(1)
  })
})
