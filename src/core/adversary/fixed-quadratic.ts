// The same quadratic every round, f_t(x) = Σ_i (a_i/2)(x_i − b_i)²: online play reduces to batch
// optimisation, where Bock & Weiß found Adam's 2-limit-cycles (reddi2018.md §6.3).
import { QuadraticLoss, quadraticFamily } from "../loss/quadratic.ts"
import type { Adversary, Loss, LossFamily } from "../types.ts"

export class FixedQuadraticAdversary implements Adversary {
  readonly information = "oblivious" as const
  readonly family: LossFamily = quadraticFamily
  private readonly loss: QuadraticLoss

  constructor(readonly dim: number, curvature: Float64Array, center: Float64Array) {
    this.loss = new QuadraticLoss(dim, curvature, center)
  }

  reset(): void {}

  reveal(): Loss {
    return this.loss
  }
}
