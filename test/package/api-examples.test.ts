// Every export of the package root has a doc comment with a runnable example, and every example
// runs as written (imports of "regretlab" pointed at src/index.ts). The consumer test type-checks
// the same examples against the built package.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import * as path from "node:path"
import { pathToFileURL } from "node:url"
import { afterAll, describe, expect, it } from "vitest"
import { entry, publicApi } from "./api-docs.ts"

const api = publicApi()
const dir = mkdtempSync(path.join(tmpdir(), "regretlab-examples-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe("the public API", () => {
  it("exports the names a user's project writes", () => {
    const names = api.map((e) => e.name)
    for (const name of ["defineScenario", "box", "interval", "periodicLinear", "linearAdversary", "adam", "amsgrad", "learner", "play", "writeReport", "sweep", "loadScenario"]) {
      expect(names).toContain(name)
    }
  })

  it("has a doc comment with at least one example on every export", () => {
    const missing = api.filter((e) => e.doc.trim() === "" || e.examples.length === 0).map((e) => e.name)
    expect(missing).toEqual([])
  })

  const cases = api.flatMap((e) => e.examples.map((code, i) => [`${e.name} example ${i + 1}`, code] as const))
  it.each(cases)("%s runs", async (name, code) => {
    const file = path.join(dir, `${name.replace(/\W+/g, "-")}.ts`)
    writeFileSync(file, code.replaceAll('from "regretlab"', `from ${JSON.stringify(entry)}`))
    const logged: unknown[] = []
    const log = console.log
    console.log = (...args: unknown[]) => { logged.push(args) }
    try {
      await import(pathToFileURL(file).href)
    } finally {
      console.log = log
    }
    // An example that prints shows its result; it must have got that far.
    if (code.includes("console.log(")) expect(logged.length).toBeGreaterThan(0)
  })
})
