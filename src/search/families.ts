// The adversary families the search explores, each a box of parameter vectors with decode(vector)
// → an adversary described as plain data. Every family is normalised to ‖g‖∞ = G: the paper-form
// learners (no ε) are scale-invariant — g → c·g (c > 0) leaves m/√v and so every iterate unchanged —
// so only the shape of a sequence matters, and its regret scales with G exactly.
//
// The period is an integer, and both periodic families take it from the search's outer loop (a
// ladder of periods raced by successive halving) rather than from a rounded coordinate: for
// `periodic` it is the dimension; for `periodic-linear` a rounded log-period coordinate made
// plateaus with local optima (β1 = 0, β2 = 0.1: 3 of 10 seeds ended on P = 4, C = 27 instead of
// Theorem 1's P = 3; with the ladder 10 of 10 found P = 3, and Adam's first certificate came 9×
// sooner). docs/search.md has the measurements.

export type FamilyName = "periodic-linear" | "periodic" | "stochastic-linear"
export const familyNames: readonly FamilyName[] = ["periodic-linear", "periodic", "stochastic-linear"]

/** A concrete adversary as plain data (1-D linear losses f_t(x) = g_t·x). */
export type AdversaryDescription =
  /** g_t = scale·C when t mod period = 1, else −scale (the framework's periodic-linear kind). */
  | { readonly kind: "periodic-linear"; readonly C: number; readonly period: number; readonly scale: number }
  /** g_t = gradients[(t−1) mod P]. */
  | { readonly kind: "periodic"; readonly gradients: readonly number[] }
  /** i.i.d. g_t = a with probability p, else b. */
  | { readonly kind: "two-point-linear"; readonly a: number; readonly b: number; readonly p: number }

export interface FamilyBounds {
  readonly lower: readonly number[]
  readonly upper: readonly number[]
}

export interface Family {
  readonly name: FamilyName
  /** True when the period comes from an outer loop (decode needs it). */
  readonly outerPeriod: boolean
  bounds(period: number): FamilyBounds
  decode(vector: ArrayLike<number>, period: number): AdversaryDescription
}

export interface FamilyOptions {
  /** ‖g‖∞ of every decoded sequence. */
  readonly G: number
  /** Largest period (periodic families); the smallest is minPeriod. */
  readonly maxPeriod: number
  readonly minPeriod?: number
  /** periodic-linear: the largest ratio C of the big gradient to the small one. */
  readonly maxC?: number
  /** stochastic-linear: the smallest probability of either value. */
  readonly minP?: number
}

export class FamilyError extends Error {
  constructor(readonly field: string, readonly value: unknown, readonly expected: string) {
    super(`${field} must be ${expected}, got ${JSON.stringify(value)}`)
    this.name = "FamilyError"
  }
}

const checkVector = (v: ArrayLike<number>, b: FamilyBounds): void => {
  if (v.length !== b.lower.length) throw new FamilyError("vector", v.length, `${b.lower.length} numbers`)
  for (let i = 0; i < v.length; i++) {
    if (!(v[i] >= b.lower[i] && v[i] <= b.upper[i])) throw new FamilyError(`vector[${i}]`, v[i], `a number in [${b.lower[i]}, ${b.upper[i]}]`)
  }
}

/** ‖u‖∞ of a vector, or 0. */
const supNorm = (u: ArrayLike<number>): number => {
  let s = 0
  for (let i = 0; i < u.length; i++) s = Math.max(s, Math.abs(u[i]))
  return s
}

