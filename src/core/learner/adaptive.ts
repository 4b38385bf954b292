// Reddi et al.'s Algorithm 1, the generic adaptive method, with every convention as an explicit
// knob: x_{t+1} = Π_{F,√V_t}(x_t − α_t m_t/√V_t). Every learner kind is a configuration of this
// one kernel, so all kinds share one monomorphic, allocation-free hot path (see DESIGN.md, "The hot loop").
//
// How it stays fast (measured with V8's optimised code, see bench/main.ts): V8 does not hoist type
// checks out of loops, so the loops read only values whose machine type is known — numeric knobs
// from a Float64Array, small integers via `| 0`, booleans via `=== true` — and all per-round
// coefficients of a chunk live in one strided Float64Array, so each access checks one array.
import type { Domain } from "../types.ts"
import type { LearnerConfig } from "./config.ts"
import type { Learner } from "./learner.ts"

const V_NONE = 0, V_EMA = 1, V_SUM = 2, V_MEAN = 3
const B1_EXP = 1, B1_INV = 2
const S_CONST = 0, S_INVSQRT = 1, S_POWER = 2, S_INVTIME = 3

// Slots of the numeric knob array.
const ALPHA = 0, BETA1 = 1, LAMBDA = 2, BETA2 = 3, EPS = 4, EPS_ROOT = 5, L2 = 6, DECOUPLED = 7, POWER = 8, DECAY = 9, INIT_V = 10
// Slots of the running scalars: Π β1s, Π β2s, λ^{t−1}, min Γ of the last round, rounds with Γ < 0.
const B1_PROD = 0, B2_PROD = 1, LAMBDA_POW = 2, GAMMA_MIN = 3, GAMMA_NEG = 4
// Per-round coefficients of a chunk, stride 8: α_t, 1/α_t, β1t, c1, β2t, c2, m scale, v scale.
const STRIDE = 8

export class AdaptiveLearner implements Learner {
  readonly dim: number
  readonly x: Float64Array
  private readonly m: Float64Array
  private readonly v: Float64Array
  private readonly vmax: Float64Array
  /** √V_t/α_t per coordinate of the last update (the inverse effective step), for Γ_t. */
  private readonly invStep: Float64Array
  /** Projection weights √V_t (non-box domains). */
  private readonly weights: Float64Array
  private readonly lower: Float64Array
  private readonly upper: Float64Array
  private readonly isBox: boolean
  /** A box with the same bounds on every coordinate (the usual [−r, r]^d): bounds stay in registers. */
  private readonly uniformBounds: boolean
  private readonly knobs: Float64Array
  private readonly scalars = new Float64Array(5)
  private coef = new Float64Array(STRIDE)
  private negative = new Uint8Array(1)
  // Integer-coded choices (see the V_, B1_, S_ constants).
  private readonly schedule: number
  private readonly beta1Kind: number
  private readonly secondMoment: number
  private readonly amsgrad: number // 0 off, 1 raw, 2 corrected
  private readonly ema: boolean
  private readonly beta2InverseT: boolean
  private readonly bc1: boolean
  private readonly bc2: boolean
  private readonly sign: boolean
  private readonly weighted: boolean
  private readonly scheduleFn: ((t: number) => number) | undefined
  failure: Learner["failure"] = undefined

