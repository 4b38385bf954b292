// Turns what a user writes (kind, preset, overrides) into a complete, validated LearnerConfig.
// Every invalid value fails with one message naming the learner, the field, the value and the range.
import { learnerCatalog, learnerKinds } from "./catalog.ts"
import type { LabelledLearner, LearnerConfig, LearnerSpec } from "./config.ts"
import { showValue } from "../show.ts"

export class LearnerConfigError extends Error {
  constructor(readonly learner: string, readonly field: string, readonly value: unknown, readonly expected: string) {
    super(`learner "${learner}": ${field} must be ${expected}, got ${showValue(value)}`)
    this.name = "LearnerConfigError"
  }
}

const configFields: ReadonlySet<string> = new Set([
  "kind", "preset", "label", "alpha", "stepSchedule", "momentum", "beta1", "beta1Schedule", "secondMoment", "beta2",
  "beta2Schedule", "amsgrad", "biasCorrection1", "biasCorrection2", "eps", "epsRoot", "initialAccumulator",
  "weightDecay", "weightDecayMode", "sign", "projection"
])

export const resolveLearner = (spec: LearnerSpec): LabelledLearner => {
  const label = spec.label ?? spec.kind
  const entry = learnerCatalog[spec.kind]
  if (entry === undefined) throw new LearnerConfigError(label, "kind", spec.kind, `one of ${learnerKinds.join(", ")}`)
  const presetName = spec.preset ?? "paper"
  const preset = entry.presets[presetName]
  if (preset === undefined) {
    throw new LearnerConfigError(label, "preset", presetName, `one of ${Object.keys(entry.presets).join(", ")} for ${spec.kind}`)
  }
  for (const key of Object.keys(spec)) {
    if (!configFields.has(key)) throw new LearnerConfigError(label, key, (spec as Record<string, unknown>)[key], "absent (unknown field)")
  }
  if (typeof label !== "string" || label.length === 0) throw new LearnerConfigError(label, "label", spec.label, "a non-empty string")
  const { label: _label, ...overrides } = spec
  const config = { ...preset, ...overrides, kind: spec.kind, preset: presetName } as LearnerConfig
  validateLearnerConfig(label, config)
  return { label, config }
}

const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v)
const oneOf = <T extends string>(label: string, field: string, v: unknown, allowed: readonly T[]) => {
  if (!allowed.includes(v as T)) throw new LearnerConfigError(label, field, v, `one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`)
}
const inRange = (label: string, field: string, v: unknown, lo: number, hi: number, hiOpen: boolean, loOpen = false) => {
  const ok = isNumber(v) && (loOpen ? v > lo : v >= lo) && (hiOpen ? v < hi : v <= hi)
  if (!ok) throw new LearnerConfigError(label, field, v, `a number in ${loOpen ? "(" : "["}${lo}, ${hi === Infinity ? "∞" : hi}${hiOpen ? ")" : "]"}`)
}
const isBool = (label: string, field: string, v: unknown) => {
  if (typeof v !== "boolean") throw new LearnerConfigError(label, field, v, "true or false")
}

export const validateLearnerConfig = (label: string, c: LearnerConfig): void => {
  inRange(label, "alpha", c.alpha, 0, Infinity, true, true)
  oneOf(label, "momentum", c.momentum, ["none", "ema", "heavy-ball"])
  inRange(label, "beta1", c.beta1, 0, 1, true)
  oneOf(label, "secondMoment", c.secondMoment, ["none", "ema", "sum", "mean"])
  inRange(label, "beta2", c.beta2, 0, 1, true)
  oneOf(label, "beta2Schedule", c.beta2Schedule, ["constant", "inverse-t"])
  oneOf(label, "amsgrad", c.amsgrad, ["off", "raw", "corrected"])
  isBool(label, "biasCorrection1", c.biasCorrection1)
  isBool(label, "biasCorrection2", c.biasCorrection2)
  isBool(label, "sign", c.sign)
  inRange(label, "eps", c.eps, 0, Infinity, true)
  inRange(label, "epsRoot", c.epsRoot, 0, Infinity, true)
  inRange(label, "initialAccumulator", c.initialAccumulator, 0, Infinity, true)
  inRange(label, "weightDecay", c.weightDecay, 0, Infinity, true)
  oneOf(label, "weightDecayMode", c.weightDecayMode, ["l2", "decoupled"])
  oneOf(label, "projection", c.projection, ["weighted", "euclidean"])

  const s = c.stepSchedule as LearnerConfig["stepSchedule"] | undefined
  oneOf(label, "stepSchedule.kind", s?.kind, ["constant", "inv-sqrt", "power", "inverse-time", "custom"])
  if (s?.kind === "power") inRange(label, "stepSchedule.power", s.power, 0, 2, false, true)
  if (s?.kind === "inverse-time") inRange(label, "stepSchedule.decay", s.decay, 0, Infinity, true)
  if (s?.kind === "custom") {
    if (typeof s.name !== "string" || s.name.length === 0) throw new LearnerConfigError(label, "stepSchedule.name", s.name, "a non-empty string")
    if (typeof s.fn !== "function") throw new LearnerConfigError(label, "stepSchedule.fn", s.fn, "a function t => α_t (custom schedules need a TypeScript scenario)")
  }
  const b = c.beta1Schedule as LearnerConfig["beta1Schedule"] | undefined
  oneOf(label, "beta1Schedule.kind", b?.kind, ["constant", "exponential", "inverse"])
  if (b?.kind === "exponential") inRange(label, "beta1Schedule.lambda", b.lambda, 0, 1, false, true)

  // Combinations that mean nothing: say so rather than silently ignore a knob.
  if (c.momentum === "none" && c.beta1 !== 0) throw new LearnerConfigError(label, "beta1", c.beta1, "0 when momentum is \"none\"")
  if (c.amsgrad !== "off" && c.secondMoment !== "ema") throw new LearnerConfigError(label, "amsgrad", c.amsgrad, "\"off\" unless secondMoment is \"ema\"")
  if (c.biasCorrection2 && c.secondMoment !== "ema") throw new LearnerConfigError(label, "biasCorrection2", true, "false unless secondMoment is \"ema\"")
  if (c.biasCorrection1 && c.momentum !== "ema") throw new LearnerConfigError(label, "biasCorrection1", true, "false unless momentum is \"ema\"")
  if (c.sign && c.secondMoment !== "none") throw new LearnerConfigError(label, "sign", true, "false unless secondMoment is \"none\"")
  if (c.beta2Schedule === "inverse-t" && c.secondMoment !== "ema") throw new LearnerConfigError(label, "beta2Schedule", c.beta2Schedule, "\"constant\" unless secondMoment is \"ema\"")
  if (c.beta2Schedule === "inverse-t" && c.biasCorrection2) throw new LearnerConfigError(label, "biasCorrection2", true, "false with beta2Schedule \"inverse-t\" (v_t is already the mean of g²)")
}
