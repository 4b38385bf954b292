// The stochastic version of the periodic construction (Reddi et al. Theorem 3 and the Section 5
// stochastic experiment): i.i.d. f_t(x) = s·C·⟨u, x⟩ with probability p, else −s·⟨u, x⟩.
// E f_t(x) = s(pC − (1 − p))⟨u, x⟩, which it declares so runs report pseudo-regret too.
import { LinearLoss, linearFamily } from "../loss/linear.ts"
import type { Adversary, Loss, LossFamily, RandomSource } from "../types.ts"

export class BernoulliLinearAdversary implements Adversary {
  readonly information = "stochastic" as const
  readonly family: LossFamily = linearFamily
  private readonly loss: LinearLoss
  private readonly expected: LinearLoss
  private uniform: () => number = () => {
    throw new Error("BernoulliLinearAdversary.reveal() before reset()")
  }

  constructor(
    readonly dim: number,
    readonly C: number,
    readonly p: number,
    readonly scale: number,
    private readonly direction: Float64Array
  ) {
    this.loss = new LinearLoss(dim)
    const mean = scale * (p * C - (1 - p))
    this.expected = new LinearLoss(dim, Array.from(direction, (u) => mean * u))
  }

  reset(random: RandomSource): void {
    this.uniform = random.stream("adversary")
  }

  reveal(): Loss {
    const coef = this.uniform() < this.p ? this.scale * this.C : -this.scale
    const g = this.loss.g
    const u = this.direction
    for (let i = 0; i < g.length; i++) g[i] = coef * u[i]
    return this.loss
  }

  expectedLoss(): Loss {
    return this.expected
  }
}
