// Builds dist/: the JavaScript regretlab runs (esbuild) and the type declarations its users read
// (tsc). Run by `npm run build`, by `prepare` (so npm ci, a git dependency and npm pack all get
// it) and, JavaScript only, before the test suite.
//
// dist/lib/ holds five entry points — index.js (the package root), cli.js (the command),
// worker-entry.js (a sweep worker thread: the file name src/sweep/pool.ts starts, which in src/ is
// the shim that registers tsx and here is the compiled worker itself), run-worker-entry.js (a
// thread of `regretlab run`, started by src/run/thread-runner.ts the same way) and
// search-worker-entry.js (a search worker thread, the same way for src/search-run/pool.ts) — and
// the chunks they share, so a user's scenario, the CLI and the workers all use one copy of every
// class (an `instanceof` in one sees the others').
// effect is bundled and tree-shaken (loading its full module tree took most of the start-up);
// packages with native parts, large data or their own loaders stay external.
//
// Every output sits two folders below the package root, as every source file does (src/<layer>/),
// so the sources' `new URL("../../scenarios/", import.meta.url)` finds the package's own files
// from either place.
import { spawnSync } from "node:child_process"
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import * as esbuild from "esbuild"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const lib = path.join(root, "dist", "lib")
const types = path.join(root, "dist", "types")
const withTypes = !process.argv.includes("--no-types")

export const external = ["vega", "vega-lite", "vega-embed", "@resvg/resvg-js", "pdfkit", "svg-to-pdfkit", "seedrandom", "esbuild", "tsx"]

const started = performance.now()
const result = await esbuild.build({
  absWorkingDir: root,
  entryPoints: { index: "src/index.ts", cli: "src/cli/main.ts", "worker-entry": "src/sweep/worker.ts", "run-worker-entry": "src/run/thread-worker.ts", "search-worker-entry": "src/search-run/search-worker.ts" },
  outdir: lib,
  entryNames: "[name]",
  chunkNames: "[name]-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external,
  sourcemap: "linked",
  // The maps point into src/, which the package ships; no second copy of the sources.
  sourcesContent: false,
  legalComments: "linked",
  logLevel: "warning",
  write: false
})
// Only changed files are written (each atomically) and stale ones removed: a build running while
// another process runs the CLI from dist/ (two test runs at once) never pulls a file from under it.
mkdirSync(lib, { recursive: true })
const wanted = new Set()
for (const out of result.outputFiles) {
  wanted.add(out.path)
  if (existsSync(out.path) && Buffer.compare(readFileSync(out.path), out.contents) === 0) continue
  const tmp = `${out.path}.${process.pid}.tmp`
  writeFileSync(tmp, out.contents)
  renameSync(tmp, out.path)
}
for (const f of readdirSync(lib)) if (!wanted.has(path.join(lib, f)) && !f.endsWith(".tmp")) rmSync(path.join(lib, f), { force: true })
const bytes = readdirSync(lib).filter((f) => f.endsWith(".js")).reduce((n, f) => n + statSync(path.join(lib, f)).size, 0)
let line = `build: dist/lib ${(bytes / 1e6).toFixed(2)} MB of JavaScript in ${Math.round(performance.now() - started)} ms`

if (withTypes) {
  const t0 = performance.now()
  // Written beside dist/types, then swapped in: a reader (npm pack in another test) never finds it half-written.
  const fresh = path.join(root, "dist", `.types-${process.pid}`)
  const tsc = spawnSync(process.execPath, [path.join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json", "--outDir", fresh], { cwd: root, stdio: "inherit" })
  if (tsc.status !== 0) {
    rmSync(fresh, { recursive: true, force: true })
    console.error("build: tsc failed (the declarations in dist/types)")
    process.exit(1)
  }
  const old = path.join(root, "dist", `.types-old-${process.pid}`)
  if (existsSync(types)) renameSync(types, old)
  renameSync(fresh, types)
  rmSync(old, { recursive: true, force: true })
  line += `; dist/types in ${Math.round(performance.now() - t0)} ms`
}
console.log(line)
