// Linear losses f(x) = ⟨g, x⟩ + c, the losses of every construction in Reddi et al. The sum of a
// prefix is linear again, so the comparator needs only G = Σ g_s and C = Σ c_s and one call of
// the domain's linear minimisation oracle (docs/reference/reddi2018.md §7).
import { NeumaierSum, NeumaierVector } from "../sum.ts"
import type { ComparatorResult, ComparatorStats, Domain, Loss, LossFamily } from "../types.ts"
import { expectDomain, expectLoss, vectorOf } from "./check.ts"

/**
 * The linear loss f(x) = ⟨g, x⟩ + c, with `g` and `c` rewritten by its adversary every round.
 *
 * @example
 * ```ts
 * import { LinearLoss } from "regretlab"
 *
 * const f = new LinearLoss(2)
 * f.g.set([1, -1])
 * f.c = 0.5
 * console.log(f.value(Float64Array.of(2, 1))) // 1.5
 * ```
 */
export class LinearLoss implements Loss {
  readonly family = "linear" as const
  readonly dim: number
  /** The gradient g (rewritten by the adversary every round). */
  readonly g: Float64Array
  /** The offset c. */
  c: number

  constructor(dim: number, g?: ArrayLike<number>, c = 0) {
    this.dim = dim
    this.g = vectorOf(dim, g, "g")
    this.c = c
  }

  value(x: Float64Array): number {
    const g = this.g
    let s = 0
    for (let i = 0; i < this.dim; i++) s += g[i] * x[i]
    return s + this.c
  }

  gradient(_x: Float64Array, out: Float64Array): void {
    out.set(this.g)
  }

  copyTo(target: Loss): void {
    const t = expectLoss(target, LinearLoss, this.dim)
    t.g.set(this.g)
    t.c = this.c
  }
}

/** Running G = Σ g_s and C = Σ c_s, both compensated. */
export class LinearStats implements ComparatorStats {
  readonly dim: number
  private readonly gSum: NeumaierVector
  private readonly cSum = new NeumaierSum()
  private readonly scratch: Float64Array
  private n = 0

  constructor(dim: number) {
    this.dim = dim
    this.gSum = new NeumaierVector(dim)
    this.scratch = new Float64Array(dim)
  }

  get count(): number {
    return this.n
  }

  add(loss: Loss): void {
    const l = expectLoss(loss, LinearLoss, this.dim)
    this.gSum.add(l.g)
    this.cSum.add(l.c)
    this.n++
  }

  /** G = Σ g_s into out. */
  gradientSum(out: Float64Array): void {
    this.gSum.valueInto(out)
  }

  /** x* = argmin_F ⟨G, x⟩ (the oracle's choice where G has zeros); value min_F ⟨G, x⟩ + C. */
  best(domain: Domain, out: Float64Array): ComparatorResult {
    expectDomain(domain, this.dim)
    this.gSum.valueInto(this.scratch)
    return linearComparator(domain, this.scratch, this.cSum.value, out)
  }
}

/** The best fixed point for linear losses with Σg = G and Σc = C: argmin_F ⟨G, x⟩ into out (closed form). */
export const linearComparator = (domain: Domain, G: Float64Array, C: number, out: Float64Array): ComparatorResult => ({
  value: domain.minimizeLinear(G, out) + C,
  gap: 0,
  method: "closed-form"
})

/**
 * The family of linear losses: an adversary revealing LinearLoss objects declares it, and the
 * game then finds the best fixed point in hindsight in closed form.
 *
 * @example
 * ```ts
 * import { linearFamily } from "regretlab"
 *
 * console.log(linearFamily.name) // linear
 * ```
 */
export const linearFamily: LossFamily = {
  name: "linear",
  createStats: (dim) => new LinearStats(dim)
}
