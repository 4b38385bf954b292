// i.i.d. quadratics f_t(x) = Σ_i (a_i/2)(x_i − ξ_{t,i})² with random centres ξ: Bernoulli on two
// values or Gaussian. Its mean (not its median) is the optimum of E f, so it separates learners that
// settle at the median (SignGD) from those near the mean (Dereich et al., docs/reference/reddi2018.md §6.5).
// E f(x) = Σ_i (a_i/2)(x_i − Eξ_i)² + Σ_i (a_i/2)Var ξ_i.
import { QuadraticLoss, quadraticFamily } from "../loss/quadratic.ts"
import { gaussian } from "../rng.ts"
import type { Adversary, Loss, LossFamily, RandomSource } from "../types.ts"
import { checkVector } from "../config/fields.ts"
import { fmt, num, type AdversaryKind } from "./kind.ts"

export type CenterNoise =
  | { readonly kind: "bernoulli"; readonly p: number; readonly low: number; readonly high: number }
  | { readonly kind: "gaussian"; readonly mean: number; readonly sd: number }

export class NoisyQuadraticAdversary implements Adversary {
  readonly information = "stochastic" as const
  readonly family: LossFamily = quadraticFamily
  private readonly loss: QuadraticLoss
  private readonly expected: QuadraticLoss
  private uniform: () => number = () => {
    throw new Error("NoisyQuadraticAdversary.reveal() before reset()")
  }
  private readonly bernoulli: boolean
  private readonly p: number
  private readonly low: number
  private readonly high: number
  private readonly mean: number
  private readonly sd: number

  constructor(readonly dim: number, curvature: Float64Array, noise: CenterNoise) {
    this.loss = new QuadraticLoss(dim, curvature)
    this.bernoulli = noise.kind === "bernoulli"
    this.p = noise.kind === "bernoulli" ? noise.p : 0
    this.low = noise.kind === "bernoulli" ? noise.low : 0
    this.high = noise.kind === "bernoulli" ? noise.high : 0
    this.mean = noise.kind === "bernoulli" ? noise.low + noise.p * (noise.high - noise.low) : noise.mean
    this.sd = noise.kind === "gaussian" ? noise.sd : 0
    const variance = noise.kind === "bernoulli" ? noise.p * (1 - noise.p) * (noise.high - noise.low) ** 2 : noise.sd ** 2
    let aSum = 0
    for (const a of curvature) aSum += a
    this.expected = new QuadraticLoss(dim, curvature, new Float64Array(dim).fill(this.mean), 0.5 * aSum * variance)
  }

  reset(random: RandomSource): void {
    this.uniform = random.stream("adversary")
  }

  reveal(): Loss {
    const b = this.loss.b
    for (let i = 0; i < b.length; i++) {
      b[i] = this.bernoulli ? (this.uniform() < this.p ? this.high : this.low) : this.mean + this.sd * gaussian(this.uniform)
    }
    return this.loss
  }

  expectedLoss(): Loss {
    return this.expected
  }
}

export const noisyQuadraticKind = {
  kind: "noisy-quadratic",
  title: "i.i.d. quadratic with random centre ξ",
  citation: "Dereich et al. 2024–2025 (Adam vector field)",
  information: "stochastic",
  family: "quadratic",
  params: {
    curvature: { type: "vector", doc: "Curvatures a_i ≥ 0.", default: 1, min: 0 },
    noise: { type: "enum", doc: "Distribution of each ξ_i: bernoulli (low/high with P(high) = p) or gaussian (mean, sd).", values: ["bernoulli", "gaussian"] as const, default: "bernoulli" },
    p: { type: "number", doc: "bernoulli: P(ξ = high).", default: 0.5, min: 0, max: 1 },
    low: { type: "number", doc: "bernoulli: the value with probability 1 − p.", default: 0 },
    high: { type: "number", doc: "bernoulli: the value with probability p.", default: 1 },
    mean: { type: "number", doc: "gaussian: mean of ξ.", default: 0 },
    sd: { type: "number", doc: "gaussian: standard deviation of ξ.", default: 1, min: 0 }
  },
  examples: { valid: [{ kind: "noisy-quadratic", p: 0.2 }, { kind: "noisy-quadratic", noise: "gaussian", mean: 0.3, sd: 0.5 }] },
  describe: (c) => c.noise === "bernoulli"
    ? `f_t(x) = ½(x − ξ_t)², ξ_t = ${fmt(num(c, "high"))} with probability ${fmt(num(c, "p"))} else ${fmt(num(c, "low"))}`
    : `f_t(x) = ½(x − ξ_t)², ξ_t ~ N(${fmt(num(c, "mean"))}, ${fmt(num(c, "sd"))}²)`,
  create: (c, dim) => new NoisyQuadraticAdversary(dim, checkVector("curvature", c.curvature, dim), c.noise === "bernoulli"
    ? { kind: "bernoulli", p: num(c, "p"), low: num(c, "low"), high: num(c, "high") }
    : { kind: "gaussian", mean: num(c, "mean"), sd: num(c, "sd") })
} satisfies AdversaryKind
