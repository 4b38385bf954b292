// A regret bound and the configs it covers. Coverage is an explicit list of patterns, each naming
// every field of the learner family with the values the theorem allows; a field a pattern does not
// name is a type error, so a new field never silently inherits a bound it has not been checked for.
import type { DomainConfig } from "../types.ts"

/** The values of one field a pattern accepts: any value, a list (compared as JSON data), or a test. */
export type Allowed<V> = "any" | readonly V[] | ((value: V) => boolean)

/** Every field of a config (C without kind and preset), each with what the theorem allows. */
export type Pattern<C> = { readonly [K in Exclude<keyof C, "kind" | "preset">]-?: Allowed<C[K]> }

/** The run's numbers a bound is a function of, at round t. */
export interface BoundInputs {
  readonly t: number
  /** Σ_i ‖g_{1:t,i}‖₂ over the first t rounds. */
  readonly normSum: number
  /** max_{s≤t} ‖g_s‖∞ and max_{s≤t} ‖g_s‖₂ (G∞, G₂). */
  readonly gInf: number
  readonly g2: number
  /** The domain's ℓ∞ and ℓ2 diameters and dimension. */
  readonly dInf: number
  readonly d2: number
  readonly dim: number
  /** The start point x_1 (the regulariser's centre or prior of FTRL-type learners). */
  readonly start: readonly number[]
  /** The loss family of the run ("linear", "quadratic", "logistic", …). */
  readonly lossFamily: string
}

export interface Theorem<C> {
  readonly id: string
  /** The learner family whose configs the patterns describe. */
  readonly family: string
  /** The formula as the report prints it, with its citation. */
  readonly text: string
  readonly citation: string
  /** A config is covered when it matches one pattern (and `where`, if given). */
  readonly covers: readonly { readonly fields: Pattern<C>; readonly domains?: readonly string[] }[]
  /** A relation between fields the theorem needs (e.g. β1 < √β2), stated in `whereText`. */
  readonly where?: (config: C) => boolean
  readonly whereText?: string
  /**
   * Assumptions on the run rather than the config (an exp-concave loss family, a gradient bound the
   * run respects): the reason the bound does not hold for this run, or undefined when it does.
   */
  requires?(config: C, inputs: BoundInputs): string | undefined
  /** The bound on R_t. */
  bound(config: C, inputs: BoundInputs): number
}

const sameData = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

const allows = (allowed: Allowed<unknown>, value: unknown): boolean =>
  allowed === "any" ? true : typeof allowed === "function" ? allowed(value) : allowed.some((v) => sameData(v, value))

/** True when the theorem covers this config on this domain. */
export const covers = <C>(theorem: Theorem<C>, config: C, domain: DomainConfig): boolean =>
  theorem.covers.some((p) =>
    (p.domains === undefined || p.domains.includes(domain.kind)) &&
    Object.entries(p.fields).every(([field, allowed]) => allows(allowed as Allowed<unknown>, (config as Record<string, unknown>)[field]))
  ) && (theorem.where === undefined || theorem.where(config))
