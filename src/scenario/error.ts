// Every problem with a scenario, whatever its source (a JSON file, a TS module, a --set override),
// is reported the same way: the file, the path inside it, the value found and what was expected.
import { ConfigError } from "../core/config/error.ts"
import { showValue } from "../core/config/show.ts"

export class ScenarioError extends ConfigError {
  override readonly name: string = "ScenarioError"
  constructor(readonly file: string, path: string, value: unknown, expected: string, detail?: string) {
    super(path, value, expected, detail ?? `${file}: ${path === "" ? "" : `${path}: `}expected ${expected}, got ${showValue(value)}`)
  }

  /** A core ConfigError seen from a file, its path prefixed (e.g. "learners[1]" + "beta1"). */
  static from(file: string, prefix: string, e: ConfigError): ScenarioError {
    const inner = prefix === "" ? e : e.within(prefix)
    return new ScenarioError(file, inner.path, inner.value, inner.expected)
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
