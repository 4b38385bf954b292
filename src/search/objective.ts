// What the search maximises, and the certificate a found adversary must earn. Both read checkpoint
// rows only (t, R_t/t and, for i.i.d. losses, pseudo-regret), so they work on the game's rows, on
// the scalar stand-in's, or on rows a test writes by hand.
//
// Non-convergence, not large regret at one horizon: a learner that converges has R_t/t → 0
// (O(1/√t) for AMSGrad and AdaGrad, a factor √10 ≈ 3.2 per decade of t), so a candidate is scored
// by its average regret at T and by how little it fell between T/10 and T.

/** The fields of a checkpoint row the objective reads (the game's CheckpointRow has them). */
export interface ScoredRow {
  readonly t: number
  readonly avgRegret: number
  readonly pseudoRegret?: number
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

export class ObjectiveError extends Error {
  constructor(readonly field: string, readonly value: unknown, readonly expected: string) {
    super(`${field} must be ${expected}, got ${JSON.stringify(value)}`)
    this.name = "ObjectiveError"
  }
}

/** The two rounds a score reads: [round(T/10), T]. */
export const scoreRounds = (horizon: number): [number, number] => {
  if (!(Number.isInteger(horizon) && horizon >= 10)) throw new ObjectiveError("horizon", horizon, "an integer ≥ 10")
  return [Math.round(horizon / 10), horizon]
}

/** R_t/t (or pseudo-regret/t) at round t, averaged over runs (one run per seed). */
export const averageRegretAt = (runs: readonly (readonly ScoredRow[])[], t: number, measure: RegretMeasure): number => {
  if (runs.length === 0) throw new ObjectiveError("runs", [], "at least one run")
  let sum = 0
  runs.forEach((rows, k) => {
    const row = rows.find((r) => r.t === t)
    if (row === undefined) throw new ObjectiveError(`runs[${k}]`, rows.map((r) => r.t), `rows with a row at round ${t}`)
    const value = measure === "regret" ? row.avgRegret : row.pseudoRegret === undefined ? undefined : row.pseudoRegret / t
    if (value === undefined) throw new ObjectiveError(`runs[${k}] row ${t}.pseudoRegret`, undefined, "a number (pseudo-regret needs i.i.d. losses)")
    sum += value
  })
  return sum / runs.length
}

const checkScale = (G: number, D: number): void => {
  if (!(G > 0 && G < Infinity)) throw new ObjectiveError("G", G, "a number > 0")
  if (!(D > 0 && D < Infinity)) throw new ObjectiveError("D", D, "a number > 0")
}

/** Late and early average regret, normalised, and their ratio. */
const decade = (runs: readonly (readonly ScoredRow[])[], early: number, late: number, G: number, D: number, measure: RegretMeasure) => {
  const e = averageRegretAt(runs, early, measure) / (G * D)
  const l = averageRegretAt(runs, late, measure) / (G * D)
  const ratio = e > 0 ? l / e : l > 0 ? Infinity : 0
  return { early: e, late: l, ratio }
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
  /** Normalised R_t/t at T and at 10T, and at10T/atT. */
  readonly atT: number
  readonly at10T: number
  readonly ratio: number
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
 */
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
  if (!(a.late >= decay * a.early)) failures.push(`target R_t/t fell from ${a.early} at T to ${a.late} at 10T (needs ≥ ${decay}×)`)
  if (!(a.late >= floor)) failures.push(`target R_t/t at 10T is ${a.late} (needs ≥ ${floor} of G·D)`)
  if (!(b.late * drop <= b.early)) failures.push(`contrast R_t/t went from ${b.early} at T to ${b.late} at 10T (needs a fall of ${drop}×)`)
  const form = (d: typeof a): DecadeRegret => ({ atT: d.early, at10T: d.late, ratio: d.ratio })
  return { holds: failures.length === 0, target: form(a), contrast: form(b), failures }
}
