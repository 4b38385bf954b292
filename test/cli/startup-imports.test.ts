// The command starts in about a tenth of a second because the heavy libraries (the chart renderer,
// the PDF writer, the bundler for user scenarios) load only when a command needs them, through
// dynamic import(). One static import of a module that reaches them costs ~0.15 s on every command,
// `--version` included: this walks the static import graph from the CLI's entry and fails on that.
import { readFileSync } from "node:fs"
import * as path from "node:path"
import { describe, expect, it } from "vitest"

const src = path.resolve(import.meta.dirname, "../../src")
const HEAVY = ["vega", "vega-lite", "vega-embed", "@resvg/resvg-js", "pdfkit", "svg-to-pdfkit", "esbuild", "playwright-core"]

/** Value imports and re-exports (not `import type`, not dynamic `import()`), resolved to files or package names. */
const staticImports = (file: string): string[] => {
  const text = readFileSync(file, "utf8")
  const out: string[] = []
  for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^"';]*?\s+from\s+)?["']([^"']+)["']/gm)) {
    const spec = m[1]
    out.push(spec.startsWith(".") ? path.resolve(path.dirname(file), spec) : spec)
  }
  return out
}

/** Every heavy package the entry reaches, with the chain of files that reaches it. */
const heavyReached = (entry: string): string[] => {
  const seen = new Set<string>()
  const found: string[] = []
  const walk = (file: string, chain: readonly string[]) => {
    if (seen.has(file)) return
    seen.add(file)
    for (const dep of staticImports(file)) {
      if (dep.startsWith("/")) walk(dep, [...chain, path.relative(src, file)])
      else if (HEAVY.includes(dep)) found.push(`${dep} via ${[...chain, path.relative(src, file)].join(" → ")}`)
    }
  }
  walk(entry, [])
  return found
}

describe("command start-up", () => {
  it("the CLI's static imports reach none of the heavy libraries", () => {
    expect(heavyReached(path.join(src, "cli/main.ts"))).toEqual([])
  })

  it("the walk finds a heavy library where one is imported statically", () => {
    expect(heavyReached(path.join(src, "report/render.ts")).some((f) => f.startsWith("vega"))).toBe(true)
  })
})
