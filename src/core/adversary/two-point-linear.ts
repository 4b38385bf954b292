// i.i.d. linear losses from a two-point distribution: f_t(x) = ⟨a, x⟩ with probability p, else
// ⟨b, x⟩, for any vectors a and b. Reddi et al.'s Theorem 3 sequence (bernoulli-linear) is the
// case a = s·C·u, b = −s·u; the adversary search finds sequences of this general form. One uniform
// per round from the "adversary" stream, drawn exactly as bernoulli-linear draws it, so a
// bernoulli-linear sequence and its two-point form see the same rounds for a seed.
// E f_t(x) = ⟨p·a + (1 − p)·b, x⟩, declared so runs report pseudo-regret too.
import { LinearLoss, linearFamily } from "../loss/linear.ts"
import type { Adversary, Loss, LossFamily, RandomSource } from "../types.ts"
import { checkVector } from "../config/fields.ts"
import { fmt, num, type AdversaryKind } from "./kind.ts"

export class TwoPointLinearAdversary implements Adversary {
  readonly information = "stochastic" as const
  readonly family: LossFamily = linearFamily
  private readonly loss: LinearLoss
  private readonly expected: LinearLoss
  private uniform: () => number = () => {
    throw new Error("TwoPointLinearAdversary.reveal() before reset()")
  }

  constructor(readonly dim: number, private readonly a: Float64Array, private readonly b: Float64Array, readonly p: number) {
    this.loss = new LinearLoss(dim)
    this.expected = new LinearLoss(dim, Array.from(a, (ai, i) => p * ai + (1 - p) * b[i]))
  }

  reset(random: RandomSource): void {
    this.uniform = random.stream("adversary")
  }

  reveal(): Loss {
    this.loss.g.set(this.uniform() < this.p ? this.a : this.b)
    return this.loss
  }

  /** K rounds at once, one uniform each in round order, as K calls of reveal(). */
  revealLinearChunk(_t0: number, K: number, G: Float64Array, C: Float64Array): void {
    const d = this.dim
    C.fill(0, 0, K)
    for (let k = 0; k < K; k++) G.set(this.uniform() < this.p ? this.a : this.b, k * d)
  }

  expectedLoss(): Loss {
    return this.expected
  }
}

const vectorText = (v: unknown): string => (Array.isArray(v) ? `[${v.map((x) => fmt(x as number)).join(", ")}]` : fmt(v as number))

export const twoPointLinearKind: AdversaryKind = {
  kind: "two-point-linear",
  title: "i.i.d. linear: gradient a with probability p, else b",
  citation: "Reddi, Kale & Kumar 2018, Theorem 3 (the case a = s·C·u, b = −s·u)",
  information: "stochastic",
  family: "linear",
  params: {
    a: { type: "vector", doc: "The gradient drawn with probability p (a number is broadcast to every coordinate)." },
    b: { type: "vector", doc: "The gradient drawn otherwise." },
    p: { type: "number", doc: "Probability of a.", min: 0, max: 1 }
  },
  examples: {
    valid: [{ kind: "two-point-linear", a: 1, b: -0.1, p: 0.1 }, { kind: "two-point-linear", a: [1, -0.5, 0], b: [-0.02, 0.3, 1], p: 0.35 }],
    invalid: [[{ kind: "two-point-linear", a: 1, b: -1, p: 1.5 }, "p: expected a number in [0, 1], got 1.5"]]
  },
  describe: (c) => `i.i.d. linear: g = ${vectorText(c.a)} with probability ${fmt(num(c, "p"))}, else ${vectorText(c.b)}`,
  create: (c, dim) => new TwoPointLinearAdversary(dim, checkVector("a", c.a, dim), checkVector("b", c.b, dim), num(c, "p"))
}
