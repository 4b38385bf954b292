// Effect Schemas derived from the core's field tables (learners, domains), so the file format,
// the JSON Schema editors read (with minimum, exclusiveMaximum, enum) and the core's validators
// agree by construction. Each check carries the `expected` text of the core's own messages.
import { Schema } from "effect"
import { enumText, expectedText, rangeText, type Field, type Fields, type NumberField } from "../core/config/fields.ts"
import { enumOf, Finite, opt, Text } from "./schema-parts.ts"

const numberSchema = (f: NumberField) => {
  const expected = rangeText(f)
  const checks = [
    ...(f.integer ? [Schema.isInt({ expected })] : []),
    ...(f.min !== undefined ? [f.minOpen ? Schema.isGreaterThan(f.min, { expected }) : Schema.isGreaterThanOrEqualTo(f.min, { expected })] : []),
    ...(f.max !== undefined && f.max !== Infinity ? [f.maxOpen ? Schema.isLessThan(f.max, { expected }) : Schema.isLessThanOrEqualTo(f.max, { expected })] : [])
  ]
  const base = Finite.annotate({ description: f.doc })
  return checks.length === 0 ? base : base.check(...(checks as [typeof checks[0], ...typeof checks]))
}

/** The Schema of one field's data form; undefined for fields JSON cannot hold (functions). */
export const fieldSchema = (f: Field): Schema.Top | undefined => {
  switch (f.type) {
    case "number": return numberSchema(f)
    case "boolean": return Schema.Boolean.annotate({ description: f.doc })
    case "enum": return enumOf(f.values as unknown as readonly [string, ...string[]]).annotate({ description: f.doc })
    case "text": return Text.check(Schema.isMinLength(1, { expected: "a non-empty string" })).annotate({ description: f.doc })
    case "function": return undefined
    case "variant": {
      const members = Object.entries(f.variants).map(([kind, fields]) => Schema.Struct({ kind: Schema.Literal(kind), ...structFields(fields, false) }))
      return Schema.Union(members).annotate({ description: f.doc, expected: expectedText(f) })
    }
    case "point": return Schema.Array(Finite).check(Schema.isMinLength(1)).annotate({ description: f.doc, expected: "a non-empty array of numbers" })
    default: return Schema.Unknown.annotate({ description: f.doc })
  }
}

/** Struct fields for a table; `partial` makes every field optional (overrides of a preset). */
export const structFields = (fields: Fields, partial: boolean): Record<string, Schema.Top> => {
  const out: Record<string, Schema.Top> = {}
  for (const [name, field] of Object.entries(fields)) {
    const schema = fieldSchema(field)
    if (schema === undefined) continue
    out[name] = partial || field.optional || "default" in field ? opt(schema) : schema
  }
  return out
}

/** A union of objects tagged by kind, one per registered kind, with an error that lists the kinds. */
export const kindUnion = (members: readonly { readonly kind: string; readonly fields: Record<string, Schema.Top> }[], what: string) => {
  const kinds = members.map((m) => m.kind)
  return Schema.Union(members.map((m) => Schema.Struct({ kind: Schema.Literal(m.kind), ...m.fields })))
    .annotate({ expected: `${what} with kind ${enumText(kinds)}` })
}
