// Online Newton Step (Hazan, Agarwal & Kale 2007): a second-order method for exp-concave losses with
// O(d log T) regret. A_t = εI + Σ_{s≤t} ∇_s∇_sᵀ, x_{t+1} = Π_F^{A_t}(x_t − (1/γ) A_t⁻¹ ∇_t), with
// γ = ½ min(1/(4GD), α) and ε = 1/(γ²D²) from the losses' exp-concavity α, the gradient bound G and
// the domain's ℓ2 diameter D (docs/reference/online-learning.md §3). A_t⁻¹ is kept by
// Sherman–Morrison, O(d²) per round; the projection is in the A_t metric.
import type { Fields, ValuesOf } from "../config/fields.ts"
import { fmt } from "../config/show.ts"
import { metricProject, metricScratch, type MetricScratch } from "../domain/metric-projection.ts"
import type { Domain } from "../types.ts"
import type { Learner, LearnerFailure, LearnerKind } from "./learner.ts"

export const onsFields = {
  expConcavity: { type: "number", doc: "α: the losses are α-exp-concave on the domain (sets γ and ε as the theorem does).", min: 0, max: Infinity, minOpen: true, maxOpen: true },
  gradientBound: { type: "number", doc: "G: a bound on ‖∇f_t‖₂ over the domain (sets γ and ε as the theorem does).", min: 0, max: Infinity, minOpen: true, maxOpen: true },
  gamma: { type: "number", doc: "γ, overriding ½·min(1/(4GD), α).", min: 0, max: Infinity, minOpen: true, maxOpen: true, optional: true },
  eps: { type: "number", doc: "ε of A_0 = εI, overriding 1/(γ²D²).", min: 0, max: Infinity, minOpen: true, maxOpen: true, optional: true }
} as const satisfies Fields

export type OnsConfig = { readonly kind: "ons"; readonly preset: string } & ValuesOf<typeof onsFields>

/** γ and ε as the theorem sets them from α, G and D (or as the config overrides them). */
export const onsParameters = (c: OnsConfig, diameter: number): { readonly gamma: number; readonly eps: number } => {
  const gamma = c.gamma ?? 0.5 * Math.min(1 / (4 * c.gradientBound * diameter), c.expConcavity)
  return { gamma, eps: c.eps ?? 1 / (gamma * gamma * diameter * diameter) }
}

export class OnsLearner implements Learner {
  readonly dim: number
  readonly x: Float64Array
  failure: LearnerFailure | undefined = undefined
  readonly gamma: number
  readonly eps: number
  /** A_t and A_t⁻¹, row-major d×d. */
  private readonly A: Float64Array
  private readonly Ainv: Float64Array
  private readonly u: Float64Array
  private readonly y: Float64Array
  private readonly scratch: MetricScratch

  constructor(readonly config: OnsConfig, private readonly domain: Domain) {
    const d = (this.dim = domain.dim)
    ;({ gamma: this.gamma, eps: this.eps } = onsParameters(config, domain.diameter2 > 0 ? domain.diameter2 : 1))
    this.x = new Float64Array(d)
    this.A = new Float64Array(d * d)
    this.Ainv = new Float64Array(d * d)
    this.u = new Float64Array(d)
    this.y = new Float64Array(d)
    this.scratch = metricScratch(d)
  }

  reset(start: Float64Array): void {
    const d = this.dim
    this.x.set(start)
    this.A.fill(0)
    this.Ainv.fill(0)
    for (let i = 0; i < d; i++) {
      this.A[i * d + i] = this.eps
      this.Ainv[i * d + i] = 1 / this.eps
    }
    this.failure = undefined
  }

  update(_t: number, g: Float64Array): boolean {
    const d = this.dim, A = this.A, Ainv = this.Ainv, u = this.u, y = this.y, x = this.x
    for (let i = 0; i < d; i++) {
      if (!Number.isFinite(g[i])) {
        this.failure = { what: "gradient", value: g[i] }
        return false
      }
    }
    // u = A_{t−1}⁻¹ g, q = gᵀu; A_t⁻¹ = A_{t−1}⁻¹ − u uᵀ/(1 + q), so A_t⁻¹ g = u/(1 + q).
    let q = 0
    for (let i = 0; i < d; i++) {
      let r = 0
      for (let j = 0; j < d; j++) r += Ainv[i * d + j] * g[j]
      u[i] = r
      q += g[i] * r
    }
    const k = 1 / (1 + q)
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < d; j++) {
        Ainv[i * d + j] -= u[i] * u[j] * k
        A[i * d + j] += g[i] * g[j]
      }
      y[i] = x[i] - (u[i] * k) / this.gamma
    }
    metricProject(this.domain, A, this.eps, y, x, this.scratch)
    for (let i = 0; i < d; i++) {
      if (!Number.isFinite(x[i])) {
        this.failure = { what: "iterate", value: x[i] }
        return false
      }
    }
    return true
  }

  snapshot() {
    return { A: Array.from(this.A), Ainv: Array.from(this.Ainv) }
  }
}

export const onsKind: LearnerKind<OnsConfig> = {
  kind: "ons",
  family: "ons",
  title: "Online Newton Step (exp-concave losses, O(d log T) regret)",
  citation: "Hazan, Agarwal & Kale 2007; Hazan, Introduction to Online Convex Optimization, Ch. 4",
  fields: onsFields,
  presets: { paper: { preset: "paper", expConcavity: 1, gradientBound: 1 } },
  examples: { valid: [{ expConcavity: 0.05, gradientBound: 10 }, { expConcavity: 0.2, gradientBound: 5, gamma: 0.05 }] },
  describe: (c) => [`α=${fmt(c.expConcavity)}`, `G=${fmt(c.gradientBound)}`, ...(c.gamma !== undefined ? [`γ=${fmt(c.gamma)}`] : []), ...(c.eps !== undefined ? [`ε=${fmt(c.eps)}`] : [])].join(", "),
  // A and its inverse, d×d each.
  stateDoubles: (d) => 2 * d * d,
  create: (config, domain) => new OnsLearner(config, domain)
}
