// What the search maximises, and the certificate a found adversary must earn. Both read checkpoint
// rows only (t, R_t/t and, for i.i.d. losses, pseudo-regret), so they work on the game's rows, on
// the scalar stand-in's, or on rows a test writes by hand.
//
// Non-convergence, not large regret at one horizon: a learner that converges has R_t/t → 0
// (O(1/√t) for AMSGrad and AdaGrad, a factor √10 ≈ 3.2 per decade of t), so a candidate is scored
// by its average regret at T and by how little it fell between T/10 and T.
import { ConfigError } from "../core/config/error.ts"
import { domainDiameters, domainDim } from "../core/domain/index.ts"
import type { DomainConfig } from "../core/types.ts"

/** The fields of a checkpoint row the objective reads (the game's CheckpointRow has them). */
export interface ScoredRow {
  readonly t: number
  readonly avgRegret: number
  readonly pseudoRegret?: number
  /** R_t (kept for reports; the score reads avgRegret). */
  readonly regret?: number
  /** x_t, the point played in round t (kept for reports). */
  readonly x?: readonly number[]
}

/** Regret against the best point in hindsight, or pseudo-regret against E f for i.i.d. losses. */
export type RegretMeasure = "regret" | "pseudo-regret"

export interface ScoreOptions {
  /** T: rows are read at T/10 (rounded) and T. */
  readonly horizon: number
  /** ‖g‖∞ of the sequence and the interval's diameter: R_t/t ≤ G·D always, so scores lie in [−1, 1]. */
  readonly G: number
  readonly D: number
  readonly measure: RegretMeasure
  /** Smallest late/early ratio of a non-converging candidate; default 0.9. */
  readonly decay?: number
}

export interface Score {
  /** What the search maximises: late, shrunk by min(1, ratio/decay) when late > 0. */
  readonly value: number
  /** R_T/T/(G·D), averaged over the runs (seeds). */
  readonly late: number
  /** R_{T/10}/(T/10)/(G·D), averaged likewise. */
  readonly early: number
  /** late/early (+∞ when early ≤ 0 < late). */
  readonly ratio: number
  /** late > 0 and ratio ≥ decay. */
  readonly holds: boolean
}

/** A score or certificate option out of range, or rows without the rounds they must have. */
export class ObjectiveError extends ConfigError {
  override readonly name: string = "ObjectiveError"
}

/** The two rounds a score reads: [round(T/10), T]. */
export const scoreRounds = (horizon: number): [number, number] => {
  if (!(Number.isInteger(horizon) && horizon >= 10)) throw new ObjectiveError("horizon", horizon, "an integer ≥ 10")
  return [Math.round(horizon / 10), horizon]
}

/** R_t/t (or pseudo-regret/t) at round t of each run (one run per seed). */
export const regretAt = (runs: readonly (readonly ScoredRow[])[], t: number, measure: RegretMeasure): number[] => {
  if (runs.length === 0) throw new ObjectiveError("runs", [], "at least one run")
  return runs.map((rows, k) => {
    const row = rows.find((r) => r.t === t)
    if (row === undefined) throw new ObjectiveError(`runs[${k}]`, rows.map((r) => r.t), `rows with a row at round ${t}`)
    const value = measure === "regret" ? row.avgRegret : row.pseudoRegret === undefined ? undefined : row.pseudoRegret / t
    if (value === undefined) throw new ObjectiveError(`runs[${k}] row ${t}.pseudoRegret`, undefined, "a number (pseudo-regret needs i.i.d. losses)")
    return value
  })
}

/** R_t/t (or pseudo-regret/t) at round t, averaged over runs (one run per seed). */
export const averageRegretAt = (runs: readonly (readonly ScoredRow[])[], t: number, measure: RegretMeasure): number => {
  const values = regretAt(runs, t, measure)
  let sum = 0
  for (const v of values) sum += v
  return sum / values.length
}

/**
 * The D of the normalisation G·D: the ℓ1 diameter of the domain (exact for a box; √d·D₂ for
 * anything else, exact for a ball, an upper bound otherwise). With ‖g‖∞ ≤ G every round's regret
 * term ⟨g, x_t − x⟩ is at most G·‖x_t − x‖₁ ≤ G·D, so normalised scores lie in [−1, 1].
 */
export const l1Diameter = (domain: DomainConfig): number => {
  if (domain.kind === "box") {
    const lower = domain.lower as readonly number[], upper = domain.upper as readonly number[]
    return lower.reduce((s, l, i) => s + (upper[i] - l), 0)
  }
  return Math.sqrt(domainDim(domain)) * domainDiameters(domain).two
}

const checkScale = (G: number, D: number): void => {
  if (!(G > 0 && G < Infinity)) throw new ObjectiveError("G", G, "a number > 0")
  if (!(D > 0 && D < Infinity)) throw new ObjectiveError("D", D, "a number > 0")
}

