// Independent references for the projections, by bisection on the multiplier (not the production
// algorithms, which solve the same equations by sorting and by safeguarded Newton).

const dot = (x: ArrayLike<number>, y: ArrayLike<number>): number => {
  let s = 0
  for (let i = 0; i < x.length; i++) s += x[i] * y[i]
  return s
}

/** Euclidean or weighted simplex projection by bisection on τ in Σ max(0, y_i − τ/a_i) = 1. */
export const simplexReference = (y: Float64Array, a?: Float64Array): Float64Array => {
  const w = a ?? new Float64Array(y.length).fill(1)
  const h = (tau: number) => {
    let s = 0
    for (let i = 0; i < y.length; i++) s += Math.max(0, y[i] - tau / w[i])
    return s
  }
  let lo = -1e20
  let hi = 1e20
  for (let k = 0; k < 3000 && hi - lo > 0; k++) {
    const mid = 0.5 * (lo + hi)
    if (mid === lo || mid === hi) break
    if (h(mid) > 1) lo = mid
    else hi = mid
  }
  return y.map((yi, i) => Math.max(0, yi - lo / w[i]))
}

/** Weighted ball projection by bisection on λ in Σ (a_i z_i/(a_i+λ))² = r². */
export const ballReference = (c: readonly number[], r: number, y: Float64Array, a: Float64Array): Float64Array => {
  const z = y.map((yi, i) => yi - c[i])
  if (Math.sqrt(dot(z, z)) <= r) return Float64Array.from(y)
  const norm = (lam: number) => Math.sqrt(z.reduce((s, zi, i) => s + ((a[i] * zi) / (a[i] + lam)) ** 2, 0))
  let lo = 0
  let hi = 1e30
  for (let k = 0; k < 3000; k++) {
    const mid = 0.5 * (lo + hi)
    if (mid === lo || mid === hi) break
    if (norm(mid) > r) lo = mid
    else hi = mid
  }
  return z.map((zi, i) => c[i] + (a[i] * zi) / (a[i] + hi))
}

/** The box: clipping, whatever the weights. */
export const boxReference = (lower: readonly number[], upper: readonly number[], y: Float64Array): Float64Array =>
  y.map((yi, i) => Math.min(upper[i], Math.max(lower[i], yi)))
