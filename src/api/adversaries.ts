// The built-in adversary kinds as data: each helper returns the `{kind, ...params}` a scenario's
// `adversary` holds. Option types come from each kind's parameter table; values are checked when
// the scenario is resolved (vector parameters need the domain's dimension).
import type { bernoulliLinearKind } from "../core/adversary/bernoulli-linear.ts"
import type { mixtureKind, switchingKind } from "../core/adversary/composite.ts"
import type { farEndKind } from "../core/adversary/far-end.ts"
import type { quadraticKind } from "../core/adversary/fixed-quadratic.ts"
import type { gaussianLinearKind } from "../core/adversary/gaussian-linear.ts"
import type { logisticStreamKind } from "../core/adversary/logistic-stream.ts"
import type { noisyQuadraticKind } from "../core/adversary/noisy-quadratic.ts"
import type { periodicLinearKind } from "../core/adversary/periodic-linear.ts"
import type { periodicKind, scriptedKind } from "../core/adversary/sequence.ts"
import type { theorem2Kind } from "../core/adversary/theorem2.ts"
import type { AdversaryConfig } from "../scenario/types.ts"
import type { OptionsOf } from "./options.ts"

/**
 * A built-in kind's config: its kind and its parameters.
 *
 * @example
 * ```ts
 * import { periodicLinear, type BuiltinAdversary } from "regretlab"
 *
 * const online: BuiltinAdversary<"periodic-linear", { C: number }> = periodicLinear({ C: 101 })
 * ```
 */
export type BuiltinAdversary<K extends string, P> = { readonly kind: K } & P

/**
 * The parameters of a built-in kind, from its table: required ones required, defaulted ones optional.
 *
 * @example
 * ```ts
 * import { periodicLinear, type AdversaryOptions } from "regretlab"
 *
 * const params: Parameters<typeof periodicLinear>[0] = { C: 101, period: 101, scale: 10 }
 * const online = periodicLinear(params)
 * ```
 */
export type AdversaryOptions<T extends { readonly params: object }> = OptionsOf<T["params"]>

const make = <K extends string, P extends object>(kind: K, params: P): BuiltinAdversary<K, P> => ({ ...params, kind })

/**
 * Any registered adversary kind by name, with its parameters (`regretlab describe` and the JSON
 * Schema list them).
 *
 * @example
 * ```ts
 * import { adversary } from "regretlab"
 *
 * const online = adversary("periodic-linear", { C: 101, period: 101, scale: 10 })
 * ```
 */
export const adversary = (kind: string, params: Readonly<Record<string, unknown>> = {}): AdversaryConfig => ({ ...params, kind })

/**
 * Reddi et al.'s periodic linear sequence: f_t(x) = s·C·⟨u, x⟩ when t mod P = 1, else −s·⟨u, x⟩
 * (Theorems 1–2 with P = 3 or P = C; Section 5 with C = P = 101, s = 10).
 *
 * @example
 * ```ts
 * import { periodicLinear } from "regretlab"
 *
 * const theorem1 = periodicLinear({ C: 3, period: 3 })
 * const section5 = periodicLinear({ C: 101, period: 101, scale: 10 })
 * ```
 */
export const periodicLinear = (options: AdversaryOptions<typeof periodicLinearKind>) => make("periodic-linear", options)

/**
 * The period-C sequence of Reddi et al. Theorem 2, with the smallest C meeting the theorem's
 * conditions for the given β1 < √β2.
 *
 * @example
 * ```ts
 * import { reddiTheorem2 } from "regretlab"
 *
 * const hard = reddiTheorem2({ beta1: 0, beta2: 0.5 })
 * ```
 */
export const reddiTheorem2 = (options: AdversaryOptions<typeof theorem2Kind>) => make("reddi-theorem2", options)

/**
 * A listed sequence of gradients, cycled: f_t(x) = ⟨gradients[(t−1) mod P], x⟩.
 *
 * @example
 * ```ts
 * import { periodic } from "regretlab"
 *
 * const zigzag = periodic({ gradients: [[1, 0], [0, -1], [-1, 1]] })
 * ```
 */
export const periodic = (options: AdversaryOptions<typeof periodicKind>) => make("periodic", options)