  constructor(readonly config: LearnerConfig, private readonly domain: Domain) {
    const d = (this.dim = domain.dim)
    this.x = new Float64Array(d)
    this.m = new Float64Array(d)
    this.v = new Float64Array(d)
    this.vmax = new Float64Array(d)
    this.invStep = new Float64Array(d)
    this.weights = new Float64Array(d)
    this.isBox = domain.box !== undefined
    this.lower = domain.box?.lower ?? new Float64Array(d).fill(-Infinity)
    this.upper = domain.box?.upper ?? new Float64Array(d).fill(Infinity)
    this.uniformBounds = this.lower.every((l) => l === this.lower[0]) && this.upper.every((u) => u === this.upper[0])
    const s = config.stepSchedule
    this.schedule = s.kind === "constant" ? S_CONST : s.kind === "inv-sqrt" ? S_INVSQRT : s.kind === "power" ? S_POWER : s.kind === "inverse-time" ? S_INVTIME : 4
    this.scheduleFn = s.kind === "custom" ? s.fn : undefined
    const b = config.beta1Schedule
    this.beta1Kind = b.kind === "exponential" ? B1_EXP : b.kind === "inverse" ? B1_INV : 0
    this.secondMoment = { none: V_NONE, ema: V_EMA, sum: V_SUM, mean: V_MEAN }[config.secondMoment]
    this.amsgrad = config.amsgrad === "raw" ? 1 : config.amsgrad === "corrected" ? 2 : 0
    this.ema = config.momentum === "ema"
    this.beta2InverseT = config.beta2Schedule === "inverse-t"
    this.bc1 = config.biasCorrection1
    this.bc2 = config.biasCorrection2
    this.sign = config.sign
    this.weighted = config.projection === "weighted" && this.secondMoment !== V_NONE
    const k = (this.knobs = new Float64Array(11))
    k[ALPHA] = config.alpha
    k[BETA1] = config.momentum === "none" ? 0 : config.beta1
    k[LAMBDA] = b.kind === "exponential" ? b.lambda : 1
    k[BETA2] = config.beta2
    k[EPS] = config.eps
    k[EPS_ROOT] = config.epsRoot
    k[L2] = config.weightDecayMode === "l2" ? config.weightDecay : 0
    k[DECOUPLED] = config.weightDecayMode === "decoupled" ? config.weightDecay : 0
    k[POWER] = s.kind === "power" ? s.power : 0
    k[DECAY] = s.kind === "inverse-time" ? s.decay : 0
    k[INIT_V] = config.initialAccumulator
  }

  reset(start: Float64Array): void {
    this.x.set(start)
    this.m.fill(0)
    this.v.fill(this.knobs[INIT_V])
    this.vmax.fill(0)
    this.invStep.fill(0)
    this.scalars.set([1, 1, 1, Infinity, 0])
    this.failure = undefined
  }

  /** α_t for round t. */
  stepSize(t: number): number {
    const a = this.knobs[ALPHA]
    switch (this.schedule) {
      case S_CONST: return a
      case S_INVSQRT: return a / Math.sqrt(t)
      case S_POWER: return a / Math.pow(t, this.knobs[POWER])
      case S_INVTIME: return a / (1 + (t - 1) * this.knobs[DECAY])
      default: return this.scheduleFn!(t)
    }
  }

  update(t: number, g: Float64Array): boolean {
    return this.steps(t, 1, g, undefined) < 0
  }

