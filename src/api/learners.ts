// Learners by kind and preset. learner(kind, options) checks the options against the kind's fields
// table now and gives a LearnerSetup: data a scenario's `learners` list takes as it is, and a
// factory for a learner to drive by hand (init → update). Every registered kind is reachable
// through learner(); the named helpers are shortcuts for the common ones.
import { ConfigError } from "../core/config/error.ts"
import { createDomain } from "../core/domain/registry.ts"
import type { ValuesOf } from "../core/config/fields.ts"
import type { Algorithm1Values } from "../core/learner/algorithm1/fields.ts"
import type { ftrlFields } from "../core/learner/ftrl.ts"
import type { onsFields } from "../core/learner/ons.ts"
import type { LearnerConfig } from "../core/learner/learner.ts"
import { describeLearner } from "../core/learner/registry.ts"
import { checkLearnerDomain, checkLearnerStart, resolveLearner } from "../core/learner/resolve.ts"
import type { Domain, DomainConfig } from "../core/types.ts"
import { RunningLearner } from "./running-learner.ts"

/**
 * What every learner kind accepts besides its own fields: a preset to start from and a label.
 *
 * @example
 * ```ts
 * import { learner, type LearnerOptions } from "regretlab"
 *
 * const torch: LearnerOptions = { preset: "pytorch", label: "adam-torch" }
 * const setup = learner("adam", { ...torch, alpha: 1e-3 })
 * ```
 */
export type LearnerOptions = {
  /** A published convention to start from (`paper`, `pytorch`, `optax`, …; the kind's first by default). */
  readonly preset?: string
  /** The name runs, reports and expectations use (default: the kind). */
  readonly label?: string
}

/**
 * Options of the Algorithm-1 kinds (ogd … signgd): any field of the family (the README's table),
 * over the preset's values.
 *
 * @example
 * ```ts
 * import { adam, type Algorithm1Options } from "regretlab"
 *
 * const optaxLike: Algorithm1Options = { preset: "optax", amsgrad: "corrected", stepSchedule: { kind: "power", power: 0.5 } }
 * const setup = adam(optaxLike)
 * ```
 */
export type Algorithm1Options = LearnerOptions & Partial<Algorithm1Values>

const isDomain = (d: DomainConfig | Domain): d is Domain => typeof (d as Domain).project === "function"

/**
 * A learner kind with its preset and overrides, checked: usable as an entry of a scenario's
 * `learners` (its own enumerable properties are the spec as written, plus `label`), and as a
 * factory of learners to drive by hand with {@link LearnerSetup.init}.
 *
 * @example
 * ```ts
 * import { adam } from "regretlab"
 *
 * const setup = adam({ preset: "pytorch", alpha: 1e-3 })
 * console.log(setup.label, setup.config.beta2, setup.describe()) // adam 0.999 adam/pytorch: α=0.001, …
 * ```
 */
export class LearnerSetup {
  /** The registered kind, e.g. "adam". */
  readonly kind!: string
  /** The label runs and reports use. */
  readonly label!: string
  readonly [field: string]: unknown
  readonly #config: LearnerConfig

  /** Use {@link learner} or a named helper ({@link adam}, …), which check the options the same way. */
  constructor(kind: string, options: Readonly<Record<string, unknown>> = {}) {
    const spec = { ...options, kind, label: options.label ?? kind }
    const resolved = (() => {
      try {
        return resolveLearner(spec as { kind: string })
      } catch (e) {
        throw e instanceof ConfigError ? e.within(`learner "${String(spec.label)}"`) : e
      }
    })()
    Object.assign(this, spec)
    this.#config = resolved.config
  }

  /** The complete config: the preset's values with the overrides applied, every field present. */
  get config(): LearnerConfig {
    return this.#config
  }

