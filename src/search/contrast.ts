// The learners a found sequence is compared with: AMSGrad, the contrast of the certificate (it has
// a regret bound, so on a sequence that breaks the target its R_t/t must still fall), and AdaGrad,
// both with the target's α and β's. For an Algorithm-1 target with an EMA second moment the
// contrast is the target itself with AMSGrad's max switched on (same preset conventions: bias
// correction, ε, schedule), so the certificate isolates the one change AMSGrad makes.
import type { LearnerConfig } from "../core/learner/learner.ts"
import { learnerKind } from "../core/learner/registry.ts"
import { resolveLearner } from "../core/learner/resolve.ts"

const numberField = (c: LearnerConfig, field: string): number | undefined => {
  const v = (c as Record<string, unknown>)[field]
  return typeof v === "number" && Number.isFinite(v) ? v : undefined
}

/** The step schedule of an Algorithm-1 config when it is data (a custom α_t function is not). */
const scheduleOf = (c: LearnerConfig): Record<string, unknown> | undefined => {
  const s = (c as Record<string, unknown>).stepSchedule as Record<string, unknown> | undefined
  return s === undefined || s.kind === "custom" ? undefined : s
}

/** α, β1, β2 and the schedule a comparison borrows from the target (defaults where it has none). */
const borrowed = (target: LearnerConfig) => {
  const algorithm1 = learnerKind(target.kind).family === "algorithm1"
  const c = target as Record<string, unknown>
  const beta1 = algorithm1 && c.momentum === "ema" ? numberField(target, "beta1") ?? 0.9 : algorithm1 ? 0 : 0.9
  const beta2 = algorithm1 && c.secondMoment === "ema" && c.beta2Schedule === "constant" ? numberField(target, "beta2") ?? 0.99 : 0.99
  const alpha = numberField(target, "alpha")
  const schedule = algorithm1 ? scheduleOf(target) : undefined
  return { alpha, beta1, beta2, schedule, algorithm1 }
}

/** AMSGrad with the target's α, β1, β2: the learner whose R_t/t must fall on a certified sequence. */
export const contrastFor = (target: LearnerConfig): LearnerConfig => {
  const c = target as Record<string, unknown>
  const b = borrowed(target)
  if (b.algorithm1 && c.secondMoment === "ema" && c.beta2Schedule === "constant" && c.sign === false) {
    const { kind: _kind, preset: _preset, ...fields } = c
    // The same preset name where AMSGrad has one (its max then follows that library: optax takes
    // it over the corrected v, torch over the raw v).
    const presets = learnerKind("amsgrad").presets
    const preset = Object.hasOwn(presets, target.preset) ? target.preset : "paper"
    return resolveLearner({
      ...fields,
      kind: "amsgrad",
      preset,
      momentum: "ema",
      beta1: b.beta1,
      biasCorrection1: c.momentum === "ema" ? c.biasCorrection1 : false,
      beta1Schedule: c.momentum === "ema" ? c.beta1Schedule : { kind: "constant" },
      amsgrad: c.amsgrad === "off" ? presets[preset].amsgrad : c.amsgrad
    }).config
  }
  return resolveLearner({
    kind: "amsgrad", preset: "paper", beta1: b.beta1, beta2: b.beta2,
    ...(b.alpha !== undefined ? { alpha: b.alpha } : {}),
    ...(b.schedule !== undefined ? { stepSchedule: b.schedule } : {})
  }).config
}

/** AdaGrad (Reddi's paper form, v = Σg²/t) with the target's α and schedule. */
export const adagradFor = (target: LearnerConfig): LearnerConfig => {
  const b = borrowed(target)
  return resolveLearner({
    kind: "adagrad", preset: "paper",
    ...(b.alpha !== undefined ? { alpha: b.alpha } : {}),
    ...(b.schedule !== undefined ? { stepSchedule: b.schedule } : {})
  }).config
}
