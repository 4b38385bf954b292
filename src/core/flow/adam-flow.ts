// Full-batch Adam with ε inside the square root, and the two ODEs that follow its iterates:
//
//   discrete:  m ← β m + (1−β) g,  v ← ρ v + (1−ρ) g²,  θ ← θ − h · (m / (1−β^{n+1})) / √(v / (1−ρ^{n+1}) + ε)
//   plain:     θ̇_j = −g_j / s_j,                                         s_j = √(g_j² + ε)
//   modified:  θ̇_j = −g_j / s_j − h · [ (B − R) / s_j + (R + ½) ε / s_j³ ] · ∂_j N(θ)
//
// with g = ∇E(θ), N(θ) = ‖∇E(θ)‖_{1,ε} = Σ_j s_j the perturbed one-norm, ∂_j N = (∇²E · g/s)_j, and
// B, R the mean lags of Adam's two moment averages. The plain flow is O(h) from the iterates, the
// modified flow O(h²) (Cattaneo, Klusowski & Shigida, "On the Implicit Bias of Adam", ICML 2024).
//
// Derivation (backward error analysis). Along the first-order path θ_k ≈ θ_n + (n−k) h u with
// u = g/s, so g(θ_k) ≈ g + (n−k) h w, w = ∇²E u = ∇N. The bias-corrected averages at step n are then
// m̂ = g + h B_n w and v̂ = g² + 2h R_n g w, where B_n and R_n are the mean lags (n−k) under the
// weights β^{n−k} and ρ^{n−k}, k = 0..n. So the step is θ_{n+1} = θ_n − h u + h² c with
// c = −B w/s + R g² w/s³. A flow θ̇ = −u + h f₁ moves by −h u + h² (f₁ + ½ Du·u) in time h, and
// Du·u = ε w / s³; matching gives f₁ = c − ½ ε w/s³, the bracket above. The leading term has no
// time dependence: with bias correction m̂ = g and v̂ = g² exactly when the gradient is constant.
// Only the memory lags B_n, R_n depend on n (they rise from 0 at n = 0 to β/(1−β) and ρ/(1−ρ)).
import { ConfigError } from "../config/error.ts"
import { integrate, type IntegrateOptions, type Rhs, type Trajectory } from "./integrate.ts"
import type { Objective } from "./objectives.ts"

/** Full-batch Adam's hyperparameters in the paper's names. */
export interface AdamHyper {
  /** Step size h > 0. */
  readonly h: number
  /** First-moment (gradient) momentum β = β1 ∈ [0, 1). */
  readonly beta: number
  /** Second-moment momentum ρ = β2 ∈ [0, 1). */
  readonly rho: number
  /** Numerical-stability ε > 0, inside the square root. */
  readonly epsilon: number
}

/** Checks an AdamHyper, throwing ConfigError naming the field. */
export const checkAdamHyper = (p: AdamHyper): AdamHyper => {
  if (!(Number.isFinite(p.h) && p.h > 0)) throw new ConfigError("h", p.h, "a finite number > 0")
  if (!(p.beta >= 0 && p.beta < 1)) throw new ConfigError("beta", p.beta, "a number in [0, 1)")
  if (!(p.rho >= 0 && p.rho < 1)) throw new ConfigError("rho", p.rho, "a number in [0, 1)")
  if (!(Number.isFinite(p.epsilon) && p.epsilon > 0)) throw new ConfigError("epsilon", p.epsilon, "a finite number > 0")
  return p
}

/**
 * Mean lag of a bias-corrected exponential average after n + 1 terms:
 * Σ_{d=0}^{n} d q^d / Σ_{d=0}^{n} q^d = q/(1−q) − (n+1) q^{n+1} / (1 − q^{n+1}).
 * n = Infinity gives the stationary value q/(1−q).
 */
export const meanLag = (q: number, n: number): number => {
  if (q === 0 || n === 0) return 0
  const stationary = q / (1 - q)
  if (n === Infinity) return stationary
  const logq = Math.log(q)
  const qn1 = Math.exp((n + 1) * logq)
  if (qn1 === 0) return stationary
  return stationary - ((n + 1) * qn1) / -Math.expm1((n + 1) * logq)
}

