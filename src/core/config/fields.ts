// Field specs: each component kind (learner family, adversary, domain) declares its fields once,
// as data. Validation (with ConfigError messages), defaults, the scenario Schema and the JSON
// Schema for editors, report labels and docs all derive from these tables, so none can drift.
import { ConfigError, joinPath } from "./error.ts"

interface Common {
  /** One sentence for docs, the JSON Schema and `regretlab describe`. */
  readonly doc: string
  /** May be absent (and has no default): validators skip it, the Schema marks it optional. */
  readonly optional?: boolean
  /** Learner fields: the slot of the generated round kernel's parameter array that holds this number. */
  readonly slot?: string
}

export interface NumberField extends Common {
  readonly type: "number"
  readonly min?: number
  readonly max?: number
  readonly minOpen?: boolean
  readonly maxOpen?: boolean
  readonly integer?: boolean
  readonly default?: number
}

export type Field =
  | NumberField
  | (Common & { readonly type: "boolean"; readonly default?: boolean })
  | (Common & { readonly type: "enum"; readonly values: readonly string[]; readonly default?: string })
  /** A non-empty string (a name). */
  | (Common & { readonly type: "text"; readonly default?: string })
  /** A function t ↦ number: only a TypeScript scenario can give one; JSON cannot hold it. */
  | (Common & { readonly type: "function" })
  /** An object tagged by `kind`, each kind with its own fields (e.g. a step schedule). */
  | (Common & { readonly type: "variant"; readonly variants: Readonly<Record<string, Fields>>; readonly default?: { readonly kind: string } })
  /** A number broadcast to every coordinate, or an array of the problem's dimension. */
  | (Common & { readonly type: "vector"; readonly min?: number; readonly default?: number })
  /** A non-empty list of vectors of the problem's dimension (one per round of a period, say). */
  | (Common & { readonly type: "vectors" })
  /** A list of plain numbers not tied to the dimension (switch rounds, weights). */
  | (Common & { readonly type: "numbers"; readonly min?: number; readonly integer?: boolean })
  /** A non-empty array of finite numbers whose length sets the dimension (a box's bounds). */
  | (Common & { readonly type: "point" })
  /** A non-empty list of nested adversary configs (checked by the adversary registry). */
  | (Common & { readonly type: "adversaries" })

export type Fields = Readonly<Record<string, Field>>

/** A function a TS scenario may give in place of data (a custom step schedule's α_t). */
export type FieldFunction = (t: number) => number

const fmtBound = (v: number): string => (v === Infinity ? "∞" : String(v))

/** "a number in [0, 1)", "an integer ≥ 1", "a finite number", … */
export const rangeText = (s: Omit<NumberField, "type" | "doc">): string => {
  const what = s.integer ? "an integer" : "a number"
  if (s.min === undefined && s.max === undefined) return s.integer ? "an integer" : "a finite number"
  if (s.max === undefined) return `${what} ${s.minOpen ? ">" : "≥"} ${s.min}`
  if (s.min === undefined) return `${what} ${s.maxOpen ? "<" : "≤"} ${s.max}`
  return `${what} in ${s.minOpen ? "(" : "["}${s.min}, ${fmtBound(s.max)}${s.maxOpen ? ")" : "]"}`
}

export const enumText = (values: readonly string[]): string => `one of ${values.map((v) => JSON.stringify(v)).join(", ")}`

/** What a field expects, in the words error messages use. */
export const expectedText = (field: Field): string => {
  switch (field.type) {
    case "number": return rangeText(field)
    case "boolean": return "true or false"
    case "enum": return enumText(field.values)
    case "text": return "a non-empty string"
    case "function": return "a function t => number (only a TypeScript scenario can give one)"
    case "variant": return `an object {kind: ${Object.keys(field.variants).map((k) => JSON.stringify(k)).join(" | ")}}`
    case "vector": return "a number or an array of numbers (one per coordinate)"
    case "vectors": return "an array of vectors"
    case "numbers": return field.integer ? "an array of integers" : "an array of numbers"
    case "point": return "a non-empty array of finite numbers"
    case "adversaries": return "an array of adversary configs"
  }
}

export const isFiniteNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v)

export const checkNumber = (path: string, value: unknown, spec: Omit<NumberField, "type" | "doc">): number => {
  const ok = isFiniteNumber(value) &&
    (!spec.integer || Number.isInteger(value)) &&
    (spec.min === undefined || (spec.minOpen ? value > spec.min : value >= spec.min)) &&
    (spec.max === undefined || (spec.maxOpen ? value < spec.max : value <= spec.max))
  if (!ok) throw new ConfigError(path, value, rangeText(spec))
  return value as number
}

/** A vector field: a scalar is broadcast to dim, an array must have length dim. */
export const checkVector = (path: string, value: unknown, dim: number, min?: number): Float64Array => {
  if (typeof value === "number") {
    checkNumber(path, value, { min })
    return new Float64Array(dim).fill(value)
  }
  if (!Array.isArray(value)) throw new ConfigError(path, value, `a number or an array of ${dim} numbers`)
  if (value.length !== dim) throw new ConfigError(path, value, `an array of length ${dim} (the domain dimension), not ${value.length}`)
  value.forEach((v, i) => checkNumber(`${path}[${i}]`, v, { min }))
  return Float64Array.from(value as number[])
}

export const checkVectors = (path: string, value: unknown, dim: number): Float64Array[] => {
  if (!Array.isArray(value) || value.length === 0) throw new ConfigError(path, value, `a non-empty array of vectors of length ${dim}`)
  return value.map((v, i) => {
    if (dim === 1 && typeof v === "number") return checkVector(`${path}[${i}]`, [v], 1)
    if (!Array.isArray(v)) throw new ConfigError(`${path}[${i}]`, v, `an array of ${dim} numbers`)
    return checkVector(`${path}[${i}]`, v, dim)
  })
}

