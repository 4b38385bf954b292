// The built-in adversaries: the sequences they reveal, seeded reproducibility, declared expected
// losses, composites, validation messages, and Theorem 2's C against the reference table.
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { ConfigError } from "../../src/core/config/error.ts"
import {
  adversaryKinds, createAdversary, describeAdversary, theorem2C, validateAdversary
} from "../../src/core/adversary/index.ts"
import { LinearLoss } from "../../src/core/loss/linear.ts"
import { QuadraticLoss } from "../../src/core/loss/quadratic.ts"
import { createRandomSource } from "../../src/core/rng.ts"
import { createLinearSums, type Adversary } from "../../src/core/types.ts"
import { exactScaled, fromScaled } from "../reference/exact.ts"

const x0 = new Float64Array([0])
const gradients = (a: Adversary, T: number, seed = 1, x = x0): number[] => {
  a.reset(createRandomSource(seed))
  const out: number[] = []
  for (let t = 1; t <= T; t++) out.push((a.reveal(t, x) as LinearLoss).g[0])
  return out
}

describe("oblivious sequences", () => {
  it("periodic-linear: C·s when t mod P = 1, else −s", () => {
    expect(gradients(createAdversary({ kind: "periodic-linear", C: 3, period: 3 }, 1), 7)).toEqual([3, -1, -1, 3, -1, -1, 3])
    const s5 = gradients(createAdversary({ kind: "periodic-linear", C: 101, period: 101, scale: 10 }, 1), 203)
    expect([s5[0], s5[1], s5[100], s5[101], s5[202]]).toEqual([1010, -10, -10, 1010, 1010])
  })

  it("periodic-linear's closed-form sums are the exact sums of what reveal() gives, to about an ulp", () => {
    const u = Number.EPSILON / 2
    const scalar = fc.double({ min: 0.01, max: 1000, noNaN: true })
    fc.assert(fc.property(scalar, fc.integer({ min: 1, max: 40 }), scalar, fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 700 }),
      (C, period, scale, direction, T) => {
        const d = direction.length
        const a = createAdversary({ kind: "periodic-linear", C, period, scale, direction }, d)
        a.reset(createRandomSource(1))
        const sum = Array<bigint>(d).fill(0n), sq = Array<bigint>(d).fill(0n)
        let inf = 0, max2 = 0
        for (let t = 1; t <= T; t++) {
          const g = (a.reveal(t, new Float64Array(d)) as LinearLoss).g
          let n2 = 0
          for (let i = 0; i < d; i++) {
            sum[i] += exactScaled(g[i])
            sq[i] += exactScaled(g[i] * g[i])
            inf = Math.max(inf, Math.abs(g[i]))
            n2 += g[i] * g[i]
          }
          max2 = Math.max(max2, n2)
        }
        const out = createLinearSums(d)
        a.linearSums!(T, out)
        for (let i = 0; i < d; i++) {
          const exact = fromScaled(sum[i])
          expect(Math.abs(out.gSum[i] + out.gComp[i] - exact)).toBeLessThanOrEqual(2 * u * Math.abs(exact) + 1e-300)
          const exactSq = fromScaled(sq[i])
          expect(Math.abs(out.gSq[i] - exactSq)).toBeLessThanOrEqual(2 * u * exactSq + 1e-300)
        }
        // Σc = 0 and the maxima exactly as the round kernel takes them.
        expect(Array.from(out.scalars)).toEqual([0, 0, inf, max2])
      }), { numRuns: 200 })
  })

  it("periodic-linear scales a direction in d dimensions", () => {
    const a = createAdversary({ kind: "periodic-linear", C: 2, period: 2, direction: [1, -2] }, 2)
    a.reset(createRandomSource(1))
    expect(Array.from((a.reveal(1, new Float64Array(2)) as LinearLoss).g)).toEqual([2, -4])
    expect(Array.from((a.reveal(2, new Float64Array(2)) as LinearLoss).g)).toEqual([-1, 2])
  })

  it("periodic cycles; scripted holds the last entry, or reveals 0", () => {
    expect(gradients(createAdversary({ kind: "periodic", gradients: [[1], [2]] }, 1), 5)).toEqual([1, 2, 1, 2, 1])
    expect(gradients(createAdversary({ kind: "scripted", gradients: [1, 2] }, 1), 4)).toEqual([1, 2, 2, 2])
    expect(gradients(createAdversary({ kind: "scripted", gradients: [1, 2], after: "zero" }, 1), 4)).toEqual([1, 2, 0, 0])
  })

  it("reuses one loss object (no allocation per round)", () => {
    const a = createAdversary({ kind: "periodic-linear", C: 3 }, 1)
    a.reset(createRandomSource(1))
    expect(a.reveal(1, x0)).toBe(a.reveal(2, x0))
  })
})

