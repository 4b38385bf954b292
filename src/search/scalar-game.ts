// A fast stand-in for the game inside the adversary search: 1-D linear losses on an interval
// [lo, hi], played by the paper-form Algorithm-1 learners (Adam, RMSProp, AMSGrad, AdaGrad: no bias
// correction, no ε, constant β's, α_t = α/√t or α) as one plain scalar loop. It repeats the game's
// arithmetic operation for operation (the update, the compensated sums, the comparator
// min_{x∈[lo,hi]} G_t·x), so its rows equal the game's; a search runs it 10^4–10^5 times.
import { ConfigError } from "../core/config/error.ts"

/** A paper-form learner as plain data. RMSProp and AdaGrad take β1 = 0. */
export interface ScalarLearner {
  /** adam, rmsprop: v = β2·v + (1−β2)g²; amsgrad: the running max of that v; adagrad: v = Σg²/t. */
  readonly kind: "adam" | "rmsprop" | "amsgrad" | "adagrad"
  readonly alpha: number
  /** m = β1·m + (1−β1)·g. */
  readonly beta1: number
  /** Unused by adagrad. */
  readonly beta2: number
  /** α_t = α/√t (the paper's theory) or α. */
  readonly schedule: "inv-sqrt" | "constant"
}

/** The feasible interval [lo, hi]. */
export interface Interval {
  readonly lo: number
  readonly hi: number
}

/** What the search reads of a run at one round t (the game's CheckpointRow has these fields too). */
export interface RegretRow {
  readonly t: number
  /** R_t = Σ_{s≤t} f_s(x_s) − min_{x∈[lo,hi]} Σ_{s≤t} f_s(x). */
  readonly regret: number
  readonly avgRegret: number
  /** Σ_{s≤t} E f(x_s) − t·min E f, for i.i.d. losses. */
  readonly pseudoRegret?: number
  /** x_t, the point played in round t. */
  readonly x: number
}

/** A scalar learner, interval, start or sequence out of range. */
export class ScalarGameError extends ConfigError {
  override readonly name: string = "ScalarGameError"
}

const KINDS = ["adam", "rmsprop", "amsgrad", "adagrad"] as const

export const checkScalarLearner = (l: ScalarLearner): void => {
  if (!KINDS.includes(l.kind)) throw new ScalarGameError("learner.kind", l.kind, `one of ${KINDS.join(", ")}`)
  if (!(l.alpha > 0 && l.alpha < Infinity)) throw new ScalarGameError("learner.alpha", l.alpha, "a number > 0")
  if (!(l.beta1 >= 0 && l.beta1 < 1)) throw new ScalarGameError("learner.beta1", l.beta1, "a number in [0, 1)")
  if ((l.kind === "rmsprop" || l.kind === "adagrad") && l.beta1 !== 0) throw new ScalarGameError("learner.beta1", l.beta1, `0 for ${l.kind}`)
  if (l.kind !== "adagrad" && !(l.beta2 >= 0 && l.beta2 < 1)) throw new ScalarGameError("learner.beta2", l.beta2, "a number in [0, 1)")
  if (l.schedule !== "inv-sqrt" && l.schedule !== "constant") throw new ScalarGameError("learner.schedule", l.schedule, `"inv-sqrt" or "constant"`)
}

const checkSetup = (interval: Interval, start: number, rounds: readonly number[]): void => {
  if (!(interval.lo < interval.hi && Number.isFinite(interval.lo) && Number.isFinite(interval.hi))) {
    throw new ScalarGameError("interval", interval, "finite bounds with lo < hi")
  }
  if (!(start >= interval.lo && start <= interval.hi)) throw new ScalarGameError("start", start, `a point of [${interval.lo}, ${interval.hi}]`)
  if (rounds.length === 0) throw new ScalarGameError("rounds", rounds, "at least one round")
  rounds.forEach((t, i) => {
    if (!(Number.isInteger(t) && t >= 1 && (i === 0 || t > rounds[i - 1]))) throw new ScalarGameError(`rounds[${i}]`, t, "ascending integers ≥ 1")
  })
}

/** min_{x∈[lo,hi]} G·x as the box domain's oracle computes it (G = 0 → lo). */
const comparatorValue = (G: number, lo: number, hi: number): number => {
  let value = 0
  value += G * (G < 0 ? hi : lo)
  return value
}

/**
 * Plays rounds 1 … last of `rounds` with gradient g_t = next(t) and records a row at each of
 * `rounds`. `mean` (when given) is E g, for pseudo-regret. One loop for all four learners: the
 * branches on the kind are the same every round, so they predict perfectly.
 */
