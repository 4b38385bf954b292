// FTRL, Online Newton Step and Exponentiated Gradient against independent plain implementations and
// the worked examples of docs/reference/online-learning.md, plus their regret bounds on runs.
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { createAdversary } from "../../src/core/adversary/index.ts"
import { createDomain } from "../../src/core/domain/index.ts"
import { metricProject, metricScratch } from "../../src/core/domain/metric-projection.ts"
import { playGame } from "../../src/core/game/game.ts"
import { onsParameters, type OnsConfig } from "../../src/core/learner/ons.ts"
import { createLearner } from "../../src/core/learner/registry.ts"
import { resolveLearner, type LearnerSpec } from "../../src/core/learner/resolve.ts"
import { createRandomSource } from "../../src/core/rng.ts"
import { boundsFor } from "../../src/core/theory/index.ts"
import type { DomainConfig } from "../../src/core/types.ts"
import { ballReference, boxReference, simplexReference } from "../reference/projections.ts"

const trace = (spec: LearnerSpec, domainConfig: DomainConfig, start: number[], grads: number[][]): number[][] => {
  const domain = createDomain(domainConfig)
  const l = createLearner(resolveLearner(spec).config, domain)
  l.reset(Float64Array.from(start))
  const xs = [Array.from(l.x)]
  grads.forEach((g, k) => {
    expect(l.update(k + 1, Float64Array.from(g))).toBe(true)
    xs.push(Array.from(l.x))
  })
  return xs
}

const close = (a: number[][], b: number[][], tol = 1e-10) =>
  a.forEach((x, k) => x.forEach((v, i) => expect(Math.abs(v - b[k][i]), `x_${k + 1}[${i}]`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b[k][i])))))

const interval: DomainConfig = { kind: "box", lower: [-1], upper: [1] }

describe("FTRL (lazy projection)", () => {
  it("the worked example: on [−1, 1] with η = 1 and g = (2, −1, −1, −1) lazy plays 0, −1, −1, 0, 1; greedy 0, −1, 0, 1, 1", () => {
    const g = [[2], [-1], [-1], [-1]]
    expect(trace({ kind: "ftrl", alpha: 1, stepSchedule: { kind: "constant" } }, interval, [0], g)).toEqual([[0], [-1], [-1], [0], [1]])
    expect(trace({ kind: "ogd", alpha: 1, stepSchedule: { kind: "constant" } }, interval, [0], g)).toEqual([[0], [-1], [0], [1], [1]])
  })

  it("the worked example on the 2-simplex: lazy returns to (½, ½), greedy stays at (1, 0)", () => {
    const g = [[2, 0], [-2, 0]]
    close(trace({ kind: "ftrl", alpha: 1, stepSchedule: { kind: "constant" } }, { kind: "simplex", dim: 2 }, [0.5, 0.5], g).slice(2), [[0.5, 0.5]])
    close(trace({ kind: "ogd", alpha: 1, stepSchedule: { kind: "constant" } }, { kind: "simplex", dim: 2 }, [0.5, 0.5], g).slice(2), [[1, 0]])
  })

  it("equals x_{t+1} = Π_F(x_1 − η_t Σg) by the bisection projections, on box, ball and simplex", () => {
    fc.assert(fc.property(fc.constantFrom(2, 4), fc.integer({ min: 0, max: 2 }), fc.array(fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 30 }), (d, which, gs) => {
      const grads = gs.map((g) => g.slice(0, d))
      const lower = Array(d).fill(-1), upper = Array(d).fill(2), center = Array(d).fill(0.3)
      const configs: [DomainConfig, (y: Float64Array) => Float64Array][] = [
        [{ kind: "box", lower, upper }, (y) => boxReference(lower, upper, y)],
        [{ kind: "ball", center, radius: 1 }, (y) => ballReference(center, 1, y, new Float64Array(d).fill(1))],
        [{ kind: "simplex", dim: d }, (y) => simplexReference(y)]
      ]
      const [config, project] = configs[which]
      const x1 = Array.from(createDomain(config).center)
      const theta = new Float64Array(d)
      const expected = [x1, ...grads.map((g, k) => {
        g.forEach((gi, i) => (theta[i] += gi))
        return Array.from(project(Float64Array.from(x1, (v, i) => v - (0.7 / Math.sqrt(k + 1)) * theta[i])))
      })]
      close(trace({ kind: "ftrl", alpha: 0.7 }, config, x1, grads), expected, 1e-9)
    }), { numRuns: 60 })
  })
})

