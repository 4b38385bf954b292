// Separable CMA-ES (Ros & Hansen 2008: a diagonal covariance, so O(n) per sample and usable at
// n = 200) with box bounds and IPOP restarts (Auger & Hansen 2005: on a stall, restart from a new
// random point with twice the population). Minimises.
//
// ask/tell: ask() returns one generation of candidates, the caller evaluates them anywhere (in
// batches, on worker threads) and tell() takes the values in the order asked. Everything random
// comes from one seeded stream drawn in a fixed order, and ranking breaks ties by index, so the same
// seed gives the same bits whatever the number of workers or the order evaluations finish in.
//
// The search runs in [0, 1]^n, mapped affinely onto the box. A sample outside is mirrored back
// (y → the reflection of y in [0, 1]), and the mirrored point is the one evaluated and used in the
// update: the distribution then learns only from points it can evaluate.
import { ConfigError } from "../core/config/error.ts"
import { createRandomSource, gaussian } from "../core/rng.ts"

export interface CmaEsOptions {
  readonly lower: readonly number[]
  readonly upper: readonly number[]
  readonly seed: number | string
  /** First mean; default a uniform random point of the box (each restart draws a new one). */
  readonly mean?: readonly number[]
  /** First step size σ as a fraction of each coordinate's range; default 0.3. */
  readonly sigma?: number
  /** Population λ of the first run; default 4 + ⌊3 ln n⌋. */
  readonly populationSize?: number
  /** Restart on a stall with a doubled population, up to maxPopulation; default true. */
  readonly restarts?: boolean
  /** default 64·(first λ). */
  readonly maxPopulation?: number
  /** A run has stalled when σ·max_i √c_i < tolX (fractions of the range); default 1e-9. */
  readonly tolX?: number
  /** … or when its best values over the last 10 + ⌈30n/λ⌉ generations span less than tolFun; default 1e-12. */
  readonly tolFun?: number
}

export interface CmaEsBest {
  readonly x: Float64Array
  readonly value: number
  /** Evaluations told when it was found. */
  readonly evaluation: number
}

export interface CmaEs {
  readonly dim: number
  /** One generation: λ points of the box (fresh arrays; the caller may keep them). */
  ask(): readonly Float64Array[]
  /** The values of the points of the last ask(), in the same order. NaN counts as +∞. */
  tell(values: ArrayLike<number>): void
  readonly best: CmaEsBest | undefined
  readonly evaluations: number
  readonly generation: number
  readonly populationSize: number
  readonly restarts: number
  /** Why the search has stopped for good (restarts off or exhausted), else undefined. */
  readonly stopped: string | undefined
  /** The current step size σ in fractions of the range. */
  readonly sigma: number
}

/** An option out of range, or values that do not match the points asked. */
export class CmaEsError extends ConfigError {
  override readonly name: string = "CmaEsError"
}

/** y mirrored into [0, 1]. */
export const mirror = (y: number): number => {
  const r = y - 2 * Math.floor(y / 2)
  // |r|: for a denormal y < 0, y/2 rounds to −0 and r = y.
  return r <= 1 ? Math.abs(r) : 2 - r
}

/** The strategy's constants for dimension n and population λ (Hansen's defaults, sep-CMA learning rates). */
const constants = (n: number, lambda: number) => {
  const mu = Math.floor(lambda / 2)
  const raw = Array.from({ length: mu }, (_, i) => Math.log(mu + 0.5) - Math.log(i + 1))
  const sum = raw.reduce((a, b) => a + b, 0)
  const weights = Float64Array.from(raw, (w) => w / sum)
  const mueff = 1 / weights.reduce((a, w) => a + w * w, 0)
  const cs = (mueff + 2) / (n + mueff + 5)
  const ds = 1 + 2 * Math.max(0, Math.sqrt((mueff - 1) / (n + 1)) - 1) + cs
  const cc = (4 + mueff / n) / (n + 4 + (2 * mueff) / n)
  // Full CMA's rates times (n + 2)/3: a diagonal has n parameters to learn, not n²/2.
  const c1 = Math.min(1, ((n + 2) / 3) * (2 / ((n + 1.3) ** 2 + mueff)))
  const cmu = Math.min(1 - c1, ((n + 2) / 3) * ((2 * (mueff - 2 + 1 / mueff)) / ((n + 2) ** 2 + mueff)))
  const chiN = Math.sqrt(n) * (1 - 1 / (4 * n) + 1 / (21 * n * n))
  return { mu, weights, mueff, cs, ds, cc, c1, cmu, chiN }
}

