// A listed sequence of linear gradients: "periodic" repeats the list forever (f_t uses entry
// (t−1) mod P); "scripted" plays it once and then holds the last entry (or reveals 0 after it).
// The general form of every oblivious linear construction, written as data.
import { LinearLoss, linearFamily } from "../loss/linear.ts"
import type { Adversary, Loss, LossFamily } from "../types.ts"
import { checkVectors } from "../config/fields.ts"
import type { AdversaryKind } from "./kind.ts"

export type SequenceMode = "cycle" | "hold-last" | "zero"

export class SequenceAdversary implements Adversary {
  readonly information = "oblivious" as const
  readonly family: LossFamily = linearFamily
  private readonly loss: LinearLoss
  /** Row-major gradients, one row per listed round. */
  private readonly table: Float64Array
  private readonly length: number

  constructor(readonly dim: number, gradients: readonly Float64Array[], private readonly mode: SequenceMode) {
    this.loss = new LinearLoss(dim)
    this.length = gradients.length
    this.table = new Float64Array(this.length * dim)
    gradients.forEach((g, k) => this.table.set(g, k * dim))
  }

  reset(): void {}

  reveal(t: number): Loss {
    let k = t - 1
    const g = this.loss.g
    if (k >= this.length) {
      if (this.mode === "cycle") k %= this.length
      else if (this.mode === "hold-last") k = this.length - 1
      else {
        g.fill(0)
        return this.loss
      }
    }
    const o = k * this.dim
    for (let i = 0; i < g.length; i++) g[i] = this.table[o + i]
    return this.loss
  }
}

export const periodicKind = {
  kind: "periodic",
  title: "Periodic sequence of linear losses",
  citation: "",
  information: "oblivious",
  family: "linear",
  params: { gradients: { type: "vectors", doc: "One gradient per round of the period; f_t(x) = ⟨gradients[(t−1) mod P], x⟩." } },
  examples: {
    valid: [{ kind: "periodic", gradients: [3, -1, -1] }, { kind: "periodic", gradients: [[1, -2, 0], [0.5, 0.25, -1]] }],
    invalid: [[{ kind: "periodic", gradients: [] }, "gradients: expected a non-empty array of vectors of length 1, got []"]]
  },
  describe: (c) => `periodic linear, period ${(c.gradients as unknown[]).length}`,
  create: (c, dim) => new SequenceAdversary(dim, checkVectors("gradients", c.gradients, dim), "cycle")
} satisfies AdversaryKind

export const scriptedKind = {
  kind: "scripted",
  title: "Scripted sequence of linear losses",
  citation: "",
  information: "oblivious",
  family: "linear",
  params: {
    gradients: { type: "vectors", doc: "The gradient of round t = 1, 2, …" },
    after: { type: "enum", doc: "What follows the script: hold the last gradient, reveal 0, or cycle.", values: ["hold-last", "zero", "cycle"] as const, default: "hold-last" }
  },
  examples: { valid: [{ kind: "scripted", gradients: [2, -1, -1, -1], after: "zero" }, { kind: "scripted", gradients: [[1, -1, 0], [2, 0, 1]], after: "cycle" }, { kind: "scripted", gradients: [[0.5, 2, -1]] }] },
  describe: (c) => `scripted linear, ${(c.gradients as unknown[]).length} rounds, then ${String(c.after)}`,
  create: (c, dim) => new SequenceAdversary(dim, checkVectors("gradients", c.gradients, dim), c.after as SequenceMode)
} satisfies AdversaryKind
