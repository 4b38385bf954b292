// An adaptive adversary: it sees x_t and reveals the linear loss f_t(x) = s·⟨u_t, x⟩ with
// u_t = (x_t − c)/‖x_t − c‖, so a gradient step always pushes the learner through the centre c
// towards the far end of the domain (u_t = e_1 when x_t = c). Against it no learner has a
// stable point; the regret a learner concedes measures how much it can be pushed around.
import { LinearLoss, linearFamily } from "../loss/linear.ts"
import type { Adversary, Loss, LossFamily } from "../types.ts"
import { checkVector } from "../config/fields.ts"
import { fmt, num, type AdversaryKind } from "./kind.ts"
import { scale } from "./shared-params.ts"

export class FarEndAdversary implements Adversary {
  readonly information = "adaptive" as const
  readonly family: LossFamily = linearFamily
  private readonly loss: LinearLoss

  constructor(readonly dim: number, private readonly center: Float64Array, private readonly scale: number) {
    this.loss = new LinearLoss(dim)
  }

  reset(): void {}

  reveal(_t: number, x: Float64Array): Loss {
    const g = this.loss.g
    const c = this.center
    let norm = 0
    for (let i = 0; i < g.length; i++) {
      const d = x[i] - c[i]
      g[i] = d
      norm += d * d
    }
    if (norm === 0) {
      g.fill(0)
      g[0] = this.scale
    } else {
      const k = this.scale / Math.sqrt(norm)
      for (let i = 0; i < g.length; i++) g[i] *= k
    }
    return this.loss
  }
}

export const farEndKind = {
  kind: "far-end",
  title: "Adaptive: pushes x_t towards the far end of the domain",
  citation: "",
  information: "adaptive",
  family: "linear",
  params: {
    center: { type: "vector", doc: "Centre c the learner is pushed through.", default: 0 },
    scale
  },
  examples: { valid: [{ kind: "far-end" }, { kind: "far-end", scale: 2, center: 0.1 }] },
  describe: (c) => `f_t(x) = ${fmt(num(c, "scale"))}·⟨(x_t − c)/‖x_t − c‖, x⟩ (adaptive)`,
  create: (c, dim) => new FarEndAdversary(dim, checkVector("center", c.center, dim), num(c, "scale"))
} satisfies AdversaryKind