  /**
   * Rounds t0 … t0+K−1 with the K gradients in G (row k at k·d). When X is given, the point
   * played in each round is written to row k of X before that round's update. Returns −1, or the
   * index k of the first round whose gradient or state was non-finite (then `failure` is set).
   *
   * Loop order: first each round's scalar coefficients for the whole chunk, then each coordinate
   * runs through the chunk with its state in locals (registers). On a box the projection is per
   * coordinate, so this is exactly the per-round algorithm; other domains couple coordinates in
   * the projection and are stepped one round at a time (K = 1).
   */
  steps(t0: number, K: number, G: Float64Array, X: Float64Array | undefined): number {
    // Module-level constants are context loads with a type check at every use in V8's optimised
    // loops; function-local literals are folded. Hence these local copies.
    const STRIDE = 8, V_NONE = 0, V_EMA = 1, S_CONST = 0, S_INVSQRT = 1, B1_EXP = 1, B1_INV = 2
    const isBox = this.isBox === true
    if (!isBox && K !== 1) throw new RangeError("non-box domains are stepped one round at a time")
    if (this.coef.length < K * STRIDE) {
      this.coef = new Float64Array(Math.max(K, 2 * (this.coef.length / STRIDE)) * STRIDE)
      this.negative = new Uint8Array(this.coef.length / STRIDE)
    }
    const coef = this.coef, neg = this.negative
    const kn = this.knobs, sc = this.scalars
    const schedule = this.schedule | 0, beta1Kind = this.beta1Kind | 0
    const ema = this.ema === true, beta2InverseT = this.beta2InverseT === true, bc1 = this.bc1 === true, bc2 = this.bc2 === true
    const mean = this.secondMoment === 3 // mean of g² (Reddi's AdaGrad form)
    const alpha = kn[0], invAlpha = 1 / alpha, beta1 = kn[1], lambda = kn[2], beta2 = kn[3] // ALPHA, BETA1, LAMBDA, BETA2
    // Schedules other than constant and α/√t are evaluated in a pass of their own: a method call's
    // result merged into the loop's α_t would make V8 box α_t (one allocation per round).
    if (schedule !== S_INVSQRT && schedule !== S_CONST) {
      for (let k = 0; k < K; k++) {
        const at = this.stepSize(t0 + k)
        if (!(at > 0 && at < Infinity)) return this.failAt(k, "state", at)
        coef[k * STRIDE] = at
      }
    }
    let b1prod = sc[0], b2prod = sc[1], lambdaPower = sc[2] // B1_PROD, B2_PROD, LAMBDA_POW
    for (let k = 0; k < K; k++) {
      const t = t0 + k
      const o = k * STRIDE
      // α_t and 1/α_t (for Γ_t), without a division where the schedule allows.
      let at: number, invAt: number
      if (schedule === S_INVSQRT) {
        const rt = Math.sqrt(t)
        at = alpha / rt
        invAt = rt * invAlpha
      } else if (schedule === S_CONST) {
        at = alpha
        invAt = invAlpha
      } else {
        at = coef[o]
        invAt = 1 / at
      }
      let b1t = beta1
      if (beta1Kind === B1_EXP) {
        b1t = beta1 * lambdaPower
        lambdaPower *= lambda
      } else if (beta1Kind === B1_INV) b1t = beta1 / t
      const b2t = beta2InverseT ? 1 - 1 / t : beta2
      // Once a product is below 1e-30, 1 − product is exactly 1; flushing it to 0 keeps it out of the
      // denormal range, where β2 = 0.99 would leave it stuck at 5e-324 and every multiply would be slow.
      b1prod = b1prod < 1e-30 ? 0 : b1prod * b1t
      b2prod = b2prod < 1e-30 ? 0 : b2prod * b2t
      coef[o] = at
      coef[o + 1] = invAt
      coef[o + 2] = b1t
      coef[o + 3] = ema ? 1 - b1t : 1
      coef[o + 4] = b2t
      coef[o + 5] = 1 - b2t
      coef[o + 6] = bc1 ? 1 / (1 - b1prod) : 1
      coef[o + 7] = bc2 ? 1 / (1 - b2prod) : mean ? 1 / t : 1
      neg[k] = 0
    }
    sc[0] = b1prod
    sc[1] = b2prod
    sc[2] = lambdaPower

    const d = this.dim | 0
    const l2 = kn[6], decoupled = kn[7], eps = kn[4], epsRoot = kn[5] // L2, DECOUPLED, EPS, EPS_ROOT
    const sm = this.secondMoment | 0, ams = this.amsgrad | 0, sign = this.sign === true
    const x = this.x, m = this.m, v = this.v, vmax = this.vmax, inv = this.invStep
    const lower = this.lower, upper = this.upper, weights = this.weights
    const hasX = X !== undefined
    const Xw = hasX ? X : coef // never written when !hasX
    // Coefficients that are the same every round stay in registers instead of being re-read.
    const b1Const = beta1Kind === 0, c1Const = ema ? 1 - beta1 : 1, b2Const = !beta2InverseT, c2Const = 1 - beta2
    const mScaled = bc1, vScaled = bc2 || mean
    // Weight decay makes g_t and the step depend on x_t. Without it, branching the terms away keeps
    // x out of the chain through √v and the division, so the CPU overlaps successive rounds.
    const hasL2 = l2 !== 0, hasDecay = decoupled !== 0
    let lastGammaMin = Infinity
    let failed = K // first round whose numbers went non-finite, over all coordinates
    // Arrays a configuration does not use are neither read nor written: at large d the step is
    // bound by memory traffic, not arithmetic.
    const uniform = this.uniformBounds === true, lo0 = lower[0], hi0 = upper[0], usesMax = ams !== 0
    for (let i = 0; i < d; i++) {
      let xi = x[i], mi = m[i], vi = v[i], vmaxi = usesMax ? vmax[i] : 0, invi = inv[i], denom = 1
      const lo = uniform ? lo0 : lower[i], hi = uniform ? hi0 : upper[i]
      const end = failed
      for (let k = 0, o = 0, off = i; k < end; k++, o += STRIDE, off += d) {
        if (hasX) Xw[off] = xi
        const gi = hasL2 ? G[off] + l2 * xi : G[off]
        mi = b1Const ? beta1 * mi + c1Const * gi : coef[o + 2] * mi + coef[o + 3] * gi
        if (sm !== V_NONE) {
          if (sm === V_EMA) vi = b2Const ? beta2 * vi + c2Const * (gi * gi) : coef[o + 4] * vi + coef[o + 5] * (gi * gi)
          else vi = vi + gi * gi
          const vScale = vScaled ? coef[o + 7] : 1
          let vd = vi * vScale
          if (ams === 1) {
            vmaxi = vmaxi > vi ? vmaxi : vi
            vd = vmaxi * vScale
          } else if (ams === 2) {
            vmaxi = vmaxi > vd ? vmaxi : vd
            vd = vmaxi
          }
          denom = Math.sqrt(vd + epsRoot) + eps
        }
        const mh = mScaled ? mi * coef[o + 6] : mi
        // 0/0 (no gradient seen yet on this coordinate, no ε) is a zero step, not NaN.
        const dir = sign ? (mh > 0 ? 1 : mh < 0 ? -1 : 0) : denom > 0 ? mh / denom : 0
        if ((gi - gi) + (dir - dir) + (denom - denom) !== 0) {
          failed = k
          break
        }
        const is = denom * coef[o + 1]
        const gamma = is - invi
        if (gamma < 0) neg[k] = 1
        if (k === K - 1 && gamma < lastGammaMin) lastGammaMin = gamma
        invi = is
        const at = coef[o]
        const xn = hasDecay ? xi - at * dir - at * decoupled * xi : xi - at * dir
        // On a box the weighted projection is clipping, whatever the weights (reddi2018.md §2);
        // other domains have infinite bounds here and are projected below.
        xi = xn < lo ? lo : xn > hi ? hi : xn
      }
      x[i] = xi
      m[i] = mi
      v[i] = vi
      if (usesMax) vmax[i] = vmaxi
      inv[i] = invi
      if (!isBox) weights[i] = denom
    }
    let negative = sc[4] // GAMMA_NEG
    for (let k = 0; k < failed; k++) negative += neg[k]
    sc[4] = negative
    if (failed < K) return this.fail(failed, G, failed * d)
    sc[3] = lastGammaMin // GAMMA_MIN
    if (!isBox && !this.projectInPlace()) return this.failAt(0, "iterate", NaN)
    return -1
  }

