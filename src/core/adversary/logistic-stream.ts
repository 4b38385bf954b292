// Online logistic regression on a seeded synthetic stream: features z_t ~ N(0, σ²I) (or uniform on
// the sphere of radius σ, which bounds ‖z_t‖ and so the losses' exp-concavity constant), labels
// y_t = +1 with probability sigmoid(⟨w*, z_t⟩) for a hidden w* (drawn once per seed, norm `signal`),
// loss f_t(x) = log(1 + exp(−y_t⟨z_t, x⟩)). The truth and the stream use separate named streams.
import { LogisticLoss, logisticFamily, sigmoid } from "../loss/logistic.ts"
import { gaussian } from "../rng.ts"
import type { Adversary, Loss, LossFamily, RandomSource } from "../types.ts"
import { fmt, num, type AdversaryKind } from "./kind.ts"

export class LogisticStreamAdversary implements Adversary {
  readonly information = "stochastic" as const
  readonly family: LossFamily = logisticFamily
  private readonly loss: LogisticLoss
  /** The hidden w* of the current realisation. */
  readonly truth: Float64Array
  private uniform: () => number = () => {
    throw new Error("LogisticStreamAdversary.reveal() before reset()")
  }

  constructor(readonly dim: number, private readonly featureScale: number, private readonly signal: number, private readonly sphere = false) {
    this.loss = new LogisticLoss(dim)
    this.truth = new Float64Array(dim)
  }

  reset(random: RandomSource): void {
    const draw = random.stream("adversary/truth")
    let norm = 0
    for (let i = 0; i < this.dim; i++) {
      this.truth[i] = gaussian(draw)
      norm += this.truth[i] ** 2
    }
    const k = this.signal / Math.sqrt(norm)
    for (let i = 0; i < this.dim; i++) this.truth[i] *= k
    this.uniform = random.stream("adversary")
  }

  reveal(): Loss {
    const w = this.loss.w
    let z = 0, norm = 0
    for (let i = 0; i < this.dim; i++) {
      w[i] = this.featureScale * gaussian(this.uniform)
      norm += w[i] * w[i]
    }
    // A Gaussian direction scaled to length σ is uniform on the sphere of radius σ.
    const k = this.sphere ? this.featureScale / Math.sqrt(norm) : 1
    for (let i = 0; i < this.dim; i++) {
      if (this.sphere) w[i] *= k
      z += w[i] * this.truth[i]
    }
    this.loss.y = this.uniform() < sigmoid(z) ? 1 : -1
    return this.loss
  }
}

export const logisticStreamKind = {
  kind: "logistic-stream",
  title: "Online logistic regression on seeded synthetic data",
  citation: "",
  information: "stochastic",
  family: "logistic",
  params: {
    featureScale: { type: "number", doc: "Standard deviation σ of every feature (gaussian), or the radius of the sphere (sphere).", default: 1, min: 0, minOpen: true },
    features: { type: "enum", doc: "gaussian: z ~ N(0, σ²I); sphere: z uniform on ‖z‖ = σ (bounded gradients, a known exp-concavity constant).", values: ["gaussian", "sphere"] as const, default: "gaussian" },
    signal: { type: "number", doc: "‖w*‖ of the hidden weights (larger: cleaner labels).", default: 2, min: 0 }
  },
  examples: { valid: [{ kind: "logistic-stream" }, { kind: "logistic-stream", features: "sphere", signal: 0.5 }] },
  describe: (c) => `logistic loss on ${c.features === "sphere" ? `z_t uniform on ‖z‖ = ${fmt(num(c, "featureScale"))}` : `z_t ~ N(0, ${fmt(num(c, "featureScale"))}²I)`}, y_t ~ sigmoid(⟨w*, z_t⟩), ‖w*‖ = ${fmt(num(c, "signal"))}`,
  create: (c, dim) => new LogisticStreamAdversary(dim, num(c, "featureScale"), num(c, "signal"), c.features === "sphere")
} satisfies AdversaryKind