export const createFamily = (name: FamilyName, options: FamilyOptions): Family => {
  const { G, maxPeriod } = options
  const minPeriod = options.minPeriod ?? 2
  if (!(G > 0 && G < Infinity)) throw new FamilyError("G", G, "a number > 0")
  if (name !== "stochastic-linear") {
    if (!(Number.isInteger(minPeriod) && minPeriod >= 1)) throw new FamilyError("minPeriod", minPeriod, "an integer ≥ 1")
    if (!(Number.isInteger(maxPeriod) && maxPeriod >= minPeriod)) throw new FamilyError("maxPeriod", maxPeriod, `an integer ≥ minPeriod = ${minPeriod}`)
  }
  const checkPeriod = (P: number) => {
    if (!(Number.isInteger(P) && P >= minPeriod && P <= maxPeriod)) throw new FamilyError("period", P, `an integer in [${minPeriod}, ${maxPeriod}]`)
  }
  switch (name) {
    case "periodic-linear": {
      // [log10 C], C in [1, maxC] (C < 1 is the mirror case, −x winning); the period from the outer loop.
      const maxC = options.maxC ?? 10_000
      if (!(maxC > 1)) throw new FamilyError("maxC", maxC, "a number > 1")
      const bounds = { lower: [0], upper: [Math.log10(maxC)] }
      return {
        name,
        outerPeriod: true,
        bounds: (P) => {
          checkPeriod(P)
          return bounds
        },
        decode(v, P) {
          checkPeriod(P)
          checkVector(v, bounds)
          const C = Math.pow(10, v[0])
          return { kind: "periodic-linear", C, period: P, scale: G / C }
        }
      }
    }
    case "periodic":
      return {
        name,
        outerPeriod: true,
        bounds(P) {
          checkPeriod(P)
          return { lower: new Array(P).fill(-1), upper: new Array(P).fill(1) }
        },
        decode(v, P) {
          checkPeriod(P)
          checkVector(v, { lower: new Array(P).fill(-1), upper: new Array(P).fill(1) })
          const s = supNorm(v)
          return { kind: "periodic", gradients: Array.from(v, (u) => (s === 0 ? 0 : (G * u) / s)) }
        }
      }
    case "stochastic-linear": {
      // [a, b, log10 p]: the two values scaled so the larger is ±G; p log-scaled, since the failures
      // known (Reddi's Theorem 3) put a large gradient on a rare round.
      const minP = options.minP ?? 1e-3
      if (!(minP > 0 && minP < 0.5)) throw new FamilyError("minP", minP, "a number in (0, 0.5)")
      const bounds = { lower: [-1, -1, Math.log10(minP)], upper: [1, 1, Math.log10(1 - minP)] }
      return {
        name,
        outerPeriod: false,
        bounds: () => bounds,
        decode(v) {
          checkVector(v, bounds)
          const s = Math.max(Math.abs(v[0]), Math.abs(v[1]))
          return { kind: "two-point-linear", a: s === 0 ? 0 : (G * v[0]) / s, b: s === 0 ? 0 : (G * v[1]) / s, p: Math.pow(10, v[2]) }
        }
      }
    }
    default:
      throw new FamilyError("family", name, `one of ${familyNames.join(", ")}`)
  }
}

/** ‖g‖∞ over the sequence's gradients. */
export const gradientBound = (a: AdversaryDescription): number => {
  switch (a.kind) {
    case "periodic-linear": return Math.max(Math.abs(a.scale * a.C), Math.abs(a.scale))
    case "periodic": return supNorm(a.gradients)
    case "two-point-linear": return Math.max(Math.abs(a.a), Math.abs(a.b))
  }
}

/** One period of an oblivious sequence's gradients, as the game reveals them. */
export const periodGradients = (a: Extract<AdversaryDescription, { kind: "periodic-linear" | "periodic" }>): Float64Array => {
  if (a.kind === "periodic") return Float64Array.from(a.gradients)
  const g = new Float64Array(a.period).fill(-a.scale)
  g[0] = a.scale * a.C
  return g
}

/**
 * The framework's adversary config for a description (what a scenario file would say). A two-point
 * sequence maps onto bernoulli-linear: s·C·u with probability p, else −s·u, with u = ±1 so that
 * −s·u = b; b = 0 has no such form.
 */
export const toAdversaryConfig = (a: AdversaryDescription): Record<string, unknown> => {
  switch (a.kind) {
    case "periodic-linear": return { kind: "periodic-linear", C: a.C, period: a.period, scale: a.scale }
    case "periodic": return { kind: "periodic", gradients: a.gradients.map((g) => [g]) }
    case "two-point-linear": {
      if (a.b === 0) throw new FamilyError("b", a.b, "a non-zero value (bernoulli-linear needs one)")
      const u = a.b < 0 ? 1 : -1, s = Math.abs(a.b)
      return { kind: "bernoulli-linear", C: (a.a * u) / s, p: a.p, scale: s, direction: u }
    }
  }
}
