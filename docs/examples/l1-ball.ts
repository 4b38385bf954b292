// The ℓ1 ball ‖x − c‖₁ ≤ r (the cross-polytope). A domain in one file: the set and its kind. Both
// projections reduce to the simplex's: outside the ball, x − c = sign(y − c)·r·u with u the
// (weighted) projection of |y − c|/r onto the probability simplex, the weights being unchanged.
import type { DomainKind } from "../../src/core/domain/kind.ts"
import { createSimplex } from "../../src/core/domain/simplex.ts"
import type { Domain } from "../../src/core/types.ts"

export type L1BallConfig = { readonly kind: "l1-ball"; readonly center: readonly number[]; readonly radius: number }

const createL1Ball = (center: readonly number[], radius: number): Domain => {
  const dim = center.length
  const c = Float64Array.from(center)
  const simplex = createSimplex(dim)
  const a = new Float64Array(dim), u = new Float64Array(dim) // scratch: |y − c|/r and its projection
  const norm1 = (x: Float64Array): number => {
    let s = 0
    for (let i = 0; i < dim; i++) s += Math.abs(x[i] - c[i])
    return s
  }
  const projectWith = (y: Float64Array, weights: Float64Array | undefined, out: Float64Array): void => {
    if (!(norm1(y) > radius)) {
      out.set(y)
      return
    }
    for (let i = 0; i < dim; i++) a[i] = Math.abs(y[i] - c[i]) / radius
    if (weights === undefined) simplex.project(a, u)
    else simplex.projectWeighted(a, weights, u)
    for (let i = 0; i < dim; i++) out[i] = c[i] + Math.sign(y[i] - c[i]) * radius * u[i]
  }
  return {
    config: { kind: "l1-ball", center: [...center], radius },
    dim,
    diameterInf: 2 * radius,
    diameter2: 2 * radius,
    center: Float64Array.from(center),
    contains: (x, tol = 1e-12 * Math.max(1, radius)) => x.length === dim && norm1(x) <= radius + tol,
    project: (y, out) => projectWith(y, undefined, out),
    projectWeighted: (y, weights, out) => projectWith(y, weights, out),
    minimizeLinear(g, out) {
      // The vertex c − r·sign(g_k)·e_k at the largest |g_k|.
      let k = 0
      for (let i = 1; i < dim; i++) if (Math.abs(g[i]) > Math.abs(g[k])) k = i
      out.set(c)
      out[k] -= Math.sign(g[k]) * radius
      let value = 0
      for (let i = 0; i < dim; i++) value += g[i] * out[i]
      return value
    }
  }
}

export const l1BallKind: DomainKind<L1BallConfig> = {
  kind: "l1-ball",
  title: "ℓ1 ball ‖x − c‖₁ ≤ r (cross-polytope)",
  fields: {
    center: { type: "point", doc: "Centre c (its length sets the dimension)." },
    radius: { type: "number", doc: "Radius r.", min: 0, minOpen: true }
  },
  dim: (config) => config.center.length,
  diameters: (config) => ({ inf: 2 * config.radius, two: 2 * config.radius }),
  describe: (config) => `ℓ1 ball of radius ${config.radius} around [${config.center.join(", ")}]`,
  create: (config) => createL1Ball(config.center, config.radius),
  examples: { valid: [{ kind: "l1-ball", center: [0], radius: 1 }, { kind: "l1-ball", center: [0, 0, 0], radius: 1 }, { kind: "l1-ball", center: [2, -1, 0, 0.5], radius: 0.5 }] }
}
