// Invalid values for every field of a table, with the exact message a validator must give, derived
// from the field specs alone: a field added to a table is checked without a new test.
import { enumText, expectedText, rangeText, type Field, type Fields } from "../../src/core/config/fields.ts"
import { showValue } from "../../src/core/config/show.ts"

export interface InvalidCase {
  /** The field to set (a top-level key of the record). */
  readonly field: string
  readonly value: unknown
  /** The whole message, `path: expected …, got …`. */
  readonly message: string
}

const message = (path: string, expected: string, value: unknown): string => `${path}: expected ${expected}, got ${showValue(value)}`

const numberCases = (name: string, f: Extract<Field, { type: "number" }>): InvalidCase[] => {
  const out: InvalidCase[] = []
  const expected = rangeText(f)
  const add = (value: unknown) => out.push({ field: name, value, message: message(name, expected, value) })
  add(Number.NaN)
  add(Infinity)
  add("1")
  if (f.min !== undefined) add(f.minOpen ? f.min : f.min - 1)
  if (f.max !== undefined && f.max !== Infinity) add(f.maxOpen ? f.max : f.max + 1)
  if (f.integer) add((f.min ?? 0) + 1.5)
  return out
}

/** Invalid cases for the fields of a table (nested variants included). */
export const invalidCases = (fields: Fields): InvalidCase[] => {
  const out: InvalidCase[] = []
  for (const [name, f] of Object.entries(fields)) {
    switch (f.type) {
      case "number": out.push(...numberCases(name, f)); break
      case "boolean": out.push({ field: name, value: "yes", message: message(name, "true or false", "yes") }); break
      case "enum": out.push({ field: name, value: "nope", message: message(name, enumText(f.values), "nope") }); break
      case "text": out.push({ field: name, value: "", message: message(name, "a non-empty string", "") }); break
      case "variant": {
        out.push({ field: name, value: { kind: "nope" }, message: message(`${name}.kind`, enumText(Object.keys(f.variants)), "nope") })
        out.push({ field: name, value: 3, message: message(name, expectedText(f), 3) })
        for (const [kind, sub] of Object.entries(f.variants)) {
          for (const c of invalidCases(sub)) {
            if (fieldsOfFunction(sub, c.field)) continue
            out.push({ field: name, value: { kind, ...requiredOf(sub), [c.field]: c.value }, message: c.message.replace(/^/, `${name}.`) })
          }
        }
        break
      }
      case "point":
        out.push({ field: name, value: [], message: message(name, "a non-empty array of finite numbers", []) })
        out.push({ field: name, value: [0, Number.NaN], message: message(`${name}[1]`, "a finite number", Number.NaN) })
        break
      default:
        break
    }
  }
  return out
}

const fieldsOfFunction = (fields: Fields, name: string): boolean => fields[name]?.type === "function"

/** Valid values for the required fields of a variant member, so one bad field is the only problem. */
const requiredOf = (fields: Fields): Record<string, unknown> => {
  const out: Record<string, unknown> = {}
  for (const [name, f] of Object.entries(fields)) {
    if (f.type === "number") out[name] = f.min !== undefined ? (f.minOpen ? (f.max !== undefined && f.max !== Infinity ? (f.min + f.max) / 2 : f.min + 1) : f.min) : 0
    else if (f.type === "text") out[name] = "x"
    else if (f.type === "function") out[name] = () => 1
  }
  return out
}
