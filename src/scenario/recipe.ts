// How to rebuild a scenario somewhere else (a worker thread): where it is loaded from, the
// overrides applied to it and the learners kept. Rebuilt from the same recipe, a scenario plans
// the same runs with the same numbers, whatever thread plays them.
import { applyOverrides } from "./overrides.ts"
import { pickLearners } from "./pick.ts"
import { loadScenario } from "./registry.ts"
import type { ResolvedScenario } from "./types.ts"

export interface ScenarioRecipe {
  /** A registry id, or the path of a scenario file (.json, .ts). */
  readonly ref: string
  /** `key=value` overrides, in order (--set, then --horizon and --seeds as sets). */
  readonly sets: readonly string[]
  /** Learner labels kept (all when absent). */
  readonly learners?: readonly string[]
}

export const scenarioFromRecipe = async (r: ScenarioRecipe): Promise<ResolvedScenario> => {
  const loaded = await loadScenario(r.ref)
  const s = r.sets.length === 0 ? loaded : applyOverrides(loaded, r.sets)
  return r.learners === undefined ? s : pickLearners(s, r.learners)
}
