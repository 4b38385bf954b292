// The built-in registry (the files listed in builtins.ts, resolved once, by stable id) and
// loadScenario(ref) for a registry id or a user's own scenario file anywhere: JSON read and
// validated here, modules loaded through load-module.ts.
import { existsSync, statSync } from "node:fs"
import { readFile } from "node:fs/promises"
import { isAbsolute, relative, resolve as resolvePath } from "node:path"
import { fileURLToPath } from "node:url"
import { ScenarioError } from "./error.ts"
import { builtinFiles, builtinJson } from "./builtins.ts"
import { importUserModule } from "./load-module.ts"
import { parseScenarioJson } from "./parse-json.ts"
import { resolveScenario } from "./resolve.ts"
import type { ResolvedScenario } from "./types.ts"

export { parseScenarioJson }

/** The built-in JSON scenario files (names in scenarios/), in the registry's order after the TS ones. */
export const builtinJsonFiles = (): readonly string[] => builtinJson.map(([file]) => file)

/** The folder of the built-in scenarios. */
export const builtinScenariosDir = (): string => fileURLToPath(new URL("../../scenarios/", import.meta.url))

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v)

let cache: ReadonlyMap<string, ResolvedScenario> | undefined

const load = (): ReadonlyMap<string, ResolvedScenario> => {
  if (cache !== undefined) return cache
  const all = new Map<string, ResolvedScenario>()
  for (const [file, input] of builtinFiles) {
    const s = resolveScenario(input, `scenarios/${file}`)
    if (all.has(s.id)) throw new Error(`duplicate scenario id "${s.id}" in ${all.get(s.id)!.source} and ${s.source}`)
    all.set(s.id, s)
  }
  cache = all
  return all
}

/**
 * The built-in scenarios (Reddi et al.'s constructions and the others `regretlab list` shows),
 * resolved: every default filled in.
 *
 * @example
 * ```ts
 * import { listScenarios } from "regretlab"
 *
 * for (const s of listScenarios()) console.log(s.id, "—", s.title)
 * ```
 */
export const listScenarios = (): readonly ResolvedScenario[] => [...load().values()]

export const getScenario = (id: string): ResolvedScenario | undefined => load().get(id)

/** Files loadScenario takes: JSON, and TypeScript or JavaScript modules. */
export const SCENARIO_FILE = /\.(json|ts|mts|cts|js|mjs|cjs)$/

/**
 * A scenario by built-in id (`reddi2018/online`) or from a file anywhere: a `.json` file, or a
 * `.ts`/`.js` module whose default export (or `scenario` export) is `defineScenario({...})`.
 * A module may import from "regretlab"; it is bound to this copy of the package.
 *
 * @param ref - A built-in id, or a path (relative to the working directory) ending in .json, .ts, .mts, .cts, .js, .mjs or .cjs.
 * @throws ScenarioError, one line naming the file: unknown id, missing file, invalid JSON, a syntax error, a missing import,
 *   a throw while loading, no default export, or a field that is wrong (with its path, value and what was expected).
 * @example
 * ```ts
 * import { loadScenario, play } from "regretlab"
 *
 * const theorem1 = await loadScenario("reddi2018/theorem1")
 * console.log(theorem1.title, theorem1.horizon)
 * const result = play(theorem1, { horizon: 3000 })
 * ```
 */
export const loadScenario = async (ref: string): Promise<ResolvedScenario> => {
  if (!SCENARIO_FILE.test(ref)) {
    const found = getScenario(ref)
    if (found === undefined) {
      throw new ScenarioError("registry", "id", ref, `a built-in scenario id (${listScenarios().map((s) => s.id).join(", ")}) or a path to a .ts or .json file`)
    }
    return found
  }
  const path = resolvePath(ref)
  // As the user would write it: relative inside the working directory, absolute outside it.
  const rel = relative(process.cwd(), path)
  const shown = rel === "" ? ref : rel.startsWith("..") || isAbsolute(rel) ? path : rel
  if (!existsSync(path)) throw new ScenarioError(shown, "", ref, "an existing file", `${shown}: no such file`)
  if (!statSync(path).isFile()) throw new ScenarioError(shown, "", ref, "a file", `${shown}: not a file`)
  if (ref.endsWith(".json")) return resolveScenario(parseScenarioJson(await readFile(path, "utf8"), shown), shown)
  const mod = await importUserModule(path, shown)
  let input = mod.default ?? mod.scenario
  // A CommonJS module's `module.exports` arrives as the default export.
  if (isRecord(input) && !("id" in input) && ("default" in input || "scenario" in input)) input = input.default ?? input.scenario
  if (input === undefined) {
    throw new ScenarioError(shown, "", undefined, "a module exporting `default` or `scenario` = defineScenario({...})", `${shown}: exports neither \`default\` nor \`scenario\`; export defineScenario({...}) as one of them`)
  }
  return resolveScenario(input, shown)
}
