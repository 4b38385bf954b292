// When the search may play a candidate through the scalar loop (scalar-game.ts) instead of the
// framework's game: a 1-D box and a paper-form Algorithm-1 learner — constant β's, no bias
// correction, no ε, no weight decay, no sign, α_t = α/√t or α, and a second moment that is an EMA
// (with or without AMSGrad's max) or Reddi's mean Σg²/t. For those the loop repeats the game's
// arithmetic operation for operation (a property test checks the rows bit for bit over random
// configs); everything else — other learners, presets with ε or bias correction, box and ball in
// d ≥ 2 — plays through the game itself.
import type { LearnerConfig } from "../core/learner/learner.ts"
import { learnerKind } from "../core/learner/registry.ts"
import type { DomainConfig } from "../core/types.ts"
import type { Interval, ScalarLearner } from "./scalar-game.ts"

const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v)

/** The scalar loop's form of a learner config, or undefined when the loop does not cover it. */
export const scalarLearnerOf = (config: LearnerConfig): ScalarLearner | undefined => {
  if (learnerKind(config.kind).family !== "algorithm1") return undefined
  const c = config as Record<string, unknown>
  const schedule = (c.stepSchedule as { kind?: unknown } | undefined)?.kind
  if (schedule !== "inv-sqrt" && schedule !== "constant") return undefined
  if ((c.beta1Schedule as { kind?: unknown } | undefined)?.kind !== "constant") return undefined
  if (c.biasCorrection1 !== false || c.biasCorrection2 !== false || c.sign !== false) return undefined
  if (c.eps !== 0 || c.epsRoot !== 0 || c.weightDecay !== 0 || c.initialAccumulator !== 0) return undefined
  if (!isNumber(c.alpha) || !isNumber(c.beta1) || !isNumber(c.beta2)) return undefined
  // momentum none is m = g, the same as an EMA with β1 = 0 (0·m + 1·g = g).
  const beta1 = c.momentum === "none" ? 0 : c.momentum === "ema" ? c.beta1 : undefined
  if (beta1 === undefined) return undefined
  const base = { alpha: c.alpha, beta1, schedule } as const
  if (c.secondMoment === "ema" && c.beta2Schedule === "constant") {
    // Without bias correction AMSGrad's max over the corrected v is the max over the raw v.
    if (c.amsgrad === "raw" || c.amsgrad === "corrected") return { ...base, kind: "amsgrad", beta2: c.beta2 }
    if (c.amsgrad === "off") return { ...base, kind: beta1 === 0 ? "rmsprop" : "adam", beta2: c.beta2 }
    return undefined
  }
  if (c.secondMoment === "mean" && c.amsgrad === "off" && beta1 === 0) return { ...base, kind: "adagrad", beta2: 0 }
  return undefined
}

/** The interval [lo, hi] of a 1-D box, or undefined for any other domain. */
export const scalarIntervalOf = (domain: DomainConfig): Interval | undefined => {
  if (domain.kind !== "box") return undefined
  const lower = domain.lower as readonly number[] | undefined, upper = domain.upper as readonly number[] | undefined
  if (lower?.length !== 1 || upper?.length !== 1) return undefined
  return { lo: lower[0], hi: upper[0] }
}
