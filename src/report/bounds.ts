// Theoretical regret bounds to draw beside R_t (reference/reddi2018.md §5). A bound is drawn only
// where both its assumptions hold for the learner's config and the numbers it needs are derivable
// from the ScenarioResult: Σ_i‖g_{1:t,i}‖₂ and G∞ are not in the checkpoint rows, so they come from
// optional row fields (gradNormSum, gradMaxInf) when a run records them, or from the closed form of
// a periodic linear adversary. Otherwise no bound is drawn and the chart text says so.
import type { LearnerConfig } from "../core/learner/config.ts"
import type { CheckpointRow, DomainConfig } from "../core/types.ts"
import type { AdversaryConfig, ScenarioResult } from "../scenario/types.ts"
import { theorem2C } from "../core/adversary/theorem2.ts"
import { fmt } from "./format.ts"
import { learnerLabels } from "./series.ts"

export interface BoundPoint {
  readonly learner: string
  readonly t: number
  readonly bound: number
}

export interface BoundSet {
  readonly points: readonly BoundPoint[]
  /** One line per drawn bound: which theorem and formula, for the chart subtitle. */
  readonly notes: readonly string[]
}

/** Gradient statistics of the realised loss sequence. */
interface GradientStats {
  /** Σ_i ‖g_{1:t,i}‖₂ for the first t rounds. */
  readonly normSum: (t: number) => number
  /** max_t ‖g_t‖∞ and max_t ‖g_t‖₂ over the horizon. */
  readonly gInf: number
  readonly g2: number
  readonly source: string
}

export const diameters = (d: DomainConfig): { inf: number; two: number; dim: number } => {
  if (d.kind === "box") {
    const w = d.lower.map((l, i) => d.upper[i] - l)
    return { inf: Math.max(...w), two: Math.sqrt(w.reduce((s, x) => s + x * x, 0)), dim: w.length }
  }
  if (d.kind === "ball") return { inf: 2 * d.radius, two: 2 * d.radius, dim: d.center.length }
  return { inf: 1, two: Math.SQRT2, dim: d.dim }
}

const vectorOf = (v: unknown, dim: number): number[] | undefined => {
  if (typeof v === "number" && Number.isFinite(v)) return Array.from({ length: dim }, () => v)
  if (Array.isArray(v) && v.length === dim && v.every((x) => typeof x === "number" && Number.isFinite(x))) return v as number[]
  return undefined
}

/** A gradient sequence that is a finite list, then cycles / holds the last / stops (zero). */
interface ListedGradients {
  readonly list: readonly (readonly number[])[]
  readonly after: "cycle" | "hold-last" | "zero"
}

/**
 * The realised gradients of the built-in oblivious linear adversaries (src/core/adversary/index.ts):
 * periodic-linear and reddi-theorem2 (g_t = s·C·u when t mod P = 1, else −s·u), periodic, scripted.
 */
export const listedGradients = (a: AdversaryConfig, dim: number): ListedGradients | undefined => {
  if (a.kind === "periodic-linear" || a.kind === "reddi-theorem2") {
    const s = typeof a.scale === "number" ? a.scale : 1
    const u = vectorOf(a.direction ?? 1, dim)
    let C: number | undefined
    let P: number | undefined
    if (a.kind === "periodic-linear") {
      C = typeof a.C === "number" ? a.C : undefined
      P = typeof a.period === "number" ? a.period : 3
    } else if (typeof a.beta1 === "number" && typeof a.beta2 === "number") {
      try {
        C = P = theorem2C(a.beta1, a.beta2)
      } catch {
        return undefined
      }
    }
    if (!u || C === undefined || P === undefined || !Number.isInteger(P) || P < 1 || P > 1e7) return undefined
    const big = u.map((ui) => s * C! * ui)
    const small = u.map((ui) => -s * ui)
    return { list: [big, ...Array.from({ length: P - 1 }, () => small)], after: "cycle" }
  }
  if (a.kind === "periodic" || a.kind === "scripted") {
    if (!Array.isArray(a.gradients) || a.gradients.length === 0) return undefined
    const list = a.gradients.map((g) => vectorOf(g, dim))
    if (list.some((g) => g === undefined)) return undefined
    const after = a.kind === "periodic" ? "cycle" : a.after === "zero" || a.after === "cycle" ? a.after : "hold-last"
    return { list: list as number[][], after }
  }
  return undefined
}

