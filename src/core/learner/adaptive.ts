// Reddi et al.'s Algorithm 1, the generic adaptive method, with every convention as an explicit
// knob: x_{t+1} = Π_{F,√V_t}(x_t − α_t m_t/√V_t). Every learner kind is a configuration of this
// one kernel, so all kinds share one monomorphic, allocation-free hot path (see DESIGN.md, "The hot loop").
import type { Domain } from "../types.ts"
import type { LearnerConfig } from "./config.ts"
import type { Learner } from "./learner.ts"

const V_NONE = 0, V_EMA = 1, V_SUM = 2, V_MEAN = 3
const M_NONE = 0, M_EMA = 1, M_HEAVY = 2
const B1_CONST = 0, B1_EXP = 1, B1_INV = 2
const S_CONST = 0, S_INVSQRT = 1, S_POWER = 2, S_INVTIME = 3, S_CUSTOM = 4

export class AdaptiveLearner implements Learner {
  readonly dim: number
  readonly x: Float64Array
  private readonly m: Float64Array
  private readonly v: Float64Array
  private readonly vmax: Float64Array
  /** √V_t/α_t per coordinate of the last update (the inverse effective step), for Γ_t. */
  private readonly invStep: Float64Array
  /** Projection weights √V_t (only for non-box domains). */
  private readonly weights: Float64Array
  private readonly lower: Float64Array | undefined
  private readonly upper: Float64Array | undefined

  // Knobs decoded once into numbers so the hot loop only compares small integers.
  private readonly alpha: number
  private readonly schedule: number
  private readonly schedulePower: number
  private readonly scheduleDecay: number
  private readonly scheduleFn: ((t: number) => number) | undefined
  private readonly momentumForm: number
  private readonly beta1: number
  private readonly beta1Kind: number
  private readonly beta1Lambda: number
  private readonly secondMoment: number
  private readonly beta2: number
  private readonly beta2InverseT: boolean
  private readonly amsgrad: number // 0 off, 1 raw, 2 corrected
  private readonly bc1: boolean
  private readonly bc2: boolean
  private readonly eps: number
  private readonly epsRoot: number
  private readonly l2: number
  private readonly decoupled: number
  private readonly sign: boolean
  private readonly weighted: boolean

  private beta1Product = 1
  private beta2Product = 1
  private beta1Power = 1 // λ^{t−1}
  gammaMin = Infinity
  gammaNegativeRounds = 0
  failure: Learner["failure"] = undefined

  constructor(readonly config: LearnerConfig, private readonly domain: Domain) {
    const d = (this.dim = domain.dim)
    this.x = new Float64Array(d)
    this.m = new Float64Array(d)
    this.v = new Float64Array(d)
    this.vmax = new Float64Array(d)
    this.invStep = new Float64Array(d)
    this.weights = new Float64Array(d)
    this.lower = domain.box?.lower
    this.upper = domain.box?.upper
    this.alpha = config.alpha
    const s = config.stepSchedule
    this.schedule = s.kind === "constant" ? S_CONST : s.kind === "inv-sqrt" ? S_INVSQRT : s.kind === "power" ? S_POWER : s.kind === "inverse-time" ? S_INVTIME : S_CUSTOM
    this.schedulePower = s.kind === "power" ? s.power : 0
    this.scheduleDecay = s.kind === "inverse-time" ? s.decay : 0
    this.scheduleFn = s.kind === "custom" ? s.fn : undefined
    this.momentumForm = config.momentum === "ema" ? M_EMA : config.momentum === "heavy-ball" ? M_HEAVY : M_NONE
    this.beta1 = config.momentum === "none" ? 0 : config.beta1
    const b = config.beta1Schedule
    this.beta1Kind = b.kind === "exponential" ? B1_EXP : b.kind === "inverse" ? B1_INV : B1_CONST
    this.beta1Lambda = b.kind === "exponential" ? b.lambda : 1
    this.secondMoment = { none: V_NONE, ema: V_EMA, sum: V_SUM, mean: V_MEAN }[config.secondMoment]
    this.beta2 = config.beta2
    this.beta2InverseT = config.beta2Schedule === "inverse-t"
    this.amsgrad = config.amsgrad === "raw" ? 1 : config.amsgrad === "corrected" ? 2 : 0
    this.bc1 = config.biasCorrection1
    this.bc2 = config.biasCorrection2
    this.eps = config.eps
    this.epsRoot = config.epsRoot
    this.l2 = config.weightDecayMode === "l2" ? config.weightDecay : 0
    this.decoupled = config.weightDecayMode === "decoupled" ? config.weightDecay : 0
    this.sign = config.sign
    this.weighted = config.projection === "weighted" && this.secondMoment !== V_NONE
  }

  reset(start: Float64Array): void {
    this.x.set(start)
    this.m.fill(0)
    this.v.fill(this.config.initialAccumulator)
    this.vmax.fill(0)
    this.invStep.fill(0)
    this.beta1Product = 1
    this.beta2Product = 1
    this.beta1Power = 1
    this.gammaMin = Infinity
    this.gammaNegativeRounds = 0
    this.failure = undefined
  }

