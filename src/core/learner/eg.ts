// Exponentiated Gradient (Hedge) on the probability simplex, in its lazy form: FTRL with the
// entropic regulariser KL(x‖x_1)/η_t, x_{t+1,i} ∝ x_{1,i}·exp(−η_t Σ_{s≤t} g_{s,i}). With a constant
// η it is exactly the multiplicative update x_{t+1,i} ∝ x_{t,i}·exp(−η g_{t,i}); with η_t = α/√t only
// the lazy form has a regret bound (docs/reference/online-learning.md §4).
import { ConfigError } from "../config/error.ts"
import type { Fields, ValuesOf } from "../config/fields.ts"
import { NeumaierVector } from "../sum.ts"
import type { Domain } from "../types.ts"
import type { Learner, LearnerFailure, LearnerKind } from "./learner.ts"
import { stepSize, stepSizeFields, stepSizeText } from "./step-size.ts"

export const egFields = { ...stepSizeFields } as const satisfies Fields

export type EgConfig = { readonly kind: "eg"; readonly preset: string } & ValuesOf<typeof egFields>

export class EgLearner implements Learner {
  readonly dim: number
  readonly x: Float64Array
  failure: LearnerFailure | undefined = undefined
  /** log x_1: the prior's weights. */
  private readonly logPrior: Float64Array
  private readonly theta: NeumaierVector
  private readonly w: Float64Array

  constructor(readonly config: EgConfig, domain: Domain) {
    const d = (this.dim = domain.dim)
    this.x = new Float64Array(d)
    this.logPrior = new Float64Array(d)
    this.theta = new NeumaierVector(d)
    this.w = new Float64Array(d)
  }

  reset(start: Float64Array): void {
    this.x.set(start)
    for (let i = 0; i < this.dim; i++) this.logPrior[i] = Math.log(start[i])
    this.theta.reset()
    this.failure = undefined
  }

  update(t: number, g: Float64Array): boolean {
    const d = this.dim, eta = stepSize(this.config, t), w = this.w, x = this.x
    // w_i = log x_{1,i} − η_t θ_i, shifted by its maximum so exp never overflows.
    let max = -Infinity
    for (let i = 0; i < d; i++) {
      const gi = g[i]
      if (!Number.isFinite(gi)) {
        this.failure = { what: "gradient", value: gi }
        return false
      }
      this.theta.addAt(i, gi)
      const wi = this.logPrior[i] - eta * this.theta.get(i)
      w[i] = wi
      if (wi > max) max = wi
    }
    if (!Number.isFinite(max)) {
      this.failure = { what: "state", value: max }
      return false
    }
    let sum = 0
    for (let i = 0; i < d; i++) sum += x[i] = Math.exp(w[i] - max)
    const inv = 1 / sum
    for (let i = 0; i < d; i++) x[i] *= inv
    return true
  }

  snapshot() {
    const theta = new Float64Array(this.dim)
    this.theta.valueInto(theta)
    return { theta: Array.from(theta) }
  }
}

export const egKind: LearnerKind<EgConfig> = {
  kind: "eg",
  family: "eg",
  title: "Exponentiated Gradient / Hedge on the simplex (lazy form)",
  citation: "Littlestone & Warmuth 1994; Freund & Schapire 1997; Kivinen & Warmuth 1997",
  fields: egFields,
  presets: { paper: { preset: "paper", alpha: 1, stepSchedule: { kind: "inv-sqrt" } } },
  domains: ["simplex"],
  checkStart: (_config, _domain, start) => {
    start.forEach((v, i) => {
      if (!(v > 0)) throw new ConfigError(`start[${i}]`, v, "a positive weight (EG's prior x_1 must lie inside the simplex)")
    })
  },
  examples: { valid: [{ alpha: 1 }, { alpha: 0.5, stepSchedule: { kind: "constant" } }] },
  describe: stepSizeText,
  create: (config, domain) => new EgLearner(config, domain)
}
