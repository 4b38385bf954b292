// A found sequence played again to 10T through the framework's game, and the scenario written from
// it: the scenario layer accepts it as it is, its run gives the same numbers, and its expectations
// (the certificate) hold exactly when the certificate does.
import { describe, expect, it } from "vitest"
import { resolveLearner } from "../../src/core/learner/resolve.ts"
import { resolveScenario } from "../../src/scenario/resolve.ts"
import { runScenarioSync } from "../../src/scenario/run.ts"
import { createEvaluator } from "../../src/search/evaluate.ts"
import type { FoundAdversary } from "../../src/search/families.ts"
import { searchAdversary, searchSpecOf } from "../../src/search/request.ts"
import type { Found, SearchSpec } from "../../src/search/search.ts"
import { contendersFor, verifyFound } from "../../src/search/verify.ts"

const config = (spec: Record<string, unknown>) => resolveLearner(spec as never).config
const found = (adversary: FoundAdversary): Found => ({ adversary, score: { value: 0.1, late: 0.1, early: 0.1, ratio: 1, holds: true }, evaluation: 7 })

describe("verification at 10T and the scenario", () => {
  it("Theorem 1's setting: certified, cross-checked bit for bit, and the scenario runs with every expectation holding", () => {
    const outcome = searchAdversary({ learner: { kind: "rmsprop", alpha: 0.5, beta2: 0.1 }, periodMax: 3, horizon: 2000 }, { evaluations: 150, id: "search/theorem1", command: "npx regretlab search …" })
    const v = outcome.verification!
    expect(outcome.result.bestCertified).toBeDefined()
    expect(v.certified).toBe(true)
    expect(v.crossCheck).toEqual({ agrees: true, maxRelativeDifference: 0 })
    const s = v.scenario
    expect(s.id).toBe("search/theorem1")
    expect(s.learners.map((l) => l.label)).toEqual(["rmsprop", "amsgrad", "adagrad"])
    expect(s.horizon).toBe(20_000)
    expect(s.adversary).toEqual(outcome.result.bestCertified!.adversary)
    expect(s.expectations!.map((e) => [e.learner, e.metric, e.op])).toEqual([["rmsprop", "avgRegret", ">="], ["rmsprop", "avgRegret", ">="], ["amsgrad", "avgRegret", "<="]])
    expect(v.expectations.every((e) => e.holds)).toBe(true)
    expect(s.notes!.join(" ")).toMatch(/Certified: rmsprop's R_t\/t\/\(G·D\) goes/)
    // Through JSON and the scenario layer, as `regretlab run found.json` reads it.
    const resolved = resolveScenario(JSON.parse(JSON.stringify(s)), "found.json")
    const run = runScenarioSync(resolved)
    expect(run.expectations.map((e) => e.holds)).toEqual([true, true, true])
    const final = (label: string) => run.runs.find((r) => r.learner === label)!.rows.at(-1)!.avgRegret
    expect(final("rmsprop")).toBe(v.runs[0].runs[0].at(-1)!.avgRegret)
    expect(final("amsgrad")).toBe(v.runs[1].runs[0].at(-1)!.avgRegret)
  })

  it("a sequence that does not hold at 10T is reported as not certified, with no expectations", () => {
    const spec: SearchSpec = searchSpecOf({ learner: { kind: "adam", alpha: 0.5, beta2: 0.99 }, horizon: 1000 })
    // Reddi's Section 5 sequence at T = 10³ is still in Adam's transient.
    const v = verifyFound(spec, found({ kind: "periodic-linear", C: 101, period: 101, scale: 1 / 101, direction: [1] }), createEvaluator())
    expect(v.certified).toBe(false)
    expect(v.scenario.expectations).toBeUndefined()
    expect(v.scenario.title).toMatch(/^Best \(not certified\)/)
    expect(v.scenario.notes!.at(-1)).toMatch(/^Not certified: target R_t\/t fell from/)
    expect(v.crossCheck).toBeUndefined()
    expect(() => resolveScenario(JSON.parse(JSON.stringify(v.scenario)), "best.json")).not.toThrow()
  })

  it("i.i.d. sequences: pseudo-regret over the search's seeds, each seed held to the expectations", () => {
    const spec: SearchSpec = searchSpecOf({ learner: { kind: "rmsprop", alpha: 0.5, beta2: 0.1 }, family: "stochastic-linear", horizon: 1000, seeds: [1, 2, 3] })
    const v = verifyFound(spec, found({ kind: "two-point-linear", a: [1], b: [-0.12], p: 1 / 3 }), createEvaluator())
    expect(v.certified).toBe(true)
    expect(v.scenario.seeds).toEqual([1, 2, 3])
    expect(v.scenario.expectations!.every((e) => e.metric === "pseudoAvgRegret")).toBe(true)
    expect(v.expectations.map((e) => e.observed.length)).toEqual([3, 3, 3])
    const run = runScenarioSync(resolveScenario(JSON.parse(JSON.stringify(v.scenario)), "found.json"))
    expect(run.expectations.every((e) => e.holds)).toBe(true)
  })

  it("compares with AMSGrad and AdaGrad of the target's α and β's, the target's own conventions kept", () => {
    const labels = (learner: Record<string, unknown>) => contendersFor({ family: "periodic", learner: config(learner), horizon: 100 }).map((c) => [c.label, c.role, c.config.kind, c.config.preset])
    expect(labels({ kind: "adam", beta2: 0.99 })).toEqual([["adam", "target", "adam", "paper"], ["amsgrad", "contrast", "amsgrad", "paper"], ["adagrad", "comparison", "adagrad", "paper"]])
    // AMSGrad is its own contrast, played once; a different AdaGrad makes the target "target".
    expect(labels({ kind: "amsgrad", beta2: 0.99 })).toEqual([["amsgrad", "target", "amsgrad", "paper"], ["adagrad", "comparison", "adagrad", "paper"]])
    expect(labels({ kind: "adagrad", preset: "duchi" })).toEqual([["target", "target", "adagrad", "duchi"], ["amsgrad", "contrast", "amsgrad", "paper"], ["adagrad", "comparison", "adagrad", "paper"]])
    const [, torch] = contendersFor({ family: "periodic", learner: config({ kind: "adam", preset: "pytorch", alpha: 0.05, beta2: 0.99 }), horizon: 100 })
    expect(torch.config).toMatchObject({ kind: "amsgrad", preset: "pytorch", alpha: 0.05, beta2: 0.99, amsgrad: "raw", biasCorrection1: true, eps: 1e-8 })
    const [, optax] = contendersFor({ family: "periodic", learner: config({ kind: "adam", preset: "optax" }), horizon: 100 })
    expect(optax.config).toMatchObject({ amsgrad: "corrected" })
    const [, rms, ada] = contendersFor({ family: "periodic", learner: config({ kind: "rmsprop", alpha: 0.3, beta2: 0.5, stepSchedule: { kind: "constant" } }), horizon: 100 })
    expect(rms.config).toMatchObject({ kind: "amsgrad", alpha: 0.3, beta1: 0, beta2: 0.5, stepSchedule: { kind: "constant" } })
    expect(ada.config).toMatchObject({ kind: "adagrad", alpha: 0.3, stepSchedule: { kind: "constant" } })
    const [, ftrlContrast] = contendersFor({ family: "periodic", learner: config({ kind: "ftrl" }), horizon: 100 })
    expect(ftrlContrast.config).toMatchObject({ kind: "amsgrad", beta1: 0.9, beta2: 0.99 })
  })

  it("names the field of a bad request", () => {
    expect(() => searchSpecOf({ learner: { kind: "adam", beta2: 1.5 } })).toThrow("learner.beta2: expected a number in [0, 1), got 1.5")
    expect(() => searchSpecOf({ learner: { kind: "nope" } })).toThrow(/^learner\.kind: expected one of/)
    expect(() => searchSpecOf({ learner: { kind: "adam" }, family: "cyclic" as never })).toThrow("family: expected one of periodic-linear, periodic, stochastic-linear, got \"cyclic\"")
  })
})
