// What the adversary registry knows of a kind: its parameters as field specs, how to describe and
// build it, and any check that spans several parameters. One kind lives in one file, next to the
// adversary it builds; registry.ts lists the kinds.
import type { Fields } from "../config/fields.ts"
import type { Adversary, AdversaryInformation } from "../types.ts"
import type { AdversaryParams } from "./params.ts"

/** Access to the registry for kinds built from other adversaries (switching, mixture). */
export interface Nested {
  /** Validates a nested config (paths relative to it) and fills its defaults. */
  validate(config: unknown, dim: number): AdversaryParams
  create(config: AdversaryParams, dim: number): Adversary
  /** The loss family a validated config reveals. */
  familyOf(config: AdversaryParams): string
  describe(config: AdversaryParams): string
}

export interface AdversaryKind {
  readonly kind: string
  readonly title: string
  readonly citation: string
  readonly information: AdversaryInformation | "parts"
  /** Loss family of the revealed losses ("parts": that of the nested adversaries). */
  readonly family: "linear" | "quadratic" | "logistic" | "objective" | "parts"
  readonly params: Fields
  /**
   * Checks that span several parameters, on a config whose fields already passed their specs
   * (defaults filled in). Throws ConfigError with a path relative to the adversary config.
   * Returns the config to use (e.g. with nested parts validated).
   */
  check?(config: AdversaryParams, dim: number, nested: Nested): AdversaryParams
  /** One line for reports, with the parameters filled in. Takes a validated config. */
  describe(config: AdversaryParams, nested: Nested): string
  /** Builds the adversary from a validated config for a domain of dimension dim. */
  create(config: AdversaryParams, dim: number, nested: Nested): Adversary
  /**
   * Configs the shared contract battery checks (determinism, the chunk and closed-form fast paths,
   * the reused loss object) in 1-D and in 3-D, and configs it must reject with exactly this message.
   */
  readonly examples: {
    readonly valid: readonly AdversaryParams[]
    readonly invalid?: readonly (readonly [unknown, string])[]
  }
}

/** Compact number for descriptions: 6 significant digits. */
export const fmt = (v: number): string => String(Number(v.toPrecision(6)))

export const num = (c: AdversaryParams, k: string): number => c[k] as number
