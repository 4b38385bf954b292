import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { createAdversary } from "../../src/core/adversary/index.ts"
import { createDomain, createInterval } from "../../src/core/domain/index.ts"
import { Game, playGame } from "../../src/core/game/game.ts"
import { createLearner } from "../../src/core/learner/registry.ts"
import { learnerKinds as registry } from "../../src/core/learner/registry.ts"
/** The Algorithm-1 kinds (the generated kernel's family). */
const learnerKinds = [...registry.values()].filter((k) => k.family === "algorithm1").map((k) => k.kind)
import type { LearnerSpec } from "../../src/core/learner/resolve.ts"
import { resolveLearner } from "../../src/core/learner/resolve.ts"
import { createRandomSource } from "../../src/core/rng.ts"
import { periodicLinear1d } from "../reference/adversaries.ts"
import * as ref from "../reference/scalar-learners.ts"

const interval = createInterval(-1, 1)

/** Runs a resolved learner on a 1-D gradient sequence (clipping to [−1,1]) and returns x_1..x_{n+1}. */
const trace1d = (spec: LearnerSpec, x1: number, grads: (t: number, x: number) => number, n: number): number[] => {
  const learner = createLearner(resolveLearner(spec).config, interval)
  learner.reset(Float64Array.of(x1))
  const g = new Float64Array(1)
  const xs = [x1]
  for (let t = 1; t <= n; t++) {
    g[0] = grads(t, learner.x[0])
    expect(learner.update(t, g)).toBe(true)
    xs.push(learner.x[0])
  }
  return xs
}

const referenceTrace = (rule: ref.ScalarRule, x1: number, grads: (t: number, x: number) => number, n: number): number[] => {
  const xs = [x1]
  let x = x1
  for (let t = 1; t <= n; t++) xs.push((x = rule(x, grads(t, x), t)))
  return xs
}

const period3 = (C: number) => (t: number) => (t % 3 === 1 ? C : -1)
const section5 = (t: number) => (t % 101 === 1 ? 1010 : -10)

describe("golden traces (docs/reference/reddi2018.md §7)", () => {
  const C3 = { beta1: 0, beta2: 0.1, alpha: 0.5 } as const
  it("Theorem 1, C = 3: Adam", () => {
    const xs = trace1d({ kind: "adam", ...C3 }, 1, period3(3), 8)
    const golden = [1, 0.472953723305, 0.743322758523, 1, 0.738201953961, 0.908665359605, 1, 0.802100570246, 0.936863305739]
    xs.forEach((x, i) => expect(x).toBeCloseTo(golden[i], 11))
  })
  it("Theorem 1, C = 3: AMSGrad", () => {
    const xs = trace1d({ kind: "amsgrad", ...C3 }, 1, period3(3), 8)
    const golden = [1, 0.472953723305, 0.597179722055, 0.698609825297, 0.436811779258, 0.514864876234, 0.586117279395, 0.388217849641, 0.449923838239]
    xs.forEach((x, i) => expect(x).toBeCloseTo(golden[i], 11))
  })
  it("Theorem 1, C = 3: AdaGrad, Duchi form and Reddi form", () => {
    const golden = [1, 0.5, 0.658113883008, 0.808869555297, 0.473459358672, 0.58256830379, 0.689168661968, 0.419760708928, 0.508149056576]
    for (const preset of ["duchi", "paper"] as const) {
      const xs = trace1d({ kind: "adagrad", preset, alpha: 0.5 }, 1, period3(3), 8)
      xs.forEach((x, i) => expect(x).toBeCloseTo(golden[i], 11))
    }
  })
  it("Section 5 online, (0.9, 0.99), α_t = 0.5/√t, x_1 = 0", () => {
    const adam = trace1d({ kind: "adam", alpha: 0.5, beta1: 0.9, beta2: 0.99 }, 0, section5, 5)
    const ams = trace1d({ kind: "amsgrad", alpha: 0.5, beta1: 0.9, beta2: 0.99 }, 0, section5, 5)
    ;[0, -0.5, -0.816267252924, -1, -1, -1].forEach((x, i) => expect(adam[i]).toBeCloseTo(x, 11))
    ;[0, -0.5, -0.814697522914, -1, -1, -1].forEach((x, i) => expect(ams[i]).toBeCloseTo(x, 11))
  })
})

