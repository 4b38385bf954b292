import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  adamCorrection,
  adamIterates,
  FullBatchAdam,
  meanLag,
  memoryLags,
  perturbedOneNorm,
  perturbedOneNormGradient,
  solveAdamFlow,
  trajectoryGap,
  type AdamHyper
} from "../../src/core/flow/adam-flow.ts"
import { ConfigError } from "../../src/core/config/error.ts"
import { dormandPrince, integrate, IntegrationError, type Rhs } from "../../src/core/flow/integrate.ts"
import { bilinear, type Objective } from "../../src/core/flow/objectives.ts"

const log2 = (x: number) => Math.log(x) / Math.LN2

// ---------------------------------------------------------------------------------------------
// The integrator
// ---------------------------------------------------------------------------------------------

describe("Dormand–Prince tableau", () => {
  const { c, a, b, bHat } = dormandPrince
  const dot = (u: number[], v: number[]) => u.reduce((s, ui, i) => s + ui * v[i], 0)
  const A = (v: number[]) => a.map((row) => row.reduce((s, aij, j) => s + aij * v[j], 0))
  const mul = (u: number[], v: number[]) => u.map((ui, i) => ui * v[i])
  const pow = (k: number) => c.map((ci) => ci ** k)
  const one = c.map(() => 1)
  // The 17 rooted trees up to order 5: elementary weight Φ, order, and density γ (Butcher).
  const trees: Array<[number[], number, number]> = [
    [one, 1, 1],
    [c, 2, 2],
    [pow(2), 3, 3], [A(c), 3, 6],
    [pow(3), 4, 4], [mul(c, A(c)), 4, 8], [A(pow(2)), 4, 12], [A(A(c)), 4, 24],
    [pow(4), 5, 5], [mul(pow(2), A(c)), 5, 10], [mul(c, A(pow(2))), 5, 15], [mul(c, A(A(c))), 5, 30],
    [mul(A(c), A(c)), 5, 20], [A(pow(3)), 5, 20], [A(mul(c, A(c))), 5, 40], [A(A(pow(2))), 5, 60], [A(A(A(c))), 5, 120]
  ]

  it("rows sum to the nodes", () => {
    a.forEach((row, i) => expect(row.reduce((s, x) => s + x, 0)).toBeCloseTo(c[i], 14))
  })

  it("the propagated weights satisfy all 17 order conditions up to order 5, the embedded ones those up to 4 only", () => {
    for (const [phi, , gamma] of trees) expect(Math.abs(dot(b, phi) - 1 / gamma)).toBeLessThan(1e-14)
    for (const [phi, order, gamma] of trees) if (order <= 4) expect(Math.abs(dot(bHat, phi) - 1 / gamma)).toBeLessThan(1e-14)
    // The embedded solution is genuinely of order 4: some fifth-order condition fails.
    const worst = Math.max(...trees.filter(([, o]) => o === 5).map(([phi, , g]) => Math.abs(dot(bHat, phi) - 1 / g)))
    expect(worst).toBeGreaterThan(1e-4)
  })

  it("the continuous extension satisfies the order conditions up to 4 at every θ and ends on the step", () => {
    for (const theta of [0.1, 0.37, 0.5, 0.81, 1]) {
      const bt = dormandPrince.dense(theta)
      for (const [phi, order, gamma] of trees) if (order <= 4) expect(Math.abs(dot(bt, phi) - theta ** order / gamma)).toBeLessThan(1e-14)
    }
    dormandPrince.dense(1).forEach((w, i) => expect(w).toBeCloseTo(b[i], 14))
  })
})

const decay: Rhs = (_t, y, d) => { d[0] = -1.5 * y[0] }
const oscillator = (omega: number): Rhs => (_t, y, d) => { d[0] = y[1]; d[1] = -omega * omega * y[0] }
const logistic = (r: number, K: number): Rhs => (_t, y, d) => { d[0] = r * y[0] * (1 - y[0] / K) }
const logisticExact = (r: number, K: number, y0: number, t: number) => K / (1 + ((K - y0) / y0) * Math.exp(-r * t))

const grid = (t0: number, t1: number, n: number) => Array.from({ length: n + 1 }, (_, k) => t0 + ((t1 - t0) * k) / n)

