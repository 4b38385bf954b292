import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { logCheckpoints } from "../../src/core/checkpoints.ts"
import { createDomain, createInterval } from "../../src/core/domain/index.ts"
import { Game } from "../../src/core/game/game.ts"
import { createLearner } from "../../src/core/learner/registry.ts"
import type { LearnerSpec } from "../../src/core/learner/resolve.ts"
import { resolveLearner } from "../../src/core/learner/resolve.ts"
import { LinearLoss, linearFamily } from "../../src/core/loss/linear.ts"
import { createRandomSource } from "../../src/core/rng.ts"
import type { Adversary, Domain } from "../../src/core/types.ts"
import { periodicLinear1d } from "../reference/adversaries.ts"
import { createAdversary } from "../../src/core/adversary/index.ts"

const interval = createInterval(-1, 1)

/** The same sequence declared adaptive, which forces the one-round-at-a-time path. */
const asAdaptive = (a: Adversary): Adversary => ({ ...a, information: "adaptive", reset: a.reset, reveal: a.reveal })

/** A seeded random linear sequence on R^d. */
const randomLinear = (d: number, scale = 1): Adversary => {
  const loss = new LinearLoss(d)
  let u: () => number = Math.random
  return {
    information: "stochastic", dim: d, family: linearFamily,
    reset: (r) => { u = r.stream("adversary") },
    reveal: () => {
      for (let i = 0; i < d; i++) loss.g[i] = scale * (2 * u() - 1) + 0.3
      loss.c = u() - 0.5
      return loss
    }
  }
}

const game = (domain: Domain, adversary: Adversary, spec: LearnerSpec, horizon: number, start: number[], checkpoints = logCheckpoints(horizon)) =>
  new Game({ domain, adversary, learner: createLearner(resolveLearner(spec).config, domain), horizon, start: Float64Array.from(start), random: createRandomSource(7), checkpoints })

