// The learner as the game loop sees it: plays `x`, receives ∇f_t(x_t), moves. State lives in
// preallocated Float64Arrays; update() allocates nothing.
import type { Kernel, KernelAccounting, KernelState } from "../kernel.ts"
import type { LearnerConfig } from "./config.ts"

export interface Learner {
  readonly config: LearnerConfig
  readonly dim: number
  /** The point the learner plays next (x_t before update(t), x_{t+1} after). */
  readonly x: Float64Array
  /** Starts a new run from x_1 = start (assumed feasible). */
  reset(start: Float64Array): void
  /**
   * Round t's update with gradient g = ∇f_t(x_t): the step alone. Returns false, leaving `failure`
   * set, when the gradient, the step size or the state became non-finite (the run is then reported
   * as diverged). The game's diagnostics of the step (Reddi's Γ_t, the effective step) are kept by
   * the game's kernel, not here: they cost about a third of a step at d = 10⁶.
   */
  update(t: number, g: Float64Array): boolean
  /** The state the round kernel reads and writes (the game's accounting lives there too). */
  readonly state: KernelState
  /** The round kernel fused with the game's accounting, for linear losses or losses paid in F. */
  kernel(accounting: KernelAccounting): Kernel
  readonly failure: { readonly what: "gradient" | "state" | "iterate"; readonly value: number } | undefined
  /** Copy of the internal moments for inspection and tests (allocates). */
  snapshot(): { readonly m: number[]; readonly v: number[]; readonly vmax: number[] }
}