  /** Non-box domains: Π_{F,√V_t} (or Π_F) of the unconstrained step; false if it is not finite. */
  private projectInPlace(): boolean {
    const x = this.x
    if (this.weighted) this.domain.projectWeighted(x, this.weights, x)
    else this.domain.project(x, x)
    for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i])) return false
    return true
  }

  private failAt(k: number, what: "gradient" | "state" | "iterate", value: number): number {
    this.failure = { what, value }
    return k
  }

  private fail(k: number, G: Float64Array, off: number): number {
    for (let i = 0; i < this.dim; i++) if (!Number.isFinite(G[off + i])) return this.failAt(k, "gradient", G[off + i])
    for (let i = 0; i < this.dim; i++) if (!Number.isFinite(this.v[i])) return this.failAt(k, "state", this.v[i])
    for (let i = 0; i < this.dim; i++) if (!Number.isFinite(this.m[i])) return this.failAt(k, "state", this.m[i])
    return this.failAt(k, "state", NaN)
  }

  get gammaMin(): number {
    return this.scalars[GAMMA_MIN]
  }

  get gammaNegativeRounds(): number {
    return this.scalars[GAMMA_NEG]
  }

  effectiveStep(out: Float64Array): void {
    for (let i = 0; i < this.dim; i++) out[i] = this.invStep[i] > 0 ? 1 / this.invStep[i] : Infinity
  }

  snapshot() {
    return { m: Array.from(this.m), v: Array.from(this.v), vmax: Array.from(this.vmax) }
  }
}

export const createLearner = (config: LearnerConfig, domain: Domain): Learner => new AdaptiveLearner(config, domain)