describe("integrate (adaptive)", () => {
  it("exponential decay, at many output times, to the tolerance", () => {
    const times = grid(0, 6, 97)
    const sol = integrate(decay, Float64Array.of(2), times, { rtol: 1e-10, atol: 1e-14 })
    times.forEach((t, k) => expect(Math.abs(sol.states[k] - 2 * Math.exp(-1.5 * t))).toBeLessThan(1e-9 * 2 * Math.exp(-1.5 * t) + 1e-14))
  })

  it("harmonic oscillator over ten periods keeps phase and amplitude", () => {
    const omega = 3
    const times = grid(0, (20 * Math.PI) / omega, 250)
    const sol = integrate(oscillator(omega), Float64Array.of(1, 0), times, { rtol: 1e-11, atol: 1e-13 })
    let worst = 0
    times.forEach((t, k) => {
      worst = Math.max(worst, Math.abs(sol.states[2 * k] - Math.cos(omega * t)), Math.abs(sol.states[2 * k + 1] + omega * Math.sin(omega * t)) / omega)
    })
    expect(worst).toBeLessThan(1e-8)
  })

  it("logistic growth through its steep middle", () => {
    const r = 8, K = 5, y0 = 0.01
    const times = grid(0, 3, 60)
    const sol = integrate(logistic(r, K), Float64Array.of(y0), times, { rtol: 1e-11, atol: 1e-13 })
    times.forEach((t, k) => expect(Math.abs(sol.states[k] - logisticExact(r, K, y0, t))).toBeLessThan(1e-8))
  })

  it("error follows the tolerance down, and output times do not change the steps", () => {
    const err = (tol: number) => {
      const sol = integrate(logistic(8, 5), Float64Array.of(0.01), [0, 3], { rtol: tol, atol: tol * 1e-3 })
      return Math.abs(sol.states[1] - logisticExact(8, 5, 0.01, 3))
    }
    expect(err(1e-10)).toBeLessThan(err(1e-6) / 1e3)
    const few = integrate(logistic(8, 5), Float64Array.of(0.01), [0, 3], { rtol: 1e-9 })
    const many = integrate(logistic(8, 5), Float64Array.of(0.01), grid(0, 3, 300), { rtol: 1e-9 })
    expect(many.stats).toEqual(few.stats)
    expect(many.states[300]).toBe(few.states[1])
  })

  it("measured order of convergence with fixed steps is 5", () => {
    const order = (f: Rhs, y0: number[], T: number, exact: number, h: number) => {
      const e = (step: number) => Math.abs(integrate(f, Float64Array.from(y0), [0, T], { fixedStep: step }).states[y0.length] - exact)
      return log2(e(h) / e(h / 2))
    }
    expect(Math.abs(order(oscillator(1), [1, 0], 10, Math.cos(10), 0.1) - 5)).toBeLessThan(0.3)
    expect(Math.abs(order(oscillator(1), [1, 0], 10, Math.cos(10), 0.05) - 5)).toBeLessThan(0.3)
    expect(Math.abs(order(logistic(2, 1), [0.1], 4, logisticExact(2, 1, 0.1, 4), 0.1) - 5)).toBeLessThan(0.3)
    // The dense output between steps is of order 4 locally (so its global error is still O(h^4) or better).
    const dense = (step: number) => Math.abs(integrate(oscillator(1), Float64Array.of(1, 0), [0, 0.37 * step, 3], { fixedStep: step }).states[2] - Math.cos(0.37 * step))
    expect(log2(dense(0.2) / dense(0.1))).toBeGreaterThan(4.7)
  })

  it("stops with a clear error past maxSteps and at a blow-up", () => {
    expect(() => integrate(oscillator(1), Float64Array.of(1, 0), [0, 100], { maxSteps: 10 })).toThrow(IntegrationError)
    expect(() => integrate(oscillator(1), Float64Array.of(1, 0), [0, 100], { maxSteps: 10 })).toThrow(/maxSteps = 10/)
    // y' = y² from y(0) = 1 blows up at t = 1.
    let caught: unknown
    try {
      integrate((_t, y, d) => { d[0] = y[0] * y[0] }, Float64Array.of(1), [0, 2], { maxSteps: 100_000 })
    } catch (e) {
      caught = e
    }
    expect(caught).toBeInstanceOf(IntegrationError)
    expect((caught as IntegrationError).t).toBeGreaterThan(0.99)
    expect((caught as IntegrationError).t).toBeLessThan(1)
  })

  it("rejects bad arguments naming the field", () => {
    expect(() => integrate(decay, Float64Array.of(1), [0, 1, 1])).toThrow(/times\[2\]: expected a time > times\[1\]/)
    expect(() => integrate(decay, Float64Array.of(1), [0, 1], { rtol: -1 })).toThrow(ConfigError)
    expect(() => integrate(decay, Float64Array.of(NaN), [0, 1])).toThrow(/y0\[0\]/)
  })
})