/**
 * A listed sequence of gradients played once, then `after` ("hold-last", "zero" or "cycle").
 *
 * @example
 * ```ts
 * import { scripted } from "regretlab"
 *
 * const script = scripted({ gradients: [1, 1, -1], after: "zero" })
 * ```
 */
export const scripted = (options: AdversaryOptions<typeof scriptedKind>) => make("scripted", options)

/**
 * I.i.d. linear losses: s·C·⟨u, x⟩ with probability p (or, with δ, p = (1+δ)/(C+1)), else
 * −s·⟨u, x⟩. Declares its expected loss, so runs also report pseudo-regret.
 *
 * @example
 * ```ts
 * import { bernoulliLinear } from "regretlab"
 *
 * const stochastic = bernoulliLinear({ C: 101, p: 0.01, scale: 10 })
 * ```
 */
export const bernoulliLinear = (options: AdversaryOptions<typeof bernoulliLinearKind>) => make("bernoulli-linear", options)

/**
 * I.i.d. Gaussian gradients μ + σ ⊙ z. Declares its expected loss.
 *
 * @example
 * ```ts
 * import { gaussianLinear } from "regretlab"
 *
 * const noisy = gaussianLinear({ mean: 0.1, sd: 1 })
 * ```
 */
export const gaussianLinear = (options: AdversaryOptions<typeof gaussianLinearKind>) => make("gaussian-linear", options)

/**
 * The same quadratic ½Σ a_i(x_i − b_i)² every round.
 *
 * @example
 * ```ts
 * import { quadratic } from "regretlab"
 *
 * const bowl = quadratic({ curvature: [1, 10], center: [0.5, -0.5] })
 * ```
 */
export const quadratic = (options: AdversaryOptions<typeof quadraticKind> = {}) => make("quadratic", options)

/**
 * ½Σ a_i(x_i − ξ_i)² with Bernoulli or Gaussian ξ, i.i.d. per round. Declares its expected loss.
 *
 * @example
 * ```ts
 * import { noisyQuadratic } from "regretlab"
 *
 * const asymmetric = noisyQuadratic({ noise: "bernoulli", p: 0.2, low: 0, high: 1 })
 * ```
 */
export const noisyQuadratic = (options: AdversaryOptions<typeof noisyQuadraticKind> = {}) => make("noisy-quadratic", options)

/**
 * Adaptive: reads x_t and pushes it through the centre towards the far end.
 *
 * @example
 * ```ts
 * import { farEnd } from "regretlab"
 *
 * const pusher = farEnd({ center: 0, scale: 1 })
 * ```
 */
export const farEnd = (options: AdversaryOptions<typeof farEndKind> = {}) => make("far-end", options)

/**
 * Online logistic regression on seeded synthetic data.
 *
 * @example
 * ```ts
 * import { logisticStream } from "regretlab"
 *
 * const stream = logisticStream({ signal: 3 })
 * ```
 */
export const logisticStream = (options: AdversaryOptions<typeof logisticStreamKind> = {}) => make("logistic-stream", options)

/**
 * Plays `parts[k]` from round `at[k−1]` on (`at` ascending, one fewer than `parts`).
 *
 * @example
 * ```ts
 * import { bernoulliLinear, periodicLinear, switching } from "regretlab"
 *
 * const halfway = switching({
 *   at: [50_001],
 *   parts: [periodicLinear({ C: 101, period: 101, scale: 10 }), bernoulliLinear({ C: 101, p: 0.01, scale: 10 })]
 * })
 * ```
 */
export const switching = (options: AdversaryOptions<typeof switchingKind>) => make("switching", options)

/**
 * Each round an i.i.d. choice among `parts` with probabilities `weights` (normalised).
 *
 * @example
 * ```ts
 * import { bernoulliLinear, mixture, periodicLinear } from "regretlab"
 *
 * const either = mixture({ parts: [periodicLinear({ C: 3 }), bernoulliLinear({ C: 3, p: 0.5 })], weights: [0.9, 0.1] })
 * ```
 */
export const mixture = (options: AdversaryOptions<typeof mixtureKind>) => make("mixture", options)
