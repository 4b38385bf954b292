// The stochastic version of the periodic construction (Reddi et al. Theorem 3 and the Section 5
// stochastic experiment): i.i.d. f_t(x) = s·C·⟨u, x⟩ with probability p, else −s·⟨u, x⟩.
// E f_t(x) = s(pC − (1 − p))⟨u, x⟩, which it declares so runs report pseudo-regret too.
import { LinearLoss, linearFamily } from "../loss/linear.ts"
import type { Adversary, Loss, LossFamily, RandomSource } from "../types.ts"
import { ConfigError } from "../config/error.ts"
import { checkVector } from "../config/fields.ts"
import { fmt, num, type AdversaryKind } from "./kind.ts"
import type { AdversaryParams } from "./params.ts"
import { direction, scale } from "./shared-params.ts"

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

const probability = (c: AdversaryParams): number =>
  c.p !== undefined ? num(c, "p") : (1 + num(c, "delta")) / (num(c, "C") + 1)

export const bernoulliLinearKind = {
  kind: "bernoulli-linear",
  title: "i.i.d. linear: s·C·x with probability p, else −s·x",
  citation: "Reddi, Kale & Kumar 2018, Theorem 3 and Section 5 (stochastic)",
  information: "stochastic",
  family: "linear",
  params: {
    C: { type: "number", doc: "Gradient multiplier of the rare round." },
    p: { type: "number", doc: "Probability of the rare round (give p or delta).", min: 0, max: 1, optional: true },
    delta: { type: "number", doc: "Theorem 3's δ; sets p = (1+δ)/(C+1), so E f(x) = s·δ·x (give p or delta).", min: 0, minOpen: true, optional: true },
    scale,
    direction
  },
  check: (c) => {
    if ((c.p === undefined) === (c.delta === undefined)) throw new ConfigError("p", c.p, "exactly one of p and delta")
    if (c.delta !== undefined && probability(c) > 1) throw new ConfigError("delta", c.delta, "a δ with (1+δ)/(C+1) ≤ 1")
    return c
  },
  examples: {
    valid: [{ kind: "bernoulli-linear", C: 101, p: 0.01, scale: 10 }, { kind: "bernoulli-linear", C: 50, delta: 0.1 }],
    invalid: [
      [{ kind: "bernoulli-linear", C: 3 }, "p: expected exactly one of p and delta, got nothing (missing)"],
      [{ kind: "bernoulli-linear", C: 3, p: 0.5, delta: 0.1 }, "p: expected exactly one of p and delta, got 0.5"]
    ]
  },
  describe: (c) => `f_t(x) = ${fmt(num(c, "scale") * num(c, "C"))}·x with probability ${fmt(probability(c))}, else −${fmt(num(c, "scale"))}·x`,
  create: (c, dim) => new BernoulliLinearAdversary(dim, num(c, "C"), probability(c), num(c, "scale"), checkVector("direction", c.direction, dim))
} satisfies AdversaryKind
