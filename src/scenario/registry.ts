// The built-in registry: every scenario in scenarios/ (TS modules imported here, JSON files read
// from the package's scenarios/ folder), resolved once, by stable id. Also loadScenario(ref) for a
// registry id or a user's own .ts / .json file.
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { readFile } from "node:fs/promises"
import { relative, resolve as resolvePath } from "node:path"
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
  const shown = relative(process.cwd(), path) || ref
  if (!existsSync(path)) throw new ScenarioError(shown, "", ref, "an existing file", `${shown}: no such file`)
  if (ref.endsWith(".json")) return resolveScenario(parseScenarioJson(await readFile(path, "utf8"), shown), shown)
  const mod = (await import(pathToFileURL(path).href)) as { default?: unknown; scenario?: unknown }
  const input = mod.default ?? mod.scenario
  if (input === undefined) {
    throw new ScenarioError(shown, "", undefined, "a module exporting `default` or `scenario` = defineScenario({...})", `${shown}: exports neither \`default\` nor \`scenario\`; export defineScenario({...}) as one of them`)
  }
  return resolveScenario(input as ScenarioInput, shown)
}
