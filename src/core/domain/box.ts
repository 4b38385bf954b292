// The box F = Π_i [l_i, u_i]. Both projections are clipping: the weighted objective
// Σ a_i (x_i − y_i)² splits by coordinate, so for any positive weights each coordinate is clipped
// on its own and the weights do not matter (docs/reference/reddi2018.md §2).
import type { Domain } from "../types.ts"
import { ConfigError } from "../config/error.ts"
import type { DomainKind } from "./kind.ts"
import { shortList } from "./kind.ts"

/**
 * The box [lower, upper] (unchecked: use createDomain to validate a config). Bounds must be
 * finite with lower_i ≤ upper_i and equal lengths ≥ 1.
 */
export const createBox = (lower: readonly number[], upper: readonly number[]): Domain => {
  const dim = lower.length
  const lo = Float64Array.from(lower)
  const hi = Float64Array.from(upper)
  let widthMax = 0
  let width2 = 0
  let scale = 1
  for (let i = 0; i < dim; i++) {
    const w = hi[i] - lo[i]
    if (w > widthMax) widthMax = w
    width2 += w * w
    scale = Math.max(scale, Math.abs(lo[i]), Math.abs(hi[i]))
  }
  // Absolute tolerance relative to the magnitude of the bounds, so rounding near large bounds passes.
  const defaultTol = 1e-12 * scale

  const clip = (y: Float64Array, out: Float64Array): void => {
    for (let i = 0; i < dim; i++) {
      const v = y[i]
      // Written so that NaN stays NaN (the runner's divergence check must see it).
      out[i] = v < lo[i] ? lo[i] : v > hi[i] ? hi[i] : v
    }
  }

  return {
    config: { kind: "box", lower: Object.freeze([...lower]), upper: Object.freeze([...upper]) },
    dim,
    diameterInf: widthMax,
    diameter2: Math.sqrt(width2),
    center: Float64Array.from(lower, (l, i) => 0.5 * (l + upper[i])),
    box: { lower: lo, upper: hi },
    contains(x, tol = defaultTol) {
      if (x.length !== dim) return false
      for (let i = 0; i < dim; i++) {
        // Negated so that NaN is outside.
        if (!(x[i] >= lo[i] - tol && x[i] <= hi[i] + tol)) return false
      }
      return true
    },
    project: clip,
    projectWeighted: (y, _weights, out) => clip(y, out),
    minimizeLinear(g, out) {
      // g_i > 0 → lower, g_i < 0 → upper; g_i = 0 (any point is optimal) → lower, a fixed vertex
      // so the result is deterministic.
      let value = 0
      for (let i = 0; i < dim; i++) {
        const s = g[i] < 0 ? hi[i] : lo[i]
        out[i] = s
        value += g[i] * s
      }
      return value
    }
  }
}

/** The interval [lo, hi] as a box of dimension 1. */
export const createInterval = (lo: number, hi: number): Domain => createBox([lo], [hi])

export type BoxConfig = { readonly kind: "box"; readonly lower: readonly number[]; readonly upper: readonly number[] }

const widths = (c: BoxConfig): number[] => c.lower.map((l, i) => c.upper[i] - l)

export const boxKind: DomainKind<BoxConfig> = {
  kind: "box",
  title: "Box Π_i [l_i, u_i] (an interval in 1-D); both projections are clipping",
  fields: {
    lower: { type: "point", doc: "Lower bounds l_i (their number sets the dimension)." },
    upper: { type: "point", doc: "Upper bounds u_i, one per lower bound, u_i ≥ l_i." }
  },
  check: (config) => {
    const { lower, upper } = config
    if (upper.length !== lower.length) throw new ConfigError("upper", upper, `an array of length ${lower.length} (the length of domain.lower)`)
    lower.forEach((l, i) => {
      if (!(l <= upper[i])) throw new ConfigError(`lower[${i}]`, l, `a number ≤ domain.upper[${i}] = ${upper[i]}`)
    })
  },
  dim: (config) => config.lower.length,
  diameters: (config) => {
    let inf = 0, sq = 0
    for (const w of widths(config)) {
      if (w > inf) inf = w
      sq += w * w
    }
    return { inf, two: Math.sqrt(sq) }
  },
  examples: {
    valid: [
      { kind: "box", lower: [-1], upper: [1] },
      { kind: "box", lower: [-1, -2, 0], upper: [1, 2, 3] },
      { kind: "box", lower: [1e6, -5, 0, 2], upper: [1e6 + 1, 5, 0, 2.5] }
    ],
    invalid: [
      [{ kind: "box", lower: [0, 2], upper: [1, 1] }, "lower[1]: expected a number ≤ domain.upper[1] = 1, got 2"],
      [{ kind: "box", lower: [0, 0], upper: [1] }, "upper: expected an array of length 2 (the length of domain.lower), got [1]"]
    ]
  },
  describe: (config) => {
    const { lower, upper } = config
    return lower.length === 1 ? `[${lower[0]}, ${upper[0]}]` : `box [${shortList(lower)}] to [${shortList(upper)}]`
  },
  create: (config) => createBox(config.lower, config.upper)
}