// ---------------------------------------------------------------------------------------------
// The bilinear model
// ---------------------------------------------------------------------------------------------

// Uniform on [-3, 3] (fc.double is uniform over bit patterns, so mostly tiny numbers).
const coord = fc.integer({ min: -3_000_000, max: 3_000_000 }).map((k) => k / 1_000_000)

describe("bilinear model", () => {
  const E = bilinear()

  it("gradient, Hessian and Hessian-vector product agree with finite differences", () => {
    fc.assert(fc.property(coord, coord, coord, coord, (a, b, v0, v1) => {
      const th = Float64Array.of(a, b)
      const g = new Float64Array(2), H = new Float64Array(4), hv = new Float64Array(2)
      E.gradient(th, g)
      E.hessian(th, H)
      E.hessianVector(th, Float64Array.of(v0, v1), hv)
      const d = 1e-5
      for (let j = 0; j < 2; j++) {
        const up = Float64Array.from(th), dn = Float64Array.from(th)
        up[j] += d
        dn[j] -= d
        expect(g[j]).toBeCloseTo((E.value(up) - E.value(dn)) / (2 * d), 4)
        const gu = new Float64Array(2), gd = new Float64Array(2)
        E.gradient(up, gu)
        E.gradient(dn, gd)
        for (let i = 0; i < 2; i++) expect(H[i * 2 + j]).toBeCloseTo((gu[i] - gd[i]) / (2 * d), 4)
      }
      expect(hv[0]).toBeCloseTo(H[0] * v0 + H[1] * v1, 10)
      expect(hv[1]).toBeCloseTo(H[2] * v0 + H[3] * v1, 10)
    }))
  })

  const bruteDistance = (a: number, b: number, c: number) => {
    let best = Infinity
    // Both branches, sampled densely in log-spaced |u|, then refined around the best sample.
    for (const sign of [1, -1]) {
      let bestU = 0, bestD = Infinity
      for (let k = 0; k <= 20000; k++) {
        const u = sign * Math.exp(-8 + (16 * k) / 20000)
        const dd = Math.hypot(a - u, b - c / u)
        if (dd < bestD) { bestD = dd; bestU = u }
      }
      for (let k = -2000; k <= 2000; k++) {
        const u = bestU * (1 + k * 1e-6)
        bestD = Math.min(bestD, Math.hypot(a - u, b - c / u))
      }
      best = Math.min(best, bestD)
    }
    return best
  }

  it("the nearest minimiser lies on the hyperbola and is as near as a brute-force search finds", () => {
    fc.assert(fc.property(coord, coord, fc.constantFrom(0.75, -0.5, 2), (a, b, c) => {
      const model = bilinear({ x: 2, y: 2 * c })
      const m = new Float64Array(2)
      const d = model.nearestMinimiser(Float64Array.of(a, b), m)
      expect(m[0] * m[1]).toBeCloseTo(c, 12)
      expect(model.value(m)).toBeLessThan(1e-24)
      expect(d).toBeCloseTo(Math.hypot(a - m[0], b - m[1]), 14)
      const brute = bruteDistance(a, b, c)
      expect(d).toBeLessThanOrEqual(brute + 1e-9)
      expect(d).toBeGreaterThan(brute - 1e-5)
    }), { numRuns: 60 })
  })

  it("on and off the set: zero on it, the axes when the target is zero", () => {
    expect(E.product).toBe(0.75)
    expect(E.distanceToMinimisers(Float64Array.of(1.5, 0.5))).toBeLessThan(1e-15)
    expect(E.distanceToMinimisers(Float64Array.of(0, 0))).toBeCloseTo(Math.SQRT2 * Math.sqrt(0.75), 12)
    expect(bilinear({ y: 0 }).distanceToMinimisers(Float64Array.of(0.3, -2))).toBe(0.3)
    expect(() => bilinear({ x: 0 })).toThrow(/bilinear.x: expected a non-zero number, got 0/)
  })
})

