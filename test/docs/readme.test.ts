// The README's learner tables are generated from the registry and the fields tables
// (scripts/readme-tables.ts, `npm run readme`): the committed README must be what they produce now.
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { listScenarios } from "../../src/scenario/index.ts"
import { generated, withGeneratedSections } from "../../scripts/readme-tables.ts"

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8")

describe("README.md", () => {
  it("holds every generated section, as the registry produces it now (npm run readme)", () => {
    for (const name of Object.keys(generated)) expect(readme).toContain(`<!-- generated:${name} -->`)
    expect(withGeneratedSections(readme)).toBe(readme)
  })

  it("lists every built-in scenario", () => {
    for (const s of listScenarios()) expect(readme, s.id).toContain(`\`${s.id}\``)
  })
})
