// The ℓ2 ball ‖x − c‖₂ ≤ r. Euclidean projection is radial. The weighted projection follows
// docs/reference/reddi2018.md §2: x_i(λ) = c_i + a_i z_i/(a_i + λ) with z = y − c and λ > 0 the root of
// Σ (a_i z_i/(a_i+λ))² = r². That is the trust-region secular equation, so we solve the
// equivalent ψ(λ) = 1/‖w(λ)‖ − 1/r = 0 (w_i = a_i z_i/(a_i+λ)): ψ is increasing and concave, so
// Newton from λ = 0 climbs monotonically to the root (and is exact in one step for equal weights).
import type { Domain } from "../types.ts"
import { normalizeWeights } from "./weights.ts"
import type { DomainKind } from "./kind.ts"
import { shortList } from "./kind.ts"

const EPS = Number.EPSILON

/** ‖x − c‖₂ without overflow or underflow (the plain sum is used when it is safe). */
const distance = (x: Float64Array, c: Float64Array, dim: number): number => {
  let sum = 0
  for (let i = 0; i < dim; i++) {
    const d = x[i] - c[i]
    sum += d * d
  }
  if (sum < Infinity && sum > 1e-290) return Math.sqrt(sum)
  if (Number.isNaN(sum)) return NaN
  let max = 0
  for (let i = 0; i < dim; i++) max = Math.max(max, Math.abs(x[i] - c[i]))
  if (max === 0 || max === Infinity) return max
  sum = 0
  for (let i = 0; i < dim; i++) {
    const d = (x[i] - c[i]) / max
    sum += d * d
  }
  return max * Math.sqrt(sum)
}

/**
 * The ball with the given center and radius (unchecked: use createDomain to validate a config).
 * center must be finite with length ≥ 1 and radius positive and finite.
 */
