// The built-in registry: every scenario in scenarios/ (TS modules imported here, JSON files read
// from the package's scenarios/ folder), resolved once, by stable id. Also loadScenario(ref) for a
// registry id or a user's own .ts / .json file.
import { readdirSync, readFileSync } from "node:fs"
import { readFile, stat } from "node:fs/promises"
import { isAbsolute, relative, resolve as resolvePath } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { ScenarioError } from "./error.ts"
import { resolveScenario } from "./resolve.ts"
import type { ResolvedScenario, ScenarioInput } from "./types.ts"
import { builtinModules } from "./builtins.ts"
import { parseScenarioJson } from "./parse-json.ts"

export { parseScenarioJson }

const scenariosDir = fileURLToPath(new URL("../../scenarios/", import.meta.url))

/** The built-in JSON scenario files (names in scenarios/, in load order), after the TS ones of builtins.ts. */
export const builtinJsonFiles = (): readonly string[] =>
  readdirSync(scenariosDir).filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json")).sort()

/** The folder of the built-in scenarios. */
export const builtinScenariosDir = (): string => scenariosDir

/** How a file is named in messages: relative to the working directory when inside it, else absolute. */
export const shownPath = (abs: string): string => {
  const rel = relative(process.cwd(), abs)
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel : abs
}

/** A scenario file that exists and is a file; its text, or a ScenarioError naming what is wrong. */
export const readScenarioText = async (path: string, shown: string): Promise<string> => {
  const info = await stat(path).catch(() => undefined)
  if (info === undefined) throw new ScenarioError(shown, "", shown, "an existing file", `${shown}: no such file`)
  if (info.isDirectory()) throw new ScenarioError(shown, "", shown, "a scenario file", `${shown}: is a folder, not a scenario file`)
  try {
    return await readFile(path, "utf8")
  } catch (e) {
    throw new ScenarioError(shown, "", shown, "a readable file", `${shown}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`)
  }
}

/** Imports a TS/JS scenario module; a module that fails to compile or throws is the file's problem, named. */
export const importScenarioModule = async (path: string, shown: string): Promise<Record<string, unknown>> => {
  const info = await stat(path).catch(() => undefined)
  if (info === undefined) throw new ScenarioError(shown, "", shown, "an existing file", `${shown}: no such file`)
  if (info.isDirectory()) throw new ScenarioError(shown, "", shown, "a scenario file", `${shown}: is a folder, not a scenario file`)
  try {
    return (await import(pathToFileURL(path).href)) as Record<string, unknown>
  } catch (e) {
    // esbuild's "Transform failed with 1 error:" is followed by the line that says which.
    // Compilers colour their messages for a terminal: the colours go, the words stay.
    const lines = ((e as Error)?.message ?? String(e)).replace(/\u001b\[[0-9;]*m/g, "").split("\n").map((l) => l.trim()).filter((l) => l !== "" && !/^Transform failed with \d+ errors?:?$/.test(l))
    const first = (lines[0] ?? "it threw").split(path).join(shown)
    throw new ScenarioError(shown, "", shown, "a module that loads", `${shown}: cannot load the module: ${first}`)
  }
}

let cache: ReadonlyMap<string, ResolvedScenario> | undefined

const load = (): ReadonlyMap<string, ResolvedScenario> => {
  if (cache !== undefined) return cache
  const all = new Map<string, ResolvedScenario>()
  const add = (s: ResolvedScenario) => {
    if (all.has(s.id)) throw new Error(`duplicate scenario id "${s.id}" in ${all.get(s.id)!.source} and ${s.source}`)
    all.set(s.id, s)
  }
  for (const [file, input] of builtinModules) add(resolveScenario(input, `scenarios/${file}`))
  for (const file of builtinJsonFiles()) {
    const text = readFileSync(resolvePath(scenariosDir, file), "utf8")
    add(resolveScenario(parseScenarioJson(text, `scenarios/${file}`), `scenarios/${file}`))
  }
  cache = all
  return all
}

export const listScenarios = (): readonly ResolvedScenario[] => [...load().values()]

export const getScenario = (id: string): ResolvedScenario | undefined => load().get(id)

/** A registry id, or a path to a .ts/.js module (default export or `scenario`) or a .json file. */
export const loadScenario = async (ref: string): Promise<ResolvedScenario> => {
  const isFile = /\.(json|ts|mts|js|mjs)$/.test(ref)
  if (!isFile) {
    const found = getScenario(ref)
    if (found === undefined) {
      throw new ScenarioError("registry", "id", ref, `a built-in scenario id (${listScenarios().map((s) => s.id).join(", ")}) or a path to a .ts or .json file`)
    }
    return found
  }
  const path = resolvePath(ref)
  const shown = shownPath(path)
  if (ref.endsWith(".json")) return resolveScenario(parseScenarioJson(await readScenarioText(path, shown), shown), shown)
  const mod = (await importScenarioModule(path, shown)) as { default?: unknown; scenario?: unknown }
  const input = mod.default ?? mod.scenario
  if (input === undefined) {
    throw new ScenarioError(shown, "", undefined, "a module exporting `default` or `scenario` = defineScenario({...})", `${shown}: exports neither \`default\` nor \`scenario\`; export defineScenario({...}) as one of them`)
  }
  return resolveScenario(input as ScenarioInput, shown)
}
