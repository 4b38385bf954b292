// A dense Cholesky solve for the small (d ≤ 16) Newton systems of the numeric comparator.

/**
 * Solves A x = b in place for a symmetric positive definite row-major d×d matrix A: A is
 * overwritten by its Cholesky factor and b by the solution. Returns false (leaving garbage) when
 * A is not numerically positive definite.
 */
export const choleskySolve = (a: Float64Array, b: Float64Array, d: number): boolean => {
  for (let j = 0; j < d; j++) {
    let diag = a[j * d + j]
    for (let k = 0; k < j; k++) diag -= a[j * d + k] * a[j * d + k]
    if (!(diag > 0)) return false
    const l = Math.sqrt(diag)
    a[j * d + j] = l
    for (let i = j + 1; i < d; i++) {
      let v = a[i * d + j]
      for (let k = 0; k < j; k++) v -= a[i * d + k] * a[j * d + k]
      a[i * d + j] = v / l
    }
  }
  // L y = b, then Lᵀ x = y.
  for (let i = 0; i < d; i++) {
    let v = b[i]
    for (let k = 0; k < i; k++) v -= a[i * d + k] * b[k]
    b[i] = v / a[i * d + i]
  }
  for (let i = d - 1; i >= 0; i--) {
    let v = b[i]
    for (let k = i + 1; k < d; k++) v -= a[k * d + i] * b[k]
    b[i] = v / a[i * d + i]
  }
  return true
}
