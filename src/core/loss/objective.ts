// One pass over the stored rows evaluates everything the numeric solver needs at a point: the true
// sum F, its smoothing F_μ, ∇F_μ, the diagonal of ∇²F_μ and Σ ε_s (the Fenchel–Young gaps of the
// slopes σ_s = φ′_μ, which enter the certificate). Sums of values are compensated, so value
// differences near the optimum are not rounding noise.
import { NeumaierSum } from "../sum.ts"
import type { RowStore } from "./rows.ts"
import type { ScalarTerm } from "./term.ts"

/** Evaluation of F(x) = Σ_s φ(⟨w_s, x⟩; p_s) and its smoothing F_μ over the stored rows. */
export class CompositeObjective {
  value = 0
  smoothed = 0
  youngGap = 0
  private readonly f = new NeumaierSum()
  private readonly fMu = new NeumaierSum()

  constructor(
    private readonly rows: RowStore,
    private readonly term: ScalarTerm
  ) {}

  /** Writes F, F_μ and Σε into the fields, ∇F_μ(x) into grad and diag ∇²F_μ(x) into curv. */
  evaluate(x: Float64Array, mu: number, grad: Float64Array, curv: Float64Array): void {
    const { rows, term, f, fMu } = this
    const d = rows.dim
    const W = rows.weights
    const P = rows.params
    const T = rows.count
    f.reset()
    fMu.reset()
    let eps = 0
    grad.fill(0)
    curv.fill(0)
    for (let s = 0, o = 0; s < T; s++, o += d) {
      let z = 0
      for (let i = 0; i < d; i++) z += W[o + i] * x[i]
      const p = P[s]
      f.add(term.value(z, p))
      if (term.smooth) {
        fMu.add(term.value(z, p))
      } else {
        fMu.add(term.smoothedValue(z, p, mu))
        eps += term.youngGap(z, p, mu)
      }
      const sigma = term.slope(z, p, mu)
      if (sigma !== 0) for (let i = 0; i < d; i++) grad[i] += sigma * W[o + i]
      const c = term.curvature(z, p, mu)
      if (c !== 0) for (let i = 0; i < d; i++) curv[i] += c * W[o + i] * W[o + i]
    }
    this.value = f.value
    this.smoothed = fMu.value
    this.youngGap = eps
  }

  /** The full ∇²F_μ(x) into out (row-major d×d); O(T·d²), for the small-d Newton step. */
  hessian(x: Float64Array, mu: number, out: Float64Array): void {
    const { rows, term } = this
    const d = rows.dim
    const W = rows.weights
    const P = rows.params
    out.fill(0)
    for (let s = 0, o = 0; s < rows.count; s++, o += d) {
      let z = 0
      for (let i = 0; i < d; i++) z += W[o + i] * x[i]
      const c = term.curvature(z, P[s], mu)
      if (c === 0) continue
      for (let i = 0; i < d; i++) {
        const ci = c * W[o + i]
        if (ci === 0) continue
        for (let j = 0; j < d; j++) out[i * d + j] += ci * W[o + j]
      }
    }
  }
}
