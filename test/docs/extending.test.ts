// docs/extending.md's worked examples are real: each code block is the file in docs/examples it
// names, and the learner, adversary and domain they define pass the same contract batteries as the
// built-ins once registered, and play together in a scenario.
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { registerAdversaryKind } from "../../src/core/adversary/index.ts"
import { registerDomainKind } from "../../src/core/domain/index.ts"
import { registerLearnerKind } from "../../src/core/learner/registry.ts"
import { resolveScenario } from "../../src/scenario/resolve.ts"
import { runScenarioSync } from "../../src/scenario/run.ts"
import { l1BallKind } from "../../docs/examples/l1-ball.ts"
import { ngdKind } from "../../docs/examples/normalized-gd.ts"
import { rotatingLinearKind } from "../../docs/examples/rotating-linear.ts"
import { adversaryContract } from "../support/contracts/adversaries.ts"
import { domainContract } from "../support/contracts/domains.ts"
import { learnerContract } from "../support/contracts/learners.ts"

registerLearnerKind(ngdKind)
registerAdversaryKind(rotatingLinearKind)
registerDomainKind(l1BallKind)

const doc = readFileSync(new URL("../../docs/extending.md", import.meta.url), "utf8")

describe("docs/extending.md", () => {
  it("shows each example file exactly", () => {
    for (const file of ["normalized-gd.ts", "rotating-linear.ts", "l1-ball.ts"]) {
      const source = readFileSync(new URL(`../../docs/examples/${file}`, import.meta.url), "utf8")
      expect(doc, file).toContain("```ts\n" + source + "```")
    }
  })

  it("a scenario uses all three, validated like a built-in", () => {
    const input = {
      id: "docs/extending", title: "The worked examples together",
      domain: { kind: "l1-ball", center: [0, 0], radius: 1 },
      adversary: { kind: "rotating-linear", speed: 0.001 },
      learners: [{ label: "ngd", kind: "ngd" }, { label: "ogd", kind: "ogd", alpha: 0.5 }],
      horizon: 5000, start: [0, 0],
      expectations: [{ learner: "ngd", metric: "avgRegret", op: "<=", value: 0.1 }]
    }
    const scenario = resolveScenario(input, "docs/extending.md")
    const result = runScenarioSync(scenario)
    expect(result.runs.every((r) => r.status.kind === "ok")).toBe(true)
    expect(result.expectations.every((e) => e.holds)).toBe(true)
    expect(() => resolveScenario({ ...input, domain: { kind: "l1-ball", center: [0, 0], radius: -1 } }, "x.json"))
      .toThrow("x.json: domain.radius: expected a number > 0, got -1")
  })
})

describe("the worked examples keep the contracts", () => {
  learnerContract(ngdKind)
  adversaryContract(rotatingLinearKind)
  domainContract(l1BallKind)
})
