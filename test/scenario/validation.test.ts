// Invalid scenario files each fail with their own message naming the file, the path, the value
// and what was expected.
import { describe, expect, it } from "vitest"
import { resolveScenario, ScenarioError } from "../../src/scenario/index.ts"

const base = {
  id: "test/base",
  title: "base",
  domain: { kind: "box", lower: [-1], upper: [1] },
  adversary: { kind: "periodic-linear", C: 3, period: 3 },
  learners: [
    { label: "adam", kind: "adam", beta1: 0, beta2: 0.1 },
    { label: "amsgrad", kind: "amsgrad" }
  ],
  horizon: 100,
  start: [1]
}

const with_ = (patch: Record<string, unknown>) => ({ ...base, ...patch })
const without = (key: string) => Object.fromEntries(Object.entries(base).filter(([k]) => k !== key))

const cases: readonly (readonly [string, unknown, string])[] = [
  ["missing field", without("horizon"), "scenarios/x.json: horizon: expected a positive integer (required field), got nothing (missing)"],
  ["wrong type", with_({ title: 3 }), "scenarios/x.json: title: expected a string, got 3"],
  ["unknown learner", with_({ learners: [base.learners[0], { label: "b", kind: "adamx" }] }), `scenarios/x.json: learners[1].kind: expected one of "ogd", "momentum", "adagrad", "rmsprop", "adam", "amsgrad", "adamnc", "adamw", "signgd", "ftrl", "ons", "eg", got "adamx"`],
  ["unknown adversary", with_({ adversary: { kind: "nope" } }), "scenarios/x.json: adversary.kind: expected one of \"periodic-linear\", \"reddi-theorem2\""],
  ["β1 ≥ 1", with_({ learners: [base.learners[0], { label: "b", kind: "adam", beta1: 1 }] }), "scenarios/x.json: learners[1].beta1: expected a number in [0, 1), got 1"],
  ["negative horizon", with_({ horizon: -5 }), "scenarios/x.json: horizon: expected a positive integer, got -5"],
  ["non-integer horizon", with_({ horizon: 10.5 }), "scenarios/x.json: horizon: expected a positive integer, got 10.5"],
  ["start outside the domain", with_({ start: [2] }), "scenarios/x.json: start: expected a point inside the domain [-1, 1], got [2]"],
  ["start dimension", with_({ start: [0, 0] }), "scenarios/x.json: start: expected an array of 1 number (the domain dimension), got [0,0]"],
  ["adversary dimension", with_({ adversary: { kind: "periodic-linear", C: 3, direction: [1, 1] } }), "scenarios/x.json: adversary.direction: expected an array of length 1 (the domain dimension), not 2, got [1,1]"],
  ["domain dimension", with_({ domain: { kind: "box", lower: [-1, -1], upper: [1] } }), "scenarios/x.json: domain.upper: expected an array of length 2 (the length of domain.lower), got [1]"],
  ["unknown preset", with_({ learners: [{ label: "a", kind: "adam", preset: "keras" }] }), "scenarios/x.json: learners[0].preset: expected one of \"paper\", \"pytorch\", \"optax\", \"cattaneo\", got \"keras\""],
  ["checkpoint beyond the horizon", with_({ checkpoints: { extra: [50, 200] } }), "scenarios/x.json: checkpoints.extra[1]: expected a round in [1, 100] (the horizon), got 200"],
  ["unknown field", with_({ horizn: 3 }), "scenarios/x.json: horizn: expected no such field"],
  ["unknown adversary parameter", with_({ adversary: { kind: "periodic-linear", C: 3, peroid: 3 } }), "scenarios/x.json: adversary.peroid: expected no such field (known fields: C, period, scale, direction), got 3"],
  ["duplicate label", with_({ learners: [{ label: "a", kind: "adam" }, { label: "a", kind: "amsgrad" }] }), "scenarios/x.json: learners[1].label: expected a label no other learner uses"],
  ["expectation for an unknown learner", with_({ expectations: [{ learner: "sgd", metric: "x", op: ">=", value: 0 }] }), "scenarios/x.json: expectations[0].learner: expected one of the learner labels"],
  ["pseudo-regret without expected loss", with_({ expectations: [{ learner: "adam", metric: "pseudoAvgRegret", op: ">=", value: 0 }] }), "scenarios/x.json: expectations[0].metric: expected a metric this adversary reports"],
  ["missing adversary parameter", with_({ adversary: { kind: "periodic-linear" } }), "scenarios/x.json: adversary.C: expected a finite number (required), got nothing (missing)"],
  ["Theorem 2 needs β1 < √β2", with_({ adversary: { kind: "reddi-theorem2", beta1: 0.9, beta2: 0.5 } }), "scenarios/x.json: adversary.beta1: expected a number < √β2"],
  ["composite parts of different families", with_({ adversary: { kind: "switching", at: [10], parts: [{ kind: "periodic-linear", C: 3 }, { kind: "quadratic" }] } }), "scenarios/x.json: adversary.parts[1].kind: expected an adversary with linear losses"]
]

describe("invalid scenario files", () => {
  it("the base scenario is valid", () => {
    expect(resolveScenario(base, "scenarios/x.json").learners.map((l) => l.label)).toEqual(["adam", "amsgrad"])
  })

  for (const [name, input, message] of cases) {
    it(`fails on ${name}`, () => {
      let error: unknown
      try {
        resolveScenario(input, "scenarios/x.json")
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(ScenarioError)
      expect((error as ScenarioError).message.startsWith(message), (error as Error).message).toBe(true)
      expect((error as ScenarioError).file).toBe("scenarios/x.json")
    })
  }

  it("gives each case its own message", () => {
    const messages = cases.map(([, input]) => {
      try {
        resolveScenario(input, "f")
        return "valid"
      } catch (e) {
        return (e as Error).message
      }
    })
    expect(new Set(messages).size).toBe(cases.length)
  })

  it("exposes path, value and expected on the error", () => {
    try {
      resolveScenario(with_({ learners: [{ label: "a", kind: "adam", beta1: 1 }] }), "f.json")
      expect.unreachable()
    } catch (e) {
      const err = e as ScenarioError
      expect([err.file, err.path, err.value, err.expected]).toEqual(["f.json", "learners[0].beta1", 1, "a number in [0, 1)"])
    }
  })
})
