// The empirical failure region: a short search in every cell of a grid over the target's fields
// (typically Adam's β1 and β2), each cell asking "is there a certified sequence here, within this
// budget?". A cell searches until its first certificate or its budget of candidates, and a
// certificate counts only after the verification at 10T through the framework's game. Budgets are
// counts of candidates, so a cell's outcome depends on nothing but its spec (not on the machine, the
// load or the number of workers).
import { ConfigError } from "../core/config/error.ts"
import type { LearnerSpec } from "../core/learner/resolve.ts"
import { createEvaluator, type Evaluate } from "./evaluate.ts"
import { periodOf, type FoundAdversary } from "./families.ts"
import { searchSpecOf, type SearchRequest } from "./request.ts"
import { resolveSpec, runSearch } from "./search.ts"
import { verifyFound } from "./verify.ts"

export type RegionValue = number | string | boolean

/** One axis: a field of the learner (beta1, stepSchedule.power) or of the request (horizon, periodMax), and its values. */
export interface RegionAxis {
  readonly name: string
  readonly values: readonly RegionValue[]
}

export interface RegionPlan {
  /** Every cell's request before its axis values are set. */
  readonly request: SearchRequest
  readonly axes: readonly RegionAxis[]
  /** Candidates per cell. */
  readonly evaluations: number
}

export interface RegionCell {
  readonly index: number
  readonly values: Readonly<Record<string, RegionValue>>
  readonly request: SearchRequest
}

export interface CellOutcome {
  readonly index: number
  readonly values: Readonly<Record<string, RegionValue>>
  /** A sequence was certified and the verification at 10T through the game agreed. */
  readonly certified: boolean
  /** Candidates scored. */
  readonly evaluations: number
  /** The candidate at which the first certificate came. */
  readonly firstCertified?: number
  /** The best score's numbers (the certified candidate's when there is one). */
  readonly score: number
  readonly late: number
  readonly ratio: number
  readonly period?: number
  readonly adversary?: FoundAdversary
  /** Normalised R_t/t at T and 10T of the target and the contrast, when verified. */
  readonly certificate?: { readonly targetAtT: number; readonly targetAt10T: number; readonly contrastAtT: number; readonly contrastAt10T: number }
}

/** Request keys an axis may set; any other name is a field of the learner. */
const requestKeys = new Set(["horizon", "gradientBound", "periodMin", "periodMax", "seed"])

const setPath = (obj: Readonly<Record<string, unknown>>, path: readonly string[], value: unknown): Record<string, unknown> => {
  const [head, ...rest] = path
  if (rest.length === 0) return { ...obj, [head]: value }
  const inner = obj[head]
  return { ...obj, [head]: setPath(typeof inner === "object" && inner !== null ? (inner as Record<string, unknown>) : {}, rest, value) }
}

/** The request with one axis value set. */
const withValue = (request: SearchRequest, name: string, value: RegionValue): SearchRequest => {
  const path = name.replace(/^learner\./, "").split(".")
  if (requestKeys.has(name)) return { ...request, [name]: value }
  return { ...request, learner: setPath(request.learner, path, value) as LearnerSpec }
}

/** Every cell of the grid, the last axis varying fastest; each cell's spec is checked here (errors name the cell). */
export const regionCells = (plan: RegionPlan): RegionCell[] => {
  if (plan.axes.length === 0) throw new ConfigError("grid", [], "at least one axis")
  if (!(Number.isInteger(plan.evaluations) && plan.evaluations >= 1)) throw new ConfigError("evaluations", plan.evaluations, "an integer ≥ 1 (candidates per cell)")
  const count = plan.axes.reduce((n, a) => n * a.values.length, 1)
  const cells: RegionCell[] = []
  for (let index = 0; index < count; index++) {
    let rest = index
    const values: Record<string, RegionValue> = {}
    for (let k = plan.axes.length - 1; k >= 0; k--) {
      const a = plan.axes[k]
      values[a.name] = a.values[rest % a.values.length]
      rest = Math.floor(rest / a.values.length)
    }
    const ordered = Object.fromEntries(plan.axes.map((a) => [a.name, values[a.name]]))
    const request = plan.axes.reduce((r, a) => withValue(r, a.name, ordered[a.name]), plan.request)
    try {
      resolveSpec(searchSpecOf(request))
    } catch (e) {
      if (e instanceof ConfigError) throw new ConfigError(`grid cell ${JSON.stringify(ordered)}: ${e.path}`, e.value, e.expected)
      throw e
    }
    cells.push({ index, values: ordered, request })
  }
  return cells
}

/** One cell: search until the first certificate or the budget, then verify at 10T through the game. */
export const runRegionCell = (plan: Pick<RegionPlan, "evaluations">, cell: RegionCell, evaluate: Evaluate = createEvaluator()): CellOutcome => {
  const spec = searchSpecOf(cell.request)
  const result = runSearch(spec, evaluate, { until: (p) => p.bestCertified !== undefined || p.evaluations >= plan.evaluations })
  const base = { index: cell.index, values: cell.values, evaluations: result.evaluations }
  const first = result.firstCertified
  if (first !== undefined) {
    const v = verifyFound(spec, first, evaluate)
    const c = v.certificate
    return {
      ...base, certified: v.certified, firstCertified: first.evaluation,
      score: first.score.value, late: first.score.late, ratio: first.score.ratio, period: periodOf(first.adversary), adversary: first.adversary,
      certificate: { targetAtT: c.target.atT, targetAt10T: c.target.at10T, contrastAtT: c.contrast.atT, contrastAt10T: c.contrast.at10T }
    }
  }
  const best = result.best
  return {
    ...base, certified: false,
    score: best?.score.value ?? NaN, late: best?.score.late ?? NaN, ratio: best?.score.ratio ?? NaN,
    ...(best !== undefined ? { period: periodOf(best.adversary), adversary: best.adversary } : {})
  }
}
