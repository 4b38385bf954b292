// Reddi et al.'s periodic linear sequence: f_t(x) = s·C·⟨u, x⟩ if t mod P = 1, else −s·⟨u, x⟩.
// With P = 3 and C > 2 this is Theorem 1; with P = C it is Theorem 2; with s = 10, C = 101, P = 101
// it is the Section 5 online experiment. The running gradient sum stays positive along u, so the best
// fixed point in hindsight is the far end along −u (x = −1 on [−1, 1]).
import { LinearLoss, linearFamily } from "../loss/linear.ts"
import type { Adversary, Loss, LossFamily } from "../types.ts"

export class PeriodicLinearAdversary implements Adversary {
  readonly information = "oblivious" as const
  readonly family: LossFamily = linearFamily
  private readonly loss: LinearLoss

  constructor(
    readonly dim: number,
    readonly C: number,
    readonly period: number,
    readonly scale: number,
    /** Direction u (all ones by default): the gradient is a multiple of it. */
    private readonly direction: Float64Array
  ) {
    this.loss = new LinearLoss(dim)
  }

  reset(): void {}

  reveal(t: number): Loss {
    const coef = (t - 1) % this.period === 0 ? this.scale * this.C : -this.scale
    const g = this.loss.g
    const u = this.direction
    for (let i = 0; i < g.length; i++) g[i] = coef * u[i]
    return this.loss
  }

  /** K rounds at once, exactly as K calls of reveal(): one modulo per chunk, then the phase steps. */
  revealLinearChunk(t0: number, K: number, G: Float64Array, C: Float64Array): void {
    const d = this.dim, u = this.direction, big = this.scale * this.C, small = -this.scale, period = this.period
    let phase = (t0 - 1) % period
    for (let k = 0; k < K; k++) {
      const coef = phase === 0 ? big : small
      for (let i = 0; i < d; i++) G[k * d + i] = coef * u[i]
      C[k] = 0
      if (++phase === period) phase = 0
    }
  }
}
