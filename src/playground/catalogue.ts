// The built-in scenarios without the file system: the TS modules of src/scenario/builtins.ts plus
// the scenarios/*.json documents, which the page build inlines (the registry reads them with
// node:fs). Resolved under the same source names as the registry, so messages match the CLI's.
import { resolveScenario } from "../scenario/resolve.ts"
import { builtinModules } from "../scenario/builtins.ts"
import type { ResolvedScenario } from "../scenario/types.ts"

/** A JSON built-in: its file name in scenarios/ and its parsed document. */
export type JsonScenarioFile = readonly [file: string, document: unknown]

export interface Catalogue {
  /** In the registry's order: the TS modules, then the JSON files by name. */
  readonly scenarios: readonly ResolvedScenario[]
  get(id: string): ResolvedScenario | undefined
}

export const builtinCatalogue = (jsonFiles: readonly JsonScenarioFile[]): Catalogue => {
  const byId = new Map<string, ResolvedScenario>()
  const add = (s: ResolvedScenario) => {
    if (byId.has(s.id)) throw new Error(`duplicate scenario id "${s.id}" in ${byId.get(s.id)!.source} and ${s.source}`)
    byId.set(s.id, s)
  }
  for (const [file, input] of builtinModules) add(resolveScenario(input, `scenarios/${file}`))
  for (const [file, document] of jsonFiles) add(resolveScenario(document, `scenarios/${file}`))
  return { scenarios: [...byId.values()], get: (id) => byId.get(id) }
}
