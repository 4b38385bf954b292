// The adversary families: decode stays in the family and at ‖g‖∞ = G in any dimension, what it
// gives is a valid config of a registered adversary kind that replays the same sequence, and the
// scale invariance the normalisation rests on.
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { createAdversary, validateAdversary } from "../../src/core/adversary/index.ts"
import { LinearLoss } from "../../src/core/loss/linear.ts"
import { createRandomSource } from "../../src/core/rng.ts"
import { adversaryDim, createFamily, FamilyError, gradientBound, periodGradients, periodOf, type FoundAdversary } from "../../src/search/families.ts"
import { playPeriodic, type ScalarLearner } from "../../src/search/scalar-game.ts"

/** A point of the box from uniforms in [0, 1]. */
const pointOf = (b: { lower: readonly number[]; upper: readonly number[] }, u: readonly number[]) => b.lower.map((l, i) => l + u[i % u.length] * (b.upper[i] - l))
const unit = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 })

/** The first n gradients the framework's adversary reveals for a found adversary. */
const revealed = (a: FoundAdversary, n: number, seed = 1): number[][] => {
  const d = adversaryDim(a)
  const adv = createAdversary(a as never, d)
  adv.reset(createRandomSource(seed))
  return Array.from({ length: n }, (_, t) => Array.from((adv.reveal(t + 1, new Float64Array(d)) as LinearLoss).g))
}

