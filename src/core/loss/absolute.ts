// Absolute losses f(x) = |⟨w, x⟩ − b| (robust regression, ℓ1 tracking). Nonsmooth at the kink,
// where the subgradient we report is 0 (a valid choice in [−w, w]).
import type { Loss, LossFamily } from "../types.ts"
import { expectLoss, vectorOf } from "./check.ts"
import { CompositeStats, type CompositeOptions } from "./composite.ts"
import type { ScalarTerm } from "./term.ts"

export class AbsoluteLoss implements Loss {
  readonly family = "absolute" as const
  readonly dim: number
  readonly w: Float64Array
  b: number

  constructor(dim: number, w?: ArrayLike<number>, b = 0) {
    this.dim = dim
    this.w = vectorOf(dim, w, "w")
    this.b = b
  }

  private residual(x: Float64Array): number {
    const w = this.w
    let z = 0
    for (let i = 0; i < this.dim; i++) z += w[i] * x[i]
    return z - this.b
  }

  value(x: Float64Array): number {
    return Math.abs(this.residual(x))
  }

  gradient(x: Float64Array, out: Float64Array): void {
    const u = this.residual(x)
    const s = u > 0 ? 1 : u < 0 ? -1 : 0
    const w = this.w
    for (let i = 0; i < this.dim; i++) out[i] = s * w[i]
  }

  copyTo(target: Loss): void {
    const t = expectLoss(target, AbsoluteLoss, this.dim)
    t.w.set(this.w)
    t.b = this.b
  }
}

/** φ(z; b) = |z − b|, smoothed by the Huber function of width μ. */
export const absoluteTerm: ScalarTerm = {
  smooth: false,
  value: (z, b) => Math.abs(z - b),
  smoothedValue: (z, b, mu) => {
    const u = Math.abs(z - b)
    return u <= mu ? (u * u) / (2 * mu) : u - 0.5 * mu
  },
  slope: (z, b, mu) => {
    const u = z - b
    return u >= mu ? 1 : u <= -mu ? -1 : u / mu
  },
  maxCurvature: (_b, mu) => 1 / mu,
  curvature: (z, b, mu) => (Math.abs(z - b) < mu ? 1 / mu : 0),
  // φ*(σ) = σb on [−1, 1], so ε = |u| − σu with u = z − b.
  youngGap: (z, b, mu) => {
    const u = z - b
    const a = Math.abs(u)
    return a >= mu ? 0 : a - (u * u) / mu
  },
  piecewise: { kink: (b) => b, leftSlope: () => -1, rightSlope: () => 1 }
}

export class AbsoluteStats extends CompositeStats {
  constructor(dim: number, options?: CompositeOptions) {
    super(dim, absoluteTerm, options)
  }

  add(loss: Loss): void {
    const l = expectLoss(loss, AbsoluteLoss, this.dim)
    this.rows.push(l.w, l.b)
  }
}

export const absoluteFamily: LossFamily = {
  name: "absolute",
  createStats: (dim) => new AbsoluteStats(dim)
}
