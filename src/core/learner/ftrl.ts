// Follow the Regularised Leader with the quadratic regulariser ‖x − x_1‖²/(2η_t), i.e. Nesterov's
// dual averaging with "lazy" projection: x_{t+1} = Π_F(x_1 − η_t Σ_{s≤t} g_s). Unlike projected
// gradient descent (greedy projection, x_{t+1} = Π_F(x_t − η_t g_t)), the projection never feeds
// back into the state: only the running gradient sum does. The two coincide without constraints
// and differ as soon as the projection is active (docs/reference/online-learning.md §2).
import type { Fields, ValuesOf } from "../config/fields.ts"
import type { Domain } from "../types.ts"
import { NeumaierVector } from "../sum.ts"
import type { Learner, LearnerFailure, LearnerKind } from "./learner.ts"
import { stepSize, stepSizeFields, stepSizeText } from "./step-size.ts"

export const ftrlFields = { ...stepSizeFields } as const satisfies Fields

export type FtrlConfig = { readonly kind: "ftrl"; readonly preset: string } & ValuesOf<typeof ftrlFields>

export class FtrlLearner implements Learner {
  readonly dim: number
  readonly x: Float64Array
  failure: LearnerFailure | undefined = undefined
  /** x_1, the regulariser's centre. */
  private readonly x1: Float64Array
  /** θ_t = Σ g_s, compensated. */
  private readonly theta: NeumaierVector

  constructor(readonly config: FtrlConfig, private readonly domain: Domain) {
    const d = (this.dim = domain.dim)
    this.x = new Float64Array(d)
    this.x1 = new Float64Array(d)
    this.theta = new NeumaierVector(d)
  }

  reset(start: Float64Array): void {
    this.x.set(start)
    this.x1.set(start)
    this.theta.reset()
    this.failure = undefined
  }

  update(t: number, g: Float64Array): boolean {
    const eta = stepSize(this.config, t), x = this.x
    for (let i = 0; i < this.dim; i++) {
      if (!Number.isFinite(g[i])) {
        this.failure = { what: "gradient", value: g[i] }
        return false
      }
      this.theta.addAt(i, g[i])
      x[i] = this.x1[i] - eta * this.theta.get(i)
    }
    this.domain.project(x, x)
    for (let i = 0; i < this.dim; i++) {
      if (!Number.isFinite(x[i])) {
        this.failure = { what: "iterate", value: x[i] }
        return false
      }
    }
    return true
  }

  /** The regulariser's strength 1/η_t per coordinate: the analogue of Algorithm 1's √V_t/α_t. */
  inverseStep(t: number, out: Float64Array): void {
    out.fill(1 / stepSize(this.config, t))
  }

  snapshot() {
    const theta = new Float64Array(this.dim)
    this.theta.valueInto(theta)
    return { theta: Array.from(theta), x1: Array.from(this.x1) }
  }
}

export const ftrlKind: LearnerKind<FtrlConfig> = {
  kind: "ftrl",
  family: "ftrl",
  title: "FTRL / dual averaging with a quadratic regulariser (lazy projection)",
  citation: "Nesterov 2009 (dual averaging); McMahan 2017; Orabona 2019, Ch. 7",
  fields: ftrlFields,
  presets: { paper: { preset: "paper", alpha: 0.5, stepSchedule: { kind: "inv-sqrt" } } },
  examples: { valid: [{ alpha: 0.5 }, { alpha: 0.1, stepSchedule: { kind: "constant" } }] },
  describe: stepSizeText,
  create: (config, domain) => new FtrlLearner(config, domain)
}
