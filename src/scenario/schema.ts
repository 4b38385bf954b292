// The scenario file format as an Effect Schema: structure and types only. Ranges that depend on
// other fields (β's via resolveLearner, start inside the domain, dimensions, checkpoints within the
// horizon) are checked after decoding in resolve.ts. The same schema generates the JSON Schema
// published for editors (scenarios/scenario.schema.json).
import { Schema } from "effect"
import { learnerKinds } from "../core/learner/catalog.ts"

import { enumOf, Finite, headerFields, Integer, Metric, NonNegativeInt, opt, PositiveInt, Text, Vector } from "./schema-parts.ts"

const Domain = Schema.Union([
  Schema.Struct({ kind: Schema.Literal("box"), lower: Vector, upper: Vector }),
  Schema.Struct({ kind: Schema.Literal("ball"), center: Vector, radius: Finite }),
  Schema.Struct({ kind: Schema.Literal("simplex"), dim: PositiveInt })
]).annotate({ expected: "a domain: {kind: \"box\", lower, upper}, {kind: \"ball\", center, radius} or {kind: \"simplex\", dim}", description: "The feasible set F." })

/** Built-in adversary: a kind from the registry plus its parameters (checked by the registry). */
const Adversary = Schema.StructWithRest(Schema.Struct({ kind: Text }), [Schema.Record(Schema.String, Schema.Unknown)])
  .annotate({ description: "A built-in adversary: {kind, ...parameters} (see docs/writing-an-adversary.md)." })

const StepSchedule = Schema.Union([
  Schema.Struct({ kind: Schema.Literal("constant") }),
  Schema.Struct({ kind: Schema.Literal("inv-sqrt") }),
  Schema.Struct({ kind: Schema.Literal("power"), power: Finite }),
  Schema.Struct({ kind: Schema.Literal("inverse-time"), decay: Finite }),
  // TS scenarios only: the function itself is not data (resolveLearner insists on it).
  Schema.Struct({ kind: Schema.Literal("custom"), name: Text })
]).annotate({ expected: "a step schedule {kind: \"constant\" | \"inv-sqrt\" | \"power\" (power) | \"inverse-time\" (decay)}" })

const Beta1Schedule = Schema.Union([
  Schema.Struct({ kind: Schema.Literal("constant") }),
  Schema.Struct({ kind: Schema.Literal("exponential"), lambda: Finite }),
  Schema.Struct({ kind: Schema.Literal("inverse") })
]).annotate({ expected: "a β1 schedule {kind: \"constant\" | \"exponential\" (lambda) | \"inverse\"}" })

const Learner = Schema.Struct({
  kind: enumOf(learnerKinds as unknown as readonly [string, ...string[]]),
  label: Text,
  preset: opt(Text),
  alpha: opt(Finite),
  stepSchedule: opt(StepSchedule),
  momentum: opt(enumOf(["none", "ema", "heavy-ball"])),
  beta1: opt(Finite),
  beta1Schedule: opt(Beta1Schedule),
  secondMoment: opt(enumOf(["none", "ema", "sum", "mean"])),
  beta2: opt(Finite),
  beta2Schedule: opt(enumOf(["constant", "inverse-t"])),
  amsgrad: opt(enumOf(["off", "raw", "corrected"])),
  biasCorrection1: opt(Schema.Boolean),
  biasCorrection2: opt(Schema.Boolean),
  eps: opt(Finite),
  epsRoot: opt(Finite),
  initialAccumulator: opt(Finite),
  weightDecay: opt(Finite),
  weightDecayMode: opt(enumOf(["l2", "decoupled"])),
  sign: opt(Schema.Boolean),
  projection: opt(enumOf(["weighted", "euclidean"]))
}).annotate({ description: "A learner: kind, label, optional preset (paper, pytorch, optax, duchi) and any config field to override." })

const Expectation = Schema.Struct({
  learner: Text,
  metric: Metric,
  coordinate: opt(NonNegativeInt),
  op: enumOf([">=", "<=", "near"]),
  value: Finite,
  tolerance: opt(Finite),
  why: opt(Text)
}).annotate({ description: "A claim checked on the final row of every seed of one learner." })

export const ScenarioFile = Schema.Struct({
  ...headerFields,
  domain: Domain,
  adversary: Adversary,
  learners: Schema.Array(Learner).check(Schema.isMinLength(1)).annotate({ expected: "a non-empty array of learners" }),
  horizon: PositiveInt,
  start: Vector,
  seeds: opt(Schema.Union([PositiveInt, Schema.Array(NonNegativeInt).check(Schema.isMinLength(1))]).annotate({ expected: "a positive integer (number of seeds) or a non-empty array of integer seeds" })),
  checkpoints: opt(Schema.Struct({ perDecade: opt(PositiveInt), extra: opt(Schema.Array(Integer)) })),
  expectations: opt(Schema.Array(Expectation)),
  // Read by `regretlab sweep` (validated there, src/sweep/definition.ts); a plain run ignores it.
  sweep: opt(Schema.Unknown.annotate({ description: "A sweep section: grid, seeds, verdict (see docs/sweeps.md)." }))
}).annotate({ title: "regretlab scenario", description: "An online convex optimisation game: domain, adversary, learners, horizon, start, seeds." })

export type ScenarioFileType = typeof ScenarioFile.Type

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