describe("game loop", () => {
  it("the chunked path and the one-round path give bitwise-identical rows", () => {
    for (const spec of [{ kind: "adam", alpha: 0.5, beta1: 0.9, beta2: 0.99 }, { kind: "amsgrad", preset: "pytorch", alpha: 0.01 }, { kind: "adagrad" }] as LearnerSpec[]) {
      const fast = game(interval, periodicLinear1d(101, 101, 10), spec, 30_000, [0]).run()
      const slow = game(interval, asAdaptive(periodicLinear1d(101, 101, 10)), spec, 30_000, [0]).run()
      expect(fast.rows.length).toBeGreaterThan(50)
      expect(fast).toEqual(slow)
      const box = createDomain({ kind: "box", lower: [-1, -2, 0], upper: [1, 2, 3] })
      expect(game(box, randomLinear(3), spec, 5000, [0, 0, 1]).run()).toEqual(game(box, asAdaptive(randomLinear(3)), spec, 5000, [0, 0, 1]).run())
    }
  })

  it("an adversary's revealLinearChunk gives what its per-round reveal gives", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 2, max: 12 }), fc.integer({ min: 1, max: 3 }), (C, period, d) => {
      const box = createDomain({ kind: "box", lower: Array(d).fill(-1), upper: Array(d).fill(1) })
      const make = () => createAdversary({ kind: "periodic-linear", C, period, scale: 2 }, d)
      const chunkOnly = make()
      expect(chunkOnly.revealLinearChunk).toBeDefined()
      // The same adversary with only reveal() (bound), declared adaptive: the one-round path.
      const inner = make()
      const perRound: Adversary = { information: "adaptive", dim: d, family: inner.family, reset: (r) => inner.reset(r), reveal: (t, x) => inner.reveal(t, x) }
      const spec = { kind: "amsgrad", alpha: 0.3 } as LearnerSpec
      expect(game(box, chunkOnly, spec, 3000, Array(d).fill(0)).run()).toEqual(game(box, perRound, spec, 3000, Array(d).fill(0)).run())
    }), { numRuns: 25 })
  })

  it("an adversary's closed-form sums give the rows the kernel's own sums give", () => {
    // Non-integer gradients, so the two ways of summing round differently; d = 1 and d = 2.
    for (const direction of [[0.7], [0.3, -1.1]]) {
      const d = direction.length
      const box = createDomain({ kind: "box", lower: Array(d).fill(-1), upper: Array(d).fill(1) })
      const make = () => createAdversary({ kind: "periodic-linear", C: 7.3, period: 9, scale: 0.37, direction }, d)
      const closed = make()
      expect(closed.linearSums).toBeDefined()
      // The same adversary without linearSums: the kernel adds the sums up every round.
      const inner = make()
      const summed: Adversary = { information: "oblivious", dim: d, family: inner.family, reset: (r) => inner.reset(r), reveal: (t, x) => inner.reveal(t, x), revealLinearChunk: (t0, K, G, C) => inner.revealLinearChunk!(t0, K, G, C) }
      const spec = { kind: "adam", alpha: 0.3, beta1: 0.9, beta2: 0.99 } as LearnerSpec
      const a = game(box, closed, spec, 50_000, Array(d).fill(0)).run().rows
      const b = game(box, summed, spec, 50_000, Array(d).fill(0)).run().rows
      expect(a.length).toBe(b.length)
      a.forEach((row, k) => {
        const other = b[k]
        // What the learner did is untouched by where the sums come from.
        for (const key of ["t", "x", "xAvg", "cumLoss", "stepMin", "stepMax", "gammaMin", "gammaNegativeRounds", "gradMaxInf", "gradMax2"] as const) expect(row[key]).toEqual(other[key])
        for (const key of ["comparatorLoss", "regret", "gradNormSum"] as const) expect(row[key]).toBeCloseTo(other[key], 9)
      })
      expect(a.at(-1)!.comparatorX).toEqual(b.at(-1)!.comparatorX)
    }
  })

  it("results do not depend on how advance() is chunked", () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 20 }), (chunks) => {
      const whole = game(interval, periodicLinear1d(3, 3), { kind: "adam", beta1: 0, beta2: 0.1, alpha: 0.5 }, 20_000, [1]).run()
      const g = game(interval, periodicLinear1d(3, 3), { kind: "adam", beta1: 0, beta2: 0.1, alpha: 0.5 }, 20_000, [1])
      let i = 0
      while (!g.advance(chunks[i++ % chunks.length])) { /* next */ }
      expect(g.result()).toEqual(whole)
    }), { numRuns: 15 })
  })

  it("regret equals a brute-force comparator on small problems", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 60 }), fc.integer(), (d, T, seed) => {
      const domain = createDomain({ kind: "box", lower: Array(d).fill(-1), upper: Array(d).fill(2) })
      const adv = randomLinear(d, 3)
      const g = new Game({ domain, adversary: adv, learner: createLearner(resolveLearner({ kind: "adam", alpha: 0.3 }).config, domain), horizon: T, start: new Float64Array(d), random: createRandomSource(seed), checkpoints: [] })
      const row = g.run().rows.at(-1)!
      // Replay the identical realised sequence and points; brute-force min over the box's vertices.
      const replay = randomLinear(d, 3)
      replay.reset(createRandomSource(seed))
      const learner = createLearner(resolveLearner({ kind: "adam", alpha: 0.3 }).config, domain)
      learner.reset(new Float64Array(d))
      const G = new Array(d).fill(0)
      let C = 0, cum = 0
      for (let t = 1; t <= T; t++) {
        const loss = replay.reveal(t, learner.x) as LinearLoss
        cum += loss.value(learner.x)
        for (let i = 0; i < d; i++) G[i] += loss.g[i]
        C += loss.c
        learner.update(t, loss.g)
      }
      let best = Infinity
      for (let mask = 0; mask < 1 << d; mask++) {
        let v = C
        for (let i = 0; i < d; i++) v += G[i] * ((mask >> i) & 1 ? 2 : -1)
        best = Math.min(best, v)
      }
      expect(row.cumLoss).toBeCloseTo(cum, 9)
      expect(row.regret).toBeCloseTo(cum - best, 9)
    }), { numRuns: 100 })
  })

  it("Section 5: the comparator is −1 at every checkpoint and R_t = Σ g_s(x_s + 1) (docs/reference/reddi2018.md §4)", () => {
    const rows = game(interval, periodicLinear1d(101, 101, 10), { kind: "adam", alpha: 0.5, beta1: 0.9, beta2: 0.99 }, 10_000, [0]).run().rows
    for (const row of rows) {
      expect(row.comparatorX).toEqual([-1])
      expect(row.comparatorGap).toBe(0)
    }
    // A constant x = +1 would have average regret 20/101; Adam's last iterate sits at +1.
    const last = rows.at(-1)!
    expect(last.x![0]).toBeGreaterThan(0.99)
  })

  it("records the requested checkpoints, log-spaced, memory flat in T", () => {
    const cps = logCheckpoints(1e9)
    expect(cps.length).toBeLessThan(200)
    expect(cps.slice(0, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(cps.at(-1)).toBe(1e9)
    const rows = game(interval, periodicLinear1d(3, 3), { kind: "adagrad" }, 1000, [1], [5, 17, 999]).run().rows
    expect(rows.map((r) => r.t)).toEqual([5, 17, 999, 1000])
  })

  it("a non-finite gradient stops the run at its round and says what diverged", () => {
    const loss = new LinearLoss(1)
    const bad: Adversary = { information: "oblivious", dim: 1, family: linearFamily, reset: () => {}, reveal: (t) => { loss.g[0] = t === 777 ? Number.NaN : 1; return loss } }
    const r = game(interval, bad, { kind: "adam" }, 5000, [0]).run()
    expect(r.status).toMatchObject({ kind: "diverged", round: 777, what: "loss" })
    expect(r.rows.every((row) => row.t < 777)).toBe(true)
    // An overflowing gradient on a non-box domain: the learner reports it.
    const ball = createDomain({ kind: "ball", center: [0, 0], radius: 1 })
    const l2 = new LinearLoss(2)
    const huge: Adversary = { information: "oblivious", dim: 2, family: linearFamily, reset: () => {}, reveal: (t) => { l2.g[0] = t >= 50 ? Infinity : 1; l2.g[1] = 0; return l2 } }
    const r2 = game(ball, huge, { kind: "adam" }, 100, [0, 0]).run()
    expect(r2.status.kind).toBe("diverged")
    expect(r2.status.kind === "diverged" && r2.status.round).toBe(50)
  })

  it("same seed, same bits; different seed, different realisation", () => {
    const box = createDomain({ kind: "box", lower: [-1, -1], upper: [1, 1] })
    const a = game(box, randomLinear(2), { kind: "amsgrad" }, 3000, [0, 0]).run()
    const b = game(box, randomLinear(2), { kind: "amsgrad" }, 3000, [0, 0]).run()
    expect(a).toEqual(b)
    const c = new Game({ domain: box, adversary: randomLinear(2), learner: createLearner(resolveLearner({ kind: "amsgrad" }).config, box), horizon: 3000, start: new Float64Array(2), random: createRandomSource(8), checkpoints: [] }).run()
    expect(c.rows.at(-1)!.cumLoss).not.toBe(a.rows.at(-1)!.cumLoss)
  })

  it("weighted and Euclidean projections differ on a ball, and both stay feasible", () => {
    const ball = createDomain({ kind: "ball", center: [0, 0, 0], radius: 1 })
    const adv = () => randomLinear(3, 5)
    const w = game(ball, adv(), { kind: "adagrad", alpha: 1 }, 2000, [0, 0, 0]).run()
    const e = game(ball, adv(), { kind: "adagrad", alpha: 1, projection: "euclidean" }, 2000, [0, 0, 0]).run()
    for (const r of [...w.rows, ...e.rows]) expect(ball.contains(Float64Array.from(r.x!))).toBe(true)
    expect(w.rows.at(-1)!.x).not.toEqual(e.rows.at(-1)!.x)
  })
})