// ---------------------------------------------------------------------------------------------
// Full-batch Adam and its flows
// ---------------------------------------------------------------------------------------------

describe("memory lags and the discrete iteration", () => {
  it("meanLag is the weighted mean lag Σ d q^d / Σ q^d", () => {
    for (const q of [0, 0.3, 0.9, 0.999]) {
      for (const n of [0, 1, 2, 7, 50, 400]) {
        let s0 = 0, s1 = 0
        for (let d = 0; d <= n; d++) { s0 += q ** d; s1 += d * q ** d }
        expect(meanLag(q, n)).toBeCloseTo(s1 / s0, 9)
      }
      expect(meanLag(q, Infinity)).toBe(q / (1 - q))
    }
    expect(memoryLags({ h: 1, beta: 0.9, rho: 0.99, epsilon: 1 }, Infinity).square).toBeCloseTo(99, 10)
  })

  it("the first two steps of full-batch Adam by hand (ε inside the root, bias-corrected moments)", () => {
    const E = bilinear()
    const p: AdamHyper = { h: 0.1, beta: 0.8, rho: 0.9, epsilon: 0.01 }
    const adam = new FullBatchAdam(E, p, Float64Array.of(2, 1))
    // g(2, 1) = r·x·(w2, w1) with r = 2·2·1 − 1.5 = 2.5: (5, 10).
    adam.step()
    expect(adam.theta[0]).toBeCloseTo(2 - (0.1 * 5) / Math.sqrt(25 + 0.01), 15)
    expect(adam.theta[1]).toBeCloseTo(1 - (0.1 * 10) / Math.sqrt(100 + 0.01), 15)
    const [a, b] = adam.theta
    const r = 2 * a * b - 1.5
    const g = [r * 2 * b, r * 2 * a]
    adam.step()
    const first = [5, 10]
    for (let j = 0; j < 2; j++) {
      const m = (0.8 * 0.2 * first[j] + 0.2 * g[j]) / (1 - 0.64)
      const v = (0.9 * 0.1 * first[j] ** 2 + 0.1 * g[j] ** 2) / (1 - 0.81)
      expect(adam.theta[j]).toBeCloseTo([a, b][j] - (0.1 * m) / Math.sqrt(v + 0.01), 14)
    }
    expect(adamIterates(E, p, Float64Array.of(2, 1), 2).slice(4)).toEqual(adam.theta)
  })

  it("rejects bad hyperparameters naming the field", () => {
    const E = bilinear()
    expect(() => new FullBatchAdam(E, { h: 0.1, beta: 1, rho: 0.9, epsilon: 1e-8 }, Float64Array.of(1, 1))).toThrow(/beta: expected a number in \[0, 1\), got 1/)
    expect(() => new FullBatchAdam(E, { h: 0.1, beta: 0.9, rho: 0.9, epsilon: 0 }, Float64Array.of(1, 1))).toThrow(/epsilon/)
    expect(() => solveAdamFlow(E, { h: 0.1, beta: 0.9, rho: 0.9, epsilon: 1e-8 }, Float64Array.of(1), [0, 1], { kind: "plain" })).toThrow(/theta0/)
    const noHessian: Objective = { dim: 2, value: E.value, gradient: E.gradient }
    expect(() => adamCorrection(noHessian, { h: 0.1, beta: 0.9, rho: 0.9, epsilon: 1e-8 }, Float64Array.of(1, 1), new Float64Array(2))).toThrow(ConfigError)
  })
})

