// The loss families, by name. Adding a family means adding it here, and LossFamilyName in types.ts.
import type { LossFamily, LossFamilyName } from "../types.ts"
import { absoluteFamily } from "./absolute.ts"
import { objectiveFamily } from "./fixed-objective.ts"
import { hingeFamily } from "./hinge.ts"
import { linearFamily } from "./linear.ts"
import { logisticFamily } from "./logistic.ts"
import { quadraticFamily } from "./quadratic.ts"

export { AbsoluteLoss, AbsoluteStats, absoluteFamily, absoluteTerm } from "./absolute.ts"
export type { CompositeOptions } from "./composite.ts"
export { CompositeStats } from "./composite.ts"
export { ObjectiveLoss, ObjectiveStats, objectiveFamily } from "./fixed-objective.ts"
export { HingeLoss, HingeStats, hingeFamily, hingeTerm } from "./hinge.ts"
export { LinearLoss, LinearStats, linearFamily } from "./linear.ts"
export { LogisticLoss, LogisticStats, logisticFamily, logisticTerm, sigmoid, softplus } from "./logistic.ts"
export { QuadraticLoss, QuadraticStats, quadraticFamily } from "./quadratic.ts"
export { DEFAULT_NUMERIC_OPTIONS, type NumericOptions } from "./solve.ts"

export const lossFamilies: Record<LossFamilyName, LossFamily> = {
  linear: linearFamily,
  quadratic: quadraticFamily,
  absolute: absoluteFamily,
  hinge: hingeFamily,
  logistic: logisticFamily,
  objective: objectiveFamily
}
