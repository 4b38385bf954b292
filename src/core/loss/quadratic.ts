// Separable quadratic losses f(x) = Σ_i (a_i/2)(x_i − b_i)² + c with a_i ≥ 0. A prefix sum is
// Σ_i ½A_i (x_i − m_i)² + ½Σ_i S_i + C with A_i = Σ a_i, m_i = Σ a_i b_i / A_i (the weighted mean of
// the b's) and S_i = Σ a_i (b_i − m_i)² (their weighted spread). So the best fixed point is the
// weighted projection Π_{F,A}(m), exactly, and its value needs no numeric search.
//
// We keep (A, B = Σ a_i b_i, S, C) rather than the raw K = Σ(½Σ_i a_i b_i² + c): K − ½B²/A cancels
// catastrophically when the b's sit far from 0 (b ≈ 10^6 ± 1 loses 12 digits), whereas S is updated
// in centred form (West's weighted incremental variance), every increment being ≥ 0.
import { NeumaierSum, NeumaierVector } from "../sum.ts"
import type { ComparatorResult, ComparatorStats, Domain, Loss, LossFamily } from "../types.ts"
import { expectDomain, expectLoss, vectorOf } from "./check.ts"

export class QuadraticLoss implements Loss {
  readonly family = "quadratic" as const
  readonly dim: number
  /** Curvatures a_i ≥ 0. */
  readonly a: Float64Array
  /** Centres b_i. */
  readonly b: Float64Array
  /** Offset c. */
  c: number

  constructor(dim: number, a?: ArrayLike<number>, b?: ArrayLike<number>, c = 0) {
    this.dim = dim
    this.a = vectorOf(dim, a, "a")
    this.b = vectorOf(dim, b, "b")
    this.c = c
  }

  value(x: Float64Array): number {
    const a = this.a
    const b = this.b
    let s = 0
    for (let i = 0; i < this.dim; i++) {
      const d = x[i] - b[i]
      s += a[i] * d * d
    }
    return 0.5 * s + this.c
  }

  gradient(x: Float64Array, out: Float64Array): void {
    const a = this.a
    const b = this.b
    for (let i = 0; i < this.dim; i++) out[i] = a[i] * (x[i] - b[i])
  }

  copyTo(target: Loss): void {
    const t = expectLoss(target, QuadraticLoss, this.dim)
    t.a.set(this.a)
    t.b.set(this.b)
    t.c = this.c
  }
}

export class QuadraticStats implements ComparatorStats {
  readonly dim: number
  private readonly aSum: NeumaierVector
  private readonly abSum: NeumaierVector
  private readonly spread: NeumaierVector
  private readonly cSum = new NeumaierSum()
  private readonly y: Float64Array
  private readonly weights: Float64Array
  private n = 0

  constructor(dim: number) {
    this.dim = dim
    this.aSum = new NeumaierVector(dim)
    this.abSum = new NeumaierVector(dim)
    this.spread = new NeumaierVector(dim)
    this.y = new Float64Array(dim)
    this.weights = new Float64Array(dim)
  }

  get count(): number {
    return this.n
  }

  add(loss: Loss): void {
    const l = expectLoss(loss, QuadraticLoss, this.dim)
    const a = l.a
    const b = l.b
    for (let i = 0; i < this.dim; i++) {
      const ai = a[i]
      if (ai < 0) throw new RangeError(`quadratic loss needs a_i ≥ 0, got a_${i} = ${ai}`)
      if (ai === 0) continue
      const bi = b[i]
      const aOld = this.aSum.get(i)
      const mOld = aOld > 0 ? this.abSum.get(i) / aOld : 0
      this.aSum.addAt(i, ai)
      this.abSum.addAt(i, ai * bi)
      const aNew = this.aSum.get(i)
      const mNew = this.abSum.get(i) / aNew
      // West: S += a (b − m_old)(b − m_new), which is a (b − m_old)² A_old/A_new ≥ 0.
      if (aOld > 0) this.spread.addAt(i, ai * (bi - mOld) * (bi - mNew))
    }
    this.cSum.add(l.c)
    this.n++
  }

  /** The sum Σ_s f_s(x) of the prefix, evaluated in the centred form. */
  sumValue(x: Float64Array): number {
    let quad = 0
    let spread = 0
    for (let i = 0; i < this.dim; i++) {
      const A = this.aSum.get(i)
      spread += this.spread.get(i)
      if (A > 0) {
        const d = x[i] - this.abSum.get(i) / A
        quad += A * d * d
      }
    }
    return 0.5 * (quad + spread) + this.cSum.value
  }

  /** x* = Π_{F,A}(B/A); exact up to the domain's zero-weight floor for coordinates with A_i = 0. */
  best(domain: Domain, out: Float64Array): ComparatorResult {
    expectDomain(domain, this.dim)
    const y = this.y
    const w = this.weights
    // Coordinates no loss has weighted yet (A_i = 0) do not change the sum: any feasible value is
    // optimal, and the weighted projection (which floors zero weights) keeps them near the centre.
    y.set(domain.center)
    for (let i = 0; i < this.dim; i++) {
      const A = this.aSum.get(i)
      w[i] = A
      if (A > 0) y[i] = this.abSum.get(i) / A
    }
    domain.projectWeighted(y, w, out)
    return { value: this.sumValue(out), gap: 0, method: "closed-form" }
  }
}

export const quadraticFamily: LossFamily = {
  name: "quadratic",
  createStats: (dim) => new QuadraticStats(dim)
}
