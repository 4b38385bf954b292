// Reddi et al.'s Algorithm 1, the generic adaptive method, with every convention as an explicit
// field: x_{t+1} = Π_{F,√V_t}(x_t − α_t m_t/√V_t). Every kind of this family (OGD … AMSGrad) is a
// configuration of it. The update is the round kernel (kernel.ts) compiled for the configuration
// and the domain; this class holds the learner's own state and offers the game the fused kernel.
import { ConfigError } from "../../config/error.ts"
import type { Accounting } from "../../game/accounting.ts"
import type { Domain } from "../../types.ts"
import type { FusedAccounting, FusedRounds, Learner, LearnerFailure, LearnerKind } from "../learner.ts"
import { algorithm1Fields, algorithm1Labels, type Algorithm1Config, type Algorithm1Kind } from "./fields.ts"
import { compileInverseStep, compileKernel, createKernelState, FAILURES, kernelParams, type InverseStep, type Kernel, type KernelShape, type KernelState } from "./kernel.ts"
import { algorithm1Kinds } from "./presets.ts"

const NONE = new Float64Array(0)
const NO_ACCOUNTING: readonly Float64Array[] = []

export class AdaptiveLearner implements Learner {
  readonly dim: number
  readonly state: KernelState
  private readonly shape: Omit<KernelShape, keyof FusedAccounting | "accounting">
  /** The kernel without the game's accounting, for update(); compiled on first use. */
  private bare: Kernel | undefined = undefined
  private reader: InverseStep | undefined = undefined

  constructor(readonly config: Algorithm1Config, domain: Domain) {
    const d = (this.dim = domain.dim)
    const lower = domain.box?.lower ?? new Float64Array(d).fill(-Infinity)
    const upper = domain.box?.upper ?? new Float64Array(d).fill(Infinity)
    const uniform = domain.box !== undefined && lower.every((l) => l === lower[0]) && upper.every((u) => u === upper[0])
    const symmetric = domain.box !== undefined && lower.every((l, i) => l === -upper[i])
    this.shape = { config, dim: d, bounds: domain.box === undefined ? "projected" : uniform ? "uniform" : "box", lo: lower[0], hi: upper[0], symmetric }
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

  reset(start: Float64Array): void {
    const s = this.state
    s.x.set(start)
    s.m.fill(0)
    s.v.fill(this.config.initialAccumulator)
    s.vmax.fill(0)
    s.weights.fill(0)
    s.sc.set([1, 1, 1])
    s.fail.fill(0)
  }

  update(t: number, g: Float64Array): boolean {
    this.bare ??= compileKernel({ ...this.shape, accounting: false, linear: false, expected: "none", gradientSums: false, windowX: false, windowRegret: false })
    return this.bare(this.state.args, NO_ACCOUNTING, t, 1, g, NONE, NONE, NONE) === 1
  }

  inverseStep(t: number, out: Float64Array): void {
    this.reader ??= compileInverseStep(this.config, this.dim)
    this.reader(this.state.args, t, out)
  }

  fuse(accounting: Accounting, shape: FusedAccounting): FusedRounds {
    const kernel = compileKernel({ ...this.shape, accounting: true, ...shape })
    const L = this.state.args, A = accounting.args
    return (t0, K, G, C, F, E) => kernel(L, A, t0, K, G, C, F, E)
  }

  get failure(): LearnerFailure | undefined {
    const what = FAILURES[this.state.fail[0]]
    return what === "none" ? undefined : { what, value: this.state.fail[1] }
  }

  snapshot() {
    const s = this.state
    return { m: Array.from(s.m), v: Array.from(s.v), vmax: Array.from(s.vmax) }
  }
}

/** Combinations that mean nothing: say so rather than silently ignore a field. */
const check = (c: Algorithm1Config): void => {
  if (c.momentum === "none" && c.beta1 !== 0) throw new ConfigError("beta1", c.beta1, "0 when momentum is \"none\"")
  if (c.amsgrad !== "off" && c.secondMoment !== "ema") throw new ConfigError("amsgrad", c.amsgrad, "\"off\" unless secondMoment is \"ema\"")
  if (c.biasCorrection2 && c.secondMoment !== "ema") throw new ConfigError("biasCorrection2", true, "false unless secondMoment is \"ema\"")
  if (c.biasCorrection1 && c.momentum !== "ema") throw new ConfigError("biasCorrection1", true, "false unless momentum is \"ema\"")
  if (c.sign && c.secondMoment !== "none") throw new ConfigError("sign", true, "false unless secondMoment is \"none\"")
  if (c.beta2Schedule === "inverse-t" && c.secondMoment !== "ema") throw new ConfigError("beta2Schedule", c.beta2Schedule, "\"constant\" unless secondMoment is \"ema\"")
  if (c.beta2Schedule === "inverse-t" && c.biasCorrection2) throw new ConfigError("biasCorrection2", true, "false with beta2Schedule \"inverse-t\" (v_t is already the mean of g²)")
}

/** The fields' label pieces in the table's order. */
const describe = (c: Algorithm1Config): string =>
  (Object.keys(algorithm1Fields) as (keyof typeof algorithm1Fields)[])
    .map((name) => algorithm1Labels[name]?.(c))
    .filter((p) => p !== undefined)
    .join(", ")

const kindOf = (kind: Algorithm1Kind): LearnerKind<Algorithm1Config> => {
  const entry = algorithm1Kinds[kind]
  return {
    kind,
    family: "algorithm1",
    title: entry.title,
    citation: entry.citation,
    fields: algorithm1Fields,
    presets: entry.presets,
    examples: entry.examples,
    check,
    describe,
    create: (config, domain) => new AdaptiveLearner(config, domain)
  }
}

/** The Algorithm-1 kinds, in the order `regretlab list` shows them. */
export const algorithm1LearnerKinds: readonly LearnerKind<Algorithm1Config>[] = (Object.keys(algorithm1Kinds) as Algorithm1Kind[]).map(kindOf)
