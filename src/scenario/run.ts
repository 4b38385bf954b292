// Plays every planned run to the end in this thread: the simple path for tests, scripts and small
// scenarios. The run layer does the same in chunks with progress and interruption.
import { planRuns } from "./plan.ts"
import { summarise } from "./summarise.ts"
import type { LearnerRun, ResolvedScenario, ScenarioResult } from "./types.ts"

export const runScenarioSync = (s: ResolvedScenario, options?: { readonly learners?: readonly string[] }): ScenarioResult => {
  const runs: LearnerRun[] = planRuns(s, options).map((plan) => {
    const { rows, status } = plan.createGame().run()
    return { learner: plan.learner, seed: plan.seed, rows, status }
  })
  return summarise(s, runs, { kind: "complete" })
}
