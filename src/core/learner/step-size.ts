// The step size η_t of the learners outside Algorithm 1 (FTRL, EG): a constant α or α/√t, declared
// once as fields so every such learner offers the same knobs with the same ranges.
import type { Fields, ValuesOf } from "../config/fields.ts"
import { fmt } from "../config/show.ts"

export const stepSizeFields = {
  alpha: { type: "number", doc: "Step size scale α (η_t follows stepSchedule).", min: 0, max: Infinity, minOpen: true, maxOpen: true },
  stepSchedule: {
    type: "variant",
    doc: "η_t: a constant α, or α/√t (the anytime schedule of the bound).",
    variants: { "constant": {}, "inv-sqrt": {} }
  }
} as const satisfies Fields

export type StepSize = ValuesOf<typeof stepSizeFields>

/** η_t for round t. */
export const stepSize = (s: StepSize, t: number): number => (s.stepSchedule.kind === "inv-sqrt" ? s.alpha / Math.sqrt(t) : s.alpha)

/** "η=0.5/√t", "η=0.1". */
export const stepSizeText = (s: StepSize): string => `η=${fmt(s.alpha)}${s.stepSchedule.kind === "inv-sqrt" ? "/√t" : ""}`
