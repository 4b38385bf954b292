// Every registered scenario runs with its encoded expectations: a reproduction is a test.
import { describe, expect, it } from "vitest"
import { getScenario, listScenarios, runScenarioSync } from "../../src/scenario/index.ts"

const required = [
  "reddi2018/theorem1", "lecture/period3", "reddi2018/online", "reddi2018/stochastic", "reddi2018/theorem2",
  "reddi2018/theorem3", "bock-weiss/cycle", "dereich/asymmetric-noise", "projection/ball-100", "logistic/online-regression",
  "implicit-bias/bilinear-grid", "implicit-bias/bilinear-step", "implicit-bias/flow-order",
  "generalization/wilson-overparameterised", "generalization/convex-ridge", "generalization/adamw-decoupled"
]

describe("built-in registry", () => {
  it("holds every required scenario id", () => {
    const ids = listScenarios().map((s) => s.id)
    for (const id of required) expect(ids).toContain(id)
    expect(getScenario("nope/none")).toBeUndefined()
  })

  it("gives every scenario a citation and at least one expectation", () => {
    for (const s of listScenarios()) {
      expect(s.citation, s.id).not.toBe("")
      expect(s.expectations.length, s.id).toBeGreaterThan(0)
    }
  })

  for (const id of required) {
    it(`${id}: every expectation holds`, () => {
      const s = getScenario(id)!
      const result = runScenarioSync(s)
      expect(result.runs.length).toBe(s.seeds.length * s.learners.length)
      for (const run of result.runs) expect(run.status, `${run.learner} seed ${run.seed}`).toEqual({ kind: "ok" })
      const failed = result.expectations.filter((e) => !e.holds).map((e) => `${e.text}: observed ${e.observed.join(", ")}`)
      expect(failed).toEqual([])
      expect(result.expectations.length).toBe(s.expectations.length)
    })
  }
})
