// The public API against independent references: a learner driven by hand retraces the game's
// iterates bit for bit, a linearAdversary written from the paper's formula gives exactly the
// built-in periodic-linear numbers, and every wrong use fails with the field, value and expectation.
import { describe, expect, it } from "vitest"
import {
  adagrad, adam, amsgrad, box, ConfigError, defineScenario, interval, learner, linearAdversary, periodicLinear, play, resolveScenario, UserError
} from "../../src/index.ts"
import { learnerKinds } from "../../src/core/learner/registry.ts"
import { applyOverrides } from "../../src/scenario/overrides.ts"
import { runScenarioSync } from "../../src/scenario/run.ts"

const section5 = (adversary: ReturnType<typeof periodicLinear> | ReturnType<typeof linearAdversary>) => defineScenario({
  id: "test/section5", title: "Section 5, short", domain: interval(-1, 1), adversary,
  learners: [adam({ alpha: 0.5, beta1: 0.9, beta2: 0.99 }), amsgrad({ alpha: 0.5, beta1: 0.9, beta2: 0.99 }), adagrad({ alpha: 0.5 })],
  horizon: 5000, start: [0], checkpoints: { perDecade: 5 }
})

describe("play and defineScenario", () => {
  it("runScenarioSync and play take what defineScenario returns, with the numbers of the resolved scenario", () => {
    const input = section5(periodicLinear({ C: 101, period: 101, scale: 10 }))
    const resolved = runScenarioSync(resolveScenario(input))
    expect(runScenarioSync(input).runs).toEqual(resolved.runs)
    expect(play(input).runs).toEqual(resolved.runs)
  })

  it("play's horizon, seeds and learners are checked like --set", () => {
    const input = section5(periodicLinear({ C: 101, period: 101, scale: 10 }))
    const r = play(input, { horizon: 1000, seeds: [3, 4], learners: ["adam"] })
    expect(r.runs.map((x) => [x.learner, x.seed, x.rows.at(-1)!.t])).toEqual([["adam", 3, 1000], ["adam", 4, 1000]])
    expect(() => play(input, { horizon: 0 })).toThrow(/horizon: expected a positive integer, got 0/)
  })
})

describe("linearAdversary", () => {
  const paper = linearAdversary("periodic-by-hand", (t, _x, { params }) => ((t - 1) % params.period === 0 ? params.scale * params.C : -params.scale), {
    params: { C: 101, period: 101, scale: 10 }
  })

  it("written from the paper's formula, gives exactly the built-in periodic-linear runs", () => {
    const builtin = play(section5(periodicLinear({ C: 101, period: 101, scale: 10 })))
    const byHand = play(section5(paper))
    expect(byHand.runs.map((r) => r.rows.map((row) => [row.t, row.x, row.regret, row.comparatorLoss]))).toEqual(
      builtin.runs.map((r) => r.rows.map((row) => [row.t, row.x, row.regret, row.comparatorLoss])))
  })

  it("keeps its function through --set overrides of its parameters, which change the run", () => {
    const s = resolveScenario(section5(paper))
    const changed = applyOverrides(s, ["adversary.C=3", "adversary.period=3", "adversary.scale=1"])
    expect(changed.adversary).toMatchObject({ kind: "periodic-by-hand", C: 3, period: 3, scale: 1 })
    expect(play(changed).runs).toEqual(play(section5(periodicLinear({ C: 3, period: 3, scale: 1 }))).runs)
  })

  it("draws from the seed's stream: every learner sees the same sequence, seeds differ, expected loss gives pseudo-regret", () => {
    const seen = new Map<string, number[]>()
    let current: number[] = []
    const coin = linearAdversary("coin", (t, _x, { params, random }) => {
      if (t === 1) { current = []; seen.set(String(seen.size), current) }
      const g = random() < params.p ? 1 : -1
      current.push(g)
      return g
    }, { information: "stochastic", params: { p: 0.3 }, expectedGradient: ({ params }) => 2 * params.p - 1 })
    const r = play(defineScenario({ id: "t/coin", title: "coin", domain: interval(-1, 1), adversary: coin, learners: [adam(), adagrad()], horizon: 200, start: [0], seeds: [1, 2] }))
    const [a1, b1, a2, b2] = [...seen.values()]
    expect(a1).toEqual(b1)
    expect(a2).toEqual(b2)
    expect(a1).not.toEqual(a2)
    expect(r.runs.every((run) => run.rows.at(-1)!.pseudoRegret !== undefined)).toBe(true)
  })

  it("shows x only to an adaptive adversary", () => {
    const lengths: number[] = []
    const watch = (information: "oblivious" | "adaptive") => linearAdversary("watch", (_t, x) => { lengths.push(x.length); return 0 }, { information })
    for (const information of ["oblivious", "adaptive"] as const) {
      play(defineScenario({ id: "t/w", title: "w", domain: box([-1, -1], [1, 1]), adversary: watch(information), learners: [adagrad()], horizon: 3, start: [0, 0] }))
    }
    expect([...new Set(lengths.slice(0, 3))]).toEqual([0])
    expect([...new Set(lengths.slice(-3))]).toEqual([2])
  })

  it("names a gradient of the wrong length", () => {
    const bad = linearAdversary("short", () => [1, 2, 3])
    expect(() => play(defineScenario({ id: "t/s", title: "s", domain: box([-1, -1], [1, 1]), adversary: bad, learners: [adam()], horizon: 3, start: [0, 0] })))
      .toThrow(new UserError('adversary "short": the gradient of round 1 must be a number or 2 numbers (the domain dimension), got 3 numbers'))
  })
})

