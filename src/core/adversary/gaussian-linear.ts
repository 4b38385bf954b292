// i.i.d. linear losses with Gaussian gradients g_t = μ + σ ⊙ z_t, z_t ~ N(0, I). Unequal σ_i give
// Adam unequal second moments per coordinate, which is what makes the weighted projection
// Π_{F,√V_t} differ from the Euclidean one on a ball or simplex. E f_t(x) = ⟨μ, x⟩.
import { LinearLoss, linearFamily } from "../loss/linear.ts"
import { gaussian } from "../rng.ts"
import type { Adversary, Loss, LossFamily, RandomSource } from "../types.ts"
import { checkVector } from "../config/fields.ts"
import type { AdversaryKind } from "./kind.ts"

export class GaussianLinearAdversary implements Adversary {
  readonly information = "stochastic" as const
  readonly family: LossFamily = linearFamily
  private readonly loss: LinearLoss
  private readonly expected: LinearLoss
  private uniform: () => number = () => {
    throw new Error("GaussianLinearAdversary.reveal() before reset()")
  }

  constructor(readonly dim: number, private readonly mean: Float64Array, private readonly sd: Float64Array) {
    this.loss = new LinearLoss(dim)
    this.expected = new LinearLoss(dim, mean)
  }

  reset(random: RandomSource): void {
    this.uniform = random.stream("adversary")
  }

  reveal(): Loss {
    const g = this.loss.g
    for (let i = 0; i < g.length; i++) g[i] = this.mean[i] + this.sd[i] * gaussian(this.uniform)
    return this.loss
  }

  expectedLoss(): Loss {
    return this.expected
  }
}

export const gaussianLinearKind = {
  kind: "gaussian-linear",
  title: "i.i.d. linear with Gaussian gradients μ + σ ⊙ z",
  citation: "",
  information: "stochastic",
  family: "linear",
  params: {
    mean: { type: "vector", doc: "Mean gradient μ." },
    sd: { type: "vector", doc: "Per-coordinate standard deviation σ.", default: 1, min: 0 }
  },
  examples: { valid: [{ kind: "gaussian-linear", mean: 0.3 }, { kind: "gaussian-linear", mean: -1, sd: 2 }] },
  describe: () => "i.i.d. linear, g_t = μ + σ ⊙ z_t",
  create: (c, dim) => new GaussianLinearAdversary(dim, checkVector("mean", c.mean, dim), checkVector("sd", c.sd, dim))
} satisfies AdversaryKind
