// fast-check arbitraries derived from the field tables, so a property over "every config of a
// learner kind" covers a field the moment it is added to the table.
import fc from "fast-check"
import { ConfigError } from "../../src/core/config/error.ts"
import type { Field, Fields } from "../../src/core/config/fields.ts"
import { learnerKinds } from "../../src/core/learner/registry.ts"
import { resolveLearner, type LabelledLearner } from "../../src/core/learner/resolve.ts"

/** A value of a field's data form, inside its range (functions and nested adversaries excepted). */
export const fieldValue = (field: Field): fc.Arbitrary<unknown> | undefined => {
  switch (field.type) {
    case "number": {
      const lo = field.min ?? -10, hi = field.max === undefined || field.max === Infinity ? Math.max(lo, 0) + 10 : field.max
      const arb = field.integer
        ? fc.integer({ min: Math.ceil(lo + (field.minOpen ? 1 : 0)), max: Math.floor(Math.min(hi, lo + 200)) })
        : fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true, minExcluded: field.minOpen === true, maxExcluded: field.maxOpen === true || hi === lo + 10 })
      // Round numbers too: presets use them, and they hit the kernels' exact-zero branches.
      const round = [lo, hi, 0, 0.5, 0.9, 0.99, 1].filter((v) => (field.minOpen ? v > lo : v >= lo) && (field.maxOpen ? v < hi : v <= hi) && (!field.integer || Number.isInteger(v)))
      return round.length > 0 ? fc.oneof(arb, fc.constantFrom(...round)) : arb
    }
    case "boolean": return fc.boolean()
    case "enum": return fc.constantFrom(...field.values)
    case "variant": {
      const members = Object.entries(field.variants).flatMap(([kind, fields]) => {
        const record = fieldsRecord(fields)
        return record === undefined ? [] : [record.map((r) => ({ kind, ...r }))]
      })
      return members.length === 0 ? undefined : fc.oneof(...members)
    }
    default: return undefined
  }
}

/** A record with a value for every field of the table, or undefined if a field has no arbitrary. */
export const fieldsRecord = (fields: Fields): fc.Arbitrary<Record<string, unknown>> | undefined => {
  const entries: Record<string, fc.Arbitrary<unknown>> = {}
  for (const [name, field] of Object.entries(fields)) {
    const arb = fieldValue(field)
    if (arb === undefined) {
      if (field.optional) continue
      return undefined
    }
    entries[name] = arb
  }
  return fc.record(entries)
}

/**
 * A valid config of a kind: a random preset with a random subset of its fields overridden by
 * random in-range values; combinations the kind's check refuses fall back to the preset value.
 */
export const learnerConfig = (kind: string): fc.Arbitrary<LabelledLearner> => {
  const entry = learnerKinds.get(kind)!
  const names = Object.keys(entry.fields).filter((n) => fieldValue(entry.fields[n]) !== undefined)
  const overrides = fc.record(Object.fromEntries(names.map((n) => [n, fieldValue(entry.fields[n])!])), { requiredKeys: [] })
  return fc.tuple(fc.constantFrom(...Object.keys(entry.presets)), overrides).map(([preset, fields]) => {
    let spec: Record<string, unknown> = { kind, preset }
    // Add the overrides one at a time, keeping those that leave the config valid.
    for (const [name, value] of Object.entries(fields)) {
      try {
        resolveLearner({ ...spec, [name]: value, kind })
        spec = { ...spec, [name]: value }
      } catch (e) {
        if (!(e instanceof ConfigError)) throw e
      }
    }
    return resolveLearner({ ...spec, kind })
  })
}
