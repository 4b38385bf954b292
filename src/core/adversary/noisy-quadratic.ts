// i.i.d. quadratics f_t(x) = Σ_i (a_i/2)(x_i − ξ_{t,i})² with random centres ξ: Bernoulli on two
// values or Gaussian. Its mean (not its median) is the optimum of E f, so it separates learners that
// settle at the median (SignGD) from those near the mean (Dereich et al., reddi2018.md §6.5).
// E f(x) = Σ_i (a_i/2)(x_i − Eξ_i)² + Σ_i (a_i/2)Var ξ_i.
import { QuadraticLoss, quadraticFamily } from "../loss/quadratic.ts"
import { gaussian } from "../rng.ts"
import type { Adversary, Loss, LossFamily, RandomSource } from "../types.ts"

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