/** Late and early average regret, normalised, their ratio, and the smallest and largest late value of a run. */
const decade = (runs: readonly (readonly ScoredRow[])[], early: number, late: number, G: number, D: number, measure: RegretMeasure) => {
  const e = averageRegretAt(runs, early, measure) / (G * D)
  const lates = regretAt(runs, late, measure).map((v) => v / (G * D))
  let l = 0
  for (const v of lates) l += v
  l /= lates.length
  const ratio = e > 0 ? l / e : l > 0 ? Infinity : 0
  return { early: e, late: l, ratio, lateMin: Math.min(...lates), lateMax: Math.max(...lates) }
}

export const score = (runs: readonly (readonly ScoredRow[])[], options: ScoreOptions): Score => {
  const { G, D, measure } = options
  const decay = options.decay ?? 0.9
  checkScale(G, D)
  if (!(decay > 0 && decay <= 1)) throw new ObjectiveError("decay", decay, "a number in (0, 1]")
  const [t0, t1] = scoreRounds(options.horizon)
  const { early, late, ratio } = decade(runs, t0, t1, G, D, measure)
  // NaN (a diverged run) scores −∞: never preferred, and ranked last by the optimiser.
  if (Number.isNaN(late) || Number.isNaN(early)) return { value: -Infinity, late, early, ratio, holds: false }
  const value = late > 0 ? late * Math.min(1, ratio / decay) : late
  return { value, late, early, ratio, holds: late > 0 && ratio >= decay }
}

export interface CertificateOptions {
  readonly horizon: number
  readonly G: number
  readonly D: number
  readonly measure: RegretMeasure
  /** The target's R_t/t at 10T must be ≥ decay × at T; default 0.9. */
  readonly decay?: number
  /** … and ≥ floor (normalised by G·D); default 1e-5 (Reddi's Section 5 sequence scores 9.8e-5: his constructions are small in these units). */
  readonly floor?: number
  /** The contrast's (AMSGrad's) must fall by at least this factor over the same decade; default 2. */
  readonly contrastDrop?: number
}

export interface DecadeRegret {
  /** Normalised R_t/t at T and at 10T (means over the runs), and at10T/atT. */
  readonly atT: number
  readonly at10T: number
  readonly ratio: number
  /** The lowest and the highest run at 10T (equal to at10T for one run). */
  readonly at10TMin: number
  readonly at10TMax: number
}

export interface Certificate {
  readonly holds: boolean
  readonly target: DecadeRegret
  readonly contrast: DecadeRegret
  /** Each condition that failed, in words (empty when it holds). */
  readonly failures: readonly string[]
}

/**
 * The certificate of non-convergence for rows of runs to 10T: the target's R_t/t at 10T is at least
 * decay × its value at T and at least floor, while the contrast learner's falls by contrastDrop×.
 * Values at T are means over the runs (seeds); at 10T every run must pass on its own (the smallest
 * target value, the largest contrast value), so a scenario's per-seed expectations hold too.
 */
const show = (v: number): string => String(Number(v.toPrecision(4)))

export const certify = (
  target: readonly (readonly ScoredRow[])[],
  contrast: readonly (readonly ScoredRow[])[],
  options: CertificateOptions
): Certificate => {
  const { horizon: T, G, D, measure } = options
  const decay = options.decay ?? 0.9, floor = options.floor ?? 1e-5, drop = options.contrastDrop ?? 2
  checkScale(G, D)
  if (!(Number.isInteger(T) && T >= 1)) throw new ObjectiveError("horizon", T, "an integer ≥ 1")
  const a = decade(target, T, 10 * T, G, D, measure)
  const b = decade(contrast, T, 10 * T, G, D, measure)
  const failures: string[] = []
  const several = target.length > 1 ? " (the lowest seed)" : ""
  if (!(a.lateMin >= decay * a.early)) failures.push(`target R_t/t fell from ${show(a.early)} at T to ${show(a.lateMin)}${several} at 10T (needs ≥ ${decay}×)`)
  if (!(a.lateMin >= floor)) failures.push(`target R_t/t at 10T is ${show(a.lateMin)}${several} (needs ≥ ${floor} of G·D)`)
  if (!(b.lateMax * drop <= b.early)) failures.push(`contrast R_t/t went from ${show(b.early)} at T to ${show(b.lateMax)}${contrast.length > 1 ? " (the highest seed)" : ""} at 10T (needs a fall of ${drop}×)`)
  const form = (d: typeof a): DecadeRegret => ({ atT: d.early, at10T: d.late, ratio: d.ratio, at10TMin: d.lateMin, at10TMax: d.lateMax })
  return { holds: failures.length === 0, target: form(a), contrast: form(b), failures }
}
