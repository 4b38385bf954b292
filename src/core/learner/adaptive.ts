// Reddi et al.'s Algorithm 1, the generic adaptive method, with every convention as an explicit
// knob: x_{t+1} = Π_{F,√V_t}(x_t − α_t m_t/√V_t). Every learner kind is a configuration of it.
// The update itself is the round kernel (../kernel.ts), compiled for this configuration and
// domain; this class holds its state and answers the learner's questions about it.
import { compileKernel, createKernelState, FAILURES, kernelParams, type Kernel, type KernelAccounting, type KernelShape, type KernelState } from "../kernel.ts"
import type { Domain } from "../types.ts"
import type { LearnerConfig } from "./config.ts"
import type { Learner } from "./learner.ts"

const NONE = new Float64Array(0)

export class AdaptiveLearner implements Learner {
  readonly dim: number
  readonly state: KernelState
  private readonly shape: Omit<KernelShape, keyof KernelAccounting | "accounting">
  /** The kernel without the game's accounting, for update(); compiled on first use. */
  private bare: Kernel | undefined = undefined

  constructor(readonly config: LearnerConfig, domain: Domain) {
    const d = (this.dim = domain.dim)
    const lower = domain.box?.lower ?? new Float64Array(d).fill(-Infinity)
    const upper = domain.box?.upper ?? new Float64Array(d).fill(Infinity)
    const uniform = domain.box !== undefined && lower.every((l) => l === lower[0]) && upper.every((u) => u === upper[0])
    this.shape = { config, dim: d, bounds: domain.box === undefined ? "projected" : uniform ? "uniform" : "box", lo: lower[0], hi: upper[0] }
    // Non-box domains: Π_{F,√V_t} (or Π_F) of the unconstrained step, after each round.
    const weighted = config.projection === "weighted" && config.secondMoment !== "none"
    const project = (x: Float64Array, weights: Float64Array) => () => {
      if (weighted) domain.projectWeighted(x, weights, x)
      else domain.project(x, x)
      for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i])) return false
      return true
    }
    const fn = config.stepSchedule.kind === "custom" ? config.stepSchedule.fn : undefined
    this.state = createKernelState(d, lower, upper, fn, project, kernelParams(this.shape))
  }

  get x(): Float64Array {
    return this.state.x
  }

  /** The round kernel of this learner fused with the game's accounting (see ../kernel.ts). */
  kernel(accounting: KernelAccounting): Kernel {
    return compileKernel({ ...this.shape, accounting: true, ...accounting })
  }

  reset(start: Float64Array): void {
    const s = this.state
    s.x.set(start)
    s.m.fill(0)
    s.v.fill(this.config.initialAccumulator)
    s.vmax.fill(0)
    s.inv.fill(0)
    s.weights.fill(0)
    s.sc.set([1, 1, 1, Infinity, 0])
    for (const a of [s.acc, s.gs, s.gc, s.xs, s.xc, s.sq, s.lastX, s.fail]) a.fill(0)
  }

  update(t: number, g: Float64Array): boolean {
    this.bare ??= compileKernel({ ...this.shape, accounting: false, linear: false, expected: "none", gradientSums: false })
    return this.bare(this.state.args, t, 1, g, NONE, NONE, NONE) === 1
  }

  get failure(): Learner["failure"] {
    const what = FAILURES[this.state.fail[0]]
    return what === "none" || what === "loss" ? undefined : { what, value: this.state.fail[1] }
  }

  snapshot() {
    const s = this.state
    return { m: Array.from(s.m), v: Array.from(s.v), vmax: Array.from(s.vmax) }
  }
}

export const createLearner = (config: LearnerConfig, domain: Domain): AdaptiveLearner => new AdaptiveLearner(config, domain)