describe("hand-computed first steps (docs/reference/reddi2018.md §7)", () => {
  it("with β1 = 0 the first Adam step is α_1/√(1−β2) whatever g_1 is", () => {
    fc.assert(fc.property(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), (g, beta2) => {
      const d = createInterval(-100, 100)
      const l = createLearner(resolveLearner({ kind: "rmsprop", alpha: 0.1, beta2 }).config, d)
      l.reset(Float64Array.of(0))
      l.update(1, Float64Array.of(g))
      expect(l.x[0]).toBeCloseTo(-0.1 / Math.sqrt(1 - beta2), 12)
    }))
  })
  it("with (0.9, 0.99) the first step is exactly α_1 (1−β1)/√(1−β2) = α_1", () => {
    const xs = trace1d({ kind: "adam", alpha: 0.3, beta1: 0.9, beta2: 0.99 }, 0, () => 7, 1)
    expect(xs[1]).toBeCloseTo(-0.3, 14)
  })
  it("OGD takes x − α/√t·g", () => {
    const xs = trace1d({ kind: "ogd", alpha: 0.2 }, 0.5, () => 1, 2)
    expect(xs[1]).toBeCloseTo(0.3, 15)
    expect(xs[2]).toBeCloseTo(0.3 - 0.2 / Math.SQRT2, 15)
  })
})

describe("presets agree with independent scalar implementations of each library's formulas", () => {
  // |g| < 1e-100 maps to 0: g² would be denormal, where two correct formulas round differently.
  const gradSeq = fc.array(fc.double({ min: -50, max: 50, noNaN: true }).map((g) => (Math.abs(g) < 1e-100 ? 0 : g)), { minLength: 1, maxLength: 60 })
  const cases: [string, LearnerSpec, () => ref.ScalarRule][] = [
    ["paper Adam", { kind: "adam", alpha: 0.05, beta1: 0.9, beta2: 0.99 }, () => ref.paperAdam(0.05, 0.9, 0.99)],
    ["paper AMSGrad", { kind: "amsgrad", alpha: 0.05, beta1: 0.9, beta2: 0.99 }, () => ref.paperAmsgrad(0.05, 0.9, 0.99)],
    ["pytorch Adam", { kind: "adam", preset: "pytorch", alpha: 0.01 }, () => ref.torchAdam(0.01, 0.9, 0.999, 1e-8, false)],
    ["pytorch Adam L2", { kind: "adam", preset: "pytorch", alpha: 0.01, weightDecay: 0.1 }, () => ref.torchAdam(0.01, 0.9, 0.999, 1e-8, false, 0.1)],
    ["pytorch AMSGrad", { kind: "amsgrad", preset: "pytorch", alpha: 0.01 }, () => ref.torchAdam(0.01, 0.9, 0.999, 1e-8, true)],
    ["pytorch AdamW", { kind: "adamw", preset: "pytorch", alpha: 0.01 }, () => ref.torchAdamW(0.01, 0.9, 0.999, 1e-8, 0.01)],
    ["optax AMSGrad", { kind: "amsgrad", preset: "optax", alpha: 0.01 }, () => ref.optaxAmsgrad(0.01, 0.9, 0.999, 1e-8, 0)],
    ["pytorch Adagrad", { kind: "adagrad", preset: "pytorch", alpha: 0.1, stepSchedule: { kind: "inverse-time", decay: 0.01 } }, () => ref.torchAdagrad(0.1, 0.01, 1e-10)],
    ["optax adagrad", { kind: "adagrad", preset: "optax", alpha: 0.1 }, () => ref.optaxAdagrad(0.1, 0.1, 1e-7)],
    ["pytorch RMSprop", { kind: "rmsprop", preset: "pytorch", alpha: 0.01 }, () => ref.torchRmsprop(0.01, 0.99, 1e-8)],
    ["pytorch SGD momentum", { kind: "momentum", preset: "pytorch", alpha: 0.01 }, () => ref.torchSgdMomentum(0.01, 0.9)],
    ["AdamNC", { kind: "adamnc", alpha: 0.1, beta1: 0.5 }, () => ref.paperAdamNC(0.1, 0.5)],
    ["signum", { kind: "signgd", alpha: 0.01, beta1: 0.5 }, () => ref.signum(0.01, 0.5, true)],
    ["Duchi AdaGrad", { kind: "adagrad", preset: "duchi", alpha: 0.3 }, () => ref.duchiAdagrad(0.3)]
  ]
  for (const [name, spec, make] of cases) {
    it(name, () => {
      fc.assert(fc.property(gradSeq, fc.double({ min: -1, max: 1, noNaN: true }), (grads, x1) => {
        const g = (t: number) => grads[(t - 1) % grads.length]
        const ours = trace1d(spec, x1, g, 3 * grads.length)
        const theirs = referenceTrace(make(), x1, g, 3 * grads.length)
        ours.forEach((x, i) => expect(Math.abs(x - theirs[i])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(theirs[i]))))
      }), { numRuns: 60 })
    })
  }
  it("optax's max over bias-corrected ν differs from the paper's on the Section-5 sequence (§1a)", () => {
    // optax locks ν̂_1 = g_1² = 1010² into the max; the paper form settles near √16 097.
    const paper = createLearner(resolveLearner({ kind: "amsgrad", alpha: 0.5, beta1: 0.9, beta2: 0.99 }).config, interval)
    const optax = createLearner(resolveLearner({ kind: "amsgrad", preset: "optax", alpha: 0.5, beta2: 0.99, eps: 0 }).config, interval)
    paper.reset(Float64Array.of(0)); optax.reset(Float64Array.of(0))
    const g = new Float64Array(1)
    for (let t = 1; t <= 10_000; t++) {
      g[0] = section5(t)
      paper.update(t, g); optax.update(t, g)
    }
    expect(Math.sqrt(paper.snapshot().vmax[0])).toBeGreaterThan(120)
    expect(Math.sqrt(paper.snapshot().vmax[0])).toBeLessThan(135)
    expect(Math.sqrt(optax.snapshot().vmax[0])).toBeGreaterThanOrEqual(1010)
  })
})

