// Builds the playground folder with esbuild's JS API from the package's own sources: the engine
// worker (the same src/core and src/scenario code the CLI runs, plus the report's chart builders)
// bundled first, then inlined as text into the page script, because a page opened from file://
// may not load a worker from a file. Both are classic scripts (file:// forbids module scripts),
// and nothing in them may import a node: module (checked here: the build fails if one does).
import { readFileSync } from "node:fs"
import * as fs from "node:fs/promises"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import * as esbuild from "esbuild"
import { builtinJsonFiles, builtinScenariosDir } from "../scenario/registry.ts"
import { playgroundHtml } from "./page.ts"

/**
 * The package root: the nearest folder above this module with regretlab's package.json, so the
 * sources are found whether this module runs from src/ or from a compiled bundle elsewhere.
 */
const packageRoot = (): string => {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    try {
      if ((JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { name?: string }).name === "regretlab") return dir
    } catch { /* no package.json here */ }
    if (path.dirname(dir) === dir) throw new Error("cannot find the regretlab package folder (its package.json) above the playground build module")
  }
}

const root = packageRoot()
const here = path.join(root, "src", "playground")

export interface BuildOptions {
  /** The folder to write (created; files of the same name replaced). */
  readonly outDir: string
  /** Minify the scripts (default true). */
  readonly minify?: boolean
  /** The version shown in the page. */
  readonly version?: string
}

export interface BuildResult {
  readonly dir: string
  readonly index: string
  /** Every file written, relative to dir. */
  readonly files: readonly string[]
  /** Source files in each bundle (relative to the package root), for checks. */
  readonly inputs: { readonly worker: readonly string[]; readonly page: readonly string[] }
  readonly bytes: number
}

/** Fails the build on any import of a node: module, naming the importer. */
const noNodeModules: esbuild.Plugin = {
  name: "no-node-modules",
  setup(build) {
    build.onResolve({ filter: /^node:/ }, (args) => ({
      errors: [{ text: `${args.path} imported by ${path.relative(root, args.importer)}: the playground runs in a browser, which has no Node modules` }]
    }))
  }
}

const common: esbuild.BuildOptions = {
  bundle: true,
  format: "iife",
  platform: "browser",
  target: ["chrome110", "firefox115", "safari16"],
  write: false,
  metafile: true,
  logLevel: "silent",
  // The bundled libraries' licence comments are kept at the end of each script.
  legalComments: "eof",
  plugins: [noNodeModules],
  absWorkingDir: root
}

const inputsOf = (meta: esbuild.Metafile | undefined): string[] => Object.keys(meta?.inputs ?? {}).sort()

/** The built-in JSON scenarios as [file, document] pairs, in the registry's order. */
export const scenarioFiles = async (): Promise<[string, unknown][]> =>
  Promise.all(builtinJsonFiles().map(async (file) => [file, JSON.parse(await fs.readFile(path.join(builtinScenariosDir(), file), "utf8"))] as [string, unknown]))

export const buildPlayground = async (options: BuildOptions): Promise<BuildResult> => {
  const minify = options.minify ?? true
  const worker = await esbuild.build({
    ...common,
    minify,
    entryPoints: [path.join(here, "worker.ts")],
    define: { REGRETLAB_SCENARIO_FILES: JSON.stringify(await scenarioFiles()) }
  })
  const workerSource = worker.outputFiles![0].text
  const page = await esbuild.build({
    ...common,
    minify,
    entryPoints: [path.join(here, "app.ts")],
    define: { REGRETLAB_WORKER_SOURCE: JSON.stringify(workerSource) }
  })
  const script = page.outputFiles![0].contents
  const dir = path.resolve(options.outDir)
  await fs.mkdir(dir, { recursive: true })
  const html = playgroundHtml("playground.js", options.version ?? "dev")
  const files: [string, string | Uint8Array][] = [
    ["index.html", html],
    ["playground.js", script],
    ["LICENSES.txt", await licences()]
  ]
  for (const [name, content] of files) await fs.writeFile(path.join(dir, name), content)
  return {
    dir,
    index: path.join(dir, "index.html"),
    files: files.map(([name]) => name),
    inputs: { worker: inputsOf(worker.metafile), page: inputsOf(page.metafile) },
    bytes: files.reduce((n, [, c]) => n + (typeof c === "string" ? Buffer.byteLength(c) : c.byteLength), 0)
  }
}

/** A package's LICENSE in the nearest node_modules above the package root (installed or hoisted). */
const findLicence = async (name: string): Promise<string | undefined> => {
  for (let dir = root; ; dir = path.dirname(dir)) {
    const text = await fs.readFile(path.join(dir, "node_modules", name, "LICENSE"), "utf8").catch(() => undefined)
    if (text !== undefined || path.dirname(dir) === dir) return text
  }
}

/** The licences of the bundled libraries (vega's are BSD-3-Clause), shipped beside the script. */
const licences = async (): Promise<string> => {
  const parts: string[] = ["regretlab playground: bundled third-party code and its licences.\n"]
  for (const name of ["vega", "vega-lite", "vega-embed", "effect", "seedrandom"]) {
    const text = await findLicence(name)
    if (text !== undefined) parts.push(`==== ${name} ====\n${text.trim()}\n`)
  }
  return parts.join("\n")
}
