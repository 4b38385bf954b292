// The probability simplex {x ≥ 0, Σ x_i = 1}. Both projections have the KKT form
// x_i = max(0, y_i − τ/a_i) (a_i = 1 for the Euclidean one) with τ the root of the decreasing
// piecewise-linear h(τ) = Σ max(0, y_i − τ/a_i) = 1. Between breakpoints b_i = a_i y_i the active set
// is fixed and τ has a closed form, so we locate the right piece and solve it exactly.
import type { Domain } from "../types.ts"
import { normalizeWeights } from "./weights.ts"
import type { DomainKind } from "./kind.ts"

/** The probability simplex of the given dimension (unchecked: use createDomain to validate). */
export const createSimplex = (dim: number): Domain => {
  // Preallocated scratch: a sorted copy (sorting a Float64Array in place allocates nothing) and
  // the effective weights.
  const sorted = new Float64Array(dim)
  const a = new Float64Array(dim)
  const defaultTol = 1e-12

  /** Makes Σ out = 1 up to the rounding of one addition: the residual goes to the largest entry. */
  const fixSum = (out: Float64Array): void => {
    let sum = 0
    let argmax = 0
    for (let i = 0; i < dim; i++) {
      sum += out[i]
      if (out[i] > out[argmax]) argmax = i
    }
    // The largest entry is ≥ 1/dim, so a residual of a few ulps keeps it positive.
    out[argmax] += 1 - sum
  }

  const project = (y: Float64Array, out: Float64Array): void => {
    sorted.set(y)
    sorted.sort()
    // Largest k with s_(k) > (Σ_{j≤k} s_(j) − 1)/k over the descending order; that set of k is
    // a prefix {1..ρ}, so we stop at the first failure.
    let cum = 0
    let tau = 0
    for (let k = 1; k <= dim; k++) {
      const s = sorted[dim - k]
      cum += s
      const t = (cum - 1) / k
      if (!(s > t)) break
      tau = t
    }
    for (let i = 0; i < dim; i++) {
      const v = y[i] - tau
      out[i] = v > 0 ? v : v === v ? 0 : v // keeps NaN visible
    }
    fixSum(out)
  }

  /** h(τ) − 1 for the effective weights in a. */
  const excess = (y: Float64Array, tau: number): number => {
    let h = 0
    for (let i = 0; i < dim; i++) {
      const v = y[i] - tau / a[i]
      if (v > 0) h += v
    }
    return h - 1
  }

  const projectWeighted = (y: Float64Array, weights: Float64Array, out: Float64Array): void => {
    if (normalizeWeights(weights, a)) return project(y, out)
    for (let i = 0; i < dim; i++) sorted[i] = a[i] * y[i]
    sorted.sort()
    // h(b_max) = 0 < 1. Find the piece [b_(k), b_(k+1)) holding the root by bisection over the
    // sorted breakpoints; if h(b_min) < 1 the root lies below every breakpoint (all active).
    let threshold = -Infinity
    if (excess(y, sorted[0]) >= 0) {
      let lo = 0
      let hi = dim - 1
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1
        if (excess(y, sorted[mid]) >= 0) lo = mid
        else hi = mid
      }
      threshold = sorted[lo]
    }
    // Active set {i : a_i y_i > threshold}: τ = (Σ_active y_i − 1) / Σ_active 1/a_i.
    let sy = 0
    let sInv = 0
    for (let i = 0; i < dim; i++) {
      if (a[i] * y[i] > threshold) {
        sy += y[i]
        sInv += 1 / a[i]
      }
    }
    let tau = (sy - 1) / sInv
    // Two Newton polish steps on h(τ) = 1 absorb the rounding of the closed form.
    for (let pass = 0; pass < 2; pass++) {
      let h = 0
      let inv = 0
      for (let i = 0; i < dim; i++) {
        const v = y[i] - tau / a[i]
        if (v > 0) {
          h += v
          inv += 1 / a[i]
        }
      }
      if (inv === 0 || h === 1) break
      tau += (h - 1) / inv
    }
    for (let i = 0; i < dim; i++) {
      const v = y[i] - tau / a[i]
      out[i] = v > 0 ? v : v === v ? 0 : v
    }
    fixSum(out)
  }

  return {
    config: { kind: "simplex", dim },
    dim,
    diameterInf: dim >= 2 ? 1 : 0,
    diameter2: dim >= 2 ? Math.SQRT2 : 0,
    center: new Float64Array(dim).fill(1 / dim),
    contains(x, tol = defaultTol) {
      if (x.length !== dim) return false
      let sum = 0
      for (let i = 0; i < dim; i++) {
        if (!(x[i] >= -tol)) return false // also rejects NaN
        sum += x[i]
      }
      // Summing dim entries rounds by up to about dim·ε on its own, so that much is always allowed.
      return Math.abs(sum - 1) <= tol + dim * Number.EPSILON
    },
    project,
    projectWeighted,
    minimizeLinear(g, out) {
      // The vertex e_k with k = argmin g_k (the first one on ties).
      let k = 0
      for (let i = 1; i < dim; i++) if (g[i] < g[k]) k = i
      out.fill(0)
      out[k] = 1
      return g[k]
    }
  }
}

export type SimplexConfig = { readonly kind: "simplex"; readonly dim: number }

export const simplexKind: DomainKind<SimplexConfig> = {
  kind: "simplex",
  title: "Probability simplex {x ≥ 0, Σx_i = 1}, with Euclidean and weighted projections",
  fields: { dim: { type: "number", doc: "Dimension d (number of coordinates).", min: 1, integer: true } },
  dim: (config) => config.dim,
  // Two vertices are ‖e_i − e_j‖∞ = 1 and ‖e_i − e_j‖₂ = √2 apart; a 1-simplex is a point.
  diameters: (config) => (config.dim >= 2 ? { inf: 1, two: Math.SQRT2 } : { inf: 0, two: 0 }),
  examples: { valid: [{ kind: "simplex", dim: 1 }, { kind: "simplex", dim: 2 }, { kind: "simplex", dim: 7 }] },
  describe: (config) => `probability simplex of dimension ${config.dim}`,
  create: (config) => createSimplex(config.dim)
}
