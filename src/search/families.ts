// The adversary families the search explores, each a box of parameter vectors with decode(vector)
// → an adversary config of a registered kind (periodic-linear, periodic, two-point-linear), so a
// found sequence is a scenario's `adversary` as it is. Linear losses in any dimension d. Every
// family is normalised to ‖g‖∞ = G: the paper-form learners (no ε) are scale-invariant — g → c·g
// (c > 0) leaves m/√v and so every iterate unchanged — so only the shape of a sequence matters, and
// for other learners G is the one scale every candidate shares.
//
// The period is an integer, and both periodic families take it from the search's outer loop (a
// ladder of periods raced by successive halving) rather than from a rounded coordinate: for
// `periodic` it sets the dimension P·d; for `periodic-linear` a rounded log-period coordinate made
// plateaus with local optima (β1 = 0, β2 = 0.1: 3 of 10 seeds ended on P = 4, C = 27 instead of
// Theorem 1's P = 3; with the ladder 10 of 10 found P = 3, and Adam's first certificate came 9×
// sooner). docs/search.md has the measurements.
import { ConfigError } from "../core/config/error.ts"

export type FamilyName = "periodic-linear" | "periodic" | "stochastic-linear"
export const familyNames: readonly FamilyName[] = ["periodic-linear", "periodic", "stochastic-linear"]

/** A found adversary: the config of a registered adversary kind, for linear losses f_t(x) = ⟨g_t, x⟩. */
export type FoundAdversary =
  /** g_t = scale·C·u when t mod period = 1, else −scale·u (Reddi's shape; u = direction). */
  | { readonly kind: "periodic-linear"; readonly C: number; readonly period: number; readonly scale: number; readonly direction: readonly number[] }
  /** g_t = gradients[(t−1) mod P]. */
  | { readonly kind: "periodic"; readonly gradients: readonly (readonly number[])[] }
  /** i.i.d. g_t = a with probability p, else b. */
  | { readonly kind: "two-point-linear"; readonly a: readonly number[]; readonly b: readonly number[]; readonly p: number }

export interface FamilyBounds {
  readonly lower: readonly number[]
  readonly upper: readonly number[]
}

export interface Family {
  readonly name: FamilyName
  /** The dimension d of the gradients. */
  readonly dim: number
  /** True when the period comes from an outer loop (decode needs it). */
  readonly outerPeriod: boolean
  bounds(period: number): FamilyBounds
  decode(vector: ArrayLike<number>, period: number): FoundAdversary
}

export interface FamilyOptions {
  /** ‖g‖∞ of every decoded sequence. */
  readonly G: number
  /** The dimension of the domain; default 1. */
  readonly dim?: number
  /** Largest period (periodic families); the smallest is minPeriod. */
  readonly maxPeriod: number
  readonly minPeriod?: number
  /** periodic-linear: the largest ratio C of the big gradient to the small one; default 10⁴. */
  readonly maxC?: number
  /** stochastic-linear: the smallest probability of either value; default 10⁻³. */
  readonly minP?: number
}

/** A family option or vector out of range. */
export class FamilyError extends ConfigError {
  override readonly name: string = "FamilyError"
}

const checkVector = (v: ArrayLike<number>, b: FamilyBounds): void => {
  if (v.length !== b.lower.length) throw new FamilyError("vector", v.length, `${b.lower.length} numbers`)
  for (let i = 0; i < v.length; i++) {
    if (!(v[i] >= b.lower[i] && v[i] <= b.upper[i])) throw new FamilyError(`vector[${i}]`, v[i], `a number in [${b.lower[i]}, ${b.upper[i]}]`)
  }
}

/** max |u_i| over u[from, to), or 0. */
const supNorm = (u: ArrayLike<number>, from = 0, to = u.length): number => {
  let s = 0
  for (let i = from; i < to; i++) s = Math.max(s, Math.abs(u[i]))
  return s
}

/** u[from, to) scaled to sup norm `norm` (all entries `norm` when u is 0 there). */
const scaled = (u: ArrayLike<number>, from: number, to: number, norm: number, s = supNorm(u, from, to)): number[] => {
  const out: number[] = []
  for (let i = from; i < to; i++) out.push(s === 0 ? norm : (norm * u[i]) / s)
  return out
}

const box = (n: number, lo: number, hi: number): FamilyBounds => ({ lower: new Array<number>(n).fill(lo), upper: new Array<number>(n).fill(hi) })

