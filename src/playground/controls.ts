// The playground's controls, derived from the registries' field tables and nothing else: a slider
// for a bounded number, a number box (with a log-scale slider for unbounded positive ones) for the
// rest, a select for an enum, a checkbox for a boolean, a sub-form for a variant, a JSON box for
// vectors and points. A kind added to a registry gets its controls with no change here. Each
// control carries the `--set` key its edits write, so a control, the URL and the command agree.
import { defaultOf, type Field, type Fields, type NumberField } from "../core/config/fields.ts"
import { adversaryKinds } from "../core/adversary/registry.ts"
import { domainKinds } from "../core/domain/registry.ts"
import { learnerKinds } from "../core/learner/registry.ts"

interface Base {
  /** The `--set` key an edit writes (e.g. `learners.adam.beta2`). */
  readonly key: string
  readonly label: string
  readonly doc: string
}

export interface NumberControl extends Base {
  readonly kind: "number"
  readonly value: number | undefined
  readonly spec: Omit<NumberField, "type" | "doc">
  /** A linear slider over the field's range (both bounds finite). */
  readonly slider?: { readonly min: number; readonly max: number; readonly step: number }
  /** A slider over log10 of the value (unbounded above, nonnegative): exponents lo … hi. */
  readonly logSlider?: { readonly lo: number; readonly hi: number }
}

export interface SelectControl extends Base {
  readonly kind: "select"
  readonly value: string | undefined
  readonly options: readonly string[]
}

export interface CheckboxControl extends Base {
  readonly kind: "checkbox"
  readonly value: boolean
}

/** Free text (a name) or a JSON value (a vector, a point, a list), applied when committed. */
export interface TextControl extends Base {
  readonly kind: "text"
  readonly value: unknown
  readonly json: boolean
}

/** A variant: which kind (a select) and that kind's own fields. */
export interface VariantControl extends Base {
  readonly kind: "variant"
  readonly value: string
  readonly options: readonly string[]
  /** The whole object each option starts from when chosen. */
  readonly initial: Readonly<Record<string, Record<string, unknown>>>
  readonly fields: readonly Control[]
}

/** Nested adversaries (switching, mixture): one group of controls per part. */
export interface GroupControl extends Base {
  readonly kind: "group"
  readonly parts: readonly ComponentControls[]
}

export type Control = NumberControl | SelectControl | CheckboxControl | TextControl | VariantControl | GroupControl

/** A component (learner, adversary, domain): its kind select, optional preset select, its fields. */
export interface ComponentControls {
  /** The `--set` key of the whole component (e.g. `learners.adam`, `adversary`). */
  readonly key: string
  readonly title: string
  readonly kind: SelectControl
  readonly preset?: SelectControl
  readonly fields: readonly Control[]
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v)

/** Variants that need a function (TypeScript only) cannot be set from a page or the command line. */
const settable = (fields: Fields): boolean => Object.values(fields).every((f) => f.type !== "function")

/** A value a required field may start from when its component or variant is switched to. */
export const initialValue = (field: Field): unknown => {
  const d = defaultOf(field)
  if (d !== undefined) return d
  switch (field.type) {
    case "number": {
      const lo = field.min, hi = field.max
      let v: number
      if (lo !== undefined && hi !== undefined && Number.isFinite(hi)) v = (lo + hi) / 2
      else if (lo !== undefined) v = field.minOpen ? lo + 1 : lo
      else if (hi !== undefined && Number.isFinite(hi)) v = field.maxOpen ? hi - 1 : hi
      else v = 1
      return field.integer ? Math.ceil(v) : v
    }
    case "boolean": return false
    case "enum": return field.values[0]
    case "text": return "custom"
    case "variant": {
      const [first] = Object.entries(field.variants).filter(([, fs]) => settable(fs))
      return first === undefined ? undefined : { kind: first[0], ...initialRecord(first[1]) }
    }
    case "vector": return 0
    case "vectors": return [0]
    case "numbers": return []
    case "point": return [0]
    case "adversaries": {
      // One part: the first registered kind, at its initial values.
      const [first] = adversaryKinds.values()
      return first === undefined ? [] : [{ kind: first.kind, ...initialRecord(first.params) }]
    }
    case "function": return undefined
  }
}

/** The required fields of a table with their initial values (optional and defaulted ones left out). */
export const initialRecord = (fields: Fields): Record<string, unknown> => {
  const out: Record<string, unknown> = {}
  for (const [name, field] of Object.entries(fields)) {
    if (field.optional || defaultOf(field) !== undefined || field.type === "function") continue
    out[name] = initialValue(field)
  }
  return out
}

const STEPS = 1000

