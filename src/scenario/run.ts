// Plays every planned run to the end in this thread: the simple path for tests, scripts and small
// scenarios. The run layer does the same in chunks with progress and interruption.
import { planRuns } from "./plan.ts"
import { asResolvedScenario } from "./resolve.ts"
import { summarise } from "./summarise.ts"
import type { LearnerRun, ResolvedScenario, ScenarioInput, ScenarioResult } from "./types.ts"

/** Runs a resolved scenario, or resolves one as written (defineScenario's result) first. */
export const runScenarioSync = (scenario: ScenarioInput | ResolvedScenario, options?: { readonly learners?: readonly string[] }): ScenarioResult => {
  const s = asResolvedScenario(scenario)
  const runs: LearnerRun[] = planRuns(s, options).map((plan) => {
    const { rows, status } = plan.createGame().run()
    return { learner: plan.learner, seed: plan.seed, rows, status }
  })
  return summarise(s, runs, { kind: "complete" })
}
