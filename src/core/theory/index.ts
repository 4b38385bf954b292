// Which regret bound holds for which learner config: every theorem regretlab draws, with the
// configs it covers. Reports ask boundsFor(); nothing outside this folder decides applicability.
import type { LearnerConfig } from "../learner/learner.ts"
import { learnerKind } from "../learner/registry.ts"
import type { DomainConfig } from "../types.ts"
import { adagradDuchi2011, amsgradReddi2018, ogdZinkevich2003 } from "./algorithm1.ts"
import { egLazy, ftrlOrabona, onsHazan2007 } from "./online.ts"
import { covers, type Theorem } from "./theorem.ts"

export type { Allowed, BoundInputs, Pattern, Theorem } from "./theorem.ts"
export { covers } from "./theorem.ts"

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const theorems: readonly Theorem<any>[] = [adagradDuchi2011, ogdZinkevich2003, amsgradReddi2018, ftrlOrabona, onsHazan2007, egLazy]

/** The theorems whose assumptions on the learner hold for this config on this domain (first one first). */
export const boundsFor = (config: LearnerConfig, domain: DomainConfig): readonly Theorem<LearnerConfig>[] => {
  const family = learnerKind(config.kind).family
  return theorems.filter((th) => th.family === family && covers(th, config, domain))
}
