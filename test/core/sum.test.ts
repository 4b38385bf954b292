import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { NeumaierSum, NeumaierVector } from "../../src/core/sum.ts"

/** The exact value of a double as a BigInt multiple of 2^-1074 (every finite double is one). */
const exactScaled = (v: number): bigint => {
  const view = new DataView(new ArrayBuffer(8))
  view.setFloat64(0, v)
  const bits = view.getBigUint64(0)
  const sign = bits >> 63n ? -1n : 1n
  const exponent = Number((bits >> 52n) & 0x7ffn)
  const mantissa = bits & ((1n << 52n) - 1n)
  const magnitude = exponent === 0 ? mantissa : (mantissa | (1n << 52n)) << BigInt(exponent - 1)
  return sign * magnitude
}

/** A double close to S·2^-1074 (relative error ≈ 2^-900 before the final rounding). */
const fromScaled = (scaled: bigint): number => {
  const abs = scaled < 0n ? -scaled : scaled
  const shift = Math.max(0, abs.toString(2).length - 1000)
  const head = Number(scaled >> BigInt(shift)) // arithmetic shift; fine at this precision
  return head * 2 ** (shift - 537) * 2 ** -537
}

const naiveSum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0)

const neumaier = (values: readonly number[]): number => {
  const s = new NeumaierSum()
  for (const v of values) s.add(v)
  return s.value
}

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