/** Memory coefficients of the correction: B (momentum) and R (second moment) mean lags. */
export interface MemoryLags {
  readonly momentum: number
  readonly square: number
}

/** The lags on the step interval [nh, (n+1)h); n = Infinity for the stationary (late-training) form. */
export const memoryLags = (p: AdamHyper, n: number): MemoryLags => ({ momentum: meanLag(p.beta, n), square: meanLag(p.rho, n) })

/** Scratch buffers for one objective dimension (reused so evaluations allocate nothing). */
class Scratch {
  readonly g: Float64Array
  readonly u: Float64Array
  readonly w: Float64Array
  readonly hess: Float64Array | undefined
  constructor(readonly objective: Objective, needsHessian = true) {
    const p = objective.dim
    this.g = new Float64Array(p)
    this.u = new Float64Array(p)
    this.w = new Float64Array(p)
    this.hess = objective.hessianVector === undefined && objective.hessian !== undefined ? new Float64Array(p * p) : undefined
    if (needsHessian && objective.hessianVector === undefined && objective.hessian === undefined) {
      throw new ConfigError("objective", "an objective without hessian or hessianVector", "an objective with hessian(θ, out) or hessianVector(θ, v, out)")
    }
  }

  /** w = ∇²E(θ) v. */
  hv(theta: Float64Array, v: Float64Array, out: Float64Array): void {
    const o = this.objective
    if (o.hessianVector !== undefined) return o.hessianVector(theta, v, out)
    const H = this.hess!
    o.hessian!(theta, H)
    const p = o.dim
    for (let i = 0; i < p; i++) {
      let s = 0
      for (let j = 0; j < p; j++) s += H[i * p + j] * v[j]
      out[i] = s
    }
  }
}

/** The perturbed one-norm ‖∇E(θ)‖_{1,ε} = Σ_j √((∂_j E)² + ε). */
export const perturbedOneNorm = (objective: Objective, theta: Float64Array, epsilon: number): number => {
  const g = new Float64Array(objective.dim)
  objective.gradient(theta, g)
  let s = 0
  for (let j = 0; j < g.length; j++) s += Math.sqrt(g[j] * g[j] + epsilon)
  return s
}

/** ∇‖∇E‖_{1,ε} at θ into out: ∇²E(θ) · (∇E/√(∇E² + ε)). */
export const perturbedOneNormGradient = (objective: Objective, theta: Float64Array, epsilon: number, out: Float64Array): void => {
  const s = new Scratch(objective)
  objective.gradient(theta, s.g)
  for (let j = 0; j < s.g.length; j++) s.u[j] = s.g[j] / Math.sqrt(s.g[j] * s.g[j] + epsilon)
  s.hv(theta, s.u, out)
}

/**
 * The first-order correction f₁ (the coefficient of h) of the modified flow at θ, into out:
 * f₁_j = −[(B − R)/s_j + (R + ½) ε/s_j³] · ∂_j ‖∇E‖_{1,ε}. Lags default to the stationary ones.
 */
export const adamCorrection = (objective: Objective, p: AdamHyper, theta: Float64Array, out: Float64Array, lags: MemoryLags = memoryLags(p, Infinity)): void => {
  const s = new Scratch(objective)
  writeField(s, p.epsilon, 0, lags, theta, out, true)
}

const writeField = (s: Scratch, eps: number, h: number, lags: MemoryLags, theta: Float64Array, out: Float64Array, correctionOnly: boolean): void => {
  const { g, u, w } = s
  s.objective.gradient(theta, g)
  const p = g.length
  for (let j = 0; j < p; j++) u[j] = g[j] / Math.sqrt(g[j] * g[j] + eps)
  if (!correctionOnly && h === 0) {
    for (let j = 0; j < p; j++) out[j] = -u[j]
    return
  }
  s.hv(theta, u, w)
  const diff = lags.momentum - lags.square
  const tail = lags.square + 0.5
  for (let j = 0; j < p; j++) {
    const s2 = g[j] * g[j] + eps
    const sj = Math.sqrt(s2)
    const f1 = -w[j] * (diff / sj + (tail * eps) / (s2 * sj))
    out[j] = correctionOnly ? f1 : -u[j] + h * f1
  }
}