const fromAdversary = (result: ScenarioResult): GradientStats | undefined => {
  const dim = diameters(result.scenario.domain).dim
  const listed = listedGradients(result.scenario.adversary, dim)
  if (!listed) return undefined
  const { list, after } = listed
  const n = list.length
  // prefix[k][i] = Σ_{s<k} g_{s,i}²: the sums over any t follow from whole cycles plus a prefix.
  const prefix: number[][] = [new Array<number>(dim).fill(0)]
  for (const g of list) prefix.push(prefix[prefix.length - 1].map((p, i) => p + g[i] * g[i]))
  const sq = (t: number, i: number): number => {
    if (t <= n) return prefix[t][i]
    if (after === "cycle") return Math.floor(t / n) * prefix[n][i] + prefix[t % n][i]
    if (after === "zero") return prefix[n][i]
    return prefix[n][i] + (t - n) * list[n - 1][i] ** 2
  }
  const gInf = Math.max(...list.map((g) => Math.max(...g.map(Math.abs))))
  const g2 = Math.max(...list.map((g) => Math.sqrt(g.reduce((acc, x) => acc + x * x, 0))))
  return {
    normSum: (t) => {
      let total = 0
      for (let i = 0; i < dim; i++) total += Math.sqrt(sq(t, i))
      return total
    },
    gInf,
    g2,
    source: `the closed form of the "${result.scenario.adversary.kind}" adversary (G∞ = ${fmt(gInf)})`
  }
}

type GradRow = CheckpointRow & { readonly gradNormSum?: number; readonly gradMaxInf?: number; readonly gradMax2?: number }

/** Per-run recorded statistics (rows that carry gradNormSum and gradMaxInf), for any adversary. */
const fromRows = (rows: readonly CheckpointRow[], dim: number): GradientStats | undefined => {
  const r = rows as readonly GradRow[]
  if (r.length === 0 || !r.every((x) => typeof x.gradNormSum === "number" && typeof x.gradMaxInf === "number")) return undefined
  const last = r[r.length - 1]
  const byT = new Map(r.map((x) => [x.t, x.gradNormSum!]))
  return {
    normSum: (t) => byT.get(t) ?? NaN,
    gInf: last.gradMaxInf!,
    // Without a recorded ‖g‖₂ max, √d·G∞ bounds it.
    g2: last.gradMax2 ?? last.gradMaxInf! * Math.sqrt(dim),
    source: "recorded in the checkpoint rows"
  }
}

type Formula = (t: number, g: GradientStats) => number

