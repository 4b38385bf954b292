// sep-CMA-ES on the standard test functions, its box, and its determinism.
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { CmaEsError, createCmaEs, mirror, type CmaEsOptions } from "../../src/search/cmaes.ts"

type Fn = (x: Float64Array) => number

/** Runs until the best value is below target or the budget is spent; returns the optimiser. */
const minimise = (f: Fn, options: CmaEsOptions, budget: number, target = -Infinity) => {
  const es = createCmaEs(options)
  while (es.evaluations < budget && es.stopped === undefined && !(es.best !== undefined && es.best.value < target)) {
    const xs = es.ask()
    es.tell(xs.map(f))
  }
  return es
}

const box = (n: number, lo: number, hi: number) => ({ lower: new Array(n).fill(lo), upper: new Array(n).fill(hi) })
const sphere = (centre: readonly number[]): Fn => (x) => x.reduce((s, v, i) => s + (v - centre[i]) ** 2, 0)
const ellipsoid: Fn = (x) => x.reduce((s, v, i) => s + Math.pow(1e6, i / (x.length - 1)) * v * v, 0)
const rosenbrock: Fn = (x) => {
  let s = 0
  for (let i = 0; i + 1 < x.length; i++) s += 100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2
  return s
}
const rastrigin: Fn = (x) => 10 * x.length + x.reduce((s, v) => s + v * v - 10 * Math.cos(2 * Math.PI * v), 0)

