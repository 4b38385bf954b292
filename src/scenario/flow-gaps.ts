// How far a full-batch Adam run is from the two ODEs of Cattaneo, Klusowski & Shigida: the plain
// flow (O(h) from the iterates) and the first-order modified flow (O(h²)). For every step k with
// t0 ≤ kh ≤ T (the full-batch adversary's flowWindow) the distance ‖θ_k − θ̃(kh)‖∞, and the maximum
// over the window, the quantity their theorem bounds. A run records only its checkpoints, so the
// iterates θ_k are replayed with the flow module's full-batch Adam, and the replay is checked
// against every point the run recorded (θ_k = x_{k+1}, the point played in round k+1).
import { FullBatchAdversary } from "../core/adversary/full-batch.ts"
import { createAdversary } from "../core/adversary/index.ts"
import { createDomain } from "../core/domain/index.ts"
import { adamIterates, checkAdamHyper, solveAdamFlow, type AdamHyper } from "../core/flow/adam-flow.ts"
import { IntegrationError } from "../core/flow/integrate.ts"
import type { LearnerConfig } from "../core/learner/learner.ts"
import { createRandomSource } from "../core/rng.ts"
import type { LearnerRun, ResolvedScenario } from "./types.ts"

/** How closely the replay must match every iterate the run recorded (relative). */
const REPLAY_TOLERANCE = 1e-9

/** The solver's tolerances: the integration error is far below the smallest gap measured. */
export const FLOW_TOLERANCES = { rtol: 1e-12, atol: 1e-14, maxSteps: 2_000_000 } as const

/**
 * The (h, β, ρ, ε) of a learner that is exactly the full-batch Adam the flows describe: EMA moments
 * with constant β1, β2 and both bias corrections, ε inside the root only, a constant step, no
 * AMSGrad, weight decay or sign; undefined for anything else.
 */
export const adamHyperOf = (c: LearnerConfig): AdamHyper | undefined => {
  const schedule = c.stepSchedule as { kind: string; decay?: number }
  const constantStep = schedule.kind === "constant" || (schedule.kind === "inverse-time" && schedule.decay === 0)
  const exact = c.momentum === "ema" && c.secondMoment === "ema" && c.biasCorrection1 === true && c.biasCorrection2 === true &&
    (c.beta1Schedule as { kind: string }).kind === "constant" && c.beta2Schedule === "constant" && c.amsgrad === "off" &&
    c.eps === 0 && (c.epsRoot as number) > 0 && c.weightDecay === 0 && c.sign === false && constantStep
  return exact ? { h: c.alpha as number, beta: c.beta1 as number, rho: c.beta2 as number, epsilon: c.epsRoot as number } : undefined
}

/** The window [t0, T] a scenario asks for, when its adversary is full-batch and sets one. */
export const flowWindowOf = (s: Pick<ResolvedScenario, "adversary">): readonly [number, number] | undefined => {
  const w = s.adversary.kind === "full-batch" ? (s.adversary.flowWindow as readonly number[] | undefined) : undefined
  return w === undefined ? undefined : [w[0], w[1]]
}

export interface FlowGaps {
  readonly hyper: AdamHyper
  readonly window: readonly [number, number]
  /** The steps k compared: every k with t0 ≤ kh ≤ T (the run recorded some of them; the replay gives all). */
  readonly steps: readonly number[]
  /** ‖θ_k − θ̃(kh)‖∞ for each step, against the plain and the modified flow. */
  readonly plain: readonly number[]
  readonly modified: readonly number[]
  readonly plainMax: number
  readonly modifiedMax: number
}

export type FlowGapOutcome = { readonly ok: true; readonly gaps: FlowGaps } | { readonly ok: false; readonly reason: string }

/** The gaps of one run, or why there are none. */
export const flowGaps = (s: ResolvedScenario, run: LearnerRun): FlowGapOutcome => {
  const window = flowWindowOf(s)
  if (window === undefined) return { ok: false, reason: "the scenario sets no flowWindow" }
  const learner = s.learners.find((l) => l.label === run.learner)
  const hyper = learner === undefined ? undefined : adamHyperOf(learner.config)
  if (hyper === undefined) return { ok: false, reason: `${run.learner} is not constant-step, bias-corrected Adam with ε inside the root` }
  checkAdamHyper(hyper)
  if (run.status.kind !== "ok") return { ok: false, reason: `the run ${run.status.kind === "diverged" ? "diverged" : "was interrupted"}` }
  const first = Math.ceil(window[0] / hyper.h - 1e-9)
  const last = Math.floor(window[1] / hyper.h + 1e-9)
  const steps = Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i)
  if (steps.length === 0) return { ok: false, reason: `no step k with ${window[0]} ≤ kh ≤ ${window[1]} for h = ${hyper.h}` }
  const dim = createDomain(s.domain).dim
  const adversary = s.createAdversary !== undefined ? s.createAdversary(s.adversary, dim) : createAdversary(s.adversary, dim)
  if (!(adversary instanceof FullBatchAdversary)) return { ok: false, reason: "the adversary is not full-batch" }
  adversary.reset(createRandomSource(run.seed))
  const start = Float64Array.from(s.start)
  const theta = adamIterates(adversary.objective, hyper, start, last)
  let checked = 0
  for (const row of run.rows) {
    const k = row.t - 1
    if (row.x === undefined || k > last) continue
    for (let j = 0; j < dim; j++) {
      const replay = theta[k * dim + j]
      if (!(Math.abs(row.x[j] - replay) <= REPLAY_TOLERANCE * (1 + Math.abs(replay)))) {
        return { ok: false, reason: `the run's x_${row.t}[${j}] = ${row.x[j]} is not full-batch Adam's θ_${k}[${j}] = ${replay}` }
      }
    }
    checked++
  }
  if (checked === 0) return { ok: false, reason: "the run recorded no iterate up to the window's end to check the replay against" }
  const times = steps.map((k) => k * hyper.h)
  const gapsFor = (kind: "plain" | "modified"): number[] => {
    const flow = solveAdamFlow(adversary.objective, hyper, start, times, { kind, ...FLOW_TOLERANCES })
    return steps.map((k, i) => {
      let g = 0
      for (let j = 0; j < dim; j++) g = Math.max(g, Math.abs(theta[k * dim + j] - flow.states[i * dim + j]))
      return g
    })
  }
  try {
    const plain = gapsFor("plain")
    const modified = gapsFor("modified")
    return { ok: true, gaps: { hyper, window, steps, plain, modified, plainMax: plain.reduce((a, b) => Math.max(a, b)), modifiedMax: modified.reduce((a, b) => Math.max(a, b)) } }
  } catch (e) {
    if (e instanceof IntegrationError) return { ok: false, reason: `the flow could not be solved over the window (${e.message})` }
    throw e
  }
}
