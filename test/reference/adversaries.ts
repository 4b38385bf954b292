// Small test-only adversaries written independently of src/core/adversary, so the game loop can
// be checked against a second implementation of the same sequences.
import { LinearLoss, linearFamily } from "../../src/core/loss/linear.ts"
import { QuadraticLoss, quadraticFamily } from "../../src/core/loss/quadratic.ts"
import type { Adversary } from "../../src/core/types.ts"

/** f_t(x) = scale·(big·x if t mod period = 1 else −x) in 1-D. */
export const periodicLinear1d = (big: number, period: number, scale = 1): Adversary => {
  const loss = new LinearLoss(1)
  return {
    information: "oblivious",
    dim: 1,
    family: linearFamily,
    reset: () => {},
    reveal: (t) => {
      loss.g[0] = t % period === 1 % period ? scale * big : -scale
      return loss
    }
  }
}

/** The same quadratic ½Σ a_i(x_i − b_i)² every round. */
export const fixedQuadratic = (a: readonly number[], b: readonly number[]): Adversary => {
  const loss = new QuadraticLoss(a.length, a, b)
  return { information: "oblivious", dim: a.length, family: quadraticFamily, reset: () => {}, reveal: () => loss }
}
