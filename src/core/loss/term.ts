// The absolute, hinge and logistic losses all have the form f(x) = φ(⟨w, x⟩; p) with φ a convex
// function of one variable and p one scalar (b or the label y). The numeric comparator works on
// that shape only: it needs φ, a smoothing of φ for the nonsmooth ones, and the Fenchel–Young gap
// that turns any slope into a certified lower bound (see solve.ts).

export interface ScalarTerm {
  /** True when φ is differentiable, so μ is ignored and the slope is φ′ itself. */
  readonly smooth: boolean
  /** φ(z; p). */
  value(z: number, p: number): number
  /** φ_μ(z; p), a convex C¹ approximation with φ − μ/2 ≤ φ_μ ≤ φ (φ itself when smooth). */
  smoothedValue(z: number, p: number, mu: number): number
  /** σ = φ_μ′(z; p). Any σ in dom φ* gives a valid global lower bound for φ. */
  slope(z: number, p: number, mu: number): number
  /** φ_μ″(z; p), the curvature of the smoothed term (0 on linear pieces). */
  curvature(z: number, p: number, mu: number): number
  /** An upper bound on φ_μ″ over all z (1/μ-type for the smoothed nonsmooth terms). */
  maxCurvature(p: number, mu: number): number
  /**
   * Fenchel–Young gap ε = φ(z) + φ*(σ) − σz ≥ 0 for σ = slope(z, p, mu): the line with slope σ
   * through (z, φ(z) − ε) lies below φ everywhere. 0 whenever σ ∈ ∂φ(z).
   */
  youngGap(z: number, p: number, mu: number): number
  /**
   * For piecewise-linear φ (two pieces): the kink's z (NaN when φ is affine), the slope left of it
   * and the slope right of it. Enables the exact one-dimensional solve.
   */
  readonly piecewise?: {
    kink(p: number): number
    leftSlope(p: number): number
    rightSlope(p: number): number
  }
}
