// The same quadratic every round, f_t(x) = Σ_i (a_i/2)(x_i − b_i)²: online play reduces to batch
// optimisation, where Bock & Weiß found Adam's 2-limit-cycles (docs/reference/reddi2018.md §6.3).
import { QuadraticLoss, quadraticFamily } from "../loss/quadratic.ts"
import type { Adversary, Loss, LossFamily } from "../types.ts"
import { checkVector } from "../config/fields.ts"
import type { AdversaryKind } from "./kind.ts"

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

export const quadraticKind = {
  kind: "quadratic",
  title: "Fixed quadratic Σ (a_i/2)(x_i − b_i)²",
  citation: "Bock & Weiß 2019 (batch Adam limit cycles)",
  information: "oblivious",
  family: "quadratic",
  params: {
    curvature: { type: "vector", doc: "Curvatures a_i ≥ 0.", default: 1, min: 0 },
    center: { type: "vector", doc: "Centres b_i.", default: 0 }
  },
  examples: { valid: [{ kind: "quadratic" }, { kind: "quadratic", curvature: 2, center: 0.5 }] },
  describe: () => "f_t(x) = Σ (a_i/2)(x_i − b_i)² every round",
  create: (c, dim) => new FixedQuadraticAdversary(dim, checkVector("curvature", c.curvature, dim), checkVector("center", c.center, dim))
} satisfies AdversaryKind