/** The bound that applies to this config, if any, with its description. */
const boundFor = (c: LearnerConfig, dInf: number, d2: number, dim: number): { f: Formula; text: string } | undefined => {
  const noExtras = c.weightDecay === 0 && !c.sign && c.epsRoot === 0 && c.initialAccumulator === 0
  // AdaGrad, Duchi et al. 2011 Thm 5 (δ = 0): R_T ≤ (D∞²/(2η) + η)·Σ_i‖g_{1:T,i}‖₂; Reddi's
  // "mean + α/√t" form takes the same steps as Duchi's "sum + constant α".
  const duchiForm =
    (c.secondMoment === "sum" && (c.stepSchedule.kind === "constant" || (c.stepSchedule.kind === "inverse-time" && c.stepSchedule.decay === 0))) ||
    (c.secondMoment === "mean" && c.stepSchedule.kind === "inv-sqrt")
  if (c.kind === "adagrad" && c.momentum === "none" && duchiForm && noExtras && c.eps === 0) {
    const k = (dInf * dInf) / (2 * c.alpha) + c.alpha
    return { f: (t, g) => k * g.normSum(t), text: `(D∞²/(2α)+α)·Σ_i‖g_{1:t,i}‖₂ (Duchi et al. 2011; √2·D∞·Σ_i‖g_{1:t,i}‖₂ at α = D∞/√2)` }
  }
  // OGD with α_t = α/√t, Zinkevich 2003: R_T ≤ D²√T/(2α) + (√T − ½)·α·G² ≤ (D²/(2α) + αG²)·√T.
  if (c.kind === "ogd" && c.momentum === "none" && c.secondMoment === "none" && c.stepSchedule.kind === "inv-sqrt" && noExtras) {
    return { f: (t, g) => (d2 * d2 / (2 * c.alpha) + c.alpha * g.g2 * g.g2) * Math.sqrt(t), text: "(D₂²/(2α)+α·G₂²)·√t (Zinkevich 2003)" }
  }
  // AMSGrad, Reddi et al. Theorem 4 with Corollary 1's β1t = β1·λ^(t−1); with constant β1 the
  // middle term grows like T^{3/2}, so it is drawn only for a decaying β1 (reference §5).
  const gamma = c.beta1 / Math.sqrt(c.beta2)
  if (
    c.amsgrad === "raw" && c.momentum === "ema" && c.secondMoment === "ema" && c.beta2Schedule === "constant" &&
    c.stepSchedule.kind === "inv-sqrt" && c.beta1Schedule.kind === "exponential" && c.beta1Schedule.lambda < 1 &&
    !c.biasCorrection1 && !c.biasCorrection2 && gamma < 1 && c.beta1 < 1 && noExtras
  ) {
    const { alpha, beta1: b1, beta2: b2 } = c
    const lambda = c.beta1Schedule.lambda
    return {
      // √v̂_{T,i} ≤ G∞, so d·G∞ stands in for Σ_i √v̂_{T,i}: still an upper bound.
      f: (t, g) =>
        (dInf * dInf * Math.sqrt(t) / (alpha * (1 - b1))) * dim * g.gInf +
        (b1 * dInf * dInf * dim * g.gInf) / (2 * (1 - b1) * (1 - lambda) ** 2) +
        (alpha * Math.sqrt(1 + Math.log(t)) / ((1 - b1) ** 2 * (1 - gamma) * Math.sqrt(1 - b2))) * g.normSum(t),
      text: "Reddi et al. Thm 4 + Cor. 1 with Σ_i√v̂_{t,i} ≤ d·G∞ (proof disputed by Tran & Phong 2019)"
    }
  }
  return undefined
}

/** Bounds per learner at the learner's own checkpoint rounds (first seed). */
export const computeBounds = (result: ScenarioResult): BoundSet => {
  const { inf, two, dim } = diameters(result.scenario.domain)
  const adversaryStats = fromAdversary(result)
  const points: BoundPoint[] = []
  const notes: string[] = []
  for (const label of learnerLabels(result)) {
    const learner = result.scenario.learners.find((l) => l.label === label)
    const run = result.runs.find((r) => r.learner === label)
    if (!learner || !run) continue
    const b = boundFor(learner.config, inf, two, dim)
    if (!b) continue
    const stats = fromRows(run.rows, dim) ?? adversaryStats
    if (!stats) {
      notes.push(`${label}: bound ${b.text} not drawn (Σ_i‖g_{1:t,i}‖₂ unknown for this adversary)`)
      continue
    }
    for (const row of run.rows) {
      const v = b.f(row.t, stats)
      if (Number.isFinite(v) && v > 0) points.push({ learner: label, t: row.t, bound: v })
    }
    notes.push(`${label} (dashed): ${b.text}; gradients from ${stats.source}`)
  }
  return { points, notes }
}