/** A slider step: a power of ten giving about a thousand steps over the range (1 for integers). */
export const sliderStep = (min: number, max: number, integer?: boolean): number =>
  integer ? Math.max(1, 10 ** Math.floor(Math.log10((max - min) / STEPS))) : 10 ** Math.floor(Math.log10((max - min) / STEPS))

/** Exponent range of a log slider around a value: three decades either side of its own. */
export const logRange = (value: number | undefined, min?: number): { lo: number; hi: number } => {
  const centre = value !== undefined && value > 0 ? Math.floor(Math.log10(value)) : -6
  const lo = Math.max(centre - 3, min !== undefined && min > 0 ? Math.ceil(Math.log10(min) * 100) / 100 : -Infinity)
  return { lo, hi: Math.max(lo + 1, centre + 3) }
}

/**
 * The value at a log slider's exponent: 10^e with three significant digits (two for integers, so
 * a horizon moves in round numbers), within the field's range.
 */
export const logValue = (exponent: number, spec: Omit<NumberField, "type" | "doc">): number => {
  const raw = 10 ** exponent
  let v = Number(raw.toPrecision(spec.integer ? 2 : 3))
  if (spec.integer) v = Math.max(1, Math.round(v))
  if (spec.min !== undefined && (spec.minOpen ? v <= spec.min : v < spec.min)) v = spec.min + (spec.integer ? 1 : 0)
  return v
}

const numberControl = (key: string, label: string, field: NumberField, value: unknown): NumberControl => {
  const v = typeof value === "number" ? value : undefined
  const { type: _t, doc, ...spec } = field
  const base = { kind: "number" as const, key, label, doc, value: v, spec }
  if (field.min !== undefined && field.max !== undefined && Number.isFinite(field.max)) {
    const step = sliderStep(field.min, field.max, field.integer)
    return { ...base, slider: { min: field.minOpen ? field.min + step : field.min, max: field.maxOpen ? field.max - step : field.max, step } }
  }
  if (field.min !== undefined && field.min >= 0 && (field.max === undefined || field.max === Infinity)) {
    return { ...base, logSlider: logRange(v, field.minOpen ? field.min : undefined) }
  }
  return base
}

/** The controls of one fields table, for the values a resolved config has, under a `--set` prefix. */
export const controlsFor = (fields: Fields, values: Readonly<Record<string, unknown>>, prefix: string): Control[] => {
  const out: Control[] = []
  for (const [name, field] of Object.entries(fields)) {
    const key = `${prefix}.${name}`
    const value = values[name]
    switch (field.type) {
      case "number": out.push(numberControl(key, name, field, value)); break
      case "boolean": out.push({ kind: "checkbox", key, label: name, doc: field.doc, value: value === true }); break
      case "enum": out.push({ kind: "select", key, label: name, doc: field.doc, value: typeof value === "string" ? value : undefined, options: field.values }); break
      case "text": out.push({ kind: "text", key, label: name, doc: field.doc, value: value ?? "", json: false }); break
      case "function": break // a TypeScript scenario's function: not data, nothing to set
      case "variant": {
        const options = Object.entries(field.variants).filter(([, fs]) => settable(fs)).map(([k]) => k)
        const current = isRecord(value) && typeof value.kind === "string" ? value : (initialValue(field) as Record<string, unknown>)
        const kind = current.kind as string
        const variantFields = field.variants[kind] ?? {}
        out.push({
          kind: "variant", key, label: name, doc: field.doc, value: kind,
          options: options.includes(kind) ? options : [...options, kind],
          initial: Object.fromEntries(options.map((k) => [k, { kind: k, ...initialRecord(field.variants[k]) }])),
          fields: controlsFor(variantFields, current, key)
        })
        break
      }
      case "adversaries": {
        const parts = Array.isArray(value) ? value : []
        out.push({ kind: "group", key, label: name, doc: field.doc, parts: parts.map((p, i) => adversaryControls(p, `${key}.${i}`, `part ${i}`)) })
        break
      }
      default: out.push({ kind: "text", key, label: name, doc: field.doc, value, json: true })
    }
  }
  return out
}

const kindSelect = (key: string, doc: string, value: string, options: readonly string[]): SelectControl =>
  ({ kind: "select", key, label: "kind", doc, value, options: options.includes(value) ? options : [...options, value] })

/** `learners.<label>`, or `learners.<index>` when the label would not survive the dotted key. */
export const learnerKey = (label: string, index: number): string =>
  /^[^.=\s]+$/.test(label) && !/^\d+$/.test(label) ? `learners.${label}` : `learners.${index}`

