// Domains as data: each helper returns the config a scenario's `domain` holds (checked now, so a
// mistake fails where it is written), and a learner's init() accepts it as it is.
import { ConfigError } from "../core/config/error.ts"
import type { BallConfig } from "../core/domain/ball.ts"
import type { BoxConfig } from "../core/domain/box.ts"
import { validateDomainConfig } from "../core/domain/registry.ts"
import type { SimplexConfig } from "../core/domain/simplex.ts"
import type { DomainConfig } from "../core/types.ts"

const checked = <C extends DomainConfig>(config: C): C => {
  try {
    validateDomainConfig(config)
  } catch (e) {
    throw e instanceof ConfigError ? e.within("domain") : e
  }
  return config
}

/**
 * The box Π_i [lower_i, upper_i]; its dimension is the number of bounds. Both of the learners'
 * projections are clipping on a box.
 *
 * @param lower - Lower bounds, one per coordinate.
 * @param upper - Upper bounds, as many as `lower`, each ≥ its lower bound.
 * @returns The domain config `{kind: "box", lower, upper}`.
 * @throws ConfigError when a bound is not finite, the lengths differ or a lower bound exceeds its upper bound.
 * @example
 * ```ts
 * import { box } from "regretlab"
 *
 * const square = box([-1, -1], [1, 1])
 * console.log(square) // { kind: "box", lower: [-1, -1], upper: [1, 1] }
 * ```
 */
export const box = (lower: readonly number[], upper: readonly number[]): BoxConfig => checked({ kind: "box", lower, upper })

/**
 * The interval [lo, hi]: a box of dimension 1, the domain of every construction in Reddi et al.
 *
 * @returns The domain config `{kind: "box", lower: [lo], upper: [hi]}`.
 * @example
 * ```ts
 * import { interval } from "regretlab"
 *
 * const F = interval(-1, 1) // the same as box([-1], [1])
 * ```
 */
export const interval = (lo: number, hi: number): BoxConfig => box([lo], [hi])

/**
 * The ℓ2 ball {x : ‖x − center‖₂ ≤ radius}; its dimension is that of `center`. The learners'
 * weighted projection Π_{F,√V_t} differs from the Euclidean one here (it is not radial).
 *
 * @example
 * ```ts
 * import { ball } from "regretlab"
 *
 * const disc = ball([0, 0], 1)
 * ```
 */
export const ball = (center: readonly number[], radius: number): BallConfig => checked({ kind: "ball", center, radius })

/**
 * The probability simplex {x ≥ 0 : Σ x_i = 1} in dimension `dim`.
 *
 * @example
 * ```ts
 * import { simplex } from "regretlab"
 *
 * const weights = simplex(3)
 * ```
 */
export const simplex = (dim: number): SimplexConfig => checked({ kind: "simplex", dim })

/**
 * Any registered domain kind by name, with its fields (`regretlab describe` and the JSON Schema
 * list them); for the built-in kinds `box`, `ball` and `simplex` read better.
 *
 * @throws ConfigError naming the field, the value and what was expected.
 * @example
 * ```ts
 * import { domain } from "regretlab"
 *
 * const F = domain("ball", { center: [0, 0, 0], radius: 2 })
 * ```
 */
export const domain = (kind: string, fields: Readonly<Record<string, unknown>> = {}): DomainConfig => checked({ ...fields, kind })
