// Splits a report chart spec into its structure and what changes from run to run, so a redraw can
// feed new data to the live vega view instead of building a new one: every inline `data.values` array
// becomes a named dataset; the top-level title and subtitle, explicit scale domains and explicit
// axis tick values (which follow the data: Γ's symlog range and its decade ticks) become signals;
// the spec's own params (the learner → hyperparameter table) keep their names. Two specs with the
// same structure key differ only in those values. Pure (no DOM), so it is tested in Node.
type Json = Record<string, unknown>

export interface SplitSpec {
  /** The spec to embed: named data (with the first values as `datasets`), title and subtitle from signals. */
  readonly spec: Json
  /** Identical for two specs that differ only in data, title text, scale domains, axis tick values and param values. */
  readonly structure: string
  /** Dataset name → rows. */
  readonly datasets: Readonly<Record<string, readonly unknown[]>>
  /** Signal name → value (params, title, subtitle, scale domains, axis tick values). */
  readonly signals: Readonly<Record<string, unknown>>
}

const TITLE = "pg_title"
const SUBTITLE = "pg_subtitle"

const isRecord = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v)

/**
 * `tooltips: false` drops the hover tooltips' encodings: vega re-encodes every point of a chart
 * whose scale moved, and formatting the tooltip text of every point is most of a redraw's cost.
 * `aria: false` drops the ARIA description Vega-Lite formats for every point (text a screen reader
 * finds only in SVG output; a canvas has none), the next largest cost.
 */
export const splitSpec = (original: object, options: { readonly tooltips?: boolean; readonly aria?: boolean } = {}): SplitSpec => {
  const tooltips = options.tooltips ?? true
  const datasets: Record<string, readonly unknown[]> = {}
  const signals: Record<string, unknown> = {}
  const extracted: Json[] = []
  let n = 0
  let e = 0
  const byValue = new Map<string, string>()
  const byArray = new Map<unknown[], string>()
  /**
   * `record[field]`, an array, read from a signal instead (the record is a scale or an axis). Equal
   * values share one signal: layers that share a scale must name the same domain, or Vega-Lite
   * warns of a conflict and takes the union.
   */
  const fromSignal = (record: Json, field: string): Json => {
    const key = `${field}:${JSON.stringify(record[field])}`
    let name = byValue.get(key)
    if (name === undefined) {
      name = `pg_expr_${e++}`
      byValue.set(key, name)
      signals[name] = record[field]
      extracted.push({ name, value: null })
    }
    return { ...(walk({ ...record, [field]: null }) as Json), [field]: { expr: name } }
  }
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk)
    if (!isRecord(node)) return node
    const out: Json = {}
    for (const [k, v] of Object.entries(node)) {
      if (k === "data" && isRecord(v) && Array.isArray(v.values)) {
        // Layers drawing the same rows (a line and its band) share one dataset: the page sends and
        // vega ingests those rows once.
        let name = byArray.get(v.values)
        if (name === undefined) {
          name = `pg_data_${n++}`
          byArray.set(v.values, name)
          datasets[name] = v.values
        }
        const { values: _values, ...rest } = v
        out[k] = { ...rest, name }
      } else if (k === "tooltip" && !tooltips) continue
      else if (k === "scale" && isRecord(v) && Array.isArray(v.domain)) out[k] = fromSignal(v, "domain")
      else if (k === "axis" && isRecord(v) && Array.isArray(v.values)) out[k] = fromSignal(v, "values")
      else out[k] = walk(v)
    }
    return out
  }
  const spec = walk(original) as Json
  if (options.aria === false) spec.config = { ...(isRecord(spec.config) ? spec.config : {}), aria: false }
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
  kept.push(...extracted)
  if (kept.length > 0) spec.params = kept
  const structure = JSON.stringify(spec)
  // The embedded spec starts with the current values, so the first draw needs no update.
  const first = { ...spec, datasets, ...(kept.length > 0 ? { params: kept.map((p) => (typeof p.name === "string" && p.name in signals ? { ...p, value: signals[p.name] } : p)) } : {}) }
  return { spec: first, structure, datasets, signals }
}
