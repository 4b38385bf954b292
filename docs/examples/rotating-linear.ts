// A rotating linear adversary: f_t(x) = s·⟨u_t, x⟩ with u_t = (cos ωt, sin ωt, 0, …), the gradient
// turning by ω each round (in 1-D, u_t = cos ωt). An adversary in one file: the class and its kind.
import { checkNumber } from "../../src/core/config/fields.ts"
import type { AdversaryKind } from "../../src/core/adversary/kind.ts"
import { LinearLoss, linearFamily } from "../../src/core/loss/linear.ts"
import type { Adversary, Loss, LossFamily } from "../../src/core/types.ts"

class RotatingLinear implements Adversary {
  readonly information = "oblivious" as const
  readonly family: LossFamily = linearFamily
  private readonly loss: LinearLoss

  constructor(readonly dim: number, private readonly speed: number, private readonly scale: number) {
    this.loss = new LinearLoss(dim) // one loss object, rewritten every round
  }

  reset(): void {}

  reveal(t: number): Loss {
    const g = this.loss.g
    g[0] = this.scale * Math.cos(this.speed * t)
    if (this.dim > 1) g[1] = this.scale * Math.sin(this.speed * t)
    return this.loss
  }
}

export const rotatingLinearKind: AdversaryKind = {
  kind: "rotating-linear",
  title: "Linear losses whose gradient rotates by ω per round",
  citation: "",
  information: "oblivious",
  family: "linear",
  params: {
    speed: { type: "number", doc: "ω, the angle the gradient turns per round (radians).", default: 0.01 },
    scale: { type: "number", doc: "s, the gradient's length.", default: 1, min: 0, minOpen: true }
  },
  examples: { valid: [{ kind: "rotating-linear" }, { kind: "rotating-linear", speed: 0.5, scale: 2 }] },
  describe: (c) => `f_t(x) = ${c.scale}·⟨(cos ${c.speed}t, sin ${c.speed}t), x⟩`,
  create: (c, dim) => new RotatingLinear(dim, checkNumber("speed", c.speed, {}), c.scale as number)
}
