// Every problem with a scenario, whatever its source (a JSON file, a TS module, a --set override),
// is reported the same way: the file, the path inside it, the value found and what was expected.
import { showValue } from "../core/adversary/params.ts"

export class ScenarioError extends Error {
  constructor(readonly file: string, readonly path: string, readonly value: unknown, readonly expected: string, detail?: string) {
    super(detail ?? `${file}: ${path === "" ? "" : `${path}: `}expected ${expected}, got ${showValue(value)}`)
    this.name = "ScenarioError"
  }
}

/** Renders a path of keys and indices as `learners[1].beta1`. */
export const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((acc, key) => (typeof key === "number" ? `${acc}[${key}]` : acc === "" ? String(key) : `${acc}.${String(key)}`), "")

/** The value at a path inside a parsed document (undefined when absent). */
export const valueAt = (root: unknown, path: readonly PropertyKey[]): unknown => {
  let v: unknown = root
  for (const key of path) {
    if (typeof v !== "object" || v === null) return undefined
    v = (v as Record<PropertyKey, unknown>)[key as string]
  }
  return v
}
