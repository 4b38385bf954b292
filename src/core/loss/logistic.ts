// Logistic losses f(x) = log(1 + exp(−y⟨w, x⟩)) with label y ∈ {−1, +1}. Evaluated as a softplus so
// margins of ±10^4 neither overflow exp nor lose the small tail.
import type { Loss, LossFamily } from "../types.ts"
import { expectLoss, vectorOf } from "./check.ts"
import { CompositeStats, type CompositeOptions } from "./composite.ts"
import type { ScalarTerm } from "./term.ts"

/** log(1 + e^t) without overflow, and accurate for very negative t. */
export const softplus = (t: number): number => (t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t)))

/** 1/(1 + e^{−t}) without overflow. */
export const sigmoid = (t: number): number => {
  if (t >= 0) return 1 / (1 + Math.exp(-t))
  const e = Math.exp(t)
  return e / (1 + e)
}

export class LogisticLoss implements Loss {
  readonly family = "logistic" as const
  readonly dim: number
  readonly w: Float64Array
  /** The label, −1 or +1. */
  y: number

  constructor(dim: number, w?: ArrayLike<number>, y = 1) {
    this.dim = dim
    this.w = vectorOf(dim, w, "w")
    this.y = y
  }

  /** The margin y⟨w, x⟩. */
  private margin(x: Float64Array): number {
    const w = this.w
    let z = 0
    for (let i = 0; i < this.dim; i++) z += w[i] * x[i]
    return this.y * z
  }

  value(x: Float64Array): number {
    return softplus(-this.margin(x))
  }

  gradient(x: Float64Array, out: Float64Array): void {
    const s = -this.y * sigmoid(-this.margin(x))
    const w = this.w
    for (let i = 0; i < this.dim; i++) out[i] = s * w[i]
  }

  copyTo(target: Loss): void {
    const t = expectLoss(target, LogisticLoss, this.dim)
    t.w.set(this.w)
    t.y = this.y
  }
}

/** φ(z; y) = softplus(−yz): already smooth, so the slope is exact and the Young gap is 0. */
export const logisticTerm: ScalarTerm = {
  smooth: true,
  value: (z, y) => softplus(-y * z),
  smoothedValue: (z, y) => softplus(-y * z),
  slope: (z, y) => -y * sigmoid(-y * z),
  maxCurvature: (y) => 0.25 * y * y,
  curvature: (z, y) => {
    const s = sigmoid(-y * z)
    return y * y * s * (1 - s)
  },
  youngGap: () => 0
}

export class LogisticStats extends CompositeStats {
  constructor(dim: number, options?: CompositeOptions) {
    super(dim, logisticTerm, options)
  }

  add(loss: Loss): void {
    const l = expectLoss(loss, LogisticLoss, this.dim)
    this.rows.push(l.w, l.y)
  }
}

export const logisticFamily: LossFamily = {
  name: "logistic",
  createStats: (dim) => new LogisticStats(dim)
}
