// The projection in the metric of a symmetric positive definite matrix A (d×d, row-major):
// Π_F^A(y) = argmin_{x∈F} (x − y)ᵀA(x − y), which Online Newton Step needs for every domain. It is a
// strongly convex quadratic over F, solved by accelerated projected gradient with the domain's own
// Euclidean projection: linear convergence at rate 1 − 1/√κ, κ = λ_max/λ_min ≤ (bound on λ_max)/μ
// (docs/reference/online-learning.md §3.6). A diagonal A on a box reduces to clipping.
import type { Domain } from "../types.ts"

/** Scratch for metricProject, allocated once per learner. */
export interface MetricScratch {
  readonly prev: Float64Array
  readonly z: Float64Array
  /** A plain projected-gradient step from the iterate, to test convergence. */
  readonly grad: Float64Array
}

export const metricScratch = (dim: number): MetricScratch => ({ prev: new Float64Array(dim), z: new Float64Array(dim), grad: new Float64Array(dim) })

/** Upper bound on λ_max of a symmetric PSD matrix: the smaller of its trace and its largest Gershgorin row sum. */
export const lambdaMaxBound = (A: Float64Array, d: number): number => {
  let trace = 0, rows = 0
  for (let i = 0; i < d; i++) {
    trace += A[i * d + i]
    let row = 0
    for (let j = 0; j < d; j++) row += Math.abs(A[i * d + j])
    if (row > rows) rows = row
  }
  return Math.min(trace, rows)
}

/**
 * out = Π_F^A(y). `mu` is a lower bound on A's smallest eigenvalue (ONS knows it: A ⪰ εI).
 * Returns the number of iterations used (0 when y is feasible or the projection is closed-form).
 */
export const metricProject = (domain: Domain, A: Float64Array, mu: number, y: Float64Array, out: Float64Array, s: MetricScratch, maxIterations = 20_000): number => {
  const d = domain.dim
  if (domain.contains(y, 0)) {
    out.set(y)
    return 0
  }
  if (d === 1 || (domain.box !== undefined && isDiagonal(A, d))) {
    domain.project(y, out) // a diagonal metric on a box: clipping, whatever the weights
    return 0
  }
  const L = lambdaMaxBound(A, d)
  const q = Math.sqrt(Math.max(1, L / mu))
  const momentum = (q - 1) / (q + 1)
  const { prev, z, grad } = s
  domain.project(y, out)
  z.set(out)
  for (let k = 1; k <= maxIterations; k++) {
    prev.set(out)
    gradientStep(A, d, z, y, L, out)
    domain.project(out, out)
    let change = 0, size = 1
    for (let i = 0; i < d; i++) {
      const step = out[i] - prev[i]
      change = Math.max(change, Math.abs(step))
      size = Math.max(size, Math.abs(out[i]))
      z[i] = out[i] + momentum * step
    }
    if (change > 1e-15 * size) continue
    // Momentum can land two iterates on one point short of the optimum: stop only when a plain
    // projected-gradient step from the iterate itself no longer moves it; otherwise restart.
    gradientStep(A, d, out, y, L, grad)
    domain.project(grad, grad)
    let residual = 0
    for (let i = 0; i < d; i++) residual = Math.max(residual, Math.abs(grad[i] - out[i]))
    if (!(residual > 1e-15 * size)) return k
    z.set(out)
  }
  return maxIterations
}

/** out = x − A(x − y)/L: a gradient step on ½(x − y)ᵀA(x − y). */
const gradientStep = (A: Float64Array, d: number, x: Float64Array, y: Float64Array, L: number, out: Float64Array): void => {
  for (let i = 0; i < d; i++) {
    let r = 0
    for (let j = 0; j < d; j++) r += A[i * d + j] * (x[j] - y[j])
    out[i] = x[i] - r / L
  }
}

const isDiagonal = (A: Float64Array, d: number): boolean => {
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) if (i !== j && A[i * d + j] !== 0) return false
  return true
}