/** A non-empty array of finite numbers (its length is a dimension). */
export const checkPoint = (path: string, value: unknown): readonly number[] => {
  if (!Array.isArray(value)) throw new ConfigError(path, value, "an array of finite numbers")
  if (value.length === 0) throw new ConfigError(path, value, "a non-empty array of finite numbers")
  value.forEach((v, i) => checkNumber(`${path}[${i}]`, v, {}))
  return value as readonly number[]
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v)

/**
 * Checks one value against its field; returns it (vectors stay as written: the caller builds
 * arrays). `dim` is the problem dimension for vector fields.
 */
export const checkField = (path: string, value: unknown, field: Field, dim = 1): unknown => {
  switch (field.type) {
    case "number": return checkNumber(path, value, field)
    case "boolean":
      if (typeof value !== "boolean") throw new ConfigError(path, value, "true or false")
      return value
    case "enum":
      if (!field.values.includes(value as string)) throw new ConfigError(path, value, enumText(field.values))
      return value
    case "text":
      if (typeof value !== "string" || value.length === 0) throw new ConfigError(path, value, "a non-empty string")
      return value
    case "function":
      if (typeof value !== "function") throw new ConfigError(path, value, expectedText(field))
      return value
    case "variant": {
      const kinds = Object.keys(field.variants)
      if (!isRecord(value)) throw new ConfigError(path, value, expectedText(field))
      const fields = field.variants[value.kind as string]
      if (fields === undefined || !Object.hasOwn(field.variants, value.kind as string)) throw new ConfigError(joinPath(path, "kind"), value.kind, enumText(kinds))
      return { kind: value.kind, ...checkFields(path, value, fields, dim, ["kind"]) }
    }
    case "vector": checkVector(path, value, dim, field.min); return value
    case "vectors": checkVectors(path, value, dim); return value
    case "numbers":
      if (!Array.isArray(value)) throw new ConfigError(path, value, "an array of numbers")
      value.forEach((v, i) => checkNumber(`${path}[${i}]`, v, field))
      return value
    case "point": return checkPoint(path, value)
    case "adversaries":
      if (!Array.isArray(value) || value.length === 0) throw new ConfigError(path, value, "a non-empty array of adversary configs")
      return value
  }
}

/**
 * Validates a record against a fields table: unknown keys (except `allowed`), missing required
 * fields, types and ranges. Returns the fields with defaults filled in (optional absent fields
 * stay absent), in the table's order.
 */
export const checkFields = (
  path: string,
  record: Readonly<Record<string, unknown>>,
  fields: Fields,
  dim = 1,
  allowed: readonly string[] = []
): Record<string, unknown> => {
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key) && !Object.hasOwn(fields, key)) {
      const names = Object.keys(fields)
      throw new ConfigError(joinPath(path, key), record[key], `no such field (known fields: ${names.join(", ") || "none"})`)
    }
  }
  const out: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(fields)) {
    const value = record[key] ?? defaultOf(field)
    if (value === undefined) {
      if (field.optional) continue
      throw new ConfigError(joinPath(path, key), undefined, `${expectedText(field)} (required)`)
    }
    out[key] = checkField(joinPath(path, key), value, field, dim)
  }
  return out
}

/** The field's default value, if it has one. */
export const defaultOf = (field: Field): unknown => ("default" in field ? field.default : undefined)

/** Fields that must be given (no default, not optional). */
export const requiredFields = (fields: Fields): string[] =>
  Object.entries(fields).filter(([, f]) => defaultOf(f) === undefined && !f.optional).map(([k]) => k)

/** The data form of a record: function fields (TS-only) dropped, e.g. for JSON, reports and the Schema. */
export const dataOf = (record: Readonly<Record<string, unknown>>, fields: Fields): Record<string, unknown> => {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(record)) {
    const field = fields[key]
    if (field?.type === "function") continue
    if (field?.type === "variant" && typeof value === "object" && value !== null) {
      const variant = field.variants[(value as { kind: string }).kind]
      out[key] = variant === undefined ? value : dataOf(value as Record<string, unknown>, variant)
    } else out[key] = value
  }
  return out
}

// The TypeScript type of the values a fields table describes, so a config type is declared once,
// by its table (declare the table `as const`).
export type ValueOf<F> =
  F extends { readonly type: "number" } ? number
    : F extends { readonly type: "boolean" } ? boolean
      : F extends { readonly type: "enum"; readonly values: readonly (infer V)[] } ? V
        : F extends { readonly type: "text" } ? string
          : F extends { readonly type: "function" } ? FieldFunction
            : F extends { readonly type: "variant"; readonly variants: infer Vs } ? { [K in keyof Vs]: { readonly kind: K } & ValuesOf<Vs[K]> }[keyof Vs]
              : F extends { readonly type: "vector" } ? number | readonly number[]
                : F extends { readonly type: "vectors" } ? readonly (number | readonly number[])[]
                  : F extends { readonly type: "numbers" | "point" } ? readonly number[]
                    : unknown

type Flatten<T> = { [K in keyof T]: T[K] }

/** Required fields as required properties, optional and function fields as optional ones. */
export type ValuesOf<Fs> = Flatten<
  { readonly [K in keyof Fs as Fs[K] extends { readonly optional: true } | { readonly type: "function" } ? never : K]: ValueOf<Fs[K]> } &
  { readonly [K in keyof Fs as Fs[K] extends { readonly optional: true } | { readonly type: "function" } ? K : never]?: ValueOf<Fs[K]> }
>
