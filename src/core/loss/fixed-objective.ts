// The loss family of full-batch training: one fixed smooth objective E, revealed every round, convex
// or not. Its best fixed point in hindsight is a minimiser of E, so the comparator of t rounds is
// t·min E, which each objective knows in closed form; for a non-convex E the regret is measured
// against that known global minimum.
import type { FullBatchObjective } from "../fullbatch/objective.ts"
import type { ComparatorResult, ComparatorStats, Domain, Loss, LossFamily } from "../types.ts"
import { expectDomain, expectLoss } from "./check.ts"

export class ObjectiveLoss implements Loss {
  readonly family = "objective" as const
  readonly dim: number

  constructor(public objective: FullBatchObjective) {
    this.dim = objective.dim
  }

  value(x: Float64Array): number {
    return this.objective.value(x)
  }

  gradient(x: Float64Array, out: Float64Array): void {
    this.objective.gradient(x, out)
  }

  copyTo(target: Loss): void {
    expectLoss(target, ObjectiveLoss, this.dim).objective = this.objective
  }
}

export class ObjectiveStats implements ComparatorStats {
  private n = 0
  private objective: FullBatchObjective | undefined

  constructor(readonly dim: number) {}

  get count(): number {
    return this.n
  }

  add(loss: Loss): void {
    const l = expectLoss(loss, ObjectiveLoss, this.dim)
    if (this.objective === undefined) this.objective = l.objective
    else if (l.objective !== this.objective) throw new TypeError("an objective-family run reveals one fixed objective; a different one was added")
    this.n++
  }

  /**
   * t·min E at a known minimiser when it lies in the domain (exact). Otherwise the minimiser's
   * projection x_F gives the value t·E(x_F), with gap t·(E(x_F) − min E): the minimum over the
   * domain is at least t·min E.
   */
  best(domain: Domain, out: Float64Array): ComparatorResult {
    expectDomain(domain, this.dim)
    const o = this.objective
    if (o === undefined || this.n === 0) {
      out.set(domain.center)
      return { value: 0, gap: 0, method: "closed-form" }
    }
    o.minimiser(out)
    if (domain.contains(out)) return { value: this.n * o.minValue, gap: 0, method: "closed-form" }
    domain.project(out, out)
    const value = o.value(out)
    return { value: this.n * value, gap: this.n * Math.max(0, value - o.minValue), method: "closed-form" }
  }
}

export const objectiveFamily: LossFamily = {
  name: "objective",
  createStats: (dim) => new ObjectiveStats(dim)
}