describe("the correction term", () => {
  const E = bilinear()
  const N = (th: Float64Array, eps: number) => perturbedOneNorm(E, th, eps)

  it("∇‖∇E‖_{1,ε} matches finite differences of the norm, and the Hessian route matches the Hessian-vector one", () => {
    const viaHessian: Objective = { dim: 2, value: E.value, gradient: E.gradient, hessian: E.hessian }
    fc.assert(fc.property(coord, coord, fc.constantFrom(1e-6, 1e-2, 1), (a, b, eps) => {
      const th = Float64Array.of(a, b)
      const w = new Float64Array(2), w2 = new Float64Array(2)
      perturbedOneNormGradient(E, th, eps, w)
      perturbedOneNormGradient(viaHessian, th, eps, w2)
      const d = 1e-6
      for (let j = 0; j < 2; j++) {
        const up = Float64Array.from(th), dn = Float64Array.from(th)
        up[j] += d
        dn[j] -= d
        const fd = (N(up, eps) - N(dn, eps)) / (2 * d)
        expect(Math.abs(w[j] - fd)).toBeLessThan(1e-5 * (1 + Math.abs(fd)))
        expect(w2[j]).toBeCloseTo(w[j], 10)
      }
    }), { numRuns: 200 })
  })

  // The claim, stated as tested: at points where every (∂_j E)² ≥ 100 ε, moving along the correction
  // f₁ raises ‖∇E‖_{1,ε} when ρ > β (anti-penalised) and lowers it when β > ρ (penalised); the rate is
  // the directional derivative of the norm along f₁, taken by finite differences of the norm itself.
  // When ε dominates every (∂_j E)², the correction lowers the norm whatever β and ρ.
  const rateAlongCorrection = (th: Float64Array, p: AdamHyper) => {
    const f1 = new Float64Array(2)
    adamCorrection(E, p, th, f1)
    const scale = 1e-6 / Math.max(1e-300, Math.hypot(f1[0], f1[1]))
    const up = Float64Array.of(th[0] + scale * f1[0], th[1] + scale * f1[1])
    const dn = Float64Array.of(th[0] - scale * f1[0], th[1] - scale * f1[1])
    return (N(up, p.epsilon) - N(dn, p.epsilon)) / (2 * scale)
  }
  const awayFromZeroGradient = (a: number, b: number, eps: number) => {
    const g = new Float64Array(2)
    E.gradient(Float64Array.of(a, b), g)
    return g[0] * g[0] >= 100 * eps && g[1] * g[1] >= 100 * eps && Math.abs(g[0]) + Math.abs(g[1]) > 1e-2
  }

  it("small ε: ρ > β anti-penalises ‖∇E‖_{1,ε}, β > ρ penalises it", () => {
    const pairs = fc.constantFrom([0.9, 0.999], [0.9, 0.99], [0.5, 0.7], [0, 0.5], [0.99, 0.9], [0.7, 0.5], [0.5, 0])
    fc.assert(fc.property(coord, coord, pairs, fc.constantFrom(1e-8, 1e-6), (a, b, [beta, rho], eps) => {
      fc.pre(awayFromZeroGradient(a, b, eps))
      const rate = rateAlongCorrection(Float64Array.of(a, b), { h: 0.01, beta, rho, epsilon: eps })
      if (rho > beta) expect(rate).toBeGreaterThan(0)
      else expect(rate).toBeLessThan(0)
    }), { numRuns: 400 })
  })

  it("large ε: the correction penalises the norm for every β and ρ (the squared two-norm regime)", () => {
    fc.assert(fc.property(coord, coord, fc.constantFrom([0.9, 0.999], [0.5, 0.9], [0.9, 0.5]), (a, b, [beta, rho]) => {
      const g = new Float64Array(2)
      E.gradient(Float64Array.of(a, b), g)
      fc.pre(Math.hypot(g[0], g[1]) > 1e-3)
      const eps = 1e4 * Math.max(g[0] * g[0], g[1] * g[1])
      expect(rateAlongCorrection(Float64Array.of(a, b), { h: 0.01, beta, rho, epsilon: eps })).toBeLessThan(0)
    }), { numRuns: 200 })
  })

  it("discrete Adam's ‖∇E‖_{1,ε} stays above the plain flow's when ρ > β and below when β > ρ", () => {
    const h = 0.002, eps = 1e-8, steps = 200
    const th0 = Float64Array.of(2, 1)
    const times = Array.from({ length: steps + 1 }, (_, k) => k * h)
    for (const [beta, rho, sign] of [[0.5, 0.9, 1], [0.8, 0.9, 1], [0.9, 0.99, 1], [0.9, 0.5, -1], [0.95, 0.8, -1]]) {
      const p = { h, beta, rho, epsilon: eps }
      const iterates = adamIterates(E, p, th0, steps)
      const plain = solveAdamFlow(E, p, th0, times, { kind: "plain", rtol: 1e-12, atol: 1e-14 })
      for (let k = 10; k <= steps; k++) {
        const diff = N(iterates.subarray(2 * k, 2 * k + 2), eps) - N(plain.states.subarray(2 * k, 2 * k + 2), eps)
        expect(sign * diff).toBeGreaterThan(0)
      }
    }
  })
})

