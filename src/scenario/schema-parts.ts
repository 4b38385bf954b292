// Schema building blocks shared by the file formats (scenarios, sweeps): each carries the
// `expected` text our error messages quote, so both formats word their errors the same way.
import { Schema } from "effect"

export const Finite = Schema.Finite.annotate({ expected: "a finite number" })
export const Integer = Schema.Int.annotate({ expected: "an integer" })
const intAtLeast = (min: number, expected: string) =>
  Schema.Number.check(Schema.isInt({ expected }), Schema.isGreaterThanOrEqualTo(min, { expected }))
export const PositiveInt = intAtLeast(1, "a positive integer")
export const NonNegativeInt = intAtLeast(0, "a non-negative integer")
export const Text = Schema.String.annotate({ expected: "a string" })
export const Vector = Schema.Array(Finite).check(Schema.isMinLength(1)).annotate({ expected: "a non-empty array of numbers" })
export const opt: typeof Schema.optionalKey = Schema.optionalKey

/** A string enum whose error lists the allowed values. */
export const enumOf = <const L extends readonly [string, ...string[]]>(values: L) =>
  Schema.Literals(values).annotate({ expected: `one of ${values.map((v) => JSON.stringify(v)).join(", ")}` })

/** The numbers an expectation or a sweep verdict can be about (final row of a run). */
export const metrics = ["x", "xAvg", "avgRegret", "regret", "pseudoAvgRegret", "distToComparator"] as const
export const Metric = enumOf(metrics)

/** Identity and provenance fields every file format starts with. */
export const headerFields = {
  $schema: opt(Text),
  id: Text,
  title: Text,
  citation: opt(Text),
  description: opt(Text),
  notes: opt(Schema.Array(Text))
}