export const createFamily = (name: FamilyName, options: FamilyOptions): Family => {
  const { G, maxPeriod } = options
  const d = options.dim ?? 1
  const minPeriod = options.minPeriod ?? 2
  if (!(G > 0 && G < Infinity)) throw new FamilyError("G", G, "a number > 0")
  if (!(Number.isInteger(d) && d >= 1)) throw new FamilyError("dim", d, "an integer ≥ 1")
  if (name !== "stochastic-linear") {
    if (!(Number.isInteger(minPeriod) && minPeriod >= 1)) throw new FamilyError("minPeriod", minPeriod, "an integer ≥ 1")
    if (!(Number.isInteger(maxPeriod) && maxPeriod >= minPeriod)) throw new FamilyError("maxPeriod", maxPeriod, `an integer ≥ minPeriod = ${minPeriod}`)
  }
  const checkPeriod = (P: number) => {
    if (!(Number.isInteger(P) && P >= minPeriod && P <= maxPeriod)) throw new FamilyError("period", P, `an integer in [${minPeriod}, ${maxPeriod}]`)
  }
  switch (name) {
    case "periodic-linear": {
      // [log10 C] in 1-D (C in [1, maxC]; C < 1 is the mirror case, −x winning); in d ≥ 2 also the
      // direction u ∈ [−1, 1]^d, scaled to ‖u‖∞ = 1. The period comes from the outer loop.
      const maxC = options.maxC ?? 10_000
      if (!(maxC > 1 && maxC < Infinity)) throw new FamilyError("maxC", maxC, "a number > 1")
      const bounds: FamilyBounds = d === 1 ? { lower: [0], upper: [Math.log10(maxC)] }
        : { lower: [0, ...new Array<number>(d).fill(-1)], upper: [Math.log10(maxC), ...new Array<number>(d).fill(1)] }
      return {
        name, dim: d, outerPeriod: true,
        bounds: (P) => {
          checkPeriod(P)
          return bounds
        },
        decode(v, P) {
          checkPeriod(P)
          checkVector(v, bounds)
          const C = Math.pow(10, v[0])
          return { kind: "periodic-linear", C, period: P, scale: G / C, direction: d === 1 ? [1] : scaled(v, 1, d + 1, 1) }
        }
      }
    }
    case "periodic":
      // P gradient vectors, row after row, scaled together to ‖g‖∞ = G.
      return {
        name, dim: d, outerPeriod: true,
        bounds(P) {
          checkPeriod(P)
          return box(P * d, -1, 1)
        },
        decode(v, P) {
          checkPeriod(P)
          checkVector(v, box(P * d, -1, 1))
          const s = supNorm(v)
          return { kind: "periodic", gradients: Array.from({ length: P }, (_, k) => scaled(v, k * d, k * d + d, s === 0 ? 0 : G, s === 0 ? 1 : s)) }
        }
      }
    case "stochastic-linear": {
      // [a, b, log10 p]: the two values scaled together so the larger has ‖·‖∞ = G; p log-scaled,
      // since the failures known (Reddi's Theorem 3) put a large gradient on a rare round.
      const minP = options.minP ?? 1e-3
      if (!(minP > 0 && minP < 0.5)) throw new FamilyError("minP", minP, "a number in (0, 0.5)")
      const bounds: FamilyBounds = {
        lower: [...new Array<number>(2 * d).fill(-1), Math.log10(minP)],
        upper: [...new Array<number>(2 * d).fill(1), Math.log10(1 - minP)]
      }
      return {
        name, dim: d, outerPeriod: false,
        bounds: () => bounds,
        decode(v) {
          checkVector(v, bounds)
          const s = supNorm(v, 0, 2 * d)
          const norm = s === 0 ? 0 : G, by = s === 0 ? 1 : s
          return { kind: "two-point-linear", a: scaled(v, 0, d, norm, by), b: scaled(v, d, 2 * d, norm, by), p: Math.pow(10, v[2 * d]) }
        }
      }
    }
    default:
      throw new FamilyError("family", name, `one of ${familyNames.join(", ")}`)
  }
}

/** The dimension d of a found adversary's gradients. */
export const adversaryDim = (a: FoundAdversary): number =>
  a.kind === "periodic-linear" ? a.direction.length : a.kind === "periodic" ? a.gradients[0]?.length ?? 0 : a.a.length

/** ‖g‖∞ over the sequence's gradients. */
export const gradientBound = (a: FoundAdversary): number => {
  switch (a.kind) {
    case "periodic-linear": return Math.max(Math.abs(a.scale * a.C), Math.abs(a.scale)) * supNorm(a.direction)
    case "periodic": return Math.max(0, ...a.gradients.map((g) => supNorm(g)))
    case "two-point-linear": return Math.max(supNorm(a.a), supNorm(a.b))
  }
}

/** The period of a periodic adversary (undefined for i.i.d. ones). */
export const periodOf = (a: FoundAdversary): number | undefined =>
  a.kind === "periodic-linear" ? a.period : a.kind === "periodic" ? a.gradients.length : undefined

/**
 * One period of a 1-D periodic sequence's gradients, each the number the game reveals (the
 * periodic-linear kind computes (scale·C)·u and (−scale)·u).
 */
export const periodGradients = (a: Extract<FoundAdversary, { kind: "periodic-linear" | "periodic" }>): Float64Array => {
  if (adversaryDim(a) !== 1) throw new FamilyError("adversary", a.kind, "a 1-D sequence")
  if (a.kind === "periodic") return Float64Array.from(a.gradients, (g) => g[0])
  const u = a.direction[0]
  const g = new Float64Array(a.period).fill(-a.scale * u)
  g[0] = a.scale * a.C * u
  return g
}
