// An adaptive explicit Runge–Kutta solver for y' = f(t, y): the Dormand–Prince 5(4) pair with its
// fourth-order continuous extension (Hairer, Nørsett & Wanner, Solving ODEs I, §II.4–II.6). The
// fifth-order solution is propagated; the embedded fourth-order one only sizes the steps. Output times
// inside a step are read from the dense output, so they never shorten the steps.
import { ConfigError } from "../config/error.ts"

/** Right-hand side: writes f(t, y) into dydt; must not keep or modify y. */
export type Rhs = (t: number, y: Float64Array, dydt: Float64Array) => void

/** Tolerances and guards; every field has a default. */
export interface IntegrateOptions {
  /** Relative tolerance per component (default 1e-9). */
  readonly rtol?: number
  /** Absolute tolerance per component (default 1e-12). */
  readonly atol?: number
  /** Most steps (accepted plus rejected) before an IntegrationError (default 1e6). */
  readonly maxSteps?: number
  /** First trial step; chosen from f's scale when absent. */
  readonly initialStep?: number
  /** Largest step allowed (default: the whole interval). */
  readonly maxStep?: number
  /** Fixed step size with no error control (for convergence studies); the last step is shortened to land on the end. */
  readonly fixedStep?: number
}

/** How much work a solve took. */
export interface IntegrationStats {
  readonly accepted: number
  readonly rejected: number
  /** Calls of the right-hand side. */
  readonly evaluations: number
}

/** States at the requested times: row k of `states` (length dim) is y(times[k]). */
export interface Trajectory {
  readonly dim: number
  readonly times: Float64Array
  readonly states: Float64Array
  readonly stats: IntegrationStats
}

/** The solve could not continue: too many steps, a step size lost in rounding, or a non-finite f. */
export class IntegrationError extends Error {
  constructor(readonly reason: "max-steps" | "step-underflow", readonly t: number, detail: string) {
    super(`integration stopped at t = ${t}: ${detail}`)
    this.name = "IntegrationError"
  }
}

// Dormand–Prince 5(4) tableau.
const C2 = 1 / 5, C3 = 3 / 10, C4 = 4 / 5, C5 = 8 / 9
const A21 = 1 / 5
const A31 = 3 / 40, A32 = 9 / 40
const A41 = 44 / 45, A42 = -56 / 15, A43 = 32 / 9
const A51 = 19372 / 6561, A52 = -25360 / 2187, A53 = 64448 / 6561, A54 = -212 / 729
const A61 = 9017 / 3168, A62 = -355 / 33, A63 = 46732 / 5247, A64 = 49 / 176, A65 = -5103 / 18656
// Fifth-order weights (= the last stage's row: first same as last).
const B1 = 35 / 384, B3 = 500 / 1113, B4 = 125 / 192, B5 = -2187 / 6784, B6 = 11 / 84
// Fifth minus fourth order weights: the local error estimate.
const E1 = 71 / 57600, E3 = -71 / 16695, E4 = 71 / 1920, E5 = -17253 / 339200, E6 = 22 / 525, E7 = -1 / 40
// Continuous extension (Hairer's dense output for DOPRI5).
const D1 = -12715105075 / 11282082432, D3 = 87487479700 / 32700410799, D4 = -10690763975 / 1880347072
const D5 = 701980252875 / 199316789632, D6 = -1453857185 / 822651844, D7 = 69997945 / 29380423

/** The tableau, exposed so tests can check the order conditions directly. */
export const dormandPrince = {
  c: [0, C2, C3, C4, C5, 1, 1],
  a: [
    [],
    [A21],
    [A31, A32],
    [A41, A42, A43],
    [A51, A52, A53, A54],
    [A61, A62, A63, A64, A65],
    [B1, 0, B3, B4, B5, B6]
  ],
  b: [B1, 0, B3, B4, B5, B6, 0],
  bHat: [B1 - E1, 0, B3 - E3, B4 - E4, B5 - E5, B6 - E6, -E7],
  /** Weights b_i(θ) of the continuous extension, y(t + θh) = y + h Σ b_i(θ) k_i. */
  dense(theta: number): number[] {
    // Expanded from y0 + θ(r2 + (1−θ)(r3 + θ(r4 + (1−θ) r5))) with r2 = Σ b_i k_i, r3 = k1 − r2,
    // r4 = r2 − k7 − r3, r5 = Σ d_i k_i (all times h).
    const t1 = 1 - theta
    const d = [D1, 0, D3, D4, D5, D6, D7]
    const b = [B1, 0, B3, B4, B5, B6, 0]
    return b.map((bi, i) => {
      const k1 = i === 0 ? 1 : 0
      const k7 = i === 6 ? 1 : 0
      const r2 = bi
      const r3 = k1 - r2
      const r4 = r2 - k7 - r3
      return theta * (r2 + t1 * (r3 + theta * (r4 + t1 * d[i])))
    })
  }
}

