// What a full-batch experiment needs of its objective beyond E, ∇E and ∇²E (../flow/objectives.ts):
// the minimum in closed form (the comparator), the distance to the set of minimisers, and the
// numbers the experiment is about (a test error, where on a hyperbola of minimisers x lies, ...).
import type { Objective } from "../flow/objectives.ts"
import type { MetricInfo } from "../types.ts"

export interface FullBatchObjective extends Objective {
  /** min E over all of R^dim, known in closed form. */
  readonly minValue: number
  /**
   * A global minimiser into out: the unique one, or a canonical one when the minimisers form a set
   * (each objective says which).
   */
  minimiser(out: Float64Array): void
  /** Euclidean distance from θ to the set of global minimisers. */
  distanceToMinimisers(theta: Float64Array): number
  /** The objective's own numbers (beyond those every full-batch experiment reports). */
  readonly metrics: readonly MetricInfo[]
  /** Their values at θ, written into out under their names. May allocate (checkpoints only). */
  measure(theta: Float64Array, out: Record<string, number>): void
}
