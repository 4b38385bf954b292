// Claims that hold across seeds: every built-in scenario states each expectation over its seeds
// (on every seed, or for their mean), and every scenario whose adversary draws at random passes
// `regretlab run <id> --seeds 10 --check` (seeds 1–10), not just its default seeds.
import { describe, expect, it } from "vitest"
import { createAdversary } from "../../src/core/adversary/index.ts"
import { domainDim } from "../../src/core/domain/index.ts"
import { listScenarios } from "../../src/scenario/index.ts"
import { expectationText, summarise } from "../../src/scenario/summarise.ts"
import type { LearnerRun } from "../../src/scenario/types.ts"
import { cli } from "../cli/run-cli.ts"

const stochastic = listScenarios().filter((s) => {
  const dim = domainDim(s.domain)
  const adversary = s.createAdversary?.(s.adversary, dim) ?? createAdversary(s.adversary, dim)
  return adversary.information === "stochastic"
})

describe("expectations over seeds", () => {
  it("every built-in scenario's claims say whether they are about every seed or the mean", () => {
    for (const s of listScenarios()) {
      for (const e of s.expectations) {
        expect(e.over, `${s.id}: ${expectationText(e)}`).toMatch(/^(all|mean)$/)
        expect(expectationText(e)).toMatch(/ on every seed|^[^:]+: mean over seeds of /)
      }
    }
  })

  it("a claim over the mean holds when the mean does, though a seed misses it; over all seeds it fails", () => {
    const s = listScenarios().find((x) => x.id === "reddi2018/stochastic")!
    const row = (x: number) => ({ t: 1, x: [x], xAvg: [x], distToComparator: 0, cumLoss: 0, comparatorLoss: 0, comparatorGap: 0, regret: 0, avgRegret: 0, gradNormSum: 0, gradMaxInf: 0, gradMax2: 0 })
    const runs: LearnerRun[] = [-0.9, -0.4].map((x, i) => ({ learner: "amsgrad", seed: i + 1, rows: [row(x)], status: { kind: "ok" } }))
    const claim = { learner: "amsgrad", metric: "xAvg", op: "<=", value: -0.5 } as const
    const [mean, all] = summarise({ ...s, expectations: [{ ...claim, over: "mean" }, { ...claim, over: "all" }] }, runs, { kind: "complete" }).expectations
    expect(mean.holds).toBe(true)
    expect(mean.mean).toBeCloseTo(-0.65, 12)
    expect(mean.text).toBe("amsgrad: mean over seeds of final x̄[0] (averaged iterate) ≤ -0.5")
    expect(all.holds).toBe(false)
    expect(all.text).toBe("amsgrad: final x̄[0] (averaged iterate) ≤ -0.5 on every seed")
  })

  it("finds the stochastic built-ins", () => {
    expect(stochastic.map((s) => s.id)).toEqual(expect.arrayContaining(["reddi2018/stochastic", "reddi2018/theorem3", "dereich/asymmetric-noise"]))
  })

  // Each through the real CLI, two at a time (the machines have two cores). ons/logistic dominates:
  // its comparator is a numeric solve over every loss so far at each checkpoint.
  describe.concurrent("--check on seeds 1–10", () => {
    for (const s of stochastic) {
      it(s.id, async () => {
        const r = await cli(["run", s.id, "--seeds", "10", "--check", "--no-report"])
        expect(r.stdout, s.id).toMatch(/10 seeds/)
        expect(r.code, `${s.id}: ${r.stderr}`).toBe(0)
      }, 600_000)
    }
  })
})
