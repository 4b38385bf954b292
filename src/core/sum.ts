// Compensated (Neumaier) summation. Over 10^8 rounds a plain float sum drifts by far more than the
// regret signal it is meant to carry; Neumaier keeps the rounding error of every add in a second
// accumulator, so the result is within a few ulps of the exact sum however the terms cancel.

/** A compensated scalar sum. add() is a handful of flops and never allocates. */
export class NeumaierSum {
  // [sum, compensation] in a Float64Array: V8 boxes doubles stored in object fields, so a field
  // write per round would allocate; typed-array slots are written in place.
  private readonly acc = new Float64Array(2)

  add(v: number): void {
    const acc = this.acc
    const s = acc[0]
    const t = s + v
    // The smaller operand is the one whose low bits were lost.
    if (Math.abs(s) >= Math.abs(v)) acc[1] += s - t + v
    else acc[1] += v - t + s
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
      if (Math.abs(s) >= Math.abs(v)) comp[i] += s - t + v
      else comp[i] += v - t + s
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
      if (Math.abs(a) >= Math.abs(v)) comp[i] += a - t + v
      else comp[i] += v - t + a
      sum[i] = t
    }
  }

  /** Adds v to coordinate i only. */
  addAt(i: number, v: number): void {
    const s = this.sum[i]
    const t = s + v
    if (Math.abs(s) >= Math.abs(v)) this.comp[i] += s - t + v
    else this.comp[i] += v - t + s
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
