// Smooth objectives E: R^p → R for the flow tools, and the two-parameter bilinear model whose
// minimisers form a hyperbola (the toy model of implicit-regularisation studies).
import { ConfigError } from "../config/error.ts"

/**
 * A twice-differentiable objective. Methods write into `out` and keep no reference to their
 * arguments. At least one of `hessian` or `hessianVector` is needed by the modified flow.
 */
export interface Objective {
  readonly dim: number
  value(theta: Float64Array): number
  /** ∇E(θ) into out (length dim). */
  gradient(theta: Float64Array, out: Float64Array): void
  /** ∇²E(θ) into out, row-major dim × dim. */
  hessian?(theta: Float64Array, out: Float64Array): void
  /** ∇²E(θ)·v into out (length dim). */
  hessianVector?(theta: Float64Array, v: Float64Array, out: Float64Array): void
}

/** Parameters of the bilinear model E(w) = ½ (y − x·w1·w2)². */
export interface BilinearParams {
  /** The input (default 2); must be non-zero. */
  readonly x?: number
  /** The target (default 3/2). */
  readonly y?: number
}

/** The bilinear model with its minimiser set {w : w1·w2 = y/x}. */
export interface BilinearObjective extends Objective {
  readonly dim: 2
  readonly x: number
  readonly y: number
  /** c = y/x: the minimisers are the hyperbola w1·w2 = c (the two axes when c = 0). */
  readonly product: number
  hessian(theta: Float64Array, out: Float64Array): void
  hessianVector(theta: Float64Array, v: Float64Array, out: Float64Array): void
  /** The Euclidean distance from θ to the minimiser set. */
  distanceToMinimisers(theta: Float64Array): number
  /** A nearest minimiser of θ into out; returns the distance. */
  nearestMinimiser(theta: Float64Array, out: Float64Array): number
}

const finite = (field: string, v: number): number => {
  if (!Number.isFinite(v)) throw new ConfigError(field, v, "a finite number")
  return v
}

/**
 * The bilinear model E(w1, w2) = ½ (y − x·w1·w2)², a one-example regression through a product of two
 * weights: every point of the hyperbola w1·w2 = y/x is a global minimiser, and the minimisers differ
 * in curvature (the Hessian there is x²·(w2, w1)(w2, w1)ᵀ), which is what an implicit bias can select.
 */
export const bilinear = (params: BilinearParams = {}): BilinearObjective => {
  const x = finite("bilinear.x", params.x ?? 2)
  if (x === 0) throw new ConfigError("bilinear.x", x, "a non-zero number")
  const y = finite("bilinear.y", params.y ?? 1.5)
  const c = y / x
  const nearest = (theta: Float64Array, out: Float64Array): number => nearestOnHyperbola(theta[0], theta[1], c, out)
  return {
    dim: 2,
    x,
    y,
    product: c,
    value: (w) => {
      const r = x * w[0] * w[1] - y
      return 0.5 * r * r
    },
    gradient: (w, out) => {
      const r = x * w[0] * w[1] - y
      out[0] = r * x * w[1]
      out[1] = r * x * w[0]
    },
    hessian: (w, out) => {
      const r = x * w[0] * w[1] - y
      out[0] = x * x * w[1] * w[1]
      out[1] = x * x * w[0] * w[1] + r * x
      out[2] = out[1]
      out[3] = x * x * w[0] * w[0]
    },
    hessianVector: (w, v, out) => {
      const r = x * w[0] * w[1] - y
      const off = x * x * w[0] * w[1] + r * x
      const a = x * x * w[1] * w[1] * v[0] + off * v[1]
      out[1] = off * v[0] + x * x * w[0] * w[0] * v[1]
      out[0] = a
    },
    distanceToMinimisers: (theta) => nearest(theta, new Float64Array(2)),
    nearestMinimiser: nearest
  }
}

/**
 * Nearest point of {u·v = c} to (a, b). For c ≠ 0 the candidates are u = s, v = c/s with s a real root
 * of s⁴ − a·s³ + b·c·s − c² = 0 (the stationarity condition of (a − s)² + (b − c/s)²); all four roots
 * come from Durand–Kerner iteration and are polished by Newton steps. For c = 0 the set is the axes.
 */
const nearestOnHyperbola = (a: number, b: number, c: number, out: Float64Array): number => {
  if (c === 0) {
    if (Math.abs(a) <= Math.abs(b)) {
      out[0] = 0
      out[1] = b
      return Math.abs(a)
    }
    out[0] = a
    out[1] = 0
    return Math.abs(b)
  }
  const coeffs = [-a, 0, b * c, -c * c] // monic quartic s⁴ + p3 s³ + p2 s² + p1 s + p0
  const roots = quarticRoots(coeffs[0], coeffs[1], coeffs[2], coeffs[3])
  let best = Infinity
  const poly = (s: number) => (((s - a) * s) * s + b * c) * s - c * c
  const dpoly = (s: number) => ((4 * s - 3 * a) * s) * s + b * c
  for (let [re, im] of roots) {
    const scale = Math.max(1, Math.abs(re))
    if (Math.abs(im) > 1e-6 * scale) continue
    for (let it = 0; it < 4; it++) {
      const d = dpoly(re)
      if (d === 0) break
      re -= poly(re) / d
    }
    if (re === 0 || !Number.isFinite(re)) continue
    const u = re
    const v = c / re
    const dist = Math.hypot(a - u, b - v)
    if (dist < best) {
      best = dist
      out[0] = u
      out[1] = v
    }
  }
  return best
}

/** All four complex roots of s⁴ + p3 s³ + p2 s² + p1 s + p0 by Durand–Kerner iteration, as [re, im]. */
const quarticRoots = (p3: number, p2: number, p1: number, p0: number): Array<[number, number]> => {
  const radius = 1 + Math.max(Math.abs(p3), Math.abs(p2), Math.abs(p1), Math.abs(p0))
  const re = [0, 0, 0, 0]
  const im = [0, 0, 0, 0]
  for (let k = 0; k < 4; k++) {
    // Distinct non-real starts on a circle, rotated off the axes.
    const ang = (2 * Math.PI * k) / 4 + 0.4
    re[k] = 0.5 * radius * Math.cos(ang)
    im[k] = 0.5 * radius * Math.sin(ang)
  }
  for (let iter = 0; iter < 500; iter++) {
    let moved = 0
    for (let k = 0; k < 4; k++) {
      // p(z) by Horner in complex arithmetic.
      let pr = 1, pi = 0
      for (const coef of [p3, p2, p1, p0]) {
        const nr = pr * re[k] - pi * im[k] + coef
        const ni = pr * im[k] + pi * re[k]
        pr = nr
        pi = ni
      }
      let dr = 1, di = 0
      for (let j = 0; j < 4; j++) {
        if (j === k) continue
        const xr = re[k] - re[j]
        const xi = im[k] - im[j]
        const nr = dr * xr - di * xi
        const ni = dr * xi + di * xr
        dr = nr
        di = ni
      }
      const den = dr * dr + di * di
      if (den === 0) continue
      const qr = (pr * dr + pi * di) / den
      const qi = (pi * dr - pr * di) / den
      re[k] -= qr
      im[k] -= qi
      moved = Math.max(moved, Math.hypot(qr, qi) / Math.max(1, Math.hypot(re[k], im[k])))
    }
    if (moved < 1e-15) break
  }
  return re.map((r, k) => [r, im[k]] as [number, number])
}