describe("learner properties", () => {
  it("Adam's steps are invariant to scaling the gradients (ε = 0)", () => {
    // Gradients whose squares underflow (|g| < 1e-150) are excluded: there v rounds to 0 for one scale only.
    const gradient = fc.double({ min: -10, max: 10, noNaN: true }).map((g) => (Math.abs(g) < 1e-100 ? 0 : g))
    fc.assert(fc.property(fc.array(gradient, { minLength: 1, maxLength: 40 }), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (grads, c) => {
      const a = trace1d({ kind: "adam", alpha: 0.1 }, 0, (t) => grads[t - 1], grads.length)
      const b = trace1d({ kind: "adam", alpha: 0.1 }, 0, (t) => c * grads[t - 1], grads.length)
      a.forEach((x, i) => expect(b[i]).toBeCloseTo(x, 10))
    }))
  })
  /** Rows at every round of a game on the box [−1, 1]^d against the scripted gradients. */
  const everyRound = (spec: LearnerSpec, gradients: number[][], start: number[]) => {
    const d = gradients[0].length
    const domain = createDomain({ kind: "box", lower: Array(d).fill(-1), upper: Array(d).fill(1) })
    const T = gradients.length
    return playGame({
      domain, adversary: createAdversary({ kind: "scripted", gradients }, d), learner: createLearner(resolveLearner(spec).config, domain),
      horizon: T, start: Float64Array.from(start), random: createRandomSource(1), checkpoints: Array.from({ length: T }, (_, k) => k + 1)
    }).rows
  }
  it("AMSGrad's effective step α_t/√v̂_t never increases, so Γ_t ⪰ 0", () => {
    fc.assert(fc.property(fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 2, maxLength: 80 }), fc.constantFrom("inv-sqrt", "constant"), (grads, schedule) => {
      const gradients = grads.map((g, k) => [g, grads[grads.length - 1 - k]])
      const rows = everyRound({ kind: "amsgrad", alpha: 0.1, stepSchedule: { kind: schedule as "constant" } }, gradients, [0, 0])
      rows.forEach((row, k) => {
        expect(row.gammaMin).toBeGreaterThanOrEqual(0)
        if (k > 0) expect(row.stepMax).toBeLessThanOrEqual(rows[k - 1].stepMax!)
      })
      expect(rows.at(-1)!.gammaNegativeRounds).toBe(0)
    }))
  })
  it("Adam's Γ_t goes negative on the period-3 sequence; AdaGrad's never does", () => {
    const gradients = Array.from({ length: 300 }, (_, k) => [period3(3)(k + 1)])
    const negative = (spec: LearnerSpec) => everyRound(spec, gradients, [1]).at(-1)!.gammaNegativeRounds
    expect(negative({ kind: "adam", beta1: 0, beta2: 0.1, alpha: 0.5 })).toBeGreaterThan(90)
    expect(negative({ kind: "adagrad", alpha: 0.5 })).toBe(0)
  })
  it("Γ_t and the effective step agree with the scalar reference at every round", () => {
    // Γ_t = √v̂_t/α_t − √v̂_{t−1}/α_{t−1} from the reference's own v̂ (AMSGrad, paper form, α/√t).
    const alpha = 0.5, b1 = 0.9, b2 = 0.99
    const gradients = Array.from({ length: 200 }, (_, k) => [section5(k + 1)])
    const rows = everyRound({ kind: "amsgrad", alpha, beta1: b1, beta2: b2 }, gradients, [0])
    let v = 0, vhat = 0, prev = 0
    rows.forEach((row, k) => {
      const t = k + 1, g = gradients[k][0]
      v = b2 * v + (1 - b2) * g * g
      vhat = Math.max(vhat, v)
      const inv = Math.sqrt(vhat) / (alpha / Math.sqrt(t))
      expect(row.gammaMin).toBeCloseTo(inv - prev, 9)
      expect(row.stepMin).toBeCloseTo(1 / inv, 12)
      prev = inv
    })
  })
  it("a step reports failure exactly when the gradient or the state stops being finite", () => {
    // Huge finite gradients overflow v (the step is then 0 but v̂ is infinite) or m; sign() and the
    // clip would hide both. Both loop shapes: d = 1 (state in locals) and d = 2 (state arrays).
    for (const kind of learnerKinds) for (const d of [1, 2]) for (const g of [1e150, 1e200, -1e300, 1.7e308, Infinity, -Infinity, Number.NaN]) {
      const domain = createDomain({ kind: "box", lower: Array(d).fill(-1), upper: Array(d).fill(1) })
      const l = createLearner(resolveLearner({ kind }).config, domain)
      l.reset(new Float64Array(d))
      let ok = true
      for (let t = 1; t <= 3 && ok; t++) ok = l.update(t, new Float64Array(d).fill(t === 2 ? -g : g))
      const { m, v, vmax } = l.snapshot()
      const finite = [...m, ...v, ...vmax, ...l.x].every(Number.isFinite)
      expect({ kind, d, g, ok }).toEqual({ kind, d, g, ok: finite && Number.isFinite(g) })
    }
  })
  it("reports divergence instead of hiding a non-finite gradient behind the clip", () => {
    const l = createLearner(resolveLearner({ kind: "adam" }).config, interval)
    l.reset(Float64Array.of(0))
    expect(l.update(1, Float64Array.of(Infinity))).toBe(false)
    expect(l.failure).toEqual({ what: "gradient", value: Infinity })
  })
})