describe("stochastic adversaries", () => {
  it("bernoulli-linear: same seed, same sequence; other seed, other sequence; frequency ≈ p", () => {
    const make = () => createAdversary({ kind: "bernoulli-linear", C: 101, p: 0.01, scale: 10 }, 1)
    const a = gradients(make(), 20000, 7)
    expect(gradients(make(), 20000, 7)).toEqual(a)
    expect(gradients(make(), 20000, 8)).not.toEqual(a)
    const freq = a.filter((g) => g === 1010).length / a.length
    expect(freq).toBeGreaterThan(0.007)
    expect(freq).toBeLessThan(0.013)
    expect(a.every((g) => g === 1010 || g === -10)).toBe(true)
  })

  it("bernoulli-linear declares E f(x) = s(pC − (1 − p))x; delta sets p = (1+δ)/(C+1)", () => {
    const e = createAdversary({ kind: "bernoulli-linear", C: 101, p: 0.01, scale: 10 }, 1).expectedLoss!() as LinearLoss
    expect(e.g[0]).toBeCloseTo(0.2, 12)
    const d = createAdversary({ kind: "bernoulli-linear", C: 50, delta: 0.1 }, 1).expectedLoss!() as LinearLoss
    expect(d.g[0]).toBeCloseTo(0.1, 12)
  })

  it("noisy-quadratic (Bernoulli centres) declares the mean as the optimum of E f", () => {
    const a = createAdversary({ kind: "noisy-quadratic", p: 0.2 }, 1)
    const e = a.expectedLoss!() as QuadraticLoss
    expect(e.b[0]).toBeCloseTo(0.2, 12)
    // E ½(x − ξ)² = ½(x − 0.2)² + ½·0.16.
    expect(e.value(new Float64Array([0]))).toBeCloseTo(0.5 * 0.04 + 0.08, 12)
    a.reset(createRandomSource(3))
    let ones = 0
    for (let t = 1; t <= 10000; t++) ones += (a.reveal(t, x0) as QuadraticLoss).b[0]
    expect(ones / 10000).toBeGreaterThan(0.18)
    expect(ones / 10000).toBeLessThan(0.22)
  })

  it("gaussian-linear has mean μ and per-coordinate spread σ", () => {
    const a = createAdversary({ kind: "gaussian-linear", mean: [1, -1], sd: [0.1, 3] }, 2)
    a.reset(createRandomSource(2))
    const n = 20000
    const s = [0, 0], ss = [0, 0]
    for (let t = 1; t <= n; t++) {
      const g = (a.reveal(t, new Float64Array(2)) as LinearLoss).g
      for (let i = 0; i < 2; i++) (s[i] += g[i]), (ss[i] += g[i] * g[i])
    }
    expect(s[0] / n).toBeCloseTo(1, 2)
    expect(s[1] / n).toBeCloseTo(-1, 1)
    expect(Math.sqrt(ss[1] / n - (s[1] / n) ** 2)).toBeCloseTo(3, 1)
  })
})

