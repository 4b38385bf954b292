// Full-batch experiments: the seeded data sets, the least-squares and bilinear objectives with their
// closed forms (checked against independent references), the objective loss family's comparator,
// the full-batch adversary's metrics and validation, and the engine's Adam against the flow module's.
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { createAdversary, FullBatchAdversary, validateAdversary } from "../../src/core/adversary/index.ts"
import { ConfigError } from "../../src/core/config/error.ts"
import { createDomain } from "../../src/core/domain/index.ts"
import { adamIterates } from "../../src/core/flow/adam-flow.ts"
import { bilinearObjective } from "../../src/core/fullbatch/bilinear.ts"
import { gaussianData, wilsonData, type DataSet } from "../../src/core/fullbatch/datasets.ts"
import { signSolution } from "../../src/core/fullbatch/kinds.ts"
import { LeastSquaresObjective, ridgeSolution } from "../../src/core/fullbatch/least-squares.ts"
import { ObjectiveLoss, ObjectiveStats } from "../../src/core/loss/fixed-objective.ts"
import { createRandomSource } from "../../src/core/rng.ts"
import { resolveScenario, runScenarioSync } from "../../src/scenario/index.ts"

const norm = (v: ArrayLike<number>) => Math.hypot(...Array.from(v))
const minus = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a, (v, i) => v - b[i])
const times = (d: DataSet, w: ArrayLike<number>) => Array.from({ length: d.n }, (_, i) => {
  let s = 0
  for (let j = 0; j < d.dim; j++) s += d.X[i * d.dim + j] * w[j]
  return s
})
const timesT = (d: DataSet, c: ArrayLike<number>) => Array.from({ length: d.dim }, (_, j) => {
  let s = 0
  for (let i = 0; i < d.n; i++) s += d.X[i * d.dim + j] * c[i]
  return s
})

/** Gaussian elimination with partial pivoting on a copy: an independent dense solve. */
const solve = (A: number[][], b: number[]): number[] => {
  const n = b.length
  const M = A.map((row, i) => [...row, b[i]])
  for (let k = 0; k < n; k++) {
    let p = k
    for (let i = k + 1; i < n; i++) if (Math.abs(M[i][k]) > Math.abs(M[p][k])) p = i
    ;[M[k], M[p]] = [M[p], M[k]]
    for (let i = k + 1; i < n; i++) {
      const f = M[i][k] / M[k][k]
      for (let j = k; j <= n; j++) M[i][j] -= f * M[k][j]
    }
  }
  const x = Array<number>(n).fill(0)
  for (let i = n - 1; i >= 0; i--) {
    let s = M[i][n]
    for (let j = i + 1; j < n; j++) s -= M[i][j] * x[j]
    x[i] = s / M[i][i]
  }
  return x
}

describe("data sets", () => {
  it("Wilson et al.'s construction: label, bias pair, one own feature per positive point and five per negative one", () => {
    const { train, test } = wilsonData(6, 0.6, 50, createRandomSource(3))
    expect(train.dim).toBe(33)
    expect(train.y.filter((y) => y > 0).length).toBe(4) // ⌈0.6·6⌉
    for (let i = 0; i < train.n; i++) {
      const row = Array.from(train.X.subarray(i * 33, (i + 1) * 33))
      expect(row.slice(0, 3)).toEqual([train.y[i], 1, 1])
      const own = row.slice(3 + 5 * i, 8 + 5 * i)
      expect(own).toEqual(train.y[i] > 0 ? [1, 0, 0, 0, 0] : [1, 1, 1, 1, 1])
      // Nothing outside the first three coordinates and the point's own block.
      expect(row.reduce((s, v) => s + v, 0)).toBe(train.y[i] + 2 + (train.y[i] > 0 ? 1 : 5))
    }
    for (let i = 0; i < test.n; i++) {
      const row = Array.from(test.X.subarray(i * 33, (i + 1) * 33))
      expect(row).toEqual([test.y[i], 1, 1, ...Array(30).fill(0)])
    }
  })

  it("same seed, same data; another seed, another test set; the test draws do not move the training ones", () => {
    const a = wilsonData(20, 0.55, 400, createRandomSource(1))
    expect(wilsonData(20, 0.55, 400, createRandomSource(1))).toEqual(a)
    expect(wilsonData(20, 0.55, 400, createRandomSource(2)).test.y).not.toEqual(a.test.y)
    const share = a.test.y.filter((y) => y > 0).length / 400
    expect(share).toBeGreaterThan(0.45)
    expect(share).toBeLessThan(0.65)
    const g = gaussianData(30, 4, 0.5, 100, createRandomSource(9))
    expect(gaussianData(30, 4, 0.5, 100, createRandomSource(9))).toEqual(g)
    expect(gaussianData(30, 4, 0.5, 7, createRandomSource(9)).train).toEqual(g.train)
    expect(gaussianData(30, 4, 0.5, 100, createRandomSource(10)).train.X).not.toEqual(g.train.X)
  })
})

