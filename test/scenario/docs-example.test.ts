// The two examples in docs/writing-an-adversary.md run as written and their expectations hold.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import * as path from "node:path"
import { describe, expect, it } from "vitest"
import { applyOverrides, loadScenario, resolveScenario, runScenarioSync } from "../../src/scenario/index.ts"

const doc = readFileSync("docs/writing-an-adversary.md", "utf8")
const block = (lang: string): string => {
  const m = new RegExp("```" + lang + "\\n([\\s\\S]*?)```").exec(doc)
  if (m === null) throw new Error(`no ${lang} block in the doc`)
  return m[1]
}

describe("docs/writing-an-adversary.md", () => {
  it("the TypeScript example is under 20 lines and runs from a folder of its own, as the doc says", async () => {
    const code = block("ts")
    expect(code.trim().split("\n").length).toBeLessThan(20)
    const dir = mkdtempSync(path.join(tmpdir(), "regretlab-doc-"))
    try {
      mkdirSync(path.join(dir, "my-scenarios"))
      const file = path.join(dir, "my-scenarios", "flip.ts")
      writeFileSync(file, code)
      const s = await loadScenario(file)
      const r = runScenarioSync(s)
      expect(r.expectations.map((e) => e.holds)).toEqual([true])
      expect(applyOverrides(s, ["adversary.k=2000"]).adversary).toMatchObject({ kind: "flip", k: 2000 })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it("the JSON example is valid and its expectation holds", () => {
    const s = resolveScenario(JSON.parse(block("json")), "docs/writing-an-adversary.md")
    const r = runScenarioSync(s)
    expect(r.expectations.every((e) => e.holds)).toBe(true)
    expect(r.paired).toHaveLength(1)
  })
})
