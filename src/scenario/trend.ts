// A trend across learners as expectations: "the metric rises along this list of learners" is a chain
// of claims between neighbours, each checked seed by seed (Expectation.than).
import type { Expectation } from "./types.ts"

/**
 * Expectations that `metric` increases (or decreases) along `learners`, in order: each learner's
 * value is at least (at most) its predecessor's, give or take `tolerance`.
 */
export const trend = (
  learners: readonly string[],
  metric: string,
  direction: "increasing" | "decreasing",
  tolerance: number,
  why?: string
): Expectation[] =>
  learners.slice(1).map((learner, i) => ({
    learner,
    metric,
    op: direction === "increasing" ? ">=" : "<=",
    than: learners[i],
    value: direction === "increasing" ? -tolerance : tolerance,
    ...(why !== undefined ? { why } : {})
  }))
