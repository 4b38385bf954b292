// Parameter specs of the built-in adversary kinds. One table per kind drives validation (with
// messages naming the parameter, the value and what was expected), defaults, docs and the JSON
// Schema, so the documentation cannot drift from what create() accepts.
import { showValue } from "../show.ts"

/** A built-in adversary described as data: its kind plus named parameters. */
export type AdversaryParams = { readonly kind: string; readonly [param: string]: unknown }

export type ParamSpec =
  | { readonly type: "number"; readonly doc: string; readonly default?: number; readonly min?: number; readonly max?: number; readonly minOpen?: boolean; readonly maxOpen?: boolean; readonly integer?: boolean }
  /** A number (broadcast to every coordinate) or an array of length dim. */
  | { readonly type: "vector"; readonly doc: string; readonly default?: number; readonly min?: number }
  /** A non-empty list of vectors of length dim (e.g. one gradient per round of a period). */
  | { readonly type: "vectors"; readonly doc: string }
  | { readonly type: "enum"; readonly doc: string; readonly values: readonly string[]; readonly default?: string }
  /** A list of plain numbers (not tied to the dimension), e.g. switch rounds or mixture weights. */
  | { readonly type: "numbers"; readonly doc: string; readonly min?: number; readonly integer?: boolean }
  /** A list of nested adversary configs. */
  | { readonly type: "adversaries"; readonly doc: string }

/** A parameter failed validation: path inside the adversary config, the value, what was expected. */
export class AdversaryConfigError extends Error {
  constructor(readonly path: string, readonly value: unknown, readonly expected: string) {
    super(`adversary.${path}: expected ${expected}, got ${showValue(value)}`)
    this.name = "AdversaryConfigError"
  }
}

export { showValue }

const rangeText = (s: { min?: number; max?: number; minOpen?: boolean; maxOpen?: boolean; integer?: boolean }): string => {
  const what = s.integer ? "an integer" : "a number"
  if (s.min === undefined && s.max === undefined) return s.integer ? "an integer" : "a finite number"
  if (s.max === undefined) return `${what} ${s.minOpen ? ">" : "≥"} ${s.min}`
  if (s.min === undefined) return `${what} ${s.maxOpen ? "<" : "≤"} ${s.max}`
  return `${what} in ${s.minOpen ? "(" : "["}${s.min}, ${s.max}${s.maxOpen ? ")" : "]"}`
}

/** Checks a number against a numeric spec; returns it or throws naming `path`. */
export const checkNumber = (path: string, value: unknown, spec: { min?: number; max?: number; minOpen?: boolean; maxOpen?: boolean; integer?: boolean }): number => {
  const ok = typeof value === "number" && Number.isFinite(value) &&
    (!spec.integer || Number.isInteger(value)) &&
    (spec.min === undefined || (spec.minOpen ? value > spec.min : value >= spec.min)) &&
    (spec.max === undefined || (spec.maxOpen ? value < spec.max : value <= spec.max))
  if (!ok) throw new AdversaryConfigError(path, value, rangeText(spec))
  return value as number
}

/** A vector parameter: a scalar is broadcast to dim, an array must have length dim. */
export const checkVector = (path: string, value: unknown, dim: number, min?: number): Float64Array => {
  if (typeof value === "number") {
    checkNumber(path, value, { min })
    return new Float64Array(dim).fill(value)
  }
  if (!Array.isArray(value)) throw new AdversaryConfigError(path, value, `a number or an array of ${dim} numbers`)
  if (value.length !== dim) {
    throw new AdversaryConfigError(path, value, `an array of length ${dim} (the domain dimension), not ${value.length}`)
  }
  value.forEach((v, i) => checkNumber(`${path}[${i}]`, v, { min }))
  return Float64Array.from(value as number[])
}

export const checkVectors = (path: string, value: unknown, dim: number): Float64Array[] => {
  if (!Array.isArray(value) || value.length === 0) throw new AdversaryConfigError(path, value, `a non-empty array of vectors of length ${dim}`)
  return value.map((v, i) => {
    if (dim === 1 && typeof v === "number") return checkVector(`${path}[${i}]`, [v], 1)
    if (!Array.isArray(v)) throw new AdversaryConfigError(`${path}[${i}]`, v, `an array of ${dim} numbers`)
    return checkVector(`${path}[${i}]`, v, dim)
  })
}

/**
 * Validates config against specs: unknown parameters, missing required ones, types and ranges.
 * Returns the config with defaults filled in. Nested adversaries are checked by their own kind.
 */
export const checkParams = (
  config: AdversaryParams,
  specs: Readonly<Record<string, ParamSpec>>,
  dim: number,
  prefix = ""
): Record<string, unknown> => {
  const out: Record<string, unknown> = { kind: config.kind }
  for (const key of Object.keys(config)) {
    if (key !== "kind" && !(key in specs)) {
      throw new AdversaryConfigError(`${prefix}${key}`, config[key], `no such parameter for "${config.kind}" (parameters: ${Object.keys(specs).join(", ") || "none"})`)
    }
  }
  for (const [key, spec] of Object.entries(specs)) {
    const path = `${prefix}${key}`
    const value = config[key] ?? ("default" in spec ? spec.default : undefined)
    if (value === undefined) {
      if (spec.type === "number" && !("default" in spec) && isOptional(spec)) continue
      throw new AdversaryConfigError(path, undefined, `${describeSpec(spec)} (required)`)
    }
    switch (spec.type) {
      case "number": checkNumber(path, value, spec); break
      case "vector": checkVector(path, value, dim, spec.min); break
      case "vectors": checkVectors(path, value, dim); break
      case "enum":
        if (!spec.values.includes(value as string)) throw new AdversaryConfigError(path, value, `one of ${spec.values.map((v) => JSON.stringify(v)).join(", ")}`)
        break
      case "numbers":
        if (!Array.isArray(value)) throw new AdversaryConfigError(path, value, "an array of numbers")
        value.forEach((v, i) => checkNumber(`${path}[${i}]`, v, spec))
        break
      case "adversaries":
        if (!Array.isArray(value) || value.length === 0) throw new AdversaryConfigError(path, value, "a non-empty array of adversary configs")
        break
    }
    out[key] = value
  }
  return out
}

/** Number params documented as "optional" carry no default and may be absent. */
const isOptional = (spec: ParamSpec): boolean => spec.doc.startsWith("Optional")

export const describeSpec = (spec: ParamSpec): string => {
  switch (spec.type) {
    case "number": return rangeText(spec)
    case "vector": return "a number or an array of numbers (one per coordinate)"
    case "vectors": return "an array of vectors"
    case "enum": return `one of ${spec.values.map((v) => JSON.stringify(v)).join(", ")}`
    case "numbers": return spec.integer ? "an array of integers" : "an array of numbers"
    case "adversaries": return "an array of adversary configs"
  }
}
