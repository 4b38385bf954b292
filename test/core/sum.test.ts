import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { countedSum, NeumaierSum, NeumaierVector, twoProductError, twoSumError } from "../../src/core/sum.ts"
import { exactScaled, fromScaled } from "../reference/exact.ts"

const naiveSum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0)

const neumaier = (values: readonly number[]): number => {
  const s = new NeumaierSum()
  for (const v of values) s.add(v)
  return s.value
}

describe("twoSumError", () => {
  it("is the exact rounding error of s + v, the same number as Neumaier's branch gives", () => {
    // Neumaier's form: the smaller operand is the one whose low bits were lost.
    const neumaierError = (s: number, v: number, t: number) => (Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s)
    const finite = fc.double({ min: -1e300, max: 1e300, noNaN: true, noDefaultInfinity: true })
    fc.assert(
      fc.property(finite, finite, fc.integer({ min: -60, max: 60 }), (s, w, shift) => {
        const v = w * 2 ** shift // spread the magnitudes so both branches of Neumaier's form are taken
        const t = s + v
        if (!Number.isFinite(v) || !Number.isFinite(t)) return
        const e = twoSumError(s, v, t)
        expect(e).toBe(neumaierError(s, v, t))
        // Exact: t + e equals s + v in exact arithmetic.
        expect(exactScaled(t) + exactScaled(e)).toBe(exactScaled(s) + exactScaled(v))
      }),
      { numRuns: 2000 }
    )
  })
})

describe("twoProductError and countedSum", () => {
  const magnitude = fc.tuple(fc.double({ min: 1, max: 2, noNaN: true }), fc.integer({ min: -150, max: 150 }), fc.boolean())
    .map(([m, e, neg]) => (neg ? -1 : 1) * m * 2 ** e)

  it("twoProductError is the exact rounding error of a·b", () => {
    fc.assert(fc.property(magnitude, magnitude, (a, b) => {
      const p = a * b
      // Scaled by 2^-1074 each: a·b = AB·2^-2148, and p + e must be exactly that.
      expect((exactScaled(p) + exactScaled(twoProductError(a, b, p))) << 1074n).toBe(exactScaled(a) * exactScaled(b))
    }), { numRuns: 2000 })
  })

  it("countedSum gives n·a + m·b within about an ulp, however the two terms cancel", () => {
    const u = Number.EPSILON / 2
    const count = fc.integer({ min: 0, max: 2 ** 40 })
    fc.assert(fc.property(count, magnitude, count, magnitude, (n, a, m, b) => {
      const out = new Float64Array(2)
      countedSum(n, a, m, b, out, 0)
      const exact = fromScaled(BigInt(n) * exactScaled(a) + BigInt(m) * exactScaled(b))
      expect(Math.abs(out[0] + out[1] - exact)).toBeLessThanOrEqual(2 * u * Math.abs(exact) + 1e-290)
    }), { numRuns: 2000 })
    // A cancelling case a plain n·a + m·b gets wrong in every digit.
    const out = new Float64Array(2)
    countedSum(3, 0.1, 1, -0.30000000000000004, out, 0)
    expect(out[0] + out[1]).toBe(fromScaled(3n * exactScaled(0.1) - exactScaled(0.30000000000000004)))
  })
})

