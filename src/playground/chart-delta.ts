// What the worker sends for each chart: the whole split spec the first time (or when the chart's
// structure changed), otherwise only the learners whose rows changed and the signals whose values
// changed. Diffing here, where the rows are built, spares the page a re-split and a stringify of
// every learner's rows, and the structured clone of rows it already holds. Pure (no DOM, no worker
// scope), so it is tested in Node.
import { splitSpec, type SplitSpec } from "./chart-data.ts"
import type { ChartOptions, ChartUpdate, RowsByLearner } from "./protocol.ts"

/** The group a row belongs to: its learner, or "" for rows of no learner (one group). */
export const learnerOf = (row: unknown): string => {
  const learner = (row as { learner?: unknown } | null)?.learner
  return typeof learner === "string" ? learner : ""
}

/** Rows grouped by learner, in first-seen order, each group in row order. */
export const groupRows = (rows: readonly unknown[]): Map<string, unknown[]> => {
  const groups = new Map<string, unknown[]>()
  for (const r of rows) {
    const key = learnerOf(r)
    const list = groups.get(key)
    if (list) list.push(r)
    else groups.set(key, [r])
  }
  return groups
}

/** Deep equality of plain data (numbers by Object.is, so -0 and NaN count as values). */
export const sameData = (a: unknown, b: unknown): boolean => {
  if (Object.is(a, b)) return true
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false
    return true
  }
  if (Array.isArray(b)) return false
  const ka = Object.keys(a)
  if (ka.length !== Object.keys(b).length) return false
  for (const k of ka) if (!(k in b) || !sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false
  return true
}

/** What a page holds for one chart after the updates sent so far. */
export interface Sent {
  readonly structure: string
  /** Dataset name → learner → rows. */
  readonly datasets: ReadonlyMap<string, ReadonlyMap<string, readonly unknown[]>>
  /** Signal name → value. */
  readonly signals: ReadonlyMap<string, unknown>
}

const sentOf = (split: SplitSpec): Sent => ({
  structure: split.structure,
  datasets: new Map(Object.entries(split.datasets).map(([name, rows]) => [name, groupRows(rows)])),
  signals: new Map(Object.entries(split.signals))
})

/**
 * The update that takes a page holding `before` (nothing: undefined) to `split`, and what the page
 * holds after it.
 */
export const chartUpdate = (before: Sent | undefined, name: string, title: string, split: SplitSpec): { update: ChartUpdate; after: Sent } => {
  const after = sentOf(split)
  if (before === undefined || before.structure !== after.structure) {
    return { update: { kind: "full", name, title, spec: split.spec, datasets: Object.keys(split.datasets) }, after }
  }
  const datasets: Record<string, RowsByLearner> = {}
  for (const [dataset, groups] of after.datasets) {
    // Same structure, so the same dataset names.
    const old = before.datasets.get(dataset) ?? new Map<string, readonly unknown[]>()
    const changed: Record<string, readonly unknown[]> = {}
    let any = false
    for (const [learner, rows] of groups) {
      if (sameData(old.get(learner), rows)) continue
      changed[learner] = rows
      any = true
    }
    for (const learner of old.keys()) {
      if (groups.has(learner)) continue
      changed[learner] = []
      any = true
    }
    if (any) datasets[dataset] = changed
  }
  const signals: Record<string, unknown> = {}
  for (const [signal, value] of after.signals) if (!sameData(before.signals.get(signal), value)) signals[signal] = value
  return { update: { kind: "delta", name, title, datasets, signals }, after }
}

/** The worker's record of what it sent per chart; forgetting a chart makes its next update full. */
export class SentCharts {
  private readonly charts = new Map<string, Sent>()

  /** Forget everything: every chart's next update is full. */
  reset(): void {
    this.charts.clear()
  }

  /** Splits `spec` for the page and returns the update to send; remembers it as sent. */
  update(name: string, title: string, spec: object, options: ChartOptions): ChartUpdate {
    const { update, after } = chartUpdate(this.charts.get(name), name, title, splitSpec(spec, options))
    this.charts.set(name, after)
    return update
  }
}

/**
 * `update` applied to `held` as the page applies it to a live view: a full update replaces
 * everything; a delta removes every row of each named learner, then inserts the new rows, and
 * sets the changed signals. The reference the tests hold the page's handling to.
 */
export const applyUpdate = (held: Sent | undefined, update: ChartUpdate, structure: string): Sent => {
  if (update.kind === "full") {
    const spec = update.spec as { datasets?: Record<string, unknown[]>; params?: { name?: unknown; value?: unknown }[] }
    const signals = new Map<string, unknown>()
    for (const p of spec.params ?? []) if (typeof p.name === "string" && "value" in p) signals.set(p.name, p.value)
    return { structure, datasets: new Map(update.datasets.map((d) => [d, groupRows(spec.datasets?.[d] ?? [])])), signals }
  }
  if (held === undefined) throw new Error(`chart ${update.name}: a delta with nothing to apply it to`)
  const datasets = new Map([...held.datasets].map(([d, groups]) => [d, new Map([...groups].map(([l, rows]) => [l, [...rows]]))]))
  for (const [d, changed] of Object.entries(update.datasets)) {
    const groups = datasets.get(d)
    if (groups === undefined) throw new Error(`chart ${update.name}: no dataset ${d}`)
    for (const [learner, rows] of Object.entries(changed)) {
      groups.delete(learner)
      for (const r of rows) {
        const list = groups.get(learnerOf(r))
        if (list) list.push(r)
        else groups.set(learnerOf(r), [r])
      }
    }
  }
  const signals = new Map(held.signals)
  for (const [s, v] of Object.entries(update.signals)) signals.set(s, v)
  return { structure: held.structure, datasets, signals }
}
