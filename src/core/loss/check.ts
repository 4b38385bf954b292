// Runtime guards for the places where a Loss of one family is handed to code of another family.
// They run once per round in ComparatorStats.add, so they must stay allocation-free on success.
import type { Domain, Loss } from "../types.ts"

/** Returns loss as an instance of cls, or throws when the family or dimension is wrong. */
export const expectLoss = <T extends Loss>(
  loss: Loss,
  cls: abstract new (...args: never[]) => T,
  dim: number
): T => {
  if (!(loss instanceof cls)) throw new TypeError(`expected a ${cls.name}, got a ${loss.family} loss`)
  if (loss.dim !== dim) throw new RangeError(`expected a loss of dimension ${dim}, got ${loss.dim}`)
  return loss
}

export const expectDomain = (domain: Domain, dim: number): void => {
  if (domain.dim !== dim) throw new RangeError(`expected a domain of dimension ${dim}, got ${domain.dim}`)
}

/** A Float64Array of length dim from optional initial values (construction time only). */
export const vectorOf = (dim: number, values: ArrayLike<number> | undefined, what: string): Float64Array => {
  if (!Number.isInteger(dim) || dim < 1) throw new RangeError(`dimension must be an integer ≥ 1, got ${dim}`)
  if (values === undefined) return new Float64Array(dim)
  if (values.length !== dim) throw new RangeError(`${what} must have length ${dim}, got ${values.length}`)
  return Float64Array.from(values)
}