const play = (
  learner: ScalarLearner,
  interval: Interval,
  start: number,
  rounds: readonly number[],
  gradients: Float64Array,
  mean: number | undefined
): RegretRow[] => {
  checkScalarLearner(learner)
  checkSetup(interval, start, rounds)
  const { lo, hi } = interval
  const a = learner.alpha, b1 = learner.beta1, c1 = 1 - b1, b2 = learner.beta2, c2 = 1 - b2
  const decaying = learner.schedule === "inv-sqrt"
  const kind = learner.kind === "adagrad" ? 2 : learner.kind === "amsgrad" ? 1 : 0
  const expected = mean ?? 0
  const expectedMin = comparatorValue(expected, lo, hi)
  const P = gradients.length
  const rows: RegretRow[] = []
  let x = start, m = 0, v = 0, vmax = 0, lastX = start
  let cum = 0, cumC = 0, gs = 0, gc = 0, ecum = 0, ecumC = 0
  let t = 0, phase = 0
  for (const end of rounds) {
    for (; t < end;) {
      t++
      const g = gradients[phase]
      if (++phase === P) phase = 0
      // Loss paid and the comparator's running sum, compensated (Knuth's TwoSum), as the game.
      { const f = g * x, s = cum + f, d = s - cum; cumC += (cum - (s - d)) + (f - d); cum = s }
      { const s = gs + g, d = s - gs; gc += (gs - (s - d)) + (g - d); gs = s }
      if (mean !== undefined) { const f = expected * x, s = ecum + f, d = s - ecum; ecumC += (ecum - (s - d)) + (f - d); ecum = s }
      m = b1 * m + c1 * g
      let vd: number
      if (kind === 2) { v = v + g * g; vd = v * (1 / t) }
      else {
        v = b2 * v + c2 * (g * g)
        if (kind === 1) { vmax = vmax > v ? vmax : v; vd = vmax }
        else vd = v
      }
      const denom = Math.sqrt(vd)
      const dir = denom > 0 ? m / denom : 0
      const at = decaying ? a / Math.sqrt(t) : a
      const xr = x - at * dir
      lastX = x
      x = xr < lo ? lo : xr > hi ? hi : xr
    }
    const G = Number.isFinite(gs) ? gs + gc : gs
    const cumLoss = Number.isFinite(cum) ? cum + cumC : cum
    const regret = cumLoss - comparatorValue(G, lo, hi)
    const row: RegretRow = mean === undefined
      ? { t, regret, avgRegret: regret / t, x: lastX }
      : { t, regret, avgRegret: regret / t, pseudoRegret: (Number.isFinite(ecum) ? ecum + ecumC : ecum) - t * expectedMin, x: lastX }
    rows.push(row)
  }
  return rows
}

let warm = false

/**
 * Short calls of every path before the first real one. A first call of 10^5 rounds or more gets its
 * loop optimised on-stack before the code after the loop has run; V8 then deoptimises there and, in
 * most processes measured, settles on code 3–6× slower (7 → 21–45 ns/round) for good.
 */
const warmUp = (): void => {
  warm = true
  const g = Float64Array.of(2, -1, -1)
  for (let i = 0; i < 200; i++) {
    const kind = KINDS[i % 4]
    const learner: ScalarLearner = { kind, alpha: 0.5, beta1: kind === "adam" || kind === "amsgrad" ? 0.5 : 0, beta2: 0.5, schedule: i % 8 < 4 ? "inv-sqrt" : "constant" }
    play(learner, { lo: -1, hi: 1 }, 0, [1, 2, 3], g, i % 2 === 0 ? undefined : 0.5)
  }
}

/** A periodic linear sequence: f_t(x) = gradients[(t−1) mod P]·x. Rows at each of `rounds`. */
export const playPeriodic = (learner: ScalarLearner, interval: Interval, start: number, gradients: Float64Array, rounds: readonly number[]): RegretRow[] => {
  if (!warm) warmUp()
  if (gradients.length === 0) throw new ScalarGameError("gradients", [], "at least one gradient")
  gradients.forEach((g, i) => {
    if (!Number.isFinite(g)) throw new ScalarGameError(`gradients[${i}]`, g, "a finite number")
  })
  return play(learner, interval, start, rounds, gradients, undefined)
}

/**
 * i.i.d. two-point linear losses: g_t = a when u_t < p, else b, for the uniforms u_1, u_2, … given
 * (at least the horizon of them: common random numbers across candidates). Rows carry pseudo-regret
 * against E g = p·a + (1−p)·b.
 */
export const playTwoPoint = (
  learner: ScalarLearner,
  interval: Interval,
  start: number,
  a: number,
  b: number,
  p: number,
  uniforms: Float64Array,
  rounds: readonly number[],
  scratch: Float64Array = new Float64Array(uniforms.length)
): RegretRow[] => {
  if (!Number.isFinite(a)) throw new ScalarGameError("a", a, "a finite number")
  if (!Number.isFinite(b)) throw new ScalarGameError("b", b, "a finite number")
  if (!(p >= 0 && p <= 1)) throw new ScalarGameError("p", p, "a probability in [0, 1]")
  const T = rounds[rounds.length - 1]
  if (!(uniforms.length >= T)) throw new ScalarGameError("uniforms", uniforms.length, `at least ${T} uniforms (the horizon)`)
  if (scratch.length < T) throw new ScalarGameError("scratch", scratch.length, `at least ${T} entries`)
  if (!warm) warmUp()
  // The realised sequence, then the same loop as a period-T sequence.
  for (let t = 0; t < T; t++) scratch[t] = uniforms[t] < p ? a : b
  return play(learner, interval, start, rounds, scratch.subarray(0, T), p * a + (1 - p) * b)
}
