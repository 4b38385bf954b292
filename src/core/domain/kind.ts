// What the domain registry knows of a kind: its fields, how to check, size, describe and build it.
// One kind lives in one file next to its projections; registry.ts lists the kinds.
import type { Fields } from "../config/fields.ts"
import type { Domain, DomainConfig } from "../types.ts"

/** C: the kind's own config type; the registry holds kinds of every config type. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface DomainKind<C extends DomainConfig = any> {
  readonly kind: string
  readonly title: string
  readonly fields: Fields
  /** Checks that span several fields, on a config whose fields passed their specs; throws ConfigError. */
  check?(config: C): void
  /** The dimension of the set a valid config describes (without building it). */
  dim(config: C): number
  /** ℓ∞ and ℓ2 diameters of a valid config (without building it). */
  diameters(config: C): { readonly inf: number; readonly two: number }
  /** "[−1, 1]", "ball of radius 1 around [0, 0]", … */
  describe(config: C): string
  /** Builds the set from a valid config. */
  create(config: C): Domain
  /**
   * Configs the shared contract battery checks the set's projections, linear oracle and diameters
   * on (a few dimensions and scales), and configs it must reject with exactly this message.
   */
  readonly examples: {
    readonly valid: readonly C[]
    readonly invalid?: readonly (readonly [unknown, string])[]
  }
}

/** A short list for descriptions: all entries when there are few, else the count. */
export const shortList = (v: readonly number[], what = "coordinates"): string => (v.length <= 4 ? v.join(", ") : `${v.length} ${what}`)
