// Hinge losses f(x) = max(0, 1 − y⟨w, x⟩) with label y ∈ {−1, +1} (any real y keeps f convex).
// At the kink the reported subgradient is 0.
import type { Loss, LossFamily } from "../types.ts"
import { expectLoss, vectorOf } from "./check.ts"
import { CompositeStats, type CompositeOptions } from "./composite.ts"
import type { ScalarTerm } from "./term.ts"

export class HingeLoss implements Loss {
  readonly family = "hinge" as const
  readonly dim: number
  readonly w: Float64Array
  /** The label, −1 or +1. */
  y: number

  constructor(dim: number, w?: ArrayLike<number>, y = 1) {
    this.dim = dim
    this.w = vectorOf(dim, w, "w")
    this.y = y
  }

  /** 1 − y⟨w, x⟩, the hinge's argument. */
  private shortfall(x: Float64Array): number {
    const w = this.w
    let z = 0
    for (let i = 0; i < this.dim; i++) z += w[i] * x[i]
    return 1 - this.y * z
  }

  value(x: Float64Array): number {
    const t = this.shortfall(x)
    return t > 0 ? t : 0
  }

  gradient(x: Float64Array, out: Float64Array): void {
    const s = this.shortfall(x) > 0 ? -this.y : 0
    const w = this.w
    for (let i = 0; i < this.dim; i++) out[i] = s * w[i]
  }

  copyTo(target: Loss): void {
    const t = expectLoss(target, HingeLoss, this.dim)
    t.w.set(this.w)
    t.y = this.y
  }
}

/** φ(z; y) = max(0, t) with t = 1 − yz, smoothed by a one-sided Huber of width μ in t. */
export const hingeTerm: ScalarTerm = {
  smooth: false,
  value: (z, y) => {
    const t = 1 - y * z
    return t > 0 ? t : 0
  },
  smoothedValue: (z, y, mu) => {
    const t = 1 - y * z
    return t <= 0 ? 0 : t >= mu ? t - 0.5 * mu : (t * t) / (2 * mu)
  },
  slope: (z, y, mu) => {
    const t = 1 - y * z
    const q = t <= 0 ? 0 : t >= mu ? 1 : t / mu
    return -y * q
  },
  maxCurvature: (y, mu) => (y * y) / mu,
  curvature: (z, y, mu) => {
    const t = 1 - y * z
    return t > 0 && t < mu ? (y * y) / mu : 0
  },
  // With σ = −yq, q ∈ [0, 1]: φ*(σ) = −q, so ε = max(0, t) − qt. A zero label makes φ ≡ 1, σ = 0 exact.
  youngGap: (z, y, mu) => {
    if (y === 0) return 0
    const t = 1 - y * z
    return t <= 0 || t >= mu ? 0 : t - (t * t) / mu
  },
  piecewise: {
    kink: (y) => (y === 0 ? NaN : 1 / y),
    leftSlope: (y) => (y > 0 ? -y : 0),
    rightSlope: (y) => (y < 0 ? -y : 0)
  }
}

export class HingeStats extends CompositeStats {
  constructor(dim: number, options?: CompositeOptions) {
    super(dim, hingeTerm, options)
  }

  add(loss: Loss): void {
    const l = expectLoss(loss, HingeLoss, this.dim)
    this.rows.push(l.w, l.y)
  }
}

export const hingeFamily: LossFamily = {
  name: "hinge",
  createStats: (dim) => new HingeStats(dim)
}
