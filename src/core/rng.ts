// Every random stream in regretlab comes from here: seedrandom's Alea generator keyed by
// (seed, purpose). Streams for different purposes are independent, so adding a draw for one
// purpose never shifts another's sequence, and every learner can face the same realised losses.
import seedrandom from "seedrandom"
import type { RandomSource } from "./types.ts"

export const createRandomSource = (seed: number | string): RandomSource => ({
  stream: (purpose: string) => {
    const prng = seedrandom.alea(`regretlab:${seed}:${purpose}`)
    return () => prng()
  }
})

/** A standard normal draw from a uniform stream (Box–Muller; uses two uniforms, no caching). */
export const gaussian = (uniform: () => number): number => {
  let u = uniform()
  while (u <= 0) u = uniform()
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform())
}
