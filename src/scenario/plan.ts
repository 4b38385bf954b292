// A scenario becomes one run per (seed, learner). Each run gets a fresh domain, adversary and
// learner, and random = createRandomSource(seed): the adversary draws only from its named streams,
// so every learner faces the same realised sequence for a seed (common random numbers).
import { createAdversary } from "../core/adversary/index.ts"
import { logCheckpoints } from "../core/checkpoints.ts"
import { createDomain } from "../core/domain/index.ts"
import { Game } from "../core/game/game.ts"
import { createLearner } from "../core/learner/registry.ts"
import { createRandomSource } from "../core/rng.ts"
import { ScenarioError } from "./error.ts"
import { vectorMetrics } from "./resolve.ts"
import type { ResolvedScenario } from "./types.ts"

export interface RunPlan {
  readonly learner: string
  readonly seed: number
  createGame(): Game
}

/** Learner labels to run: all, or the requested ones (each must exist). */
export const selectLearners = (s: ResolvedScenario, only?: readonly string[]): readonly string[] => {
  const labels = s.learners.map((l) => l.label)
  if (only === undefined) return labels
  for (const name of only) {
    if (!labels.includes(name)) throw new ScenarioError(s.source, "learners", name, `one of the learner labels ${labels.map((l) => JSON.stringify(l)).join(", ")}`)
  }
  return labels.filter((l) => only.includes(l))
}

export const planRuns = (s: ResolvedScenario, options?: { readonly learners?: readonly string[] }): RunPlan[] => {
  const labels = selectLearners(s, options?.learners)
  const checkpoints = logCheckpoints(s.horizon, s.checkpoints.perDecade, s.checkpoints.extra)
  // Expectations on x need the vector in the final row whatever the dimension.
  const needVectors = s.expectations.some((e) => vectorMetrics.has(e.metric))
  const plans: RunPlan[] = []
  for (const seed of s.seeds) {
    for (const label of labels) {
      const config = s.learners.find((l) => l.label === label)!.config
      plans.push({
        learner: label,
        seed,
        createGame: () => {
          const domain = createDomain(s.domain)
          const adversary = s.createAdversary !== undefined ? s.createAdversary(s.adversary, domain.dim) : createAdversary(s.adversary, domain.dim)
          return new Game({
            domain,
            adversary,
            learner: createLearner(config, domain),
            horizon: s.horizon,
            start: Float64Array.from(s.start),
            random: createRandomSource(seed),
            checkpoints,
            ...(needVectors ? { recordVectorsUpTo: Math.max(8, domain.dim) } : {})
          })
        }
      })
    }
  }
  return plans
}
