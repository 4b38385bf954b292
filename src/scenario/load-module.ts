// Loads a user's scenario module (.ts, .mts, .cts, .js, .mjs, .cjs) from any folder, with or
// without a package.json beside it, CommonJS or ES module package alike. esbuild bundles the file
// with its relative imports into one ES module; `import … from "regretlab"` is bound to the
// running package (so the user's objects and the run share one copy of every class), and other
// packages to the files they resolve to from the user's folder. The module is written to a
// temporary file, imported, and the file removed. esbuild is loaded only here, on first use.
import { randomBytes } from "node:crypto"
import { rmSync, writeFileSync } from "node:fs"
import { isBuiltin } from "node:module"
import { tmpdir } from "node:os"
import * as path from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { UserError } from "../core/config/error.ts"
import { ScenarioError } from "./error.ts"

/** The package's own entry, as this copy of it runs: the source under tsx/vitest, dist/lib/ when built. */
const selfEntry = (): string =>
  import.meta.url.endsWith(".ts") ? new URL("../index.ts", import.meta.url).href : new URL("./index.js", import.meta.url).href

/** `line` is the whole message, starting with the file. */
const fail = (shown: string, line: string): never => {
  throw new ScenarioError(shown, "", undefined, "a loadable module", line)
}

interface EsbuildMessage {
  readonly text: string
  readonly location: { readonly file: string; readonly line: number; readonly column: number } | null
}

const firstLine = (text: string): string => text.split("\n")[0].trim()

/** "x.ts:3:14: Expected \";\" but found \")\"", with the file as the user named it when it is theirs. */
const buildMessage = (m: EsbuildMessage, file: string, shown: string, cwd: string): string => {
  if (m.location === null) return `${shown}: ${firstLine(m.text)}`
  const where = path.resolve(cwd, m.location.file) === file ? shown : path.relative(process.cwd(), path.resolve(cwd, m.location.file))
  return `${where}:${m.location.line}:${m.location.column + 1}: ${firstLine(m.text)}`
}

/** How the bundle names a module outside it: a file URL for import, a path for require(). */
const external = (url: string, kind: string): string => (kind === "require-call" ? fileURLToPath(url) : url)

let counter = 0

/** The module's namespace (its exports). Every failure is one ScenarioError line naming the file. */
export const importUserModule = async (file: string, shown: string): Promise<Record<string, unknown>> => {
  const esbuild = await import("esbuild")
  const dir = path.dirname(file)
  const fileUrl = pathToFileURL(file).href
  const outFile = path.join(tmpdir(), `regretlab-scenario-${process.pid}-${++counter}-${randomBytes(4).toString("hex")}.mjs`)
  let code: string
  try {
    const result = await esbuild.build({
      entryPoints: [file],
      absWorkingDir: dir,
      outfile: outFile,
      write: false,
      bundle: true,
      format: "esm",
      platform: "node",
      target: "node20",
      sourcemap: "inline",
      logLevel: "silent",
      // import.meta.url of the scenario (data files next to it), require() and CommonJS packages from its folder.
      define: { "import.meta.url": JSON.stringify(fileUrl), "import.meta.filename": JSON.stringify(file), "import.meta.dirname": JSON.stringify(dir) },
      banner: { js: `import { createRequire as __regretlabCreateRequire } from "node:module"; const require = __regretlabCreateRequire(${JSON.stringify(fileUrl)});` },
      plugins: [{
        name: "regretlab-externals",
        setup(build) {
          build.onResolve({ filter: /^regretlab(\/.*)?$/ }, (args) =>
            args.path === "regretlab" ? { path: external(selfEntry(), args.kind), external: true } : { errors: [{ text: `"${args.path}" is not part of regretlab's API; import from "regretlab"` }] })
          // Other packages stay outside the bundle, pinned to the file they resolve to from the scenario's folder.
          build.onResolve({ filter: /^[^./]/ }, async (args) => {
            if (isBuiltin(args.path) || args.pluginData === "inner") return undefined
            const found = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: "inner" })
            if (found.errors.length > 0) return { errors: found.errors }
            return { path: external(pathToFileURL(found.path).href, args.kind), external: true }
          })
        }
      }]
    })
    code = result.outputFiles[0].text
  } catch (e) {
    const errors = (e as { errors?: EsbuildMessage[] }).errors
    if (errors === undefined || errors.length === 0) throw e
    return fail(shown, buildMessage(errors[0], file, shown, dir))
  }
  writeFileSync(outFile, code)
  // Stack traces of the user's code then point into their file, not the temporary one.
  process.setSourceMapsEnabled(true)
  try {
    return (await import(pathToFileURL(outFile).href)) as Record<string, unknown>
  } catch (e) {
    return fail(shown, `${shown}: ${loadFailure(e, file)}`)
  } finally {
    rmSync(outFile, { force: true })
  }
}

/** What went wrong while the module was linked or evaluated, in one line. */
const loadFailure = (e: unknown, file: string): string => {
  if (!(e instanceof Error)) return `threw while loading: ${String(e)}`
  // regretlab's own checks (a bad domain or learner option at the top of the file) say what is wrong.
  if (e instanceof UserError) return e.message
  const missing = /module '([^']+)' does not provide an export named '([^']+)'/.exec(e.message)
  if (missing !== null) {
    const from = missing[1] === selfEntry() ? "regretlab" : missing[1].startsWith("file:") ? fileURLToPath(missing[1]) : missing[1]
    return `"${from}" has no export named "${missing[2]}"`
  }
  const frame = (e.stack ?? "").split("\n").find((l) => l.includes(file))
  const at = frame === undefined ? "" : /:(\d+):(\d+)\)?$/.exec(frame.trim())
  const where = at ? ` (line ${at[1]})` : ""
  return `threw while loading${where}: ${e.name !== "Error" && !e.message.startsWith(e.name) ? `${e.name}: ` : ""}${firstLine(e.message)}`
}
