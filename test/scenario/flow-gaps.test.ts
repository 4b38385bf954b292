// The flow gaps of full-batch Adam runs: the window's maxima against the flow module's own
// measurement, the replay's check against the run's rows, which learners they are defined for, and
// the measured orders of the shipped flow-order scenario.
import { describe, expect, it } from "vitest"
import { trajectoryGap } from "../../src/core/flow/adam-flow.ts"
import { bilinear } from "../../src/core/flow/objectives.ts"
import { adamHyperOf, flowGaps } from "../../src/scenario/flow-gaps.ts"
import { getScenario, resolveScenario, runScenarioSync } from "../../src/scenario/index.ts"
import type { ScenarioInput } from "../../src/scenario/types.ts"

const input = {
  id: "t/flow",
  title: "flow",
  domain: { kind: "box", lower: [-10, -10], upper: [10, 10] },
  adversary: { kind: "full-batch", objective: { kind: "bilinear" }, normEpsilon: 1e-6, flowWindow: [0.1, 0.4] },
  learners: [
    { label: "adam", kind: "adam", preset: "cattaneo", alpha: 1e-3, beta1: 0.9, beta2: 0.95, epsRoot: 1e-6 },
    { label: "torch", kind: "adam", preset: "pytorch", alpha: 1e-3 }
  ],
  horizon: 500,
  start: [2, 1]
} satisfies ScenarioInput

describe("flow gaps", () => {
  it("are the maxima over every step of the window, as the flow module measures them", () => {
    const s = resolveScenario(input, "t")
    const r = runScenarioSync(s)
    const o = flowGaps(s, r.runs[0])
    if (!o.ok) throw new Error(o.reason)
    expect(o.gaps.steps[0]).toBe(100)
    expect(o.gaps.steps.at(-1)).toBe(400)
    expect(o.gaps.steps.length).toBe(301)
    const p = { h: 1e-3, beta: 0.9, rho: 0.95, epsilon: 1e-6 }
    const tol = { rtol: 1e-12, atol: 1e-14 }
    const ref = (kind: "plain" | "modified") => trajectoryGap(bilinear(), p, Float64Array.of(2, 1), { kind, steps: 400, fromStep: 100, ...tol })
    expect(o.gaps.plainMax).toBeCloseTo(ref("plain"), 12)
    expect(o.gaps.modifiedMax).toBeCloseTo(ref("modified"), 12)
    expect(o.gaps.modifiedMax).toBeLessThan(o.gaps.plainMax / 10)
  })

  it("are defined only for constant-step, bias-corrected Adam with ε inside the root, in a scenario with a window", () => {
    const s = resolveScenario(input, "t")
    expect(adamHyperOf(s.learners[0].config)).toEqual({ h: 1e-3, beta: 0.9, rho: 0.95, epsilon: 1e-6 })
    expect(adamHyperOf(s.learners[1].config)).toBeUndefined()
    const r = runScenarioSync(s)
    expect(flowGaps(s, r.runs[1])).toEqual({ ok: false, reason: "torch is not constant-step, bias-corrected Adam with ε inside the root" })
    const noWindow = resolveScenario({ ...input, adversary: { kind: "full-batch", objective: { kind: "bilinear" } } }, "t")
    expect(flowGaps(noWindow, r.runs[0]).ok).toBe(false)
    expect(() => resolveScenario({ ...input, expectations: [{ learner: "torch", metric: "flowGapPlain", op: "<=", value: 1 }] }, "t")).toThrow(
      /expectations\[0\]\.metric: expected a metric defined for "torch" \(flowGapPlain: max ‖θ_k − θ̃\(kh\)‖∞/
    )
    // The summary carries the run metrics of the learners they apply to.
    expect(r.summary[0].metrics!.flowGapModified.mean).toBeGreaterThan(0)
    expect(r.summary[1].metrics!.flowGapModified).toBeUndefined()
  })

  it("refuse a run whose recorded iterates are not the replay's", () => {
    const s = resolveScenario(input, "t")
    const run = runScenarioSync(s).runs[0]
    const rows = run.rows.map((row) => (row.t === 50 ? { ...row, x: [row.x![0] + 1e-6, row.x![1]] } : row))
    const o = flowGaps(s, { ...run, rows })
    expect(o.ok).toBe(false)
    if (!o.ok) expect(o.reason).toMatch(/^the run's x_50\[0\] = .* is not full-batch Adam's θ_49\[0\]/)
  })

  it("the shipped flow-order scenario: halving h halves the plain gap and quarters the modified one", () => {
    const s = getScenario("implicit-bias/flow-order")!
    const r = runScenarioSync(s)
    const gaps = r.runs.map((run) => {
      const o = flowGaps(s, run)
      if (!o.ok) throw new Error(o.reason)
      return o.gaps
    })
    for (const pair of [[0.9, 0.95], [0.95, 0.9]]) {
      const ladder = gaps.filter((g) => g.hyper.beta === pair[0] && g.hyper.rho === pair[1]).sort((a, b) => b.hyper.h - a.hyper.h)
      expect(ladder.map((g) => g.hyper.h)).toEqual([5e-4, 2.5e-4, 1.25e-4])
      for (let i = 1; i < ladder.length; i++) {
        expect(Math.abs(Math.log2(ladder[i - 1].plainMax / ladder[i].plainMax) - 1)).toBeLessThan(0.3)
        expect(Math.abs(Math.log2(ladder[i - 1].modifiedMax / ladder[i].modifiedMax) - 2)).toBeLessThan(0.3)
      }
    }
  })
})
