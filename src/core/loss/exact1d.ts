// Exact best fixed point for a sum of piecewise-linear terms φ(w·x; p) on a 1-D domain: the sum is
// convex and piecewise linear in x, so its minimiser over [lo, hi] is lo, hi or a kink where the
// right derivative turns ≥ 0 (for the absolute loss: a weighted median of the b_s/w_s, clipped).
// Costs one sort of the T kinks, O(T log T).
import { NeumaierSum } from "../sum.ts"
import type { ComparatorResult, Domain } from "../types.ts"
import type { RowStore } from "./rows.ts"
import type { ScalarTerm } from "./term.ts"

/** [lo, hi] of a one-dimensional domain, read from its linear minimisation oracle. */
const interval = (domain: Domain): [number, number] => {
  const g = Float64Array.of(1)
  const s = new Float64Array(1)
  const lo = domain.minimizeLinear(g, s)
  g[0] = -1
  const hi = -domain.minimizeLinear(g, s)
  return [lo, hi]
}

export const solvePiecewise1d = (
  rows: RowStore,
  term: ScalarTerm,
  domain: Domain,
  out: Float64Array
): ComparatorResult => {
  const pw = term.piecewise
  if (pw === undefined || rows.dim !== 1 || domain.dim !== 1) throw new Error("solvePiecewise1d needs a 1-D piecewise-linear problem")
  const [lo, hi] = interval(domain)
  const T = rows.count
  const W = rows.weights
  const P = rows.params
  const kinks = new Float64Array(T)
  const jumps = new Float64Array(T)
  // Right derivative at −∞: every term on its left piece.
  const slope = new NeumaierSum()
  let m = 0
  for (let s = 0; s < T; s++) {
    const w = W[s]
    if (w === 0) continue // constant in x
    const p = P[s]
    // z = w·x, so for w < 0 the z-pieces swap sides in x.
    const left = w > 0 ? w * pw.leftSlope(p) : w * pw.rightSlope(p)
    const right = w > 0 ? w * pw.rightSlope(p) : w * pw.leftSlope(p)
    slope.add(left)
    const zk = pw.kink(p)
    if (Number.isNaN(zk)) continue
    kinks[m] = zk / w
    jumps[m] = right - left
    m++
  }
  const order = new Uint32Array(m)
  for (let k = 0; k < m; k++) order[k] = k
  order.sort((a, b) => kinks[a] - kinks[b])

  let k = 0
  // Right derivative at lo includes the kinks at or left of lo.
  while (k < m && kinks[order[k]] <= lo) slope.add(jumps[order[k++]])
  let x = hi
  if (slope.value >= 0) x = lo
  else {
    for (; k < m && kinks[order[k]] < hi; k++) {
      slope.add(jumps[order[k]])
      if (slope.value >= 0) {
        x = kinks[order[k]]
        break
      }
    }
  }
  out[0] = x

  const value = new NeumaierSum()
  for (let s = 0; s < T; s++) value.add(term.value(W[s] * x, P[s]))
  return { value: value.value, gap: 0, method: "closed-form" }
}
