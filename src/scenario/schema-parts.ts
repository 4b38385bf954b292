// Schema building blocks shared by the file formats (scenarios, sweeps): each carries the
// `expected` text our error messages quote, so both formats word their errors the same way.
import { Schema } from "effect"

export const Finite = Schema.Finite.annotate({ expected: "a finite number" })
export const Integer = Schema.Int.annotate({ expected: "an integer" })
const intAtLeast = (min: number, expected: string) =>
  Schema.Number.check(Schema.isInt({ expected }), Schema.isGreaterThanOrEqualTo(min, { expected }))
const intBetween = (min: number, max: number, expected: string) =>
  Schema.Number.check(Schema.isInt({ expected }), Schema.isGreaterThanOrEqualTo(min, { expected }), Schema.isLessThanOrEqualTo(max, { expected }))
export const PositiveInt = intAtLeast(1, "a positive integer")
export const NonNegativeInt = intAtLeast(0, "a non-negative integer")
/** Rounds are counted in doubles, exact up to 2^53 − 1; beyond it t + 1 = t and a run never ends. */
export const MAX_HORIZON = Number.MAX_SAFE_INTEGER
export const Horizon = intBetween(1, MAX_HORIZON, `a positive integer up to ${MAX_HORIZON} (2^53 − 1, the largest round a double counts exactly)`)
/** Seeds 1..N are listed, one run per learner each: past a million, a typo rather than a plan. */
export const MAX_SEED_COUNT = 1_000_000
export const SeedCount = intBetween(1, MAX_SEED_COUNT, `a positive integer up to ${MAX_SEED_COUNT.toLocaleString("en-US")} (the number of seeds)`)
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
