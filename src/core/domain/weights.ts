// The weighted projections take A = diag(a) with a_i = √v_i from the learner. A coordinate whose
// gradients have all been 0 so far has a_i = 0, and then argmin_{x∈F} Σ a_i (x_i − y_i)² is not
// unique (x_i is free along F). We pick one answer on purpose: weights below WEIGHT_FLOOR·max_j a_j
// are raised to that floor, which for the ball gives x_i ≈ c_i (the formula's own limit) and in
// general the Euclidean-like choice for that coordinate. If every weight is 0 there is no
// preference at all, so we use equal weights, i.e. the Euclidean projection.

/** Relative floor for the weights of a weighted projection (see the comment above). */
export const WEIGHT_FLOOR = 1e-12

/**
 * Writes the effective weights a_i / max_j a_j, raised to at least WEIGHT_FLOOR, into out
 * (scaling A does not change the argmin, and values in [WEIGHT_FLOOR, 1] keep the solvers in range).
 * Returns true when the caller should use the Euclidean projection instead: all effective weights
 * are equal (including all zero), or some weight is NaN or +∞ (a diverged learner; the runner
 * reports that, the projection only has to stay feasible). Negative weights count as 0.
 * No allocation.
 */
export const normalizeWeights = (weights: Float64Array, out: Float64Array): boolean => {
  const n = weights.length
  let max = 0
  for (let i = 0; i < n; i++) {
    const w = weights[i]
    if (!(w < Infinity)) return true // NaN or +∞
    if (w > max) max = w
  }
  if (max === 0) return true
  let uniform = true
  for (let i = 0; i < n; i++) {
    const w = weights[i] / max
    const a = w >= WEIGHT_FLOOR ? w : WEIGHT_FLOOR
    out[i] = a
    if (a !== 1) uniform = false
  }
  return uniform
}