describe("adaptive and composite adversaries", () => {
  it("far-end pushes x_t through the centre towards the far end", () => {
    const a = createAdversary({ kind: "far-end" }, 1)
    a.reset(createRandomSource(1))
    expect((a.reveal(1, new Float64Array([0.3])) as LinearLoss).g[0]).toBe(1)
    expect((a.reveal(2, new Float64Array([-0.3])) as LinearLoss).g[0]).toBe(-1)
    expect(a.information).toBe("adaptive")
  })

  it("switching plays each part from its round on", () => {
    const a = createAdversary({ kind: "switching", at: [3, 5], parts: [{ kind: "scripted", gradients: [1] }, { kind: "scripted", gradients: [2] }, { kind: "scripted", gradients: [3] }] }, 1)
    expect(gradients(a, 6)).toEqual([1, 1, 2, 2, 3, 3])
  })

  it("mixture chooses parts with the given weights, reproducibly", () => {
    const make = () => createAdversary({ kind: "mixture", weights: [3, 1], parts: [{ kind: "scripted", gradients: [1] }, { kind: "scripted", gradients: [-1] }] }, 1)
    const g = gradients(make(), 8000, 5)
    expect(gradients(make(), 8000, 5)).toEqual(g)
    const share = g.filter((v) => v === 1).length / g.length
    expect(share).toBeGreaterThan(0.72)
    expect(share).toBeLessThan(0.78)
  })

  it("parts of a composite draw from their own streams", () => {
    const part = { kind: "bernoulli-linear", C: 1, p: 0.5 }
    const a = gradients(createAdversary({ kind: "switching", at: [1001], parts: [part, part] }, 1), 2000)
    expect(a.slice(0, 1000)).not.toEqual(a.slice(1000))
  })
})

describe("validation and docs", () => {
  it("fills defaults and rejects bad parameters with their path", () => {
    expect(validateAdversary({ kind: "periodic-linear", C: 3 }, 1)).toMatchObject({ period: 3, scale: 1, direction: 1 })
    const err = (() => {
      try {
        validateAdversary({ kind: "mixture", weights: [1, 1], parts: [{ kind: "periodic-linear", C: 3 }, { kind: "periodic-linear", C: "x" }] }, 1)
      } catch (e) {
        return e
      }
    })() as ConfigError
    expect(err).toBeInstanceOf(ConfigError)
    expect(err.path).toBe("parts[1].C")
    expect(() => validateAdversary({ kind: "periodic-linear", C: 3, period: 0 }, 1)).toThrow("period: expected an integer ≥ 1, got 0")
  })

  it("documents every parameter of every kind", () => {
    for (const kind of adversaryKinds.values()) {
      expect(kind.title.length).toBeGreaterThan(0)
      for (const spec of Object.values(kind.params)) expect(spec.doc.length).toBeGreaterThan(0)
    }
    expect(describeAdversary(validateAdversary({ kind: "periodic-linear", C: 101, period: 101, scale: 10 }, 1))).toBe("f_t(x) = 1010·x if t mod 101 = 1, else −10·x")
  })
})

describe("Theorem 2's C", () => {
  it("matches the reference table (docs/reference/reddi2018.md §3)", () => {
    const table: [number, number, number][] = [[0, 0.1, 6], [0, 0.5, 20], [0, 0.9, 204], [0.5, 0.9, 204], [0.9, 0.99, 3218], [0.9, 0.999, 42622]]
    for (const [b1, b2, C] of table) expect(theorem2C(b1, b2), `(${b1}, ${b2})`).toBe(C)
  })

  it("builds the period-C sequence and refuses β1 ≥ √β2", () => {
    const g = gradients(createAdversary({ kind: "reddi-theorem2", beta1: 0, beta2: 0.1 }, 1), 7)
    expect(g).toEqual([6, -1, -1, -1, -1, -1, 6])
    expect(() => theorem2C(0.9, 0.5)).toThrow(RangeError)
  })
})
