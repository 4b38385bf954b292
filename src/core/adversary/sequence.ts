// A listed sequence of linear gradients: "periodic" repeats the list forever (f_t uses entry
// (t−1) mod P); "scripted" plays it once and then holds the last entry (or reveals 0 after it).
// The general form of every oblivious linear construction, written as data.
import { LinearLoss, linearFamily } from "../loss/linear.ts"
import type { Adversary, Loss, LossFamily } from "../types.ts"

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
