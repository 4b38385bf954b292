// Storage of every revealed (w_s, p_s) for the loss families without a finite sufficient statistic
// (absolute, hinge, logistic). Memory is O(T·d) doubles; growth doubles the capacity, so add() is
// allocation-free except for O(log T) rare growths.

const INITIAL_ROWS = 64

export class RowStore {
  readonly dim: number
  private w: Float64Array
  private p: Float64Array
  private n = 0

  constructor(dim: number) {
    this.dim = dim
    this.w = new Float64Array(INITIAL_ROWS * dim)
    this.p = new Float64Array(INITIAL_ROWS)
  }

  get count(): number {
    return this.n
  }

  /** Row-major w's: row s is weights[s·dim, (s+1)·dim) for s < count. Invalidated by growth. */
  get weights(): Float64Array {
    return this.w
  }

  /** The scalar parameter of each row (b or the label y), for s < count. */
  get params(): Float64Array {
    return this.p
  }

  /** Appends a row; w must have length dim. */
  push(w: Float64Array, p: number): void {
    if (this.n === this.p.length) this.grow()
    this.w.set(w, this.n * this.dim)
    this.p[this.n] = p
    this.n++
  }

  private grow(): void {
    const rows = this.p.length * 2
    const w = new Float64Array(rows * this.dim)
    w.set(this.w)
    const p = new Float64Array(rows)
    p.set(this.p)
    this.w = w
    this.p = p
  }
}
