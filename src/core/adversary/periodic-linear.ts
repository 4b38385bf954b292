// Reddi et al.'s periodic linear sequence: f_t(x) = s·C·⟨u, x⟩ if t mod P = 1, else −s·⟨u, x⟩.
// With P = 3 and C > 2 this is Theorem 1; with P = C it is Theorem 2; with s = 10, C = 101, P = 101
// it is the Section 5 online experiment. The running gradient sum stays positive along u, so the best
// fixed point in hindsight is the far end along −u (x = −1 on [−1, 1]).
import { LinearLoss, linearFamily } from "../loss/linear.ts"
import { countedSum } from "../sum.ts"
import type { Adversary, LinearSums, Loss, LossFamily } from "../types.ts"
import { checkVector } from "../config/fields.ts"
import { fmt, num, type AdversaryKind } from "./kind.ts"
import { direction, scale } from "./shared-params.ts"

export class PeriodicLinearAdversary implements Adversary {
  readonly information = "oblivious" as const
  readonly family: LossFamily = linearFamily
  private readonly loss: LinearLoss

  /** [hi, lo] scratch for countedSum. */
  private readonly pair = new Float64Array(2)

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

  /**
   * The sums over rounds 1 … t in closed form. Of those rounds, n = ⌊(t−1)/P⌋ + 1 have gradient
   * a_i = (s·C)·u_i and m = t − n have b_i = (−s)·u_i (each rounded once, as reveal() rounds it),
   * so Σ g_i = n·a_i + m·b_i and Σ g_i² = n·a_i² + m·b_i², taken exactly (countedSum); the offsets are 0.
   */
  linearSums(t: number, out: LinearSums): void {
    const n = Math.floor((t - 1) / this.period) + 1, m = t - n
    const big = this.scale * this.C, small = -this.scale, u = this.direction, pair = this.pair
    let infA = 0, infB = 0, sqA = 0, sqB = 0
    for (let i = 0; i < this.dim; i++) {
      const a = big * u[i], b = small * u[i]
      countedSum(n, a, m, b, pair, 0)
      out.gSum[i] = pair[0]
      out.gComp[i] = pair[1]
      const a2 = a * a, b2 = b * b
      countedSum(n, a2, m, b2, pair, 0)
      out.gSq[i] = pair[0] + pair[1]
      // ‖g‖∞ and ‖g‖₂² of the two gradients, ‖g‖₂² summed over i in order as the round kernel does.
      infA = Math.max(infA, Math.abs(a))
      infB = Math.max(infB, Math.abs(b))
      sqA += a2
      sqB += b2
    }
    out.scalars[0] = 0
    out.scalars[1] = 0
    out.scalars[2] = m > 0 ? Math.max(infA, infB) : infA
    out.scalars[3] = m > 0 ? Math.max(sqA, sqB) : sqA
  }

  /** K rounds at once, exactly as K calls of reveal(): one modulo per chunk, then the phase steps. */
  revealLinearChunk(t0: number, K: number, G: Float64Array, C: Float64Array): void {
    const d = this.dim, u = this.direction, big = this.scale * this.C, small = -this.scale, period = this.period
    let phase = (t0 - 1) % period
    C.fill(0, 0, K)
    if (d === 1) {
      // The common 1-D case: fill with the small gradient, then write the big one every P rounds
      // (a per-round loop cost as much as a third of the whole round).
      G.fill(small * u[0], 0, K)
      const a = big * u[0]
      for (let k = phase === 0 ? 0 : period - phase; k < K; k += period) G[k] = a
      return
    }
    for (let k = 0, o = 0; k < K; k++, o += d) {
      const coef = phase === 0 ? big : small
      for (let i = 0; i < d; i++) G[o + i] = coef * u[i]
      if (++phase === period) phase = 0
    }
  }
}

export const periodicLinearKind = {
  kind: "periodic-linear",
  title: "Periodic linear sequence",
  citation: "Reddi, Kale & Kumar 2018, Theorems 1–2 and Section 5",
  information: "oblivious",
  family: "linear",
  params: {
    C: { type: "number", doc: "Gradient multiplier C of the first round of each period." },
    period: { type: "number", doc: "Period P: f_t = s·C·⟨u, x⟩ when t mod P = 1.", default: 3, min: 1, integer: true },
    scale,
    direction
  },
  examples: {
    valid: [{ kind: "periodic-linear", C: 3 }, { kind: "periodic-linear", C: 101, period: 101, scale: 10 }, { kind: "periodic-linear", C: 5, period: 4, scale: 0.5, direction: -1 }],
    invalid: [[{ kind: "periodic-linear", C: 3, period: 0 }, "period: expected an integer ≥ 1, got 0"]]
  },
  describe: (c) => `f_t(x) = ${fmt(num(c, "scale") * num(c, "C"))}·x if t mod ${num(c, "period")} = 1, else −${fmt(num(c, "scale"))}·x`,
  create: (c, dim) => new PeriodicLinearAdversary(dim, num(c, "C"), num(c, "period"), num(c, "scale"), checkVector("direction", c.direction, dim))
} satisfies AdversaryKind
