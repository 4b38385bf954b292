// Splits a report chart spec into its structure and what changes from run to run, so a redraw can
// feed new data to the live vega view instead of building a new one: every inline `data.values`
// becomes a named dataset, the top-level title and subtitle become signals, and the spec's own
// params (the learner → hyperparameter table) keep their names. Two specs with the same
// structure key differ only in those values. Pure (no DOM), so it is tested in Node.
type Json = Record<string, unknown>

export interface SplitSpec {
  /** The spec to embed: named data (with the first values as `datasets`), title and subtitle from signals. */
  readonly spec: Json
  /** Identical for two specs that differ only in data, title text and param values. */
  readonly structure: string
  /** Dataset name → rows. */
  readonly datasets: Readonly<Record<string, readonly unknown[]>>
  /** Signal name → value (params, title, subtitle). */
  readonly signals: Readonly<Record<string, unknown>>
}

const TITLE = "pg_title"
const SUBTITLE = "pg_subtitle"

const isRecord = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v)

/**
 * `tooltips: false` drops the hover tooltips' encodings: vega re-encodes every point of a chart
 * whose scale moved, and formatting the tooltip text of every point is most of a redraw's cost.
 */
export const splitSpec = (original: object, options: { readonly tooltips?: boolean } = {}): SplitSpec => {
  const tooltips = options.tooltips ?? true
  const datasets: Record<string, readonly unknown[]> = {}
  let n = 0
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk)
    if (!isRecord(node)) return node
    const out: Json = {}
    for (const [k, v] of Object.entries(node)) {
      if (k === "data" && isRecord(v) && Array.isArray(v.values)) {
        const name = `pg_data_${n++}`
        datasets[name] = v.values
        const { values: _values, ...rest } = v
        out[k] = { ...rest, name }
      } else if (k === "tooltip" && !tooltips) continue
      else out[k] = walk(v)
    }
    return out
  }
  const spec = walk(original) as Json
  const signals: Record<string, unknown> = {}
  const params = Array.isArray(spec.params) ? (spec.params as Json[]) : []
  const kept = params.map((p) => {
    if (typeof p.name === "string" && "value" in p) {
      signals[p.name] = p.value
      return { ...p, value: null }
    }
    return p
  })
  if (isRecord(spec.title)) {
    const { text, subtitle, ...rest } = spec.title
    signals[TITLE] = text ?? ""
    signals[SUBTITLE] = subtitle ?? []
    spec.title = { ...rest, text: { expr: TITLE }, subtitle: { expr: SUBTITLE } }
    kept.push({ name: TITLE, value: null }, { name: SUBTITLE, value: null })
  }
  if (kept.length > 0) spec.params = kept
  const structure = JSON.stringify(spec)
  // The embedded spec starts with the current values, so the first draw needs no update.
  const first = { ...spec, datasets, ...(kept.length > 0 ? { params: kept.map((p) => (typeof p.name === "string" && p.name in signals ? { ...p, value: signals[p.name] } : p)) } : {}) }
  return { spec: first, structure, datasets, signals }
}
