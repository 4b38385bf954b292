// Full-batch least squares with an optional L2 penalty, E(w) = ½‖Xw − y‖² + (λ/2)‖w‖², on a seeded
// training set, with a held-out test set for the generalization metrics. Its minimisers are known in
// closed form: for λ > 0 the unique w* = (XᵀX + λI)⁻¹Xᵀy (strongly convex); for λ = 0 with
// independent columns the least-squares solution; for λ = 0 with more features than points (and
// independent rows) every interpolant Xw = y is a minimiser, a whole affine set, of which the
// minimum-norm one w† = Xᵀ(XXᵀ)⁻¹y is the canonical one.
import { ConfigError } from "../config/error.ts"
import { choleskyFactor, choleskySubstitute } from "../loss/cholesky.ts"
import type { MetricInfo } from "../types.ts"
import type { DataSet, TrainTest } from "./datasets.ts"
import type { FullBatchObjective } from "./objective.ts"

/** A named point the metrics measure the distance to (the metric is called `name`). */
export interface ReferencePoint {
  readonly name: string
  readonly title: string
  readonly point: Float64Array
}

/** Xv into out (length n) for row-major X (n × d). */
const times = (X: Float64Array, n: number, d: number, v: ArrayLike<number>, out: Float64Array): void => {
  for (let i = 0, o = 0; i < n; i++, o += d) {
    let s = 0
    for (let j = 0; j < d; j++) s += X[o + j] * v[j]
    out[i] = s
  }
}

/** Xᵀr into out (length d). */
const timesTransposed = (X: Float64Array, n: number, d: number, r: ArrayLike<number>, out: Float64Array): void => {
  out.fill(0)
  for (let i = 0, o = 0; i < n; i++, o += d) {
    const ri = r[i]
    if (ri !== 0) for (let j = 0; j < d; j++) out[j] += X[o + j] * ri
  }
}

/** The factor of G = XᵀX + λI (d × d) or XXᵀ + λI (n × n), whichever `side` says. */
const gramFactor = (X: Float64Array, n: number, d: number, penalty: number, side: "features" | "points"): Float64Array | undefined => {
  const m = side === "features" ? d : n
  const G = new Float64Array(m * m)
  if (side === "features") {
    for (let i = 0, o = 0; i < n; i++, o += d) for (let a = 0; a < d; a++) {
      const xa = X[o + a]
      if (xa !== 0) for (let b = 0; b <= a; b++) G[a * d + b] += xa * X[o + b]
    }
  } else {
    for (let a = 0; a < n; a++) for (let b = 0; b <= a; b++) {
      let s = 0
      for (let j = 0; j < d; j++) s += X[a * d + j] * X[b * d + j]
      G[a * n + b] = s
    }
  }
  for (let a = 0; a < m; a++) G[a * m + a] += penalty
  return choleskyFactor(G, m) ? G : undefined
}

/**
 * The minimiser of ½‖Xw − y‖² + (λ/2)‖w‖² (λ ≥ 0): through the d × d system when d ≤ n, through
 * the n × n dual system w = Xᵀ(XXᵀ + λI)⁻¹y otherwise (for λ = 0 that is the minimum-norm
 * interpolant). Throws ConfigError when the system is singular (rank-deficient data with λ = 0).
 */
export const ridgeSolution = (data: DataSet, penalty: number): Float64Array => {
  const { X, y, n, dim: d } = data
  const side = d <= n ? "features" : "points"
  const L = gramFactor(X, n, d, penalty, side)
  if (L === undefined) throw new ConfigError("penalty", penalty, `a penalty > 0: the ${side === "features" ? "columns" : "rows"} of the ${n} × ${d} data matrix are not independent`)
  const w = new Float64Array(d)
  if (side === "features") {
    timesTransposed(X, n, d, y, w)
    choleskySubstitute(L, w, d)
  } else {
    const c = Float64Array.from(y)
    choleskySubstitute(L, c, n)
    timesTransposed(X, n, d, c, w)
  }
  return w
}

const squaredError = (data: DataSet, theta: Float64Array, r: Float64Array): number => {
  times(data.X, data.n, data.dim, theta, r)
  let s = 0
  for (let i = 0; i < data.n; i++) s += (r[i] - data.y[i]) ** 2
  return s
}

