// Compensated (Neumaier) summation. Over 10^8 rounds a plain float sum drifts by far more than the
// regret signal it is meant to carry; Neumaier keeps the rounding error of every add in a second
// accumulator, so the result is within a few ulps of the exact sum however the terms cancel.
//
// The error of each add is computed by Knuth's TwoSum rather than Neumaier's branch on |s| ≥ |v|:
// both give the exact rounding error of s + v, so the numbers are the same, and TwoSum has no
// branch to mispredict. The round kernel (kernel.ts) inlines the same formula.

/** The exact rounding error of the double sum t = s + v (Knuth's TwoSum; exact for finite s, v, t). */
export const twoSumError = (s: number, v: number, t: number): number => {
  const b = t - s
  return (s - (t - b)) + (v - b)
}

/** Veltkamp's splitter for doubles: 2^27 + 1. */
const SPLITTER = 134217729

/** The exact rounding error of the double product p = a·b (Dekker's TwoProduct; exact unless a·b over- or underflows). */
export const twoProductError = (a: number, b: number, p: number): number => {
  let c = SPLITTER * a
  const ah = c - (c - a), al = a - ah
  c = SPLITTER * b
  const bh = c - (c - b), bl = b - bh
  return ah * bh - p + ah * bl + al * bh + al * bl
}

/**
 * n·a + m·b for integer counts n, m (below 2^53), as a compensated pair [hi, lo] into out at
 * offset o: both products and their sum are taken exactly, so hi + lo is within about one ulp of
 * the exact value however the terms cancel. For closed-form sums of repeated terms.
 */
export const countedSum = (n: number, a: number, m: number, b: number, out: Float64Array, o: number): void => {
  const p = n * a, q = m * b, hi = p + q
  out[o] = hi
  // An overflowed sum has no rounding error to carry (and its error terms would be NaN).
  out[o + 1] = Number.isFinite(hi) ? countedProductError(n, a, p) + countedProductError(m, b, q) + twoSumError(p, q, hi) : 0
}

/** Above this magnitude Veltkamp's split of a factor overflows (2^27·a > the largest double). */
const SPLIT_LIMIT = 2 ** 995
/** 2^60 and its inverse: scaling by a power of two is exact away from overflow and underflow. */
const DOWN = 2 ** -60, UP = 2 ** 60

/** twoProductError(n, a, n·a) for a finite product, also when a is too large to split. */
const countedProductError = (n: number, a: number, p: number): number =>
  Math.abs(a) <= SPLIT_LIMIT ? twoProductError(n, a, p) : twoProductError(n, a * DOWN, p * DOWN) * UP

/** A compensated scalar sum. add() is a handful of flops and never allocates. */
export class NeumaierSum {
  // [sum, compensation] in a Float64Array: V8 boxes doubles stored in object fields, so a field
  // write per round would allocate; typed-array slots are written in place.
  private readonly acc = new Float64Array(2)

  add(v: number): void {
    const acc = this.acc
    const s = acc[0]
    const t = s + v
    acc[1] += twoSumError(s, v, t)
    acc[0] = t
  }

  /** The compensated sum. An overflowed or NaN running sum is returned as is (comp would be NaN). */
  get value(): number {
    const s = this.acc[0]
    return Number.isFinite(s) ? s + this.acc[1] : s
  }

  reset(): void {
    this.acc.fill(0)
  }
}

/** A compensated sum of vectors, coordinate by coordinate. add() and addScaled() never allocate. */
export class NeumaierVector {
  readonly dim: number
  private readonly sum: Float64Array
  private readonly comp: Float64Array

  constructor(dim: number) {
    this.dim = dim
    this.sum = new Float64Array(dim)
    this.comp = new Float64Array(dim)
  }

  add(arr: Float64Array): void {
    const sum = this.sum
    const comp = this.comp
    for (let i = 0; i < this.dim; i++) {
      const s = sum[i]
      const v = arr[i]
      const t = s + v
      comp[i] += twoSumError(s, v, t)
      sum[i] = t
    }
  }

  /** Adds s·arr. The product s·arr_i is rounded once before it is summed (not compensated). */
  addScaled(arr: Float64Array, s: number): void {
    const sum = this.sum
    const comp = this.comp
    for (let i = 0; i < this.dim; i++) {
      const a = sum[i]
      const v = s * arr[i]
      const t = a + v
      comp[i] += twoSumError(a, v, t)
      sum[i] = t
    }
  }

  /** Adds v to coordinate i only. */
  addAt(i: number, v: number): void {
    const s = this.sum[i]
    const t = s + v
    this.comp[i] += twoSumError(s, v, t)
    this.sum[i] = t
  }

  /** Coordinate i of the compensated sum. */
  get(i: number): number {
    const s = this.sum[i]
    return Number.isFinite(s) ? s + this.comp[i] : s
  }

  /** Writes the compensated sum into out. */
  valueInto(out: Float64Array): void {
    for (let i = 0; i < this.dim; i++) out[i] = this.get(i)
  }

  reset(): void {
    this.sum.fill(0)
    this.comp.fill(0)
  }
}