/** A learner's kind, preset and every field of its kind's table. */
export const learnerControls = (label: string, index: number, config: Readonly<Record<string, unknown>>): ComponentControls => {
  const key = learnerKey(label, index)
  const kind = String(config.kind)
  const entry = learnerKinds.get(kind)
  const presets = entry === undefined ? [] : Object.keys(entry.presets)
  return {
    key,
    title: label,
    kind: kindSelect(`${key}.kind`, "The update rule (regretlab list shows every kind with its presets).", kind, [...learnerKinds.keys()]),
    preset: { kind: "select", key: `${key}.preset`, label: "preset", doc: "A published convention; every field below starts from it.", value: String(config.preset), options: presets },
    fields: entry === undefined ? [] : controlsFor(entry.fields, config, key)
  }
}

/** An adversary's kind and its parameters (nested parts recursively). */
export const adversaryControls = (config: unknown, key = "adversary", title = "adversary"): ComponentControls => {
  const c = isRecord(config) ? config : {}
  const kind = String(c.kind)
  const entry = adversaryKinds.get(kind)
  return {
    key,
    title,
    kind: kindSelect(`${key}.kind`, entry === undefined ? "The adversary kind." : `${entry.title} (${entry.citation}).`, kind, [...adversaryKinds.keys()]),
    fields: entry === undefined ? [] : controlsFor(entry.params, c, key)
  }
}

export const domainControls = (config: unknown): ComponentControls => {
  const c = isRecord(config) ? config : {}
  const kind = String(c.kind)
  const entry = domainKinds.get(kind)
  return {
    key: "domain",
    title: "domain",
    kind: kindSelect("domain.kind", "The feasible set F.", kind, [...domainKinds.keys()]),
    fields: entry === undefined ? [] : controlsFor(entry.fields, c, "domain")
  }
}

/** What a learner becomes when its kind or preset is switched: that preset as published. */
export const switchedLearner = (label: string, kind: string, preset: string | undefined): Record<string, unknown> => {
  const entry = learnerKinds.get(kind)
  const presets = entry === undefined ? [] : Object.keys(entry.presets)
  return { label, kind, preset: preset !== undefined && presets.includes(preset) ? preset : presets[0] }
}

/** What an adversary or domain becomes when its kind is switched: the kind's required fields at initial values. */
export const switchedComponent = (registry: "adversary" | "domain", kind: string): Record<string, unknown> => {
  const fields = registry === "adversary" ? adversaryKinds.get(kind)?.params : domainKinds.get(kind)?.fields
  return { kind, ...(fields === undefined ? {} : initialRecord(fields)) }
}

/** The scenario-level settings (not in a registry): horizon, start point, seeds, checkpoint density. */
export const scenarioFields = {
  horizon: { type: "number", doc: "T, the rounds of each run.", min: 1, integer: true },
  start: { type: "point", doc: "x_1, inside the domain, one number per coordinate." },
  seeds: { type: "numbers", doc: "N (seeds 1…N) or a list of seeds: every learner faces the same sequence per seed.", min: 0, integer: true },
  perDecade: { type: "number", doc: "Checkpoints per decade: every round ≤ 10 is recorded, then this many per decade (log-spaced), and T.", min: 1, integer: true }
} as const satisfies Fields

/** Controls for the scenario-level settings. */
export const runControls = (s: { readonly horizon: number; readonly start: readonly number[]; readonly seeds: readonly number[]; readonly checkpoints: { readonly perDecade: number } }): Control[] => [
  numberControl("horizon", "horizon", scenarioFields.horizon, s.horizon),
  { kind: "text", key: "start", label: "start", doc: scenarioFields.start.doc, value: s.start, json: true },
  { kind: "text", key: "seeds", label: "seeds", doc: scenarioFields.seeds.doc, value: s.seeds, json: true },
  numberControl("checkpoints.perDecade", "perDecade", scenarioFields.perDecade, s.checkpoints.perDecade)
]

/**
 * The value a JSON box holds: JSON when it parses, a comma-separated list of numbers as an array,
 * else the text itself (validation then says what was expected).
 */
export const parseBoxValue = (text: string): unknown => {
  const t = text.trim()
  try {
    return JSON.parse(t)
  } catch {
    if (/^[-+0-9.eE\s]+(,[-+0-9.eE\s]+)+,?$/.test(t)) {
      const items = t.split(",").map((x) => x.trim()).filter((x) => x !== "")
      if (items.every((x) => Number.isFinite(Number(x)))) return items.map(Number)
    }
    return t
  }
}

/** How a JSON box shows a value: as JSON (numbers in full precision), a bare string as itself. */
export const showBoxValue = (value: unknown): string => (typeof value === "string" ? value : JSON.stringify(value) ?? "")