describe("least squares", () => {
  const random = (seed: number, n: number, d: number) => gaussianData(n, d, 0.3, 20, createRandomSource(seed))

  it("gradient and Hessian-vector product agree with finite differences", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1000 }), fc.constantFrom(0, 0.7), fc.array(fc.integer({ min: -2000, max: 2000 }), { minLength: 8, maxLength: 8 }), (seed, penalty, raw) => {
      const E = new LeastSquaresObjective(random(seed, 6, 4), penalty)
      const th = Float64Array.from(raw.slice(0, 4), (k) => k / 1000)
      const v = Float64Array.from(raw.slice(4), (k) => k / 1000)
      const g = new Float64Array(4), hv = new Float64Array(4)
      E.gradient(th, g)
      E.hessianVector(th, v, hv)
      const h = 1e-5
      for (let j = 0; j < 4; j++) {
        const up = Float64Array.from(th), dn = Float64Array.from(th)
        up[j] += h
        dn[j] -= h
        expect(Math.abs(g[j] - (E.value(up) - E.value(dn)) / (2 * h))).toBeLessThan(1e-6 * (1 + Math.abs(g[j])))
      }
      // E is quadratic: ∇E(θ + v) − ∇E(θ) = ∇²E v exactly (up to rounding).
      const gv = new Float64Array(4)
      E.gradient(Float64Array.from(th, (x, j) => x + v[j]), gv)
      for (let j = 0; j < 4; j++) expect(Math.abs(gv[j] - g[j] - hv[j])).toBeLessThan(1e-10 * (1 + Math.abs(hv[j])))
    }), { numRuns: 40 })
  })

  it("the ridge minimiser (XᵀX + λI)⁻¹Xᵀy matches an independent solve, by the primal and by the dual route", () => {
    for (const [n, d] of [[12, 5], [5, 12]]) {
      const data = random(n * d, n, d).train
      for (const penalty of [0.1, 3]) {
        const w = ridgeSolution(data, penalty)
        const A = Array.from({ length: d }, (_, a) => Array.from({ length: d }, (_, b) => {
          let s = a === b ? penalty : 0
          for (let i = 0; i < n; i++) s += data.X[i * d + a] * data.X[i * d + b]
          return s
        }))
        const ref = solve(A, timesT(data, data.y))
        expect(norm(minus(w, ref))).toBeLessThan(1e-12 * (1 + norm(ref)))
        const E = new LeastSquaresObjective({ train: data, test: data }, penalty)
        const g = new Float64Array(d)
        E.gradient(w, g)
        expect(norm(g)).toBeLessThan(1e-11)
        expect(E.minValue).toBeCloseTo(E.value(w), 14)
        expect(E.distanceToMinimisers(Float64Array.from(ref))).toBeLessThan(1e-12)
      }
    }
  })

  it("Wilson et al.'s data: the minimum-norm interpolant against a Woodbury solve of XXᵀ = yyᵀ + 2·11ᵀ + D", () => {
    const data = wilsonData(15, 0.6, 10, createRandomSource(4))
    const { train } = data
    const n = train.n
    const E = new LeastSquaresObjective(data, 0)
    expect(E.interpolating).toBe(true)
    expect(E.minValue).toBe(0)
    // D = diag(1 own feature for a positive point, 5 for a negative one); U = [y, √2·1], XXᵀ = D + UUᵀ.
    const D = Array.from(train.y, (y) => (y > 0 ? 1 : 5))
    const U = [Array.from(train.y), Array(n).fill(Math.SQRT2)]
    const Dinv = (v: number[]) => v.map((x, i) => x / D[i])
    const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0)
    const DinvY = Dinv(Array.from(train.y))
    const DinvU = U.map(Dinv)
    const cap = [[1 + dot(U[0], DinvU[0]), dot(U[0], DinvU[1])], [dot(U[1], DinvU[0]), 1 + dot(U[1], DinvU[1])]]
    const k = solve(cap, [dot(U[0], DinvY), dot(U[1], DinvY)])
    const c = DinvY.map((v, i) => v - DinvU[0][i] * k[0] - DinvU[1][i] * k[1])
    const ref = timesT(train, c)
    const w = new Float64Array(train.dim)
    E.minimiser(w)
    expect(norm(minus(w, ref))).toBeLessThan(1e-12)
    expect(norm(minus(times(train, w), train.y))).toBeLessThan(1e-12)
    // Distance to the affine set of interpolants: 0 along the null space of X (the unused slots of
    // positive points' blocks are zero columns), ‖Xᵀc‖ along the row space.
    const alongNull = Float64Array.from(w)
    for (let i = 0; i < n; i++) if (train.y[i] > 0) alongNull[3 + 5 * i + 2] += 0.7
    expect(norm(minus(alongNull, w))).toBeGreaterThan(0.5)
    expect(E.distanceToMinimisers(alongNull)).toBeLessThan(1e-12)
    const c2 = Array.from(train.y, (_, i) => (i % 3 === 0 ? 0.25 : -0.1))
    const across = timesT(train, c2)
    const off = Float64Array.from(alongNull, (v, j) => v + across[j])
    expect(E.distanceToMinimisers(off)).toBeCloseTo(norm(across), 12)
  })

  it("Wilson et al.'s adaptive solution is ¼·sign(Xᵀy) and interpolates; it predicts +1 on every test point", () => {
    const data = wilsonData(20, 0.6, 200, createRandomSource(5))
    const ws = signSolution(data.train)
    const xty = timesT(data.train, data.train.y)
    ws.forEach((v, j) => expect(v).toBe(0.25 * Math.sign(xty[j])))
    expect(norm(minus(times(data.train, ws), data.train.y))).toBeLessThan(1e-14)
    const E = new LeastSquaresObjective(data, 0, [{ name: "distToSignSolution", title: "", point: ws }])
    const m: Record<string, number> = {}
    E.measure(ws, m)
    expect(m.trainLoss).toBe(0)
    expect(m.distToSignSolution).toBe(0)
    expect(m.testError).toBeCloseTo(data.test.y.filter((y) => y < 0).length / 200, 15)
    // The minimum-norm interpolant classifies every test point correctly.
    const w = new Float64Array(data.train.dim)
    E.minimiser(w)
    E.measure(w, m)
    expect(m.testError).toBe(0)
    expect(m.distToMinNorm).toBe(0)
  })

  it("refuses rank-deficient data without a penalty, naming the field", () => {
    const X = Float64Array.of(1, 2, 2, 4, 3, 6)
    const data = { n: 3, dim: 2, X, y: Float64Array.of(1, -1, 1) }
    expect(() => ridgeSolution(data, 0)).toThrow(ConfigError)
    expect(() => ridgeSolution(data, 0)).toThrow(/^penalty: expected a penalty > 0: the columns of the 3 × 2 data matrix are not independent/)
    expect(ridgeSolution(data, 1).every(Number.isFinite)).toBe(true)
  })
})

