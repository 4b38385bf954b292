// The scenario file format as an Effect Schema: structure and types only. Ranges that depend on
// other fields (β's via resolveLearner, start inside the domain, dimensions, checkpoints within the
// horizon) are checked after decoding in resolve.ts. The same schema generates the JSON Schema
// published for editors (scenarios/scenario.schema.json).
import { Schema } from "effect"
import { domainKinds } from "../core/domain/index.ts"
import { learnerKinds } from "../core/learner/registry.ts"
import { enumText } from "../core/config/fields.ts"
import { kindUnion, structFields } from "./field-schema.ts"
import { enumOf, Finite, headerFields, Integer, Metric, NonNegativeInt, opt, PositiveInt, Text, Vector } from "./schema-parts.ts"

/** The feasible set: one member per registered domain kind, built from its fields table. */
const domainSchema = () =>
  kindUnion([...domainKinds.values()].map((k) => ({ kind: k.kind, fields: structFields(k.fields, false) })), "a domain")
    .annotate({ description: "The feasible set F." })

/** Built-in adversary: a kind from the registry plus its parameters (checked by the registry). */
const Adversary = Schema.StructWithRest(Schema.Struct({ kind: Text }), [Schema.Record(Schema.String, Schema.Unknown)])
  .annotate({ description: "A built-in adversary: {kind, ...parameters} (see docs/writing-an-adversary.md)." })

/** A learner: one member per registered kind, with its presets and its family's fields (all optional overrides). */
const learnerSchema = () =>
  kindUnion([...learnerKinds.values()].map((k) => ({
    kind: k.kind,
    fields: { label: Text, preset: opt(enumOf(Object.keys(k.presets) as [string, ...string[]])), ...structFields(k.fields, true) }
  })), "a learner")
    .annotate({ description: "A learner: kind, label, optional preset and any field of its kind to override." })

const Expectation = Schema.Struct({
  learner: Text,
  // Any name passes here: resolve.ts checks it against the built-ins and the adversary's own metrics.
  metric: Schema.Union([Metric, Text.annotate({ description: "The name of a metric the adversary reports in its rows (e.g. testError)." })]),
  coordinate: opt(NonNegativeInt),
  over: opt(enumOf(["all", "mean"])),
  op: enumOf([">=", "<=", "near"]),
  value: Finite,
  tolerance: opt(Finite),
  than: opt(Text.annotate({ description: "Another learner's label: the claim is metric op (its metric + value), seed by seed." })),
  why: opt(Text)
}).annotate({ description: "A claim about one learner's final rows: on every seed (over: \"all\", the default) or for their mean over the seeds (over: \"mean\")." })

const scenarioFile = () => Schema.Struct({
  ...headerFields,
  domain: domainSchema(),
  adversary: Adversary,
  learners: Schema.Array(learnerSchema()).check(Schema.isMinLength(1)).annotate({ expected: "a non-empty array of learners" }),
  horizon: PositiveInt,
  start: Vector,
  seeds: opt(Schema.Union([PositiveInt, Schema.Array(NonNegativeInt).check(Schema.isMinLength(1))]).annotate({ expected: "a positive integer (number of seeds) or a non-empty array of integer seeds" })),
  checkpoints: opt(Schema.Struct({ perDecade: opt(PositiveInt), extra: opt(Schema.Array(Integer)) })),
  expectations: opt(Schema.Array(Expectation)),
  // Read by `regretlab sweep` (validated there, src/sweep/definition.ts); a plain run ignores it.
  sweep: opt(Schema.Unknown.annotate({ description: "A sweep section: grid, seeds, verdict (see docs/sweeps.md)." }))
}).annotate({ title: "regretlab scenario", description: "An online convex optimisation game: domain, adversary, learners, horizon, start, seeds." })

let cached: { readonly key: string; readonly schema: ReturnType<typeof scenarioFile> } | undefined

/** The scenario file Schema for the kinds registered now (rebuilt when a kind is registered). */
export const scenarioFileSchema = (): ReturnType<typeof scenarioFile> => {
  const key = `${[...domainKinds.keys()].join()}|${[...learnerKinds.keys()].join()}`
  if (cached?.key !== key) cached = { key, schema: scenarioFile() }
  return cached.schema
}