describe("Exponentiated Gradient", () => {
  it("with a constant η equals the multiplicative update x_{t+1,i} ∝ x_{t,i} exp(−η g_{t,i})", () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 8 }), fc.array(fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 8, maxLength: 8 }), { minLength: 1, maxLength: 40 }), fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 8, maxLength: 8 }), (d, gs, prior) => {
      const grads = gs.map((g) => g.slice(0, d))
      const total = prior.slice(0, d).reduce((a, b) => a + b, 0)
      const x1 = prior.slice(0, d).map((p) => p / total)
      const expected = [x1]
      let x = x1
      for (const g of grads) {
        const w = x.map((xi, i) => xi * Math.exp(-0.4 * g[i]))
        const s = w.reduce((a, b) => a + b, 0)
        expected.push((x = w.map((wi) => wi / s)))
      }
      close(trace({ kind: "eg", alpha: 0.4, stepSchedule: { kind: "constant" } }, { kind: "simplex", dim: d }, x1, grads), expected, 1e-9)
    }), { numRuns: 60 })
  })

  it("with η_t = α/√t is the lazy form x_{t+1,i} ∝ x_{1,i} exp(−η_t Σ_s g_{s,i})", () => {
    const grads = Array.from({ length: 50 }, (_, t) => [Math.sin(t), Math.cos(3 * t), 0.5, -Math.sin(2 * t)])
    const x1 = [0.1, 0.2, 0.3, 0.4]
    const theta = [0, 0, 0, 0]
    const expected = [x1, ...grads.map((g, k) => {
      g.forEach((gi, i) => (theta[i] += gi))
      const w = x1.map((p, i) => p * Math.exp(-(1.3 / Math.sqrt(k + 1)) * theta[i]))
      const s = w.reduce((a, b) => a + b, 0)
      return w.map((wi) => wi / s)
    })]
    close(trace({ kind: "eg", alpha: 1.3 }, { kind: "simplex", dim: 4 }, x1, grads), expected, 1e-12)
  })

  it("plays on the simplex only, from a start inside it", () => {
    expect(() => createLearner(resolveLearner({ kind: "eg" }).config, createDomain(interval)).update(1, Float64Array.of(1))).not.toThrow()
    const s = resolveLearner({ kind: "eg" })
    expect(s.config.kind).toBe("eg")
  })
})

describe("Online Newton Step", () => {
  it("in 1-D is x_{t+1} = clip(x_t − g_t/(γ(ε + Σ g²)))", () => {
    const c = resolveLearner({ kind: "ons", expConcavity: 0.5, gradientBound: 2 }).config as OnsConfig
    const { gamma, eps } = onsParameters(c, 2)
    const grads = [[1.5], [-2], [0.3], [1.9], [-0.7], [2], [2], [-1.1]]
    let x = 0.2, s = eps
    const expected = [[x], ...grads.map(([g]) => {
      s += g * g
      return [(x = Math.min(1, Math.max(-1, x - g / (gamma * s))))]
    })]
    close(trace({ kind: "ons", expConcavity: 0.5, gradientBound: 2 }, interval, [0.2], grads), expected, 1e-12)
  })

  it("A_t⁻¹ by Sherman–Morrison equals the inverse of εI + Σ ∇∇ᵀ", () => {
    const domain = createDomain({ kind: "ball", center: [0, 0, 0], radius: 100 })
    const l = createLearner(resolveLearner({ kind: "ons", expConcavity: 0.5, gradientBound: 2 }).config, domain)
    l.reset(new Float64Array(3))
    for (let t = 1; t <= 40; t++) l.update(t, Float64Array.of(Math.sin(t), Math.cos(2 * t), 0.3 * t % 1))
    const { A, Ainv } = l.snapshot() as { A: number[]; Ainv: number[] }
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) {
      let p = 0
      for (let k = 0; k < 3; k++) p += A[i * 3 + k] * Ainv[k * 3 + j]
      expect(p).toBeCloseTo(i === j ? 1 : 0, 10)
    }
  })

  it("the projection in the A-metric meets its optimality condition ⟨A(x − y), u − x⟩ ≥ 0 on box, ball and simplex", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 }), fc.array(fc.double({ min: -4, max: 4, noNaN: true }), { minLength: 3, maxLength: 3 }), fc.array(fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 }), (which, y, vs) => {
      const domain = createDomain([{ kind: "box", lower: [-1, -1, -1], upper: [1, 1, 1] }, { kind: "ball", center: [0, 0, 0], radius: 1 }, { kind: "simplex", dim: 3 }][which])
      const A = new Float64Array(9)
      for (let i = 0; i < 3; i++) A[i * 4] = 0.5
      for (const v of vs) for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) A[i * 3 + j] += v[i] * v[j]
      const x = new Float64Array(3)
      metricProject(domain, A, 0.5, Float64Array.from(y), x, metricScratch(3))
      expect(domain.contains(x)).toBe(true)
      const r = [0, 1, 2].map((i) => [0, 1, 2].reduce((s, j) => s + A[i * 3 + j] * (x[j] - y[j]), 0))
      for (let k = 0; k < 50; k++) {
        const u = new Float64Array(3)
        domain.project(Float64Array.of(Math.sin(7 * k), Math.cos(3 * k), Math.sin(k * k)), u)
        const inner = r.reduce((s, ri, i) => s + ri * (u[i] - x[i]), 0)
        expect(inner).toBeGreaterThanOrEqual(-1e-9 * (1 + Math.hypot(...r)))
      }
    }), { numRuns: 80 })
  })
})