  /** α_t for round t. */
  stepSize(t: number): number {
    switch (this.schedule) {
      case S_CONST: return this.alpha
      case S_INVSQRT: return this.alpha / Math.sqrt(t)
      case S_POWER: return this.alpha / Math.pow(t, this.schedulePower)
      case S_INVTIME: return this.alpha / (1 + (t - 1) * this.scheduleDecay)
      default: return this.scheduleFn!(t)
    }
  }

  update(t: number, g: Float64Array): boolean {
    const at = this.stepSize(t)
    if (!(at > 0 && at < Infinity)) {
      this.failure = { what: "state", value: at }
      return false
    }
    // Per-round coefficients: β1t and β2t, their running products for bias correction.
    let b1t = this.beta1
    if (this.beta1Kind === B1_EXP) {
      b1t = this.beta1 * this.beta1Power
      this.beta1Power *= this.beta1Lambda
    } else if (this.beta1Kind === B1_INV) b1t = this.beta1 / t
    const c1 = this.momentumForm === M_EMA ? 1 - b1t : 1
    const b2t = this.beta2InverseT ? 1 - 1 / t : this.beta2
    const c2 = 1 - b2t
    this.beta1Product *= b1t
    this.beta2Product *= b2t
    const mScale = this.bc1 ? 1 / (1 - this.beta1Product) : 1
    const vScale = this.bc2 ? 1 / (1 - this.beta2Product) : this.secondMoment === V_MEAN ? 1 / t : 1
    const l2 = this.l2
    const shrink = at * this.decoupled
    const eps = this.eps, epsRoot = this.epsRoot
    const sm = this.secondMoment, ams = this.amsgrad, sign = this.sign
    const x = this.x, m = this.m, v = this.v, vmax = this.vmax, inv = this.invStep
    const lower = this.lower, upper = this.upper, weights = this.weights
    let gammaMin = Infinity
    let check = 0
    for (let i = 0; i < x.length; i++) {
      const xi = x[i]
      const gi = g[i] + l2 * xi
      const mi = b1t * m[i] + c1 * gi
      m[i] = mi
      let denom = 1
      if (sm !== V_NONE) {
        let vi = v[i]
        if (sm === V_EMA) vi = b2t * vi + c2 * (gi * gi)
        else vi = vi + gi * gi
        v[i] = vi
        let vd = vi * vScale
        if (ams === 1) {
          const mx = vmax[i] > vi ? vmax[i] : vi
          vmax[i] = mx
          vd = mx * vScale
        } else if (ams === 2) {
          const mx = vmax[i] > vd ? vmax[i] : vd
          vmax[i] = mx
          vd = mx
        }
        denom = Math.sqrt(vd + epsRoot) + eps
      }
      const mh = mi * mScale
      // 0/0 (no gradient seen yet on this coordinate, no ε) is a zero step, not NaN.
      const dir = sign ? (mh > 0 ? 1 : mh < 0 ? -1 : 0) : denom > 0 ? mh / denom : 0
      check += (gi - gi) + (dir - dir) + (denom - denom)
      const is = denom / at
      const gamma = is - inv[i]
      if (gamma < gammaMin) gammaMin = gamma
      inv[i] = is
      let xn = xi - at * dir - shrink * xi
      if (lower !== undefined) {
        // On a box the weighted projection is clipping, whatever the weights (reddi2018.md §2).
        const lo = lower[i], hi = upper![i]
        xn = xn < lo ? lo : xn > hi ? hi : xn
      } else weights[i] = denom
      x[i] = xn
    }
    this.gammaMin = gammaMin
    if (gammaMin < 0) this.gammaNegativeRounds++
    if (check !== 0) return this.fail(g)
    if (lower === undefined) {
      if (this.weighted) this.domain.projectWeighted(x, weights, x)
      else this.domain.project(x, x)
      for (let i = 0; i < x.length; i++) {
        if (!Number.isFinite(x[i])) {
          this.failure = { what: "iterate", value: x[i] }
          return false
        }
      }
    }
    return true
  }

  private fail(g: Float64Array): false {
    for (let i = 0; i < g.length; i++) {
      if (!Number.isFinite(g[i])) {
        this.failure = { what: "gradient", value: g[i] }
        return false
      }
    }
    let bad = NaN
    for (let i = 0; i < this.dim; i++) if (!Number.isFinite(this.v[i]) || !Number.isFinite(this.m[i])) bad = Number.isFinite(this.v[i]) ? this.m[i] : this.v[i]
    this.failure = { what: "state", value: bad }
    return false
  }

  effectiveStep(out: Float64Array): void {
    for (let i = 0; i < this.dim; i++) out[i] = this.invStep[i] > 0 ? 1 / this.invStep[i] : Infinity
  }

  snapshot() {
    return { m: Array.from(this.m), v: Array.from(this.v), vmax: Array.from(this.vmax) }
  }
}

export const createLearner = (config: LearnerConfig, domain: Domain): Learner => new AdaptiveLearner(config, domain)