export const createBall = (center: readonly number[], radius: number): Domain => {
  const dim = center.length
  const c = Float64Array.from(center)
  const r = radius
  let cMax = 0
  for (let i = 0; i < dim; i++) cMax = Math.max(cMax, Math.abs(c[i]))
  // Points near a far-away center carry rounding of order ulp(|c|), hence the scale.
  const defaultTol = 1e-12 * Math.max(1, r, cMax)
  // Preallocated scratch: the unit direction u = z/‖z‖, the effective weights a, the offset w.
  const zero = new Float64Array(dim)
  const u = new Float64Array(dim)
  const a = new Float64Array(dim)
  const w = new Float64Array(dim)

  /**
   * out = c + w, shrinking w until the computed ‖out − c‖ ≤ r: rounding in c_i + w_i can push
   * the point out, and then it would fail contains() and not be a fixed point of project().
   */
  const writeFeasible = (out: Float64Array): void => {
    let shrink = 1
    for (let attempt = 0; attempt < 60; attempt++) {
      for (let i = 0; i < dim; i++) out[i] = c[i] + shrink * w[i]
      const d = distance(out, c, dim)
      if (!(d > r)) return // also stops on NaN, which must stay visible to the runner
      // Shrink to r/d and a little more; the margin doubles on each retry.
      shrink *= (r / d) * (1 - EPS * 2 ** attempt)
    }
    out.set(c) // not reached in practice; c is always feasible
  }

  /** w = r·v/‖v‖ for the nonzero vector v held in w. */
  const scaleToRadius = (): void => {
    // Divide by max|v_i| first: a tiny (even subnormal) v then keeps its direction.
    let m = 0
    for (let i = 0; i < dim; i++) m = Math.max(m, Math.abs(w[i]))
    for (let i = 0; i < dim; i++) w[i] /= m
    const n = distance(w, zero, dim)
    for (let i = 0; i < dim; i++) w[i] = (w[i] / n) * r
  }

  /** u = (y − c)/norm with norm = ‖y − c‖ > 0; infinite coordinates give the limiting direction. */
  const direction = (y: Float64Array, norm: number): void => {
    if (norm === Infinity) {
      for (let i = 0; i < dim; i++) {
        const z = y[i] - c[i]
        u[i] = z === Infinity ? 1 : z === -Infinity ? -1 : 0
      }
      const k = distance(u, zero, dim)
      for (let i = 0; i < dim; i++) u[i] /= k
      return
    }
    // u may be off unit length by rounding; writeFeasible absorbs that.
    for (let i = 0; i < dim; i++) u[i] = (y[i] - c[i]) / norm
  }

  const radial = (out: Float64Array): void => {
    for (let i = 0; i < dim; i++) w[i] = r * u[i]
    writeFeasible(out)
  }

  const project = (y: Float64Array, out: Float64Array): void => {
    const norm = distance(y, c, dim)
    if (!(norm > r)) {
      if (out !== y) out.set(y)
      return
    }
    direction(y, norm)
    radial(out)
  }

  /** The root λ of ψ in units of ‖z‖: w_i(λ) = a_i u_i/(a_i+λ), target radius rho = r/‖z‖ < 1. */
  const solveLambda = (rho: number): number => {
    // With a_max = 1 (normalised weights) the root lies in (0, 1/rho − 1] (docs/reference/reddi2018.md §2).
    let lo = 0
    let hi = 1 / rho - 1
    let lam = 0
    for (let iter = 0; iter < 100; iter++) {
      let n2 = 0
      let s3 = 0
      for (let i = 0; i < dim; i++) {
        const d = a[i] + lam
        const wi = (a[i] * u[i]) / d
        n2 += wi * wi
        s3 += (wi * wi) / d
      }
      const n = Math.sqrt(n2)
      if (n > rho) lo = lam
      else hi = lam
      if (n === rho || s3 === 0) return lam
      // Newton on ψ: Δλ = (‖w‖/ρ − 1)·‖w‖² / Σ_i w_i²/(a_i+λ).
      let next = lam + ((n / rho - 1) * n2) / s3
      if (!(next > lo && next < hi)) next = 0.5 * (lo + hi) // safeguard: bisect
      const converged = Math.abs(next - lam) <= 2 * EPS * next || hi - lo <= 2 * EPS * hi
      lam = next
      if (converged) return lam
    }
    return lam
  }

  const projectWeighted = (y: Float64Array, weights: Float64Array, out: Float64Array): void => {
    const norm = distance(y, c, dim)
    if (!(norm > r)) {
      if (out !== y) out.set(y)
      return
    }
    direction(y, norm)
    // Equal effective weights: the weighted projection is the radial one, computed as such.
    if (normalizeWeights(weights, a)) return radial(out)
    if (norm === Infinity) {
      // λ → ∞ along z, so w ∝ a∘u (the limit of a_i z_i/(a_i+λ)).
      for (let i = 0; i < dim; i++) w[i] = a[i] * u[i]
      scaleToRadius()
      return writeFeasible(out)
    }
    const lam = solveLambda(r / norm)
    for (let i = 0; i < dim; i++) w[i] = ((a[i] * u[i]) / (a[i] + lam)) * norm
    writeFeasible(out)
  }

  return {
    config: { kind: "ball", center: Object.freeze([...center]), radius },
    dim,
    diameterInf: 2 * r,
    diameter2: 2 * r,
    center: Float64Array.from(center),
    contains(x, tol = defaultTol) {
      if (x.length !== dim) return false
      return distance(x, c, dim) <= r + tol // false for NaN
    },
    project,
    projectWeighted,
    minimizeLinear(g, out) {
      // s = c − r·g/‖g‖ with value ⟨g, c⟩ − r‖g‖; for g = 0 every point is optimal and we return c.
      let gc = 0
      for (let i = 0; i < dim; i++) gc += g[i] * c[i]
      const gn = distance(g, zero, dim)
      if (gn === 0) {
        out.set(c)
        return 0
      }
      for (let i = 0; i < dim; i++) w[i] = -g[i]
      scaleToRadius()
      writeFeasible(out)
      return gc - r * gn
    }
  }
}

export type BallConfig = { readonly kind: "ball"; readonly center: readonly number[]; readonly radius: number }

export const ballKind: DomainKind<BallConfig> = {
  kind: "ball",
  title: "ℓ2 ball ‖x − c‖₂ ≤ r, with Euclidean (radial) and weighted projections",
  fields: {
    center: { type: "point", doc: "Centre c (its length sets the dimension)." },
    radius: { type: "number", doc: "Radius r.", min: 0, minOpen: true }
  },
  dim: (config) => config.center.length,
  diameters: (config) => ({ inf: 2 * config.radius, two: 2 * config.radius }),
  examples: {
    valid: [
      { kind: "ball", center: [0], radius: 1 },
      { kind: "ball", center: [0, 0], radius: 1 },
      { kind: "ball", center: [3, -1, 0.5, 2, 0], radius: 0.25 }
    ]
  },
  describe: (config) => `ball of radius ${config.radius} around [${shortList(config.center)}]`,
  create: (config) => createBall(config.center, config.radius)
}