describe("bilinear objective", () => {
  const coord = fc.integer({ min: -3000, max: 3000 }).map((k) => k / 1000)

  it("‖∇E‖₁ = |r|·x·(|w1| + |w2|) everywhere, and oneNormSlope is x(|w1*| + |w2*|) at the nearest minimiser", () => {
    const E = bilinearObjective()
    fc.assert(fc.property(coord, coord, (a, b) => {
      const w = Float64Array.of(a, b), g = new Float64Array(2)
      E.gradient(w, g)
      const r = 2 * a * b - 1.5
      expect(Math.abs(g[0]) + Math.abs(g[1])).toBeCloseTo(Math.abs(r) * 2 * (Math.abs(a) + Math.abs(b)), 10)
      const m: Record<string, number> = {}
      E.measure(w, m)
      const star = new Float64Array(2)
      E.nearestMinimiser(w, star)
      expect(m.oneNormSlope).toBeCloseTo(2 * (Math.abs(star[0]) + Math.abs(star[1])), 12)
      expect(m.nearestW1).toBe(star[0])
    }))
    const c = new Float64Array(2)
    E.minimiser(c)
    expect(Array.from(c)).toEqual([Math.sqrt(0.75), Math.sqrt(0.75)])
    expect(E.value(c)).toBeLessThan(1e-30)
    bilinearObjective({ x: 1, y: -2 }).minimiser(c)
    expect(c[0] * c[1]).toBeCloseTo(-2, 14)
  })
})

