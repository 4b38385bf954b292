// The adversary families: decode stays in the family and at ‖g‖∞ = G, the descriptions replay in
// the framework as the same sequences, and the scale invariance the normalisation rests on.
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { createAdversary } from "../../src/core/adversary/index.ts"
import { LinearLoss } from "../../src/core/loss/linear.ts"
import { createRandomSource } from "../../src/core/rng.ts"
import { createFamily, FamilyError, gradientBound, periodGradients, toAdversaryConfig, type AdversaryDescription } from "../../src/search/families.ts"
import { playPeriodic, type ScalarLearner } from "../../src/search/scalar-game.ts"

/** A point of the box from uniforms in [0, 1]. */
const pointOf = (b: { lower: readonly number[]; upper: readonly number[] }, u: readonly number[]) => b.lower.map((l, i) => l + u[i % u.length] * (b.upper[i] - l))
const unit = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 })

/** The first n gradients the framework's adversary reveals for a description. */
const revealed = (a: AdversaryDescription, n: number, seed = 1): number[] => {
  const adv = createAdversary(toAdversaryConfig(a) as never, 1)
  adv.reset(createRandomSource(seed))
  return Array.from({ length: n }, (_, t) => (adv.reveal(t + 1, Float64Array.of(0)) as LinearLoss).g[0])
}

describe("adversary families", () => {
  it("periodic: decode gives P gradients with ‖g‖∞ = G exactly, the same shape as the vector", () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 50 }), unit, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (P, u, G) => {
      const family = createFamily("periodic", { G, maxPeriod: 50 })
      const v = pointOf(family.bounds(P), u)
      const a = family.decode(v, P)
      if (a.kind !== "periodic") throw new Error("kind")
      expect(a.gradients).toHaveLength(P)
      const s = Math.max(...v.map(Math.abs))
      if (s === 0) expect(a.gradients.every((g) => g === 0)).toBe(true)
      else {
        expect(gradientBound(a)).toBeCloseTo(G, 12)
        a.gradients.forEach((g, i) => expect(g).toBeCloseTo((G * v[i]) / s, 12))
      }
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
    }))
  })

  it("stochastic-linear: the larger value is ±G, p in [minP, 1 − minP] on a log scale", () => {
    fc.assert(fc.property(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), (u) => {
      const family = createFamily("stochastic-linear", { G: 3, maxPeriod: 1, minP: 0.01 })
      const b = family.bounds(0)
      const v = pointOf(b, u)
      const a = family.decode(v, 0)
      if (a.kind !== "two-point-linear") throw new Error("kind")
      if (Math.max(Math.abs(v[0]), Math.abs(v[1])) > 0) expect(gradientBound(a)).toBeCloseTo(3, 12)
      expect(a.p).toBeGreaterThanOrEqual(0.01 * (1 - 1e-12))
      expect(a.p).toBeLessThanOrEqual(0.99 * (1 + 1e-12))
      expect(a.p).toBeCloseTo(Math.pow(10, v[2]), 12)
    }))
  })

  it("descriptions replay in the framework as the same sequences", () => {
    const pl: AdversaryDescription = { kind: "periodic-linear", C: 7.5, period: 4, scale: 0.25 }
    expect(revealed(pl, 9)).toEqual([...periodGradients(pl), ...periodGradients(pl), periodGradients(pl)[0]])
    const p: AdversaryDescription = { kind: "periodic", gradients: [0.5, -1, 0.25] }
    expect(revealed(p, 7)).toEqual([0.5, -1, 0.25, 0.5, -1, 0.25, 0.5])
    for (const tp of [{ kind: "two-point-linear", a: 1, b: -0.125, p: 0.2 }, { kind: "two-point-linear", a: -1, b: 0.5, p: 0.3 }] as const) {
      const u = createRandomSource(4).stream("adversary")
      const want = Array.from({ length: 200 }, () => (u() < tp.p ? tp.a : tp.b))
      revealed(tp, 200, 4).forEach((g, t) => expect(g).toBeCloseTo(want[t], 14))
    }
    expect(() => toAdversaryConfig({ kind: "two-point-linear", a: 1, b: 0, p: 0.5 })).toThrow(/b must be a non-zero value/)
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
    expect(() => createFamily("periodic", { G: 0, maxPeriod: 10 })).toThrow(/G must be a number > 0, got 0/)
    expect(() => createFamily("periodic", { G: 1, maxPeriod: 1 })).toThrow(/maxPeriod must be an integer ≥ minPeriod = 2, got 1/)
    expect(() => createFamily("nope" as never, { G: 1, maxPeriod: 10 })).toThrow(FamilyError)
    const f = createFamily("periodic", { G: 1, maxPeriod: 10 })
    expect(() => f.bounds(11)).toThrow(/period must be an integer in \[2, 10\], got 11/)
    expect(() => f.decode([0, 0], 3)).toThrow(/vector must be 3 numbers, got 2/)
    expect(() => f.decode([0, 2, 0], 3)).toThrow(/vector\[1\] must be a number in \[-1, 1\], got 2/)
    expect(() => createFamily("stochastic-linear", { G: 1, maxPeriod: 1, minP: 0.5 })).toThrow(/minP must be a number in \(0, 0.5\)/)
  })
})