describe("adversary families", () => {
  it("periodic: decode gives P gradient vectors with ‖g‖∞ = G exactly, the same shape as the vector, in any dimension", () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 50 }), fc.integer({ min: 1, max: 3 }), unit, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (P, d, u, G) => {
      const family = createFamily("periodic", { G, dim: d, maxPeriod: 50 })
      const v = pointOf(family.bounds(P), u)
      expect(v).toHaveLength(P * d)
      const a = family.decode(v, P)
      if (a.kind !== "periodic") throw new Error("kind")
      expect(a.gradients).toHaveLength(P)
      expect(periodOf(a)).toBe(P)
      expect(a.gradients.every((g) => g.length === d)).toBe(true)
      const s = Math.max(...v.map(Math.abs))
      if (s === 0) expect(a.gradients.flat().every((g) => g === 0)).toBe(true)
      else {
        expect(gradientBound(a)).toBeCloseTo(G, 12)
        a.gradients.flat().forEach((g, i) => expect(g).toBeCloseTo((G * v[i]) / s, 12))
      }
      expect(validateAdversary(a, d).kind).toBe("periodic")
    }))
  })

  it("periodic-linear: C in [1, maxC], the period given, the big gradient G and the small −G/C", () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 200 }), fc.double({ min: 0, max: 1, noNaN: true }), (P, u) => {
      const family = createFamily("periodic-linear", { G: 2, maxPeriod: 200, maxC: 500 })
      const a = family.decode(pointOf(family.bounds(P), [u]), P)
      if (a.kind !== "periodic-linear") throw new Error("kind")
      expect(a.period).toBe(P)
      expect(a.C).toBeGreaterThanOrEqual(1)
      expect(a.C).toBeLessThanOrEqual(500 * (1 + 1e-12))
      const g = periodGradients(a)
      expect(g[0]).toBeCloseTo(2, 12)
      expect(g[1]).toBeCloseTo(-2 / a.C, 12)
      expect(gradientBound(a)).toBeCloseTo(2, 12)
      expect(a.direction).toEqual([1])
    }))
  })

  it("periodic-linear in d ≥ 2: a direction u with ‖u‖∞ = 1 joins C, and ‖g‖∞ = G", () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 2, max: 30 }), unit, (d, P, u) => {
      const family = createFamily("periodic-linear", { G: 1.5, dim: d, maxPeriod: 30 })
      const b = family.bounds(P)
      expect(b.lower).toHaveLength(d + 1)
      const a = family.decode(pointOf(b, u), P)
      if (a.kind !== "periodic-linear") throw new Error("kind")
      expect(a.direction).toHaveLength(d)
      expect(Math.max(...a.direction.map(Math.abs))).toBeCloseTo(1, 14)
      expect(gradientBound(a)).toBeCloseTo(1.5, 12)
      expect(validateAdversary(a, d).kind).toBe("periodic-linear")
    }))
  })

  it("stochastic-linear: the larger of ‖a‖∞, ‖b‖∞ is G, p in [minP, 1 − minP] on a log scale, in any dimension", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 3 }), unit, (d, u) => {
      const family = createFamily("stochastic-linear", { G: 3, dim: d, maxPeriod: 1, minP: 0.01 })
      const b = family.bounds(0)
      expect(b.lower).toHaveLength(2 * d + 1)
      const v = pointOf(b, u)
      const a = family.decode(v, 0)
      if (a.kind !== "two-point-linear") throw new Error("kind")
      expect(a.a).toHaveLength(d)
      expect(a.b).toHaveLength(d)
      if (Math.max(...v.slice(0, 2 * d).map(Math.abs)) > 0) expect(gradientBound(a)).toBeCloseTo(3, 12)
      expect(a.p).toBeGreaterThanOrEqual(0.01 * (1 - 1e-12))
      expect(a.p).toBeLessThanOrEqual(0.99 * (1 + 1e-12))
      expect(a.p).toBeCloseTo(Math.pow(10, v[2 * d]), 12)
      expect(validateAdversary(a, d).kind).toBe("two-point-linear")
    }))
  })

  it("found adversaries replay in the framework as the sequences decoded, bit for bit", () => {
    const pl: FoundAdversary = { kind: "periodic-linear", C: 7.5, period: 4, scale: 0.25, direction: [1] }
    const period = Array.from(periodGradients(pl), (g) => [g])
    expect(revealed(pl, 9)).toEqual([...period, ...period, period[0]])
    const pl2: FoundAdversary = { kind: "periodic-linear", C: 3, period: 3, scale: 0.5, direction: [1, -0.25] }
    expect(revealed(pl2, 4)).toEqual([[1.5, -0.375], [-0.5, 0.125], [-0.5, 0.125], [1.5, -0.375]])
    const p: FoundAdversary = { kind: "periodic", gradients: [[0.5], [-1], [0.25]] }
    expect(revealed(p, 7).flat()).toEqual([0.5, -1, 0.25, 0.5, -1, 0.25, 0.5])
    expect(Array.from(periodGradients(p))).toEqual([0.5, -1, 0.25])
    for (const tp of [{ kind: "two-point-linear", a: [1], b: [-0.125], p: 0.2 }, { kind: "two-point-linear", a: [-1, 0.5], b: [0.5, 0], p: 0.3 }] as const) {
      const u = createRandomSource(4).stream("adversary")
      const want = Array.from({ length: 200 }, () => (u() < tp.p ? tp.a : tp.b))
      expect(revealed(tp, 200, 4)).toEqual(want)
    }
    expect(() => periodGradients({ kind: "periodic", gradients: [[1, 0]] })).toThrow(/adversary: expected a 1-D sequence/)
  })

  it("paper-form learners are scale-invariant: g×2^k leaves every iterate and multiplies regret by 2^k", () => {
    fc.assert(fc.property(
      fc.constantFrom<ScalarLearner["kind"]>("adam", "rmsprop", "amsgrad", "adagrad"),
      // Gradients of 0 or ≥ 1e-6 in size, so g² neither under- nor overflows at any scale used.
      fc.array(fc.double({ min: -1, max: 1, noNaN: true }).map((g) => (Math.abs(g) < 1e-6 ? 0 : g)), { minLength: 1, maxLength: 10 }),
      fc.integer({ min: -20, max: 20 }),
      (kind, gradients, k) => {
        const l: ScalarLearner = { kind, alpha: 0.3, beta1: kind === "adam" || kind === "amsgrad" ? 0.9 : 0, beta2: 0.99, schedule: "inv-sqrt" }
        const c = Math.pow(2, k)
        const a = playPeriodic(l, { lo: -1, hi: 1 }, 0, Float64Array.from(gradients), [100, 1000])
        const b = playPeriodic(l, { lo: -1, hi: 1 }, 0, Float64Array.from(gradients, (g) => g * c), [100, 1000])
        expect(b.map((r) => r.x)).toEqual(a.map((r) => r.x))
        expect(b.map((r) => r.regret)).toEqual(a.map((r) => r.regret * c))
      }
    ), { numRuns: 80 })
  })

  it("rejects bad options, periods and vectors naming the field", () => {
    expect(() => createFamily("periodic", { G: 0, maxPeriod: 10 })).toThrow("G: expected a number > 0, got 0")
    expect(() => createFamily("periodic", { G: 1, maxPeriod: 1 })).toThrow("maxPeriod: expected an integer ≥ minPeriod = 2, got 1")
    expect(() => createFamily("periodic", { G: 1, dim: 0, maxPeriod: 10 })).toThrow("dim: expected an integer ≥ 1, got 0")
    expect(() => createFamily("nope" as never, { G: 1, maxPeriod: 10 })).toThrow(FamilyError)
    const f = createFamily("periodic", { G: 1, maxPeriod: 10 })
    expect(() => f.bounds(11)).toThrow("period: expected an integer in [2, 10], got 11")
    expect(() => f.decode([0, 0], 3)).toThrow("vector: expected 3 numbers, got 2")
    expect(() => f.decode([0, 2, 0], 3)).toThrow("vector[1]: expected a number in [-1, 1], got 2")
    expect(() => createFamily("stochastic-linear", { G: 1, maxPeriod: 1, minP: 0.5 })).toThrow("minP: expected a number in (0, 0.5), got 0.5")
  })
})