describe("the objective loss family", () => {
  const box = (b: number) => createDomain({ kind: "box", lower: [-b, -b], upper: [b, b] })

  it("the comparator is t·min E at a known minimiser inside the domain, a certified bracket outside it", () => {
    const E = bilinearObjective({ x: 1, y: 9 }) // minimisers w1·w2 = 9, balanced one (3, 3)
    const stats = new ObjectiveStats(2)
    const loss = new ObjectiveLoss(E)
    const out = new Float64Array(2)
    expect(stats.best(box(5), out)).toEqual({ value: 0, gap: 0, method: "closed-form" })
    for (let t = 0; t < 7; t++) stats.add(loss)
    expect(stats.count).toBe(7)
    expect(stats.best(box(5), out)).toEqual({ value: 0, gap: 0, method: "closed-form" })
    expect(Array.from(out)).toEqual([3, 3])
    // In [−2, 2]² the best point is the corner (2, 2): E = ½(9 − 4)² = 12.5, and min over F ≥ 0.
    const r = stats.best(box(2), out)
    expect(r.value).toBeCloseTo(7 * 12.5, 12)
    expect(r.gap).toBeCloseTo(7 * 12.5, 12)
    expect(() => stats.add(new ObjectiveLoss(bilinearObjective()))).toThrow(/one fixed objective/)
    const copy = new ObjectiveLoss(bilinearObjective())
    loss.copyTo(copy)
    expect(copy.objective).toBe(E)
  })
})

