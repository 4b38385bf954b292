// Expectations on the numbers an adversary reports (CheckpointRow.metrics) and claims that compare
// two learners seed by seed (`than`), with the summaries, CSV and validation messages around them.
import { describe, expect, it } from "vitest"
import { rowsCsv } from "../../src/report/data.ts"
import { verdictOf } from "../../src/report/summary.ts"
import { expectationText, resolveScenario, runScenarioSync, trend } from "../../src/scenario/index.ts"
import { ScenarioError } from "../../src/scenario/error.ts"
import { pickLearners } from "../../src/scenario/pick.ts"
import type { ScenarioInput } from "../../src/scenario/types.ts"

const base = {
  id: "t/metrics",
  title: "metrics",
  domain: { kind: "box", lower: [-10, -10], upper: [10, 10] },
  adversary: { kind: "full-batch", objective: { kind: "bilinear" } },
  learners: [
    { label: "slow", kind: "ogd", preset: "pytorch", alpha: 0.001 },
    { label: "fast", kind: "ogd", preset: "pytorch", alpha: 0.01 }
  ],
  horizon: 200,
  start: [2, 1],
  seeds: 2
} satisfies ScenarioInput

const fail = (input: unknown): string => {
  try {
    resolveScenario(input, "scenarios/x.json")
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError)
    return (e as Error).message
  }
  throw new Error("resolved")
}

describe("expectations on adversary metrics", () => {
  it("reads the adversary's numbers from the final row, and compares learners seed by seed", () => {
    const s = resolveScenario({
      ...base,
      expectations: [
        { learner: "fast", metric: "objective", op: "<=", value: 1e-3 },
        { learner: "slow", metric: "objective", op: ">=", value: 0.005, than: "fast", why: "smaller steps, further from the minimum" },
        { learner: "fast", metric: "distToMinimisers", op: "<=", value: 0, than: "slow" },
        { learner: "fast", metric: "objective", op: ">=", value: 1, than: "slow" }
      ]
    }, "t")
    const r = runScenarioSync(s)
    const final = (label: string, seed: number) => r.runs.find((x) => x.learner === label && x.seed === seed)!.rows.at(-1)!.metrics!
    const [a, b, c, d] = r.expectations
    expect(a.holds).toBe(true)
    expect(a.observed).toEqual([final("fast", 1).objective, final("fast", 2).objective])
    // With `than`, the observed number is the difference from the other learner's.
    expect(b.holds).toBe(true)
    expect(b.observed[0]).toBe(final("slow", 1).objective - final("fast", 1).objective)
    expect(c.holds).toBe(true)
    expect(d.holds).toBe(false)
    expect(b.text).toBe("slow: objective ≥ fast's + 0.005 on every seed (smaller steps, further from the minimum)")
    expect(c.text).toBe("fast: distToMinimisers ≤ slow's on every seed")
    expect(expectationText({ learner: "a", metric: "testError", op: "near", value: -0.5, tolerance: 0.1, than: "b" })).toBe("a: testError ≈ b's − 0.5 ± 0.1 on every seed")
    // Summaries carry the final metrics; the CSV has one column per metric.
    const summary = r.summary.find((x) => x.learner === "fast")!
    expect(summary.metrics!.objective.mean).toBeCloseTo((final("fast", 1).objective + final("fast", 2).objective) / 2, 15)
    // A comparison counts for both learners' verdicts; running one learner alone drops it.
    expect(verdictOf(r, "slow")).toBe("✗ FAIL (2/3 hold)")
    const alone = pickLearners(s, ["fast"])
    expect(alone.expectations.map((e) => e.than)).toEqual([undefined])
    const csv = rowsCsv(r).split("\n")
    expect(csv[0]).toContain(",metrics.objective,metrics.gradNorm2,")
    expect(csv[0].endsWith(",metrics.nearestW1")).toBe(true)
  })

  it("rejects a metric the adversary does not report and a comparison with an unknown or the same learner", () => {
    expect(fail({ ...base, expectations: [{ learner: "fast", metric: "testError", op: "<=", value: 0 }] })).toBe(
      "scenarios/x.json: expectations[0].metric: expected a built-in metric (x, xAvg, avgRegret, regret, pseudoAvgRegret, distToComparator) or one this adversary reports (objective, gradNorm2, gradNorm1Eps, distToMinimisers, onBoundary, oneNormSlope, nearestW1), got \"testError\""
    )
    expect(fail({ ...base, adversary: { kind: "quadratic" }, domain: { kind: "box", lower: [-1], upper: [1] }, start: [0], expectations: [{ learner: "fast", metric: "objective", op: "<=", value: 0 }] })).toMatch(
      /expectations\[0\]\.metric: expected a built-in metric \(.*\); this adversary reports no metrics of its own, got "objective"$/
    )
    expect(fail({ ...base, expectations: [{ learner: "fast", metric: "objective", op: "<=", value: 0, than: "fast" }] })).toBe(
      "scenarios/x.json: expectations[0].than: expected another learner's label (one of \"slow\", \"fast\", not \"fast\"), got \"fast\""
    )
    expect(fail({ ...base, expectations: [{ learner: "fast", metric: "objective", op: "<=", value: 0, than: "nobody" }] })).toMatch(/expectations\[0\]\.than: expected another learner's label/)
  })
})

describe("trend", () => {
  it("is a chain of comparisons between neighbours, with the tolerance as slack", () => {
    expect(trend(["a", "b", "c"], "oneNormSlope", "increasing", 0.01, "why")).toEqual([
      { learner: "b", metric: "oneNormSlope", op: ">=", than: "a", value: -0.01, why: "why" },
      { learner: "c", metric: "oneNormSlope", op: ">=", than: "b", value: -0.01, why: "why" }
    ])
    expect(trend(["a", "b"], "m", "decreasing", 0)).toEqual([{ learner: "b", metric: "m", op: "<=", than: "a", value: 0 }])
    expect(trend(["a"], "m", "decreasing", 0)).toEqual([])
  })
})
