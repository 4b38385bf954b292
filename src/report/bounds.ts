// Theoretical regret bounds to draw beside R_t. Which theorem covers which learner config is the
// core's answer (src/core/theory); this file finds the numbers a bound needs in a ScenarioResult:
// Σ_i‖g_{1:t,i}‖₂ and G∞ from the checkpoint rows when a run records them, or from the closed form
// of a listed linear adversary. Otherwise no bound is drawn and the chart text says so.
import { familyOf } from "../core/adversary/index.ts"
import { domainDiameters, domainDim } from "../core/domain/index.ts"
import { boundsFor } from "../core/theory/index.ts"
import type { CheckpointRow } from "../core/types.ts"
import type { AdversaryConfig, ScenarioResult } from "../scenario/types.ts"
import { theorem2C } from "../core/adversary/theorem2.ts"
import { fmt } from "./format.ts"
import { mathText } from "./math-text.ts"
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
  const dim = domainDim(result.scenario.domain)
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
    source: "the run's recorded gradient statistics"
  }
}

/** Bounds per learner at the learner's own checkpoint rounds (first seed). */
export const computeBounds = (result: ScenarioResult): BoundSet => {
  const domain = result.scenario.domain
  const { inf, two } = domainDiameters(domain)
  const dim = domainDim(domain)
  const adversaryStats = fromAdversary(result)
  const lossFamily = result.scenario.createAdversary === undefined ? familyOf(result.scenario.adversary) : "unknown"
  const points: BoundPoint[] = []
  const notes: string[] = []
  for (const label of learnerLabels(result)) {
    const learner = result.scenario.learners.find((l) => l.label === label)
    const run = result.runs.find((r) => r.learner === label)
    if (!learner || !run) continue
    const b = boundsFor(learner.config, domain)[0]
    if (!b) continue
    const stats = fromRows(run.rows, dim) ?? adversaryStats
    if (!stats) {
      notes.push(`${label}: bound ${mathText(b.text)} not drawn (Σᵢ‖g₁:ₜ,ᵢ‖₂ unknown for this adversary)`)
      continue
    }
    const inputs = (t: number) => ({ t, normSum: stats.normSum(t), gInf: stats.gInf, g2: stats.g2, dInf: inf, d2: two, dim, start: result.scenario.start, lossFamily })
    const missing = b.requires?.(learner.config, inputs(run.rows.at(-1)?.t ?? 1))
    if (missing !== undefined) {
      notes.push(`${label}: bound ${mathText(b.text)} not drawn (${mathText(missing)})`)
      continue
    }
    for (const row of run.rows) {
      const v = b.bound(learner.config, inputs(row.t))
      if (Number.isFinite(v) && v > 0) points.push({ learner: label, t: row.t, bound: v })
    }
    notes.push(`${label}: ${mathText(b.text)}; ‖g‖ from ${stats.source}`)
  }
  return { points, notes }
}
