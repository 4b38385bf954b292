// Dense Cholesky factorisation and solves: the small (d ≤ 16) Newton systems of the numeric
// comparator, and the Gram matrices of the full-batch least-squares objectives.

/**
 * Overwrites the symmetric positive definite row-major d×d matrix A (lower triangle read) by its
 * Cholesky factor L (A = L Lᵀ, in the lower triangle). Returns false (leaving garbage) when A is
 * not numerically positive definite.
 */
export const choleskyFactor = (a: Float64Array, d: number): boolean => {
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
  return true
}

/** Solves L Lᵀ x = b in place (b becomes x) for a factor from choleskyFactor. */
export const choleskySubstitute = (l: Float64Array, b: Float64Array, d: number): void => {
  for (let i = 0; i < d; i++) {
    let v = b[i]
    for (let k = 0; k < i; k++) v -= l[i * d + k] * b[k]
    b[i] = v / l[i * d + i]
  }
  for (let i = d - 1; i >= 0; i--) {
    let v = b[i]
    for (let k = i + 1; k < d; k++) v -= l[k * d + i] * b[k]
    b[i] = v / l[i * d + i]
  }
}

/**
 * Solves A x = b in place for a symmetric positive definite row-major d×d matrix A: A is
 * overwritten by its Cholesky factor and b by the solution. Returns false (leaving garbage) when
 * A is not numerically positive definite.
 */
export const choleskySolve = (a: Float64Array, b: Float64Array, d: number): boolean => {
  if (!choleskyFactor(a, d)) return false
  choleskySubstitute(a, b, d)
  return true
}