describe("the full-batch adversary", () => {
  it("validates the objective against the domain, naming the field", () => {
    const err = (config: unknown, dim: number) => {
      try {
        validateAdversary(config, dim)
      } catch (e) {
        return e as ConfigError
      }
      throw new Error("no error")
    }
    expect(err({ kind: "full-batch", objective: { kind: "bilinear" } }, 3).path).toBe("objective.kind")
    expect(err({ kind: "full-batch", objective: { kind: "wilson-least-squares", n: 4 } }, 33).message).toBe("objective.n: expected 6 so that 3 + 5n is the domain's dimension 33, got 4")
    expect(err({ kind: "full-batch", objective: { kind: "wilson-least-squares", n: 4, positiveShare: 0.5 } }, 23).message).toBe("objective.positiveShare: expected a number in (0.5, 1], got 0.5")
    expect(err({ kind: "full-batch", objective: { kind: "bilinear", x: 0 } }, 2).path).toBe("objective.x")
    expect(err({ kind: "full-batch", objective: { kind: "bilinear" }, flowWindow: [0.4, 0.1] }, 2).path).toBe("flowWindow")
    expect(err({ kind: "full-batch", objective: { kind: "quartic" } }, 2).path).toBe("objective.kind")
    expect(validateAdversary({ kind: "full-batch", objective: { kind: "gaussian-least-squares" } }, 5)).toMatchObject({ objective: { n: 40, penalty: 0.1 }, normEpsilon: 1e-8 })
  })

  it("declares its metrics before any data are drawn and measures them at a point", () => {
    const a = createAdversary({ kind: "full-batch", objective: { kind: "bilinear" }, normEpsilon: 1e-4 }, 2) as FullBatchAdversary
    expect(a.metrics.map((m) => m.name)).toEqual(["objective", "gradNorm2", "gradNorm1Eps", "distToMinimisers", "onBoundary", "oneNormSlope", "nearestW1"])
    a.reset(createRandomSource(1))
    const x = Float64Array.of(2, 1)
    const m = a.measure(x, createDomain({ kind: "box", lower: [-3, 1], upper: [3, 3] }))
    // r = 2·2·1 − 1.5 = 2.5, ∇E = r·x·(w2, w1) = (5, 10).
    expect(m.objective).toBe(3.125)
    expect(m.gradNorm2).toBeCloseTo(Math.hypot(5, 10), 14)
    expect(m.gradNorm1Eps).toBeCloseTo(Math.sqrt(25 + 1e-4) + Math.sqrt(100 + 1e-4), 14)
    expect(m.onBoundary).toBe(1) // w2 = 1 sits on the lower face
    expect(Number.isNaN(a.measure(x, createDomain({ kind: "ball", center: [0, 0], radius: 5 })).onBoundary)).toBe(true)
    expect(a.reveal()).toBe(a.reveal())
    const w = createAdversary({ kind: "full-batch", objective: { kind: "wilson-least-squares", n: 4 } }, 23)
    expect(w.metrics!.map((m) => m.name)).toContain("distToMinNorm")
    const g = createAdversary({ kind: "full-batch", objective: { kind: "gaussian-least-squares", referencePenalty: 2 } }, 3)
    expect(g.metrics!.map((m) => m.name)).toEqual(["objective", "gradNorm2", "gradNorm1Eps", "distToMinimisers", "onBoundary", "trainLoss", "testLoss", "testError", "distToReference"])
  })

  it("the engine's Adam (preset cattaneo) plays exactly full-batch Adam's iterates", () => {
    const h = 0.01, beta = 0.8, rho = 0.95
    const s = resolveScenario({
      id: "t", title: "t", domain: { kind: "box", lower: [-10, -10], upper: [10, 10] },
      adversary: { kind: "full-batch", objective: { kind: "bilinear" } },
      learners: [{ label: "adam", kind: "adam", preset: "cattaneo", alpha: h, beta1: beta, beta2: rho }],
      horizon: 300, start: [2, 1], checkpoints: { perDecade: 10 }
    }, "t")
    const rows = runScenarioSync(s).runs[0].rows
    const iterates = adamIterates(bilinearObjective(), { h, beta, rho, epsilon: 1e-8 }, Float64Array.of(2, 1), 300)
    // Row t holds x_t, the point played in round t: θ_{t−1}.
    for (const row of rows) {
      for (let j = 0; j < 2; j++) expect(Math.abs(row.x![j] - iterates[2 * (row.t - 1) + j])).toBeLessThan(1e-13)
    }
    const last = rows.at(-1)!
    expect(last.regret).toBeCloseTo(last.cumLoss, 12) // min E = 0
    expect(last.metrics!.onBoundary).toBe(0)
  })
})