const positive = (field: string, v: number | undefined, fallback: number): number => {
  if (v === undefined) return fallback
  if (!(Number.isFinite(v) && v > 0)) throw new ConfigError(field, v, "a finite number > 0")
  return v
}

/**
 * Solves y' = f(t, y), y(times[0]) = y0, and returns y at every entry of `times` (strictly
 * increasing; the first row is y0 itself). Throws IntegrationError past maxSteps or when the step
 * size falls below rounding, ConfigError on bad arguments.
 */
export const integrate = (f: Rhs, y0: Float64Array, times: ArrayLike<number>, options: IntegrateOptions = {}): Trajectory => {
  const n = y0.length
  if (n === 0) throw new ConfigError("y0", "an empty vector", "a vector of length ≥ 1")
  for (let i = 0; i < n; i++) if (!Number.isFinite(y0[i])) throw new ConfigError(`y0[${i}]`, y0[i], "a finite number")
  if (times.length < 1) throw new ConfigError("times", [], "at least one time (the start)")
  for (let k = 0; k < times.length; k++) {
    if (!Number.isFinite(times[k])) throw new ConfigError(`times[${k}]`, times[k], "a finite number")
    if (k > 0 && !(times[k] > times[k - 1])) throw new ConfigError(`times[${k}]`, times[k], `a time > times[${k - 1}] = ${times[k - 1]} (strictly increasing)`)
  }
  const rtol = positive("rtol", options.rtol, 1e-9)
  const atol = positive("atol", options.atol, 1e-12)
  const maxSteps = options.maxSteps ?? 1_000_000
  if (!(Number.isInteger(maxSteps) && maxSteps > 0)) throw new ConfigError("maxSteps", maxSteps, "an integer > 0")
  const t0 = times[0]
  const tEnd = times[times.length - 1]
  const maxStep = positive("maxStep", options.maxStep, Math.max(tEnd - t0, Number.MIN_VALUE))
  const fixed = options.fixedStep === undefined ? 0 : positive("fixedStep", options.fixedStep, 0)
  const initialStep = options.initialStep === undefined ? 0 : positive("initialStep", options.initialStep, 0)

  const outTimes = Float64Array.from(times)
  const states = new Float64Array(times.length * n)
  states.set(y0, 0)
  let evaluations = 0
  let accepted = 0
  let rejected = 0
  const done = (): Trajectory => ({ dim: n, times: outTimes, states, stats: { accepted, rejected, evaluations } })
  if (times.length === 1) return done()

  let y = Float64Array.from(y0)
  let yNew = new Float64Array(n)
  let k1 = new Float64Array(n)
  const k2 = new Float64Array(n), k3 = new Float64Array(n), k4 = new Float64Array(n)
  const k5 = new Float64Array(n), k6 = new Float64Array(n)
  let k7 = new Float64Array(n)
  const ys = new Float64Array(n)
  const r5 = new Float64Array(n)

  let t = t0
  f(t, y, k1)
  evaluations++

  const norm = (v: Float64Array, scaleFrom: Float64Array): number => {
    let s = 0
    for (let i = 0; i < n; i++) {
      const sc = atol + rtol * Math.abs(scaleFrom[i])
      const q = v[i] / sc
      s += q * q
    }
    return Math.sqrt(s / n)
  }

  let h: number
  if (fixed > 0) h = fixed
  else if (initialStep > 0) h = initialStep
  else {
    // Hairer's starting step: an Euler step sized from |y| and |f|, then refined by f's variation.
    const d0 = norm(y, y)
    const d1 = norm(k1, y)
    const h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * (d0 / d1)
    for (let i = 0; i < n; i++) ys[i] = y[i] + h0 * k1[i]
    f(t + h0, ys, k2)
    evaluations++
    for (let i = 0; i < n; i++) k3[i] = k2[i] - k1[i]
    const d2 = norm(k3, y) / h0
    const dm = Math.max(d1, d2)
    const h1 = dm <= 1e-15 ? Math.max(1e-6, h0 * 1e-3) : Math.pow(0.01 / dm, 1 / 5)
    h = Math.min(100 * h0, h1)
  }
  h = Math.min(h, maxStep)

  let next = 1
  let lastRejected = false
  while (next < times.length) {
    if (accepted + rejected >= maxSteps) {
      throw new IntegrationError("max-steps", t, `more than maxSteps = ${maxSteps} steps (raise maxSteps or loosen rtol/atol)`)
    }
    // Land exactly on the end rather than leave a sliver of a step.
    let last = false
    if (t + 1.01 * h >= tEnd) {
      h = tEnd - t
      last = true
    }
    if (!(h > 4 * Number.EPSILON * Math.max(1, Math.abs(t)))) {
      throw new IntegrationError("step-underflow", t, `the step size ${h} is lost in rounding (a singularity, a stiff problem, or a non-finite f)`)
    }
    for (let i = 0; i < n; i++) ys[i] = y[i] + h * A21 * k1[i]
    f(t + C2 * h, ys, k2)
    for (let i = 0; i < n; i++) ys[i] = y[i] + h * (A31 * k1[i] + A32 * k2[i])
    f(t + C3 * h, ys, k3)
    for (let i = 0; i < n; i++) ys[i] = y[i] + h * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i])
    f(t + C4 * h, ys, k4)
    for (let i = 0; i < n; i++) ys[i] = y[i] + h * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i])
    f(t + C5 * h, ys, k5)
    for (let i = 0; i < n; i++) ys[i] = y[i] + h * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i])
    const tNew = last ? tEnd : t + h
    f(tNew, ys, k6)
    for (let i = 0; i < n; i++) yNew[i] = y[i] + h * (B1 * k1[i] + B3 * k3[i] + B4 * k4[i] + B5 * k5[i] + B6 * k6[i])
    f(tNew, yNew, k7)
    evaluations += 6

    let err = 0
    if (fixed === 0) {
      let s = 0
      for (let i = 0; i < n; i++) {
        const e = h * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i])
        const sc = atol + rtol * Math.max(Math.abs(y[i]), Math.abs(yNew[i]))
        s += (e / sc) * (e / sc)
      }
      err = Math.sqrt(s / n)
      if (!Number.isFinite(err)) {
        rejected++
        lastRejected = true
        h *= 0.1
        continue
      }
      if (err > 1) {
        rejected++
        lastRejected = true
        h *= Math.max(0.2, 0.9 * Math.pow(err, -0.2))
        continue
      }
    }
    accepted++

    // Dense output for the requested times inside (t, tNew].
    if (next < times.length && outTimes[next] < tNew) {
      for (let i = 0; i < n; i++) r5[i] = h * (D1 * k1[i] + D3 * k3[i] + D4 * k4[i] + D5 * k5[i] + D6 * k6[i] + D7 * k7[i])
      while (next < times.length && outTimes[next] < tNew) {
        const th = (outTimes[next] - t) / h
        const t1 = 1 - th
        const row = next * n
        for (let i = 0; i < n; i++) {
          const r2 = yNew[i] - y[i]
          const r3 = h * k1[i] - r2
          const r4 = r2 - h * k7[i] - r3
          states[row + i] = y[i] + th * (r2 + t1 * (r3 + th * (r4 + t1 * r5[i])))
        }
        next++
      }
    }
    if (next < times.length && outTimes[next] === tNew) {
      states.set(yNew, next * n)
      next++
    }

    t = tNew
    let swap = y
    y = yNew
    yNew = swap
    swap = k1
    k1 = k7 // first same as last: f(tNew, yNew) is the next step's first stage
    k7 = swap

    if (fixed > 0) h = fixed
    else {
      const grow = Math.min(lastRejected ? 1 : 10, Math.max(0.2, 0.9 * Math.pow(Math.max(err, 1e-10), -0.2)))
      h = Math.min(h * grow, maxStep)
      lastRejected = false
    }
  }
  return done()
}