describe("sep-CMA-ES", () => {
  it("finds the minimum of a shifted sphere from a random start (n = 2 … 30)", () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 30 }), fc.integer({ min: 1, max: 1e6 }), fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 30, maxLength: 30 }), (n, seed, c) => {
      const es = minimise(sphere(c.slice(0, n)), { ...box(n, -5, 5), seed }, 20_000, 1e-10)
      expect(es.best!.value).toBeLessThan(1e-10)
      es.best!.x.forEach((v, i) => expect(Math.abs(v - c[i])).toBeLessThan(1e-4))
    }), { numRuns: 15 })
  })

  it("finds a minimum on the boundary of the box (sphere centred outside it)", () => {
    const es = minimise(sphere([7, -0.5, 7]), { ...box(3, -5, 5), seed: 3 }, 20_000)
    expect(Array.from(es.best!.x).map((v) => Number(v.toFixed(6)))).toEqual([5, -0.5, 5])
  })

  it("learns per-coordinate scales: a 10-D ellipsoid of condition 10^6 in fewer than 5,000 evaluations", () => {
    // sep-CMA-ES's strength (about 2,800 measured); an isotropic ES needs about 10^6/10 times more.
    for (const seed of [1, 2, 3]) {
      const es = minimise(ellipsoid, { ...box(10, -5, 5), seed, mean: new Array(10).fill(1), sigma: 0.1 }, 5000, 1e-10)
      expect(es.best!.value).toBeLessThan(1e-10)
    }
  })

  it("solves Rosenbrock in 4-D (a curved valley: the diagonal model is slow but gets there)", () => {
    const es = minimise(rosenbrock, { ...box(4, -5, 5), seed: 1 }, 150_000, 1e-8)
    expect(es.best!.value).toBeLessThan(1e-8)
    es.best!.x.forEach((v) => expect(v).toBeCloseTo(1, 3))
  })

  it("reaches Rastrigin's global minimum in 5-D with IPOP restarts; a single run stalls in a local one", () => {
    let solvedWithRestarts = 0, solvedWithout = 0
    for (const seed of [1, 2, 3, 4, 5]) {
      if (minimise(rastrigin, { ...box(5, -5.12, 5.12), seed }, 60_000, 1e-8).best!.value < 1e-8) solvedWithRestarts++
      if (minimise(rastrigin, { ...box(5, -5.12, 5.12), seed, restarts: false }, 60_000, 1e-8).best!.value < 1e-8) solvedWithout++
    }
    expect(solvedWithRestarts).toBe(5)
    expect(solvedWithout).toBeLessThan(3)
  })

  it("asks only points of the box, whatever the bounds and the values told", () => {
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: 1e-3, max: 50, noNaN: true })), { minLength: 1, maxLength: 6 }),
      fc.integer({ min: 0, max: 1000 }),
      fc.double({ min: 0.01, max: 5, noNaN: true }),
      (coords, seed, sigma) => {
        const lower = coords.map(([l]) => l), upper = coords.map(([l, w]) => l + w)
        const es = createCmaEs({ lower, upper, seed, sigma })
        for (let g = 0; g < 30; g++) {
          const xs = es.ask()
          for (const x of xs) x.forEach((v, i) => {
            expect(v).toBeGreaterThanOrEqual(lower[i])
            expect(v).toBeLessThanOrEqual(upper[i])
          })
          // Adversarial values: NaN, ±∞ and noise must not break the state.
          es.tell(xs.map((x, j) => (j % 5 === 0 ? NaN : j % 7 === 0 ? Infinity : Math.sin(x[0] * 1e3 + j))))
        }
      }
    ), { numRuns: 60 })
  })

  it("mirrors into [0, 1]: identity inside, reflection outside, period 2", () => {
    fc.assert(fc.property(fc.double({ min: -50, max: 50, noNaN: true }), (y) => {
      const r = mirror(y)
      expect(r).toBeGreaterThanOrEqual(0)
      expect(r).toBeLessThanOrEqual(1)
      expect(mirror(y + 2)).toBeCloseTo(r, 9)
      expect(mirror(-y)).toBeCloseTo(r, 9)
    }))
    expect([mirror(0.25), mirror(1.25), mirror(-0.25), mirror(2.5), mirror(-5e-324)]).toEqual([0.25, 0.75, 0.25, 0.5, 5e-324])
  })

  it("same seed, same bits: whatever the number of workers and the order results come back in", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 1e6 }), (seed, workers, shuffle) => {
      const trace = (evaluateBatch: (xs: readonly Float64Array[]) => number[]) => {
        const es = createCmaEs({ ...box(6, -5.12, 5.12), seed })
        const out: number[] = []
        for (let g = 0; g < 40; g++) {
          const xs = es.ask()
          es.tell(evaluateBatch(xs))
          out.push(es.sigma, ...xs[0])
        }
        return [...out, es.best!.value, ...es.best!.x]
      }
      const serial = trace((xs) => xs.map(rastrigin))
      // Workers take chunks, finish in a scrambled order, and each result is put back at its index.
      const pooled = trace((xs) => {
        const values = new Array<number>(xs.length)
        const chunks: number[][] = Array.from({ length: workers }, () => [])
        xs.forEach((_, j) => chunks[j % workers].push(j))
        const order = chunks.map((_, w) => (w + shuffle) % workers)
        for (const w of order) for (const j of [...chunks[w]].reverse()) values[j] = rastrigin(xs[j])
        return values
      })
      expect(pooled).toEqual(serial)
    }), { numRuns: 25 })
    const a = minimise(rastrigin, { ...box(5, -5.12, 5.12), seed: 9 }, 3000)
    const b = minimise(rastrigin, { ...box(5, -5.12, 5.12), seed: 10 }, 3000)
    expect(a.best!.x).not.toEqual(b.best!.x)
  })

  it("rejects bad options and misuse with a message naming the field", () => {
    expect(() => createCmaEs({ lower: [0, 0], upper: [1], seed: 1 })).toThrow("upper: expected 2 numbers (as many as lower), got [1]")
    expect(() => createCmaEs({ lower: [0, 2], upper: [1, 1], seed: 1 })).toThrow("upper[1]: expected a finite number > lower[1] = 2, got 1")
    expect(() => createCmaEs({ lower: [0], upper: [1], seed: 1, sigma: 0 })).toThrow("sigma: expected a number > 0, got 0")
    expect(() => createCmaEs({ lower: [0], upper: [1], seed: 1, populationSize: 1 })).toThrow(CmaEsError)
    expect(() => createCmaEs({ lower: [0], upper: [1], seed: 1, mean: [2] })).toThrow("mean[0]: expected a number in [0, 1], got 2")
    const es = createCmaEs({ lower: [0, 0], upper: [1, 1], seed: 1 })
    expect(() => es.tell([1])).toThrow(/tell\(\) without ask\(\)/)
    const xs = es.ask()
    expect(() => es.ask()).toThrow(/ask\(\) twice/)
    expect(() => es.tell([1])).toThrow(`values: expected ${xs.length} values (one per point asked), got 1`)
  })
})