export const createCmaEs = (options: CmaEsOptions): CmaEs => {
  const { lower, upper } = options
  const n = lower.length
  if (n < 1) throw new CmaEsError("lower", lower, "at least one coordinate")
  if (upper.length !== n) throw new CmaEsError("upper", upper, `${n} numbers (as many as lower)`)
  for (let i = 0; i < n; i++) {
    if (!(Number.isFinite(lower[i]) && Number.isFinite(upper[i]) && lower[i] < upper[i])) {
      throw new CmaEsError(`upper[${i}]`, upper[i], `a finite number > lower[${i}] = ${lower[i]}`)
    }
  }
  const sigma0 = options.sigma ?? 0.3
  if (!(sigma0 > 0 && sigma0 < Infinity)) throw new CmaEsError("sigma", sigma0, "a number > 0")
  const lambda0 = options.populationSize ?? 4 + Math.floor(3 * Math.log(n))
  if (!(Number.isInteger(lambda0) && lambda0 >= 2)) throw new CmaEsError("populationSize", lambda0, "an integer ≥ 2")
  const maxPopulation = options.maxPopulation ?? 64 * lambda0
  const tolX = options.tolX ?? 1e-9
  const tolFun = options.tolFun ?? 1e-12
  const width = Float64Array.from(upper, (u, i) => u - lower[i])
  const uniform = createRandomSource(options.seed).stream("cma-es")
  if (options.mean !== undefined) {
    if (options.mean.length !== n) throw new CmaEsError("mean", options.mean, `${n} numbers`)
    options.mean.forEach((v, i) => {
      if (!(v >= lower[i] && v <= upper[i])) throw new CmaEsError(`mean[${i}]`, v, `a number in [${lower[i]}, ${upper[i]}]`)
    })
  }

  // State of the current run, in [0, 1]^n.
  const m = new Float64Array(n), c = new Float64Array(n), ps = new Float64Array(n), pc = new Float64Array(n)
  let sigma = sigma0, lambda = lambda0, k = constants(n, lambda), runGeneration = 0
  let history: number[] = []
  let points: Float64Array[] = [] // the asked points in [0, 1]^n
  let asked = false
  let best: CmaEsBest | undefined
  let evaluations = 0, generation = 0, restarts = 0
  let stopped: string | undefined

  const startRun = (mean: readonly number[] | undefined) => {
    for (let i = 0; i < n; i++) m[i] = mean === undefined ? uniform() : (mean[i] - lower[i]) / width[i]
    c.fill(1)
    ps.fill(0)
    pc.fill(0)
    sigma = sigma0
    k = constants(n, lambda)
    runGeneration = 0
    history = []
  }
  startRun(options.mean)

  const toBox = (y: Float64Array): Float64Array => {
    const x = new Float64Array(n)
    for (let i = 0; i < n; i++) {
      const v = lower[i] + y[i] * width[i]
      x[i] = v < lower[i] ? lower[i] : v > upper[i] ? upper[i] : v
    }
    return x
  }

  /** Why the current run should end, if it should. */
  const stall = (values: readonly number[]): string | undefined => {
    let maxC = 0, minC = Infinity
    for (let i = 0; i < n; i++) {
      maxC = Math.max(maxC, c[i])
      minC = Math.min(minC, c[i])
    }
    if (sigma * Math.sqrt(maxC) < tolX) return "tolX"
    if (!(maxC / minC < 1e14)) return "condition"
    const H = 10 + Math.ceil((30 * n) / lambda)
    if (history.length >= H) {
      const recent = history.slice(-H)
      const span = Math.max(...recent) - Math.min(...recent)
      const gen = values[values.length - 1] - values[0]
      if (span < tolFun && !(gen >= tolFun)) return "tolFun"
    }
    if (!Number.isFinite(sigma)) return "sigma"
    // Stagnation: the median best of the latest fifth of the run no better than of the first fifth.
    if (runGeneration > 120 + (30 * n) / lambda) {
      const w = Math.max(20, Math.floor(0.2 * history.length))
      const median = (a: number[]) => a.sort((p, q) => p - q)[a.length >> 1]
      if (median(history.slice(-w)) >= median(history.slice(0, w))) return "stagnation"
    }
    return undefined
  }

  return {
    dim: n,
    ask() {
      if (stopped !== undefined) throw new Error(`CMA-ES has stopped (${stopped}); ask() after a stop is a caller error`)
      if (asked) throw new Error("CMA-ES ask() twice without tell(): tell the last generation's values first")
      points = []
      for (let j = 0; j < lambda; j++) {
        const y = new Float64Array(n)
        for (let i = 0; i < n; i++) y[i] = mirror(m[i] + sigma * Math.sqrt(c[i]) * gaussian(uniform))
        points.push(y)
      }
      asked = true
      return points.map(toBox)
    },
    tell(values) {
      if (!asked) throw new Error("CMA-ES tell() without ask()")
      if (values.length !== lambda) throw new CmaEsError("values", values.length, `${lambda} values (one per point asked)`)
      asked = false
      const f = Array.from(values, (v) => (Number.isNaN(v) ? Infinity : v))
      const order = f.map((_, j) => j).sort((a, b) => (f[a] < f[b] ? -1 : f[a] > f[b] ? 1 : a - b))
      evaluations += lambda
      generation++
      runGeneration++
      const top = order[0]
      if (best === undefined || f[top] < best.value) best = { x: toBox(points[top]), value: f[top], evaluation: evaluations }
      history.push(f[top])

      const { mu, weights, mueff, cs, ds, cc, c1, cmu, chiN } = k
      const old = Float64Array.from(m)
      m.fill(0)
      for (let r = 0; r < mu; r++) {
        const y = points[order[r]], w = weights[r]
        for (let i = 0; i < n; i++) m[i] += w * y[i]
      }
      const a = Math.sqrt(cs * (2 - cs) * mueff)
      let norm = 0
      for (let i = 0; i < n; i++) {
        ps[i] = (1 - cs) * ps[i] + (a * (m[i] - old[i])) / (sigma * Math.sqrt(c[i]))
        norm += ps[i] * ps[i]
      }
      norm = Math.sqrt(norm)
      const hs = norm / Math.sqrt(1 - Math.pow(1 - cs, 2 * runGeneration)) < (1.4 + 2 / (n + 1)) * chiN ? 1 : 0
      const b = hs * Math.sqrt(cc * (2 - cc) * mueff)
      for (let i = 0; i < n; i++) {
        pc[i] = (1 - cc) * pc[i] + (b * (m[i] - old[i])) / sigma
        let rankMu = 0
        for (let r = 0; r < mu; r++) {
          const d = (points[order[r]][i] - old[i]) / sigma
          rankMu += weights[r] * d * d
        }
        c[i] = (1 - c1 - cmu) * c[i] + c1 * (pc[i] * pc[i] + (1 - hs) * cc * (2 - cc) * c[i]) + cmu * rankMu
      }
      sigma *= Math.exp((cs / ds) * (norm / chiN - 1))
      // The update is invariant under (σ, c, pc) → (sσ, c/s², pc/s); along a curved valley σ grows
      // while c shrinks without bound (seen: σ = 10^5 on Rosenbrock), so keep max c = 1.
      let maxC = 0
      for (let i = 0; i < n; i++) maxC = Math.max(maxC, c[i])
      if (maxC > 0 && Number.isFinite(maxC)) {
        const s = Math.sqrt(maxC)
        sigma *= s
        for (let i = 0; i < n; i++) {
          c[i] /= maxC
          pc[i] /= s
        }
      }

      const reason = stall(order.map((j) => f[j]))
      if (reason !== undefined) {
        if (options.restarts === false) stopped = reason
        else if (lambda * 2 > maxPopulation) stopped = `${reason}; population ${lambda * 2} would exceed ${maxPopulation}`
        else {
          lambda *= 2
          restarts++
          startRun(undefined)
        }
      }
    },
    get best() { return best },
    get evaluations() { return evaluations },
    get generation() { return generation },
    get populationSize() { return lambda },
    get restarts() { return restarts },
    get stopped() { return stopped },
    get sigma() { return sigma }
  }
}