describe("Theorem 1 closed forms through the game loop (docs/reference/reddi2018.md §3, §7)", () => {
  for (const C of [3, 5, 10]) {
    it(`C = ${C}: Adam's R_T/T → (2C−4)/3; AMSGrad and AdaGrad reach −1`, () => {
      const beta2 = 1 / (1 + C * C)
      const alpha = 0.9 * Math.sqrt(1 - beta2)
      const play = (spec: LearnerSpec) => {
        const game = new Game({
          domain: interval, adversary: periodicLinear1d(C, 3), learner: createLearner(resolveLearner(spec).config, interval),
          horizon: 30_000, start: Float64Array.of(1), random: createRandomSource(0), checkpoints: []
        })
        return game.run().rows.at(-1)!
      }
      const adam = play({ kind: "adam", beta1: 0, beta2, alpha })
      expect(adam.avgRegret).toBeGreaterThanOrEqual((2 * C - 4) / 3 - 1e-9)
      expect(adam.avgRegret).toBeLessThan((2 * C - 4) / 3 + 0.01)
      for (const spec of [{ kind: "amsgrad", beta1: 0, beta2, alpha }, { kind: "adagrad", alpha: 0.5 }] as LearnerSpec[]) {
        const row = play(spec)
        expect(row.x![0]).toBeLessThan(-0.99)
        expect(row.avgRegret).toBeLessThan(0.02)
      }
    })
  }
})
