// The registry of learner kinds. Scenarios name a kind (and a preset); resolve.ts validates the
// config against the kind's fields table, and the game builds the learner through the entry.
// Adding a learner is one file (its fields, presets, update and LearnerKind) plus one line here.
import { ConfigError } from "../config/error.ts"
import { enumText } from "../config/fields.ts"
import { algorithm1LearnerKinds } from "./algorithm1/learner.ts"
import { egKind } from "./eg.ts"
import { ftrlKind } from "./ftrl.ts"
import { onsKind } from "./ons.ts"
import type { Domain } from "../types.ts"
import type { Learner, LearnerConfig, LearnerKind } from "./learner.ts"

const builtinKinds: readonly LearnerKind[] = [...algorithm1LearnerKinds, ftrlKind, onsKind, egKind]

export const learnerKinds: ReadonlyMap<string, LearnerKind> = new Map(builtinKinds.map((k) => [k.kind, k]))

export const registerLearnerKind = (kind: LearnerKind): void => {
  if (learnerKinds.has(kind.kind)) throw new Error(`learner kind "${kind.kind}" is already registered`)
  ;(learnerKinds as Map<string, LearnerKind>).set(kind.kind, kind)
}

/** The registry entry of a kind; throws ConfigError at path "kind" when there is none. */
export const learnerKind = (kind: unknown): LearnerKind => {
  const entry = typeof kind === "string" ? learnerKinds.get(kind) : undefined
  if (entry === undefined) throw new ConfigError("kind", kind, enumText([...learnerKinds.keys()]))
  return entry
}

/** A learner for one run on the domain, from a resolved config. */
export const createLearner = (config: LearnerConfig, domain: Domain): Learner => learnerKind(config.kind).create(config, domain)

/** "adam/paper: α=0.5/√t, β1=0.9, β2=0.99": the kind, preset and hyperparameters of a config. */
export const describeLearner = (config: LearnerConfig): string => `${config.kind}/${config.preset}: ${learnerKind(config.kind).describe(config)}`