describe("learner(kind)", () => {
  it("reaches every registered kind and preset, with the registry's own config", () => {
    for (const entry of learnerKinds.values()) {
      for (const preset of Object.keys(entry.presets)) {
        const setup = learner(entry.kind, { preset })
        expect(setup.config).toEqual({ kind: entry.kind, ...entry.presets[preset] })
        expect(setup.label).toBe(entry.kind)
      }
    }
  })
})

describe("a learner driven by hand", () => {
  it("retraces the game's iterates bit for bit (Section 5, Adam in the paper's form)", () => {
    const T = 3000
    const game = play(defineScenario({
      id: "t/trace", title: "trace", domain: interval(-1, 1), adversary: periodicLinear({ C: 101, period: 101, scale: 10 }),
      learners: [adam({ alpha: 0.5, beta1: 0.9, beta2: 0.99 })], horizon: T, start: [0], checkpoints: { extra: [1, 2, 3, 1000, 2999] }
    }))
    const opt = adam({ alpha: 0.5, beta1: 0.9, beta2: 0.99 }).init(interval(-1, 1), [0])
    const byRound = new Map(game.runs[0].rows.map((r) => [r.t, r.x![0]]))
    for (let t = 1; t <= T; t++) {
      if (byRound.has(t)) expect(opt.x[0], `x_${t}`).toBe(byRound.get(t))
      opt.update(t, [(t - 1) % 101 === 0 ? 1010 : -10])
    }
  })

  it("checks rounds, gradients, start points, kinds and presets", () => {
    const opt = adam().init(box([-1, -1], [1, 1]))
    expect(Array.from(opt.x)).toEqual([0, 0])
    expect(() => opt.update(2, [1, 1])).toThrow(new ConfigError("t", 2, "round 1 (rounds go 1, 2, 3, …; reset() starts again)"))
    expect(() => opt.step([1])).toThrow(/^g: expected a gradient of 2 numbers \(the domain dimension\), got \[1\]$/)
    expect(() => adam().init(interval(-1, 1), [2])).toThrow(/^start: expected a point inside the domain, got \[2\]$/)
    expect(() => learner("nope")).toThrow(/^learner "nope"\.kind: expected one of "ogd", .*"adam"/)
    const presets = Object.keys(learnerKinds.get("adam")!.presets).map((p) => JSON.stringify(p)).join(", ")
    expect(() => adam({ preset: "keras" })).toThrow(new ConfigError('learner "adam".preset', "keras", `one of ${presets} for adam`))
    expect(() => box([1], [0])).toThrow(/^domain\.lower\[0\]: expected a number ≤ domain\.upper\[0\] = 0, got 1$/)
  })

  it("stops on a non-finite gradient, says why, and starts again after reset", () => {
    const opt = adagrad().init(interval(-1, 1), [0.5])
    expect(opt.step([NaN])).toBe(false)
    expect(opt.failure?.what).toBe("gradient")
    expect(opt.step([1])).toBe(false)
    opt.reset()
    expect(opt.failure).toBeUndefined()
    expect(opt.x[0]).toBe(0.5)
    expect(opt.step([1])).toBe(true)
  })
})