/** The metrics of a least-squares objective: train and test numbers, then distances to reference points. */
export const leastSquaresMetrics = (interpolating: boolean, references: readonly Omit<ReferencePoint, "point">[]): MetricInfo[] => [
  { name: "trainLoss", title: "training mean squared error (1/n)‖Xw − y‖²" },
  { name: "testLoss", title: "test mean squared error on the held-out set" },
  { name: "testError", title: "test error: share of held-out points with y·⟨x, w⟩ ≤ 0" },
  ...(interpolating ? [{ name: "distToMinNorm", title: "‖w − w†‖₂, distance to the minimum-norm interpolant w† = Xᵀ(XXᵀ)⁻¹y" }] : []),
  ...references.map((p) => ({ name: p.name, title: p.title }))
]

export class LeastSquaresObjective implements FullBatchObjective {
  readonly dim: number
  readonly minValue: number
  readonly metrics: readonly MetricInfo[]
  /** Whether the minimisers are the affine set of interpolants (λ = 0, more features than points). */
  readonly interpolating: boolean
  private readonly train: DataSet
  private readonly test: DataSet
  private readonly best: Float64Array
  private readonly dual: Float64Array | undefined
  private readonly r: Float64Array
  private readonly rTest: Float64Array

  constructor(data: TrainTest, readonly penalty: number, readonly references: readonly ReferencePoint[] = []) {
    this.train = data.train
    this.test = data.test
    const { n, dim: d } = data.train
    this.dim = d
    this.interpolating = penalty === 0 && d > n
    this.best = ridgeSolution(data.train, penalty)
    this.dual = this.interpolating ? gramFactor(data.train.X, n, d, 0, "points") : undefined
    this.r = new Float64Array(n)
    this.rTest = new Float64Array(data.test.n)
    this.minValue = this.interpolating ? 0 : this.value(this.best)
    this.metrics = leastSquaresMetrics(this.interpolating, references)
  }

  value(theta: Float64Array): number {
    let reg = 0
    if (this.penalty !== 0) for (let j = 0; j < this.dim; j++) reg += theta[j] * theta[j]
    return 0.5 * squaredError(this.train, theta, this.r) + 0.5 * this.penalty * reg
  }

  gradient(theta: Float64Array, out: Float64Array): void {
    const { X, y, n, dim: d } = this.train
    const r = this.r
    times(X, n, d, theta, r)
    for (let i = 0; i < n; i++) r[i] -= y[i]
    timesTransposed(X, n, d, r, out)
    if (this.penalty !== 0) for (let j = 0; j < d; j++) out[j] += this.penalty * theta[j]
  }

  hessianVector(_theta: Float64Array, v: Float64Array, out: Float64Array): void {
    const { X, n, dim: d } = this.train
    times(X, n, d, v, this.r)
    timesTransposed(X, n, d, this.r, out)
    if (this.penalty !== 0) for (let j = 0; j < d; j++) out[j] += this.penalty * v[j]
  }

  /** The unique minimiser, or the minimum-norm interpolant when the minimisers are the interpolants. */
  minimiser(out: Float64Array): void {
    out.set(this.best)
  }

  distanceToMinimisers(theta: Float64Array): number {
    if (this.dual === undefined) return distance(theta, this.best)
    // Projection onto {Xw = y}: w − Xᵀ(XXᵀ)⁻¹(Xw − y); the distance is the norm of the correction.
    const { X, y, n, dim: d } = this.train
    const c = new Float64Array(n)
    times(X, n, d, theta, c)
    for (let i = 0; i < n; i++) c[i] -= y[i]
    choleskySubstitute(this.dual, c, n)
    const step = new Float64Array(d)
    timesTransposed(X, n, d, c, step)
    return Math.hypot(...step)
  }

  measure(theta: Float64Array, out: Record<string, number>): void {
    out.trainLoss = squaredError(this.train, theta, this.r) / this.train.n
    const test = this.test
    times(test.X, test.n, test.dim, theta, this.rTest)
    let se = 0, wrong = 0
    for (let i = 0; i < test.n; i++) {
      se += (this.rTest[i] - test.y[i]) ** 2
      if (this.rTest[i] * test.y[i] <= 0) wrong++
    }
    out.testLoss = test.n > 0 ? se / test.n : NaN
    out.testError = test.n > 0 ? wrong / test.n : NaN
    if (this.interpolating) out.distToMinNorm = distance(theta, this.best)
    for (const p of this.references) out[p.name] = distance(theta, p.point)
  }
}

const distance = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let s = 0
  for (let j = 0; j < a.length; j++) s += (a[j] - b[j]) ** 2
  return Math.sqrt(s)
}
