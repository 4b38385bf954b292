// Arrows only run down: each layer of src/ imports only from the layers below it, and the core is
// pure (no Effect, no IO, no node: modules), so it runs unchanged in a worker thread or a browser.
import { readdirSync, readFileSync, statSync } from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

const src = fileURLToPath(new URL("../src/", import.meta.url))

/** What each layer may import from (besides itself). */
const allowed: Readonly<Record<string, readonly string[]>> = {
  core: [],
  scenario: ["core", "scenarios"],
  run: ["core", "scenario"],
  report: ["core", "scenario"],
  sweep: ["core", "scenario", "run", "report"],
  playground: ["core", "scenario", "report"],
  search: ["core", "scenario"],
  // Running a search: worker threads, the scenario file and the report folder.
  "search-run": ["core", "scenario", "report", "search"],
  cli: ["core", "scenario", "run", "report", "sweep", "playground", "search", "search-run"],
  // The public API (src/index.ts re-exports it): a facade over the layers a user's code needs.
  api: ["core", "scenario", "report", "sweep", "search", "search-run"]
}

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name)
    return statSync(p).isDirectory() ? files(p) : /\.(ts|js)$/.test(name) ? [p] : []
  })

const importsOf = (file: string): string[] =>
  [...readFileSync(file, "utf8").matchAll(/(?:^|\n)\s*(?:import|export)[^"'\n]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2])

describe("layering", () => {
  for (const layer of readdirSync(src).filter((n) => statSync(path.join(src, n)).isDirectory())) {
    it(`src/${layer} imports only from ${[layer, ...(allowed[layer] ?? [])].join(", ")}`, () => {
      expect(allowed[layer], `a new layer src/${layer} needs a line in this test`).toBeDefined()
      for (const file of files(path.join(src, layer))) {
        for (const spec of importsOf(file)) {
          if (!spec.startsWith(".")) continue
          const target = path.relative(src, path.resolve(path.dirname(file), spec))
          const top = target.startsWith("..") ? path.relative(path.join(src, ".."), path.resolve(path.dirname(file), spec)).split(path.sep)[0] : target.split(path.sep)[0]
          expect([layer, ...allowed[layer]], `${path.relative(src, file)} imports ${spec}`).toContain(top)
        }
      }
    })
  }

  it("src/core imports no effect, no @effect package and no node: module", () => {
    for (const file of files(path.join(src, "core"))) {
      for (const spec of importsOf(file)) expect(/^(effect|@effect\/|node:)/.test(spec), `${path.relative(src, file)} imports ${spec}`).toBe(false)
    }
  })
})