/** Which ODE: the O(h) limit, or the O(h²) modified flow with the h-correction. */
export type AdamFlowKind = "plain" | "modified"

/**
 * The right-hand side of the plain or modified flow with fixed memory lags (the stationary ones by
 * default). The returned function reuses buffers: one per solve, not shared across threads.
 */
export const adamFlowField = (objective: Objective, p: AdamHyper, kind: AdamFlowKind, lags: MemoryLags = memoryLags(p, Infinity)): Rhs => {
  checkAdamHyper(p)
  const s = new Scratch(objective, kind === "modified")
  const h = kind === "modified" ? p.h : 0
  return (_t, y, dy) => writeField(s, p.epsilon, h, lags, y, dy, false)
}

/** How the modified flow treats Adam's memory. */
export type MemoryForm =
  /** The paper's piecewise ODE: on [nh, (n+1)h) the lags of step n (exact bias-correction transient). */
  | "piecewise"
  /** The late-training form: stationary lags β/(1−β), ρ/(1−ρ) from t = 0. */
  | "stationary"

/** Options for solveAdamFlow. */
export interface AdamFlowOptions extends IntegrateOptions {
  readonly kind: AdamFlowKind
  /** Default "piecewise". Ignored by the plain flow, which has no memory term. */
  readonly memory?: MemoryForm
}

/**
 * Solves the plain or modified flow from θ̃(0) = θ0 and returns θ̃ at `times` (strictly increasing,
 * ≥ 0; rows in order). The piecewise form is integrated interval by interval until the lags have
 * converged to their stationary values in double precision, then in one piece.
 */
export const solveAdamFlow = (objective: Objective, p: AdamHyper, theta0: Float64Array, times: ArrayLike<number>, options: AdamFlowOptions): Trajectory => {
  checkAdamHyper(p)
  if (theta0.length !== objective.dim) throw new ConfigError("theta0", Array.from(theta0), `a vector of length ${objective.dim} (the objective's dim)`)
  if (times.length === 0) throw new ConfigError("times", [], "at least one time")
  if (!(times[0] >= 0)) throw new ConfigError("times[0]", times[0], "a time ≥ 0 (the flow starts at t = 0)")
  const kind = options.kind
  if (kind !== "plain" && kind !== "modified") throw new ConfigError("kind", kind, `"plain" or "modified"`)
  const memory = options.memory ?? "piecewise"
  if (memory !== "piecewise" && memory !== "stationary") throw new ConfigError("memory", memory, `"piecewise" or "stationary"`)
  const dim = objective.dim
  const out = new Float64Array(times.length * dim)
  let accepted = 0, rejected = 0, evaluations = 0
  let y = Float64Array.from(theta0)
  let t = 0
  let next = 0
  // Outputs at t = 0 are θ0 itself.
  while (next < times.length && times[next] === 0) out.set(y, dim * next++)

  const piece = (rhs: Rhs, tEnd: number): void => {
    const inside: number[] = [t]
    const first = next
    while (next < times.length && times[next] <= tEnd) inside.push(times[next++])
    const endsOnOutput = inside[inside.length - 1] === tEnd
    if (!endsOnOutput) inside.push(tEnd)
    if (inside.length === 1) return
    const sol = integrate(rhs, y, inside, options)
    accepted += sol.stats.accepted
    rejected += sol.stats.rejected
    evaluations += sol.stats.evaluations
    for (let k = first; k < next; k++) out.set(sol.states.subarray((k - first + 1) * dim, (k - first + 2) * dim), k * dim)
    y = Float64Array.from(sol.states.subarray((inside.length - 1) * dim))
    t = tEnd
  }

  const tLast = times[times.length - 1]
  if (kind === "modified" && memory === "piecewise") {
    const stationary = memoryLags(p, Infinity)
    for (let n = 0; t < tLast; n++) {
      const lags = memoryLags(p, n)
      const settled =
        Math.abs(lags.momentum - stationary.momentum) <= 1e-16 * (1 + stationary.momentum) &&
        Math.abs(lags.square - stationary.square) <= 1e-16 * (1 + stationary.square)
      if (settled) break
      piece(adamFlowField(objective, p, kind, lags), Math.min((n + 1) * p.h, tLast))
    }
  }
  if (t < tLast) piece(adamFlowField(objective, p, kind), tLast)
  return { dim, times: Float64Array.from(times), states: out, stats: { accepted, rejected, evaluations } }
}

