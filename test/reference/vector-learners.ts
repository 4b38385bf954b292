// An independent, deliberately plain vector implementation of Algorithm 1's published forms
// (docs/reference/reddi2018.md §1, §1a, §2), with the projection done by the bisection references:
// the oracle for the generated kernel in d > 1 and on the ball and the simplex, where the step is
// followed by Π_{F,√V_t} (weights √v̂ + ε, the step's own denominator) or by Π_F.
import { ballReference, boxReference, simplexReference } from "./projections.ts"

export type Projector = (y: Float64Array, weights: Float64Array | undefined) => Float64Array

export const boxProjector = (lower: readonly number[], upper: readonly number[]): Projector => (y) => boxReference(lower, upper, y)
export const ballProjector = (center: readonly number[], radius: number): Projector => (y, w) => ballReference(center, radius, y, w ?? new Float64Array(y.length).fill(1))
export const simplexProjector = (): Projector => (y, w) => simplexReference(y, w)

export interface VectorRule {
  (x: Float64Array, g: Float64Array, t: number): Float64Array
}

export interface AdamForm {
  readonly alpha: number
  readonly beta1: number
  readonly beta2: number
  /** α_t = α/√t (paper) or α (torch). */
  readonly invSqrt: boolean
  readonly biasCorrection: boolean
  readonly eps: number
  /** AMSGrad: the max over the raw v (paper and torch). */
  readonly amsgrad: boolean
  /** Project in the metric √v̂ + ε (the paper) or Euclidean. */
  readonly weighted: boolean
}

/** Adam, AMSGrad and RMSProp in the paper's and torch's forms, then the projection. */
export const adamRule = (f: AdamForm, project: Projector, d: number): VectorRule => {
  const m = new Float64Array(d), v = new Float64Array(d), vmax = new Float64Array(d)
  return (x, g, t) => {
    const at = f.invSqrt ? f.alpha / Math.sqrt(t) : f.alpha
    const bc1 = f.biasCorrection ? 1 - Math.pow(f.beta1, t) : 1
    const bc2 = f.biasCorrection ? 1 - Math.pow(f.beta2, t) : 1
    const y = new Float64Array(d), w = new Float64Array(d)
    for (let i = 0; i < d; i++) {
      m[i] = f.beta1 * m[i] + (1 - f.beta1) * g[i]
      v[i] = f.beta2 * v[i] + (1 - f.beta2) * g[i] * g[i]
      vmax[i] = Math.max(vmax[i], v[i])
      const denom = Math.sqrt((f.amsgrad ? vmax[i] : v[i]) / bc2) + f.eps
      w[i] = denom
      y[i] = x[i] - (at * m[i] / bc1) / denom
    }
    return project(y, f.weighted ? w : undefined)
  }
}

/** AdaGrad in Reddi's form (v = Σg²/t with α/√t, equal to Duchi's Σg² with constant α), weighted by √v. */
export const adagradRule = (alpha: number, project: Projector, d: number, weighted: boolean): VectorRule => {
  const s = new Float64Array(d)
  return (x, g) => {
    const y = new Float64Array(d), w = new Float64Array(d)
    for (let i = 0; i < d; i++) {
      s[i] += g[i] * g[i]
      w[i] = Math.sqrt(s[i])
      y[i] = x[i] - (alpha * g[i]) / w[i]
    }
    return project(y, weighted ? w : undefined)
  }
}

/** Projected OGD with α/√t. */
export const ogdRule = (alpha: number, project: Projector, d: number): VectorRule => (x, g, t) =>
  project(Float64Array.from({ length: d }, (_, i) => x[i] - (alpha / Math.sqrt(t)) * g[i]), undefined)
