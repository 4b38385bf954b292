// Turns what a user writes (kind, preset, overrides) into a complete, validated learner config.
// Every invalid value fails with one ConfigError naming the field (relative to the learner spec),
// the value and what was expected.
import { ConfigError } from "../config/error.ts"
import { checkFields, dataOf, enumText } from "../config/fields.ts"
import type { Domain } from "../types.ts"
import type { LearnerConfig } from "./learner.ts"
import { learnerKind } from "./registry.ts"

/** What a user writes: a kind, optionally a preset and a label, and any fields to override. */
export interface LearnerSpec {
  readonly kind: string
  readonly preset?: string
  readonly label?: string
  readonly [field: string]: unknown
}

/** A resolved learner with its display label. */
export interface LabelledLearner {
  readonly label: string
  readonly config: LearnerConfig
}

export const resolveLearner = (spec: LearnerSpec): LabelledLearner => {
  const entry = learnerKind(spec.kind)
  const presetNames = Object.keys(entry.presets)
  const presetName = spec.preset ?? presetNames[0]
  const preset = Object.hasOwn(entry.presets, presetName) ? entry.presets[presetName] : undefined
  if (preset === undefined) throw new ConfigError("preset", presetName, `${enumText(presetNames)} for ${entry.kind}`)
  const label = spec.label ?? spec.kind
  if (typeof label !== "string" || label.length === 0) throw new ConfigError("label", spec.label, "a non-empty string")
  const { kind: _kind, preset: _preset, label: _label, ...overrides } = spec
  const merged = { ...preset, ...overrides }
  const config = { kind: entry.kind, preset: presetName, ...checkFields("", merged, entry.fields, 1, ["preset"]) } as LearnerConfig
  entry.check?.(config)
  return { label, config }
}

/** Checks that a resolved config can play on the domain; the path is relative to the learner spec. */
export const checkLearnerDomain = (config: LearnerConfig, domain: Domain): void => {
  const entry = learnerKind(config.kind)
  if (entry.domains !== undefined && !entry.domains.includes(domain.config.kind)) {
    throw new ConfigError("kind", config.kind, `a learner for this domain (${config.kind} plays on the ${entry.domains.join(", ")}, the domain is a ${domain.config.kind})`)
  }
}

/** Checks the start point a learner needs (EG: inside the simplex); the path is relative to the scenario ("start[i]"). */
export const checkLearnerStart = (config: LearnerConfig, domain: Domain, start: readonly number[]): void =>
  learnerKind(config.kind).checkStart?.(config, domain, start)

/** JSON form of a config: function fields (a custom step schedule's α_t) dropped. */
export const serialiseLearnerConfig = (config: LearnerConfig): LearnerConfig =>
  ({ kind: config.kind, preset: config.preset, ...dataOf(config, learnerKind(config.kind).fields) }) as LearnerConfig
