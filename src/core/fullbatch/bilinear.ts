// The bilinear model E(w1, w2) = ½(y − x·w1·w2)² as a full-batch experiment. Its minimisers are the
// hyperbola w1·w2 = y/x, and they differ in how fast the gradient grows around them: with the
// residual r = x·w1·w2 − y, ∇E = r·x·(w2, w1), so ‖∇E(w)‖₁ = |r|·x·(|w1| + |w2|) exactly. On every
// level set of E (fixed |r|) the gradient's one-norm is proportional to |w1| + |w2|, and so is the
// perturbed one-norm ‖∇E‖_{1,ε} = Σ√((∂_jE)² + ε) up to ε. Which minimiser a run ends near says in
// which region of small or large ‖∇E‖_{1,ε} it was steered: `oneNormSlope`, x(|w1*| + |w2*|) at the
// nearest minimiser w*, measures it.
import { bilinear, type BilinearParams } from "../flow/objectives.ts"
import type { FullBatchObjective } from "./objective.ts"

export interface BilinearObjective extends FullBatchObjective {
  readonly x: number
  readonly y: number
  /** A nearest minimiser of θ into out; returns the distance. */
  nearestMinimiser(theta: Float64Array, out: Float64Array): number
}

/** The bilinear model with its metrics. The canonical minimiser is the balanced one, |w1| = |w2|. */
export const bilinearObjective = (params: BilinearParams = {}): BilinearObjective => {
  const model = bilinear(params)
  const c = model.product
  const nearest = new Float64Array(2)
  return {
    ...model,
    minValue: 0,
    minimiser: (out) => {
      const s = Math.sqrt(Math.abs(c))
      out[0] = s
      out[1] = c < 0 ? -s : s
    },
    metrics: [
      { name: "oneNormSlope", title: "x(|w1*| + |w2*|) at the nearest minimiser w*: ‖∇E‖₁ per unit of residual |x·w1·w2 − y| around it" },
      { name: "nearestW1", title: "w1* of the nearest minimiser: where on the hyperbola x is" }
    ],
    measure: (theta, out) => {
      model.nearestMinimiser(theta, nearest)
      out.oneNormSlope = Math.abs(model.x) * (Math.abs(nearest[0]) + Math.abs(nearest[1]))
      out.nearestW1 = nearest[0]
    }
  }
}