describe("the order test: Adam's iterates against the plain and the modified flow", () => {
  // Bilinear model from (2, 1), ε = 1e-6, window kh ∈ [0.1, 0.4]: the gradient stays far above √ε
  // (sign-like regime) and the iterates stay well away from the minimiser hyperbola.
  const E = bilinear()
  const th0 = Float64Array.of(2, 1)
  const T = 0.4, t0 = 0.1, eps = 1e-6
  const hs = [5e-4, 2.5e-4, 1.25e-4]
  const tol = { rtol: 1e-12, atol: 1e-14 }
  const gaps = (beta: number, rho: number, kind: "plain" | "modified", memory: "piecewise" | "stationary" = "piecewise") =>
    hs.map((h) => trajectoryGap(E, { h, beta, rho, epsilon: eps }, th0, { kind, memory, steps: Math.round(T / h), fromStep: Math.round(t0 / h), ...tol }))
  const orders = (g: number[]) => g.slice(1).map((x, i) => log2(g[i] / x))

  for (const [beta, rho] of [[0.5, 0.7], [0.9, 0.95], [0.95, 0.9]]) {
    it(`β = ${beta}, ρ = ${rho}: halving h halves the plain gap and quarters the modified gap`, () => {
      const plain = gaps(beta, rho, "plain")
      const modified = gaps(beta, rho, "modified")
      for (const o of orders(plain)) expect(Math.abs(o - 1)).toBeLessThan(0.3)
      for (const o of orders(modified)) expect(Math.abs(o - 2)).toBeLessThan(0.3)
      modified.forEach((m, i) => expect(m).toBeLessThan(plain[i] / 20))
    })
  }

  it("ε comparable to (∂_j E)² (the ε/s³ part of the correction matters): orders 1 and 2 still", () => {
    const at = (kind: "plain" | "modified") =>
      hs.map((h) => trajectoryGap(E, { h, beta: 0.9, rho: 0.95, epsilon: 1 }, th0, { kind, steps: Math.round(T / h), fromStep: Math.round(t0 / h), ...tol }))
    for (const o of orders(at("plain"))) expect(Math.abs(o - 1)).toBeLessThan(0.3)
    for (const o of orders(at("modified"))) expect(Math.abs(o - 2)).toBeLessThan(0.3)
  })

  it("after a fixed number of steps the piecewise flow is O(h³) off (exact bias-correction lags), the stationary form O(h²)", () => {
    // Local errors add up over five steps only: O(h³) each if the flow matches step n's lags exactly.
    const few = (kind: "plain" | "modified", memory: "piecewise" | "stationary", epsilon: number) =>
      [0.01, 0.005, 0.0025].map((h) => trajectoryGap(E, { h, beta: 0.9, rho: 0.95, epsilon }, th0, { kind, memory, steps: 5, rtol: 1e-13, atol: 1e-15 }))
    for (const epsilon of [1e-6, 1, 25]) {
      for (const o of orders(few("modified", "piecewise", epsilon))) expect(Math.abs(o - 3)).toBeLessThan(0.3)
      for (const o of orders(few("modified", "stationary", epsilon))) expect(Math.abs(o - 2)).toBeLessThan(0.3)
      for (const o of orders(few("plain", "piecewise", epsilon))) expect(Math.abs(o - 2)).toBeLessThan(0.3)
    }
  })

  it("the stationary-memory form is second order too", () => {
    for (const o of orders(gaps(0.9, 0.95, "modified", "stationary"))) expect(Math.abs(o - 2)).toBeLessThan(0.3)
  })

  it("the integrator's error is far below the smallest gap", () => {
    const h = hs[hs.length - 1]
    const p = { h, beta: 0.9, rho: 0.95, epsilon: eps }
    const times = Array.from({ length: Math.round(T / h) + 1 }, (_, k) => k * h)
    const tight = solveAdamFlow(E, p, th0, times, { kind: "modified", ...tol })
    const loose = solveAdamFlow(E, p, th0, times, { kind: "modified", rtol: 1e-10, atol: 1e-12 })
    let diff = 0
    for (let i = 0; i < tight.states.length; i++) diff = Math.max(diff, Math.abs(tight.states[i] - loose.states[i]))
    const smallest = gaps(0.9, 0.95, "modified")[2]
    expect(diff).toBeLessThan(1e-4 * smallest)
  })
})