  /** "adam/pytorch: α=0.001, β1=0.9, β2=0.999, ε=1e-8": kind, preset and the hyperparameters that tell runs apart. */
  describe(): string {
    return describeLearner(this.#config)
  }

  /**
   * A learner to drive by hand on a domain, starting at `start` (default: the domain's centre).
   *
   * @param domain - A domain config (`box(…)`, `ball(…)`, `simplex(…)`) or a built domain.
   * @param start - x_1, inside the domain, one number per coordinate.
   * @throws ConfigError when the domain or the start point is invalid, or the kind cannot play on the domain.
   * @example
   * ```ts
   * import { adam, interval } from "regretlab"
   *
   * // Minimise f(x) = (x − 0.3)² on [−1, 1] with torch's Adam, torch-style.
   * const opt = adam({ preset: "pytorch", alpha: 0.05 }).init(interval(-1, 1), [0.9])
   * for (let t = 1; t <= 500; t++) opt.step([2 * (opt.x[0] - 0.3)])
   * console.log(opt.x[0].toFixed(3)) // 0.300
   * ```
   */
  init(domain: DomainConfig | Domain, start?: ArrayLike<number>): RunningLearner {
    const built = isDomain(domain) ? domain : (() => {
      try {
        return createDomain(domain)
      } catch (e) {
        throw e instanceof ConfigError ? e.within("domain") : e
      }
    })()
    const x1 = start === undefined ? Array.from(built.center) : Array.from(start)
    if (x1.length !== built.dim) throw new ConfigError("start", x1, `an array of ${built.dim} number${built.dim === 1 ? "" : "s"} (the domain dimension)`)
    if (!built.contains(Float64Array.from(x1))) throw new ConfigError("start", x1, "a point inside the domain")
    try {
      checkLearnerDomain(this.#config, built)
    } catch (e) {
      throw e instanceof ConfigError ? e.within(`learner "${this.label}"`) : e
    }
    // Its path is the start point's own ("start[1]").
    checkLearnerStart(this.#config, built, x1)
    return new RunningLearner(this.#config, built, Float64Array.from(x1))
  }
}

/**
 * Any registered learner kind by name, with a preset and overrides of its fields
 * (`regretlab list` shows the kinds and presets; the README's table, every field). New kinds
 * registered in the core are reachable here without an API change.
 *
 * @param kind - A registered kind: "ogd", "momentum", "adagrad", "rmsprop", "adam", "amsgrad", "adamnc", "adamw", "signgd", "ftrl", "ons", "eg", …
 * @param options - `preset`, `label` and any field of the kind.
 * @throws ConfigError naming the learner, the field, the value and what was expected.
 * @example
 * ```ts
 * import { learner } from "regretlab"
 *
 * const slow = learner("adam", { label: "adam-slow", beta2: 0.9999 })
 * ```
 */
export const learner = (kind: string, options: LearnerOptions & Readonly<Record<string, unknown>> = {}): LearnerSetup => new LearnerSetup(kind, options)

/**
 * Projected online gradient descent, x_{t+1} = Π_F(x_t − α_t g_t).
 *
 * @example
 * ```ts
 * import { ogd } from "regretlab"
 *
 * const sgd = ogd({ preset: "pytorch", alpha: 0.01 })
 * ```
 */
export const ogd = (options: Algorithm1Options = {}): LearnerSetup => learner("ogd", options)

/**
 * Heavy-ball momentum, m = β1·m + g (torch's and optax's SGD with momentum).
 *
 * @example
 * ```ts
 * import { momentum } from "regretlab"
 *
 * const heavyBall = momentum({ beta1: 0.5 })
 * ```
 */
export const momentum = (options: Algorithm1Options = {}): LearnerSetup => learner("momentum", options)

/**
 * Diagonal AdaGrad: presets `paper` (Reddi et al.'s form), `duchi`, `pytorch`, `optax`.
 *
 * @example
 * ```ts
 * import { adagrad } from "regretlab"
 *
 * const ada = adagrad({ preset: "duchi", alpha: 0.5 })
 * ```
 */
export const adagrad = (options: Algorithm1Options = {}): LearnerSetup => learner("adagrad", options)

/**
 * RMSProp: Adam without a first moment.
 *
 * @example
 * ```ts
 * import { rmsprop } from "regretlab"
 *
 * const rms = rmsprop({ beta2: 0.99 })
 * ```
 */
export const rmsprop = (options: Algorithm1Options = {}): LearnerSetup => learner("rmsprop", options)

/**
 * Adam. The default preset `paper` is Reddi et al.'s form (α/√t, no bias correction, no ε);
 * `pytorch` and `optax` follow those libraries (constant α, bias correction, ε outside the root).
 *
 * @example
 * ```ts
 * import { adam } from "regretlab"
 *
 * const paper = adam({ alpha: 0.5, beta1: 0.9, beta2: 0.99 })
 * const torch = adam({ preset: "pytorch", alpha: 1e-3, label: "adam-torch" })
 * ```
 */
export const adam = (options: Algorithm1Options = {}): LearnerSetup => learner("adam", options)

/**
 * AMSGrad (Reddi et al. Algorithm 2): Adam with a running maximum of v (`amsgrad`: `raw` as the
 * paper and torch, `corrected` as optax).
 *
 * @example
 * ```ts
 * import { amsgrad } from "regretlab"
 *
 * const ams = amsgrad({ alpha: 0.5, beta1: 0.9, beta2: 0.99 })
 * ```
 */
export const amsgrad = (options: Algorithm1Options = {}): LearnerSetup => learner("amsgrad", options)

/**
 * AdamNC (Reddi et al. Algorithm 3): β2t = 1 − 1/t.
 *
 * @example
 * ```ts
 * import { adamnc } from "regretlab"
 *
 * const nc = adamnc({ alpha: 0.5 })
 * ```
 */
export const adamnc = (options: Algorithm1Options = {}): LearnerSetup => learner("adamnc", options)

/**
 * AdamW: Adam with decoupled weight decay (`weightDecayMode: "l2"` puts the penalty in the gradient instead).
 *
 * @example
 * ```ts
 * import { adamw } from "regretlab"
 *
 * const w = adamw({ preset: "pytorch", weightDecay: 0.1 })
 * ```
 */
export const adamw = (options: Algorithm1Options = {}): LearnerSetup => learner("adamw", options)

/**
 * SignGD / signum: steps along sign(m̂).
 *
 * @example
 * ```ts
 * import { signgd } from "regretlab"
 *
 * const signum = signgd({ alpha: 0.01, beta1: 0.9 })
 * ```
 */
export const signgd = (options: Algorithm1Options = {}): LearnerSetup => learner("signgd", options)

/**
 * Options of `ftrl` and `eg`: a preset, a label, α and the step schedule of η_t.
 *
 * @example
 * ```ts
 * import { ftrl, type StepSizeOptions } from "regretlab"
 *
 * const constant: StepSizeOptions = { alpha: 0.1, stepSchedule: { kind: "constant" }, label: "ftrl-const" }
 * const setup = ftrl(constant)
 * ```
 */
export type StepSizeOptions = LearnerOptions & Partial<ValuesOf<typeof ftrlFields>>

/**
 * Options of `ons`: a preset, a label, and the exp-concavity α and gradient bound G (which set γ
 * and ε as the theorem does), or γ and ε directly.
 *
 * @example
 * ```ts
 * import { ons, type OnsOptions } from "regretlab"
 *
 * const tuned: OnsOptions = { expConcavity: 0.2, gradientBound: 5, gamma: 0.05 }
 * const setup = ons(tuned)
 * ```
 */
export type OnsOptions = LearnerOptions & Partial<ValuesOf<typeof onsFields>>

/**
 * Follow the Regularised Leader with a quadratic regulariser (dual averaging, lazy projection):
 * x_{t+1} = Π_F(x_1 − η_t Σ_{s≤t} g_s).
 *
 * @example
 * ```ts
 * import { ftrl, interval } from "regretlab"
 *
 * const lazy = ftrl({ alpha: 0.5 })
 * const opt = lazy.init(interval(-1, 1), [0])
 * for (let t = 1; t <= 100; t++) opt.update(t, [t % 2 === 0 ? 1 : -0.5])
 * ```
 */
export const ftrl = (options: StepSizeOptions = {}): LearnerSetup => learner("ftrl", options)

/**
 * Online Newton Step (Hazan, Agarwal & Kale): second order, O(d log T) regret on exp-concave losses.
 *
 * @example
 * ```ts
 * import { ball, ons } from "regretlab"
 *
 * const newton = ons({ expConcavity: 0.2, gradientBound: 5 })
 * const opt = newton.init(ball([0, 0], 1))
 * opt.step([1, -1])
 * ```
 */
export const ons = (options: OnsOptions = {}): LearnerSetup => learner("ons", options)

/**
 * Exponentiated Gradient / Hedge on the probability simplex (lazy form): x_{t+1,i} ∝ x_{1,i}·exp(−η_t Σ_{s≤t} g_{s,i}).
 *
 * @example
 * ```ts
 * import { eg, simplex } from "regretlab"
 *
 * const hedge = eg({ alpha: 1 })
 * const opt = hedge.init(simplex(3))
 * opt.step([1, 0, 0.5])
 * console.log(Array.from(opt.x)) // weight moves away from the first expert
 * ```
 */
export const eg = (options: StepSizeOptions = {}): LearnerSetup => learner("eg", options)
