// The JSON Schema (draft 2020-12) of scenario files, generated from the Effect Schema so editors
// and the validator agree by construction. The built-in adversary kinds and their parameters are
// added from the adversary registry (the Effect Schema leaves parameters to the registry checks).
import { Schema } from "effect"
import { adversaryKinds } from "../core/adversary/index.ts"
import { expectedText, requiredFields, type Field } from "../core/config/fields.ts"
import { scenarioFileSchema } from "./schema.ts"

const paramSchema = (spec: Field): Record<string, unknown> => {
  const description = spec.doc
  switch (spec.type) {
    case "number": {
      const s: Record<string, unknown> = { type: spec.integer ? "integer" : "number", description }
      if (spec.min !== undefined) s[spec.minOpen ? "exclusiveMinimum" : "minimum"] = spec.min
      if (spec.max !== undefined) s[spec.maxOpen ? "exclusiveMaximum" : "maximum"] = spec.max
      if (spec.default !== undefined) s.default = spec.default
      return s
    }
    case "vector":
      return { description, anyOf: [{ type: "number" }, { type: "array", items: { type: "number" }, minItems: 1 }], ...(spec.default !== undefined ? { default: spec.default } : {}) }
    case "vectors":
      return { description, type: "array", minItems: 1, items: { anyOf: [{ type: "number" }, { type: "array", items: { type: "number" } }] } }
    case "numbers":
      return { description, type: "array", items: { type: spec.integer ? "integer" : "number" } }
    case "enum":
      return { description, enum: spec.values, ...(spec.default !== undefined ? { default: spec.default } : {}) }
    case "adversaries":
      return { description, type: "array", minItems: 1, items: { $ref: "#/$defs/Adversary" } }
    case "boolean":
      return { description, type: "boolean", ...(spec.default !== undefined ? { default: spec.default } : {}) }
    case "text":
      return { description, type: "string", minLength: 1 }
    case "point":
      return { description, type: "array", items: { type: "number" }, minItems: 1 }
    default:
      return { description: `${description} (${expectedText(spec)})` }
  }
}

/** One `if kind = K then these properties` clause per built-in adversary kind. */
const adversaryDef = (): Record<string, unknown> => ({
  type: "object",
  description: "A built-in adversary: its kind and parameters (see docs/writing-an-adversary.md). TS scenarios may use other kinds with createAdversary.",
  required: ["kind"],
  properties: { kind: { type: "string", description: "Adversary kind.", examples: [...adversaryKinds.keys()] } },
  allOf: [...adversaryKinds.values()].map((k) => ({
    if: { properties: { kind: { const: k.kind } }, required: ["kind"] },
    then: {
      description: k.title,
      properties: { kind: { const: k.kind }, ...Object.fromEntries(Object.entries(k.params).map(([name, spec]) => [name, paramSchema(spec)])) },
      required: ["kind", ...requiredFields(k.params)],
      additionalProperties: false
    }
  }))
})

export const scenarioJsonSchema = (): Record<string, unknown> => {
  const doc = Schema.toJsonSchemaDocument(scenarioFileSchema(), { onExcessProperty: "error" })
  const root = { ...(doc.schema as Record<string, unknown>) }
  const properties = { ...(root.properties as Record<string, unknown>), adversary: { $ref: "#/$defs/Adversary" } }
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    // A name, not an address: scenario files point at their copy with "$schema": "./scenario.schema.json".
    $id: "urn:regretlab:scenario",
    ...root,
    properties,
    $defs: { ...((doc as { definitions?: Record<string, unknown> }).definitions ?? {}), Adversary: adversaryDef() }
  }
}