/** Full-batch Adam, ε inside the square root, bias-corrected moments; θ is updated in place. */
export class FullBatchAdam {
  /** The current iterate θ_n. */
  readonly theta: Float64Array
  /** Steps taken so far (n). */
  steps = 0
  private readonly m: Float64Array
  private readonly v: Float64Array
  private readonly g: Float64Array
  private betaPow = 1
  private rhoPow = 1

  constructor(readonly objective: Objective, readonly hyper: AdamHyper, theta0: Float64Array) {
    checkAdamHyper(hyper)
    if (theta0.length !== objective.dim) throw new ConfigError("theta0", Array.from(theta0), `a vector of length ${objective.dim} (the objective's dim)`)
    this.theta = Float64Array.from(theta0)
    this.m = new Float64Array(objective.dim)
    this.v = new Float64Array(objective.dim)
    this.g = new Float64Array(objective.dim)
  }

  /** One step θ_n → θ_{n+1}. */
  step(): void {
    const { theta, m, v, g } = this
    const { h, beta, rho, epsilon } = this.hyper
    this.objective.gradient(theta, g)
    this.betaPow *= beta
    this.rhoPow *= rho
    const mc = 1 / (1 - this.betaPow)
    const vc = 1 / (1 - this.rhoPow)
    for (let j = 0; j < theta.length; j++) {
      m[j] = beta * m[j] + (1 - beta) * g[j]
      v[j] = rho * v[j] + (1 - rho) * g[j] * g[j]
      theta[j] -= (h * m[j] * mc) / Math.sqrt(v[j] * vc + epsilon)
    }
    this.steps++
  }
}

/** θ_0 … θ_steps of full-batch Adam, row-major ((steps + 1) × dim). */
export const adamIterates = (objective: Objective, p: AdamHyper, theta0: Float64Array, steps: number): Float64Array => {
  if (!(Number.isInteger(steps) && steps >= 0)) throw new ConfigError("steps", steps, "an integer ≥ 0")
  const adam = new FullBatchAdam(objective, p, theta0)
  const dim = objective.dim
  const out = new Float64Array((steps + 1) * dim)
  out.set(adam.theta, 0)
  for (let k = 1; k <= steps; k++) {
    adam.step()
    out.set(adam.theta, k * dim)
  }
  return out
}

/** Window and solver settings for trajectoryGap. */
export interface GapOptions extends AdamFlowOptions {
  /** Steps taken: the iterates θ_0 … θ_steps are compared at times kh. */
  readonly steps: number
  /** First step counted in the maximum (default 0). */
  readonly fromStep?: number
}

/**
 * max_{fromStep ≤ k ≤ steps} ‖θ_k − θ̃(kh)‖_∞: how far full-batch Adam's iterates are from the
 * plain or modified flow started at the same θ0.
 */
export const trajectoryGap = (objective: Objective, p: AdamHyper, theta0: Float64Array, options: GapOptions): number => {
  const { steps } = options
  const from = options.fromStep ?? 0
  if (!(Number.isInteger(from) && from >= 0 && from <= steps)) throw new ConfigError("fromStep", from, `an integer in [0, steps = ${steps}]`)
  const iterates = adamIterates(objective, p, theta0, steps)
  const times = new Float64Array(steps - from + 1)
  for (let k = from; k <= steps; k++) times[k - from] = k * p.h
  const flow = solveAdamFlow(objective, p, theta0, times, options)
  const dim = objective.dim
  let gap = 0
  for (let k = from; k <= steps; k++) {
    for (let j = 0; j < dim; j++) gap = Math.max(gap, Math.abs(iterates[k * dim + j] - flow.states[(k - from) * dim + j]))
  }
  return gap
}