describe("regret bounds of the new learners hold on runs where their assumptions do", () => {
  const check = (spec: LearnerSpec, domainConfig: DomainConfig, adversary: Record<string, unknown> & { kind: string }, start: number[], T: number) => {
    const domain = createDomain(domainConfig)
    const config = resolveLearner(spec).config
    const run = playGame({ domain, adversary: createAdversary(adversary, domain.dim), learner: createLearner(config, domain), horizon: T, start: Float64Array.from(start), random: createRandomSource(3), checkpoints: [10, 100, 1000, T] })
    const theorem = boundsFor(config, domainConfig)[0]
    expect(theorem, spec.kind).toBeDefined()
    for (const row of run.rows) {
      const inputs = { t: row.t, normSum: row.gradNormSum, gInf: row.gradMaxInf, g2: row.gradMax2, dInf: domain.diameterInf, d2: domain.diameter2, dim: domain.dim, start, lossFamily: domain.dim > 0 ? (adversary.kind === "logistic-stream" ? "logistic" : "linear") : "" }
      expect(theorem.requires?.(config, inputs)).toBeUndefined()
      expect(row.regret).toBeLessThanOrEqual(theorem.bound(config, inputs) * (1 + 1e-12))
    }
  }
  it("FTRL on the switching sequence of the lazy-vs-greedy scenario and on a stochastic one", () => {
    check({ kind: "ftrl", alpha: 1 }, { kind: "ball", center: [0, 0], radius: 1 }, { kind: "switching", at: [2001], parts: [{ kind: "scripted", gradients: [[1, 0.2]] }, { kind: "scripted", gradients: [[-1, 0.2]] }] }, [0, 0], 4000)
    check({ kind: "ftrl", alpha: 0.2, stepSchedule: { kind: "constant" } }, { kind: "simplex", dim: 5 }, { kind: "gaussian-linear", mean: [0.5, 0.4, 0.6, 0.5, 0.5] }, [0.2, 0.2, 0.2, 0.2, 0.2], 3000)
  })
  it("EG against Hedge's bound on the 20-simplex", () => {
    check({ kind: "eg", alpha: 1 }, { kind: "simplex", dim: 20 }, { kind: "gaussian-linear", mean: 0.5, sd: 0.5 }, Array(20).fill(0.05), 5000)
  })
  it("ONS on exp-concave logistic losses with features on the unit sphere", () => {
    check({ kind: "ons", expConcavity: Math.exp(-1), gradientBound: 1 }, { kind: "ball", center: [0, 0], radius: 1 }, { kind: "logistic-stream", features: "sphere", signal: 2 }, [0, 0], 5000)
  })
})