describe("NeumaierSum", () => {
  it("recovers terms lost to a huge cancelling pair", () => {
    const values = [1, 1e100, 1, -1e100]
    expect(naiveSum(values)).toBe(0)
    expect(neumaier(values)).toBe(2)
  })

  it("sums 0.1 ten million times to the correctly rounded exact value", () => {
    // The double nearest 0.1 is m·2^-55; ten million of them sum exactly to 10^7·m·2^-55.
    const m = exactScaled(0.1) >> BigInt(1074 - 55)
    expect(m * 2n ** BigInt(1074 - 55)).toBe(exactScaled(0.1))
    const exactNumerator = 10_000_000n * m // over 2^55
    // Correct rounding: the result lies in [2^19, 2^20), where the ulp is 2^-33.
    const q = exactNumerator >> 22n
    const rem = exactNumerator - (q << 22n)
    const rounded = Number(rem * 2n > 1n << 22n ? q + 1n : q) / 2 ** 33
    const s = new NeumaierSum()
    let naive = 0
    for (let i = 0; i < 10_000_000; i++) {
      s.add(0.1)
      naive += 0.1
    }
    expect(s.value).toBe(rounded)
    expect(Math.abs(naive - rounded)).toBeGreaterThan(1e-6)
  })

  it("stays within its error bound of the exact sum on random cancelling data", () => {
    const u = Number.EPSILON / 2
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e30, max: 1e30, noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 60 }),
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { maxLength: 20 }),
        (big, small) => {
          // Interleave each big value with its negation so the true sum is the small ones.
          const values: number[] = []
          for (let i = 0; i < Math.max(big.length, small.length); i++) {
            if (i < big.length) values.push(big[i])
            if (i < small.length) values.push(small[i])
          }
          for (const b of big) values.push(-b)
          let exact = 0n
          let absSum = 0
          for (const v of values) {
            exact += exactScaled(v)
            absSum += Math.abs(v)
          }
          const truth = fromScaled(exact)
          const bound = 3 * u * Math.abs(truth) + 4 * values.length * u * u * absSum + Number.MIN_VALUE
          expect(Math.abs(neumaier(values) - truth)).toBeLessThanOrEqual(bound)
        }
      ),
      { numRuns: 300 }
    )
  })

  it("reports an overflowed sum as infinite, not NaN", () => {
    const s = new NeumaierSum()
    s.add(1.7e308)
    s.add(1.7e308)
    expect(s.value).toBe(Infinity)
  })

  it("reset returns to an empty sum", () => {
    const s = new NeumaierSum()
    s.add(1e100)
    s.add(1)
    s.reset()
    s.add(3)
    expect(s.value).toBe(3)
  })
})

describe("NeumaierVector", () => {
  it("compensates every coordinate independently", () => {
    const v = new NeumaierVector(3)
    v.add(Float64Array.of(1, 2, 3))
    v.add(Float64Array.of(1e100, -1e100, 0))
    v.addScaled(Float64Array.of(1, 1, 1), 0.5)
    v.add(Float64Array.of(-1e100, 1e100, 0))
    v.addAt(2, 1e-20)
    const out = new Float64Array(3)
    v.valueInto(out)
    expect(Array.from(out)).toEqual([1.5, 2.5, 3.5 + 1e-20])
    expect(v.get(0)).toBe(1.5)
    // addScaled compensates too, including when the scaled term dwarfs the running sum.
    const w = new NeumaierVector(1)
    w.addScaled(Float64Array.of(1), 0.5)
    w.addScaled(Float64Array.of(1e100), 3)
    w.addScaled(Float64Array.of(1e100), -3)
    expect(w.get(0)).toBe(0.5)
    v.reset()
    v.valueInto(out)
    expect(Array.from(out)).toEqual([0, 0, 0])
  })

  it("agrees with one NeumaierSum per coordinate", () => {
    const entry = fc.double({ min: -1e20, max: 1e20, noNaN: true, noDefaultInfinity: true })
    fc.assert(
      fc.property(fc.array(fc.tuple(entry, entry, fc.double({ min: -4, max: 4, noNaN: true })), { minLength: 1, maxLength: 40 }), (rows) => {
        const v = new NeumaierVector(2)
        const s0 = new NeumaierSum()
        const s1 = new NeumaierSum()
        rows.forEach(([a, b, scale], i) => {
          if (i % 2 === 0) {
            v.add(Float64Array.of(a, b))
            s0.add(a)
            s1.add(b)
          } else {
            v.addScaled(Float64Array.of(a, b), scale)
            s0.add(scale * a)
            s1.add(scale * b)
          }
        })
        expect(v.get(0)).toBe(s0.value)
        expect(v.get(1)).toBe(s1.value)
      })
    )
  })
})