/** The first problem in a Schema issue tree, as a path, the value found there and what was expected. */
export interface SchemaProblem {
  readonly path: readonly PropertyKey[]
  readonly expected: string
}

type AnyIssue = { readonly _tag: string; readonly [k: string]: unknown }
type AnyAst = { readonly _tag: string; readonly annotations?: Record<string, unknown>; readonly [k: string]: unknown }

const expectedOf = (ast: AnyAst | undefined): string | undefined => {
  if (ast === undefined) return undefined
  const annotated = ast.annotations?.expected
  if (typeof annotated === "string") return annotated
  // .annotate() on a schema with checks annotates its last check: that says what was wanted.
  const checks = ast.checks as { annotations?: Record<string, unknown> }[] | undefined
  const last = checks?.[checks.length - 1]?.annotations?.expected
  if (typeof last === "string") return last
  switch (ast._tag) {
    case "String": return "a string"
    case "Number": return "a number"
    case "Boolean": return "true or false"
    case "Objects": return "an object"
    case "Arrays": return "an array"
    case "Literal": return JSON.stringify(ast.literal)
    case "Union": {
      const types = ast.types as AnyAst[] | undefined
      if (types?.every((t) => t._tag === "Literal")) return `one of ${types.map((t) => JSON.stringify(t.literal)).join(", ")}`
      return "one of the allowed forms"
    }
    default: return undefined
  }
}

/** The declared schema of field `key` of an Objects AST, if any. */
const fieldAst = (objects: AnyAst | undefined, key: PropertyKey): AnyAst | undefined => {
  const props = objects?.propertySignatures as { name: PropertyKey; type: AnyAst }[] | undefined
  return props?.find((p) => p.name === key)?.type
}

/** The `kind` literals of a union of tagged objects, or undefined for any other union. */
const kindLiterals = (ast: AnyAst): string[] | undefined => {
  const kinds: string[] = []
  for (const member of (ast.types as AnyAst[] | undefined) ?? []) {
    const kind = fieldAst(member, "kind")
    if (member._tag !== "Objects" || kind?._tag !== "Literal") return undefined
    kinds.push(String(kind.literal))
  }
  return kinds.length > 0 ? kinds : undefined
}

export const firstProblem = (issue: unknown): SchemaProblem => {
  const path: PropertyKey[] = []
  let parent: AnyAst | undefined
  let current = issue as AnyIssue
  for (;;) {
    switch (current._tag) {
      case "Pointer":
        path.push(...(current.path as PropertyKey[]))
        current = current.issue as AnyIssue
        continue
      case "Composite": {
        const ast = current.ast as AnyAst
        if (ast._tag === "Objects") parent = ast
        current = (current.issues as AnyIssue[])[0]
        continue
      }
      case "Encoding":
        current = current.issue as AnyIssue
        continue
      case "AnyOf": {
        const inner = current.issues as AnyIssue[]
        // A discriminated union reports only the member whose tag matched: go into it.
        if (inner.length === 1) {
          current = inner[0]
          continue
        }
        // No member's tag matched: the problem is the tag itself.
        const kinds = kindLiterals(current.ast as AnyAst)
        if (inner.length === 0 && kinds !== undefined) return { path: [...path, "kind"], expected: enumText(kinds) }
        return { path, expected: expectedOf(current.ast as AnyAst) ?? "one of the allowed forms" }
      }
      case "Filter": {
        const filter = current.filter as { annotations?: Record<string, unknown> }
        const expected = filter.annotations?.expected
        return { path, expected: typeof expected === "string" ? expected : "a value meeting the constraint" }
      }
      case "MissingKey": {
        const key = path[path.length - 1]
        const field = key === undefined ? undefined : fieldAst(parent, key)
        return { path, expected: `${expectedOf(field) ?? "a value"} (required field)` }
      }
      case "UnexpectedKey":
        return { path, expected: "no such field (unknown field; check the spelling)" }
      case "InvalidType":
        return { path, expected: expectedOf(current.ast as AnyAst) ?? "a value of another type" }
      default:
        return { path, expected: String((current as { message?: unknown }).message ?? "a valid value") }
    }
  }
}
