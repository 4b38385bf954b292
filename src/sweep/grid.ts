// Grid axes: `field=values` where values is a list (`0.9,0.99,0.999`), an evenly spaced range
// (`0:0.95:20`, 20 points including both ends), a log-spaced range (`1e-3:1:4:log`), or a range
// evenly spaced in log(1 − v) (`0.9:0.9999:4:log1m` = 0.9, 0.99, 0.999, 0.9999, the natural
// spacing for β2). Several fields joined by `+` move together (`adversary.C+adversary.period=3,5,10`).
// List items are JSON when they parse (numbers, true, "x"), else strings.
import { UserError } from "../core/config/error.ts"
import { formatKeyPath, parseKeyPath, splitAssignment, splitTied } from "../scenario/key-path.ts"

export type GridValue = number | string | boolean

export interface Axis {
  /** As written: one field, or several joined by "+" that take the same value. */
  readonly name: string
  readonly fields: readonly string[]
  readonly values: readonly GridValue[]
}

/** A --grid value that cannot be read. */
export class GridError extends UserError {
  override readonly name = "GridError"
}

/** Range points rounded to 12 significant digits, so 0:0.95:20 gives 0.05, not 0.05000000000000001. */
const tidy = (v: number): number => (v === 0 ? 0 : Number(v.toPrecision(12)))

const parseNumber = (text: string, what: string, where: string): number => {
  const n = text.trim() === "" ? NaN : Number(text.trim())
  if (!Number.isFinite(n)) throw new GridError(`${where}: ${what} must be a finite number, got ${JSON.stringify(text)}`)
  return n
}

const parseItem = (text: string): GridValue => {
  const t = text.trim()
  try {
    const v: unknown = JSON.parse(t)
    if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v
  } catch {
    /* a bare word */
  }
  return t
}

const RANGE = /^([^:,]+):([^:,]+):([^:,]+)(?::(log|log1m|lin))?$/

/** The values of one axis from its text (the part after `=`). */
export const parseValues = (text: string, where = "--grid"): GridValue[] => {
  const t = text.trim()
  if (t === "") throw new GridError(`${where}: no values; give a list (0.9,0.99) or a range (0:0.95:20, 1e-3:1:4:log, 0.9:0.9999:4:log1m)`)
  const m = RANGE.exec(t)
  if (m !== null) {
    const a = parseNumber(m[1], "the range start", where)
    const b = parseNumber(m[2], "the range end", where)
    const nText = m[3].trim()
    const n = /^\d+$/.test(nText) ? Number(nText) : NaN
    if (!Number.isSafeInteger(n) || n < 1) throw new GridError(`${where}: the number of points must be an integer ≥ 1, got ${JSON.stringify(m[3])}`)
    const kind = m[4] ?? "lin"
    if (n === 1) return [tidy(a)]
    const out: number[] = []
    for (let i = 0; i < n; i++) {
      const f = i / (n - 1)
      if (kind === "lin") out.push(a + (b - a) * f)
      else if (kind === "log") {
        if (!(a > 0 && b > 0)) throw new GridError(`${where}: a log range needs positive ends, got ${a} and ${b}`)
        out.push(Math.exp(Math.log(a) + (Math.log(b) - Math.log(a)) * f))
      } else {
        if (!(a < 1 && b < 1)) throw new GridError(`${where}: a log1m range needs ends below 1, got ${a} and ${b}`)
        out.push(1 - Math.exp(Math.log(1 - a) + (Math.log(1 - b) - Math.log(1 - a)) * f))
      }
    }
    // The ends exactly as written, the inside tidied.
    return out.map((v, i) => (i === 0 ? a : i === n - 1 ? b : tidy(v)))
  }
  const items = t.split(",")
  if (items.some((s) => s.trim() === "")) throw new GridError(`${where}: empty item in the list ${JSON.stringify(text)}`)
  return items.map(parseItem)
}

/** The fields of an axis name (tied with "+"), each in its canonical key form (see key-path.ts). */
export const parseFields = (name: string, where = "--grid"): string[] => {
  const fields = splitTied(name).map((f) => {
    const segments = parseKeyPath(f)
    if (segments === undefined) {
      throw new GridError(`${where}: ${JSON.stringify(f)} is not a field path; expected e.g. learners.adam.beta2 or adversary.C (a label holding ".", "=", "+", brackets or quotes is written learners["a=b"].beta2)`)
    }
    return formatKeyPath(segments)
  })
  if (new Set(fields).size !== fields.length) throw new GridError(`${where}: a field appears twice in ${JSON.stringify(name)}`)
  return fields
}

/** One `--grid field=values` flag. */
export const parseGridFlag = (text: string): Axis => {
  const assignment = splitAssignment(text)
  if (assignment === undefined) throw new GridError(`--grid: expected field=values (e.g. learners.adam.beta2=0.9,0.99,0.999 or adversary.C=2:20:10), got ${JSON.stringify(text)}`)
  const where = `--grid ${assignment.key}`
  return makeAxis(assignment.key, parseValues(assignment.value, where), where)
}

export const makeAxis = (name: string, values: readonly GridValue[], where = `grid.${name}`): Axis => {
  const fields = parseFields(name, where)
  if (values.length === 0) throw new GridError(`${where}: no values`)
  const seen = new Set(values.map((v) => JSON.stringify(v)))
  if (seen.size !== values.length) throw new GridError(`${where}: repeated values in ${JSON.stringify(values)}`)
  return { name: fields.join("+"), fields, values: [...values] }
}

/** Later axes replace earlier ones with the same name (a --grid flag over a sweep file's grid). */
export const mergeAxes = (base: readonly Axis[], extra: readonly Axis[]): Axis[] => {
  const out = [...base]
  for (const a of extra) {
    const i = out.findIndex((b) => b.name === a.name)
    if (i >= 0) out[i] = a
    else out.push(a)
  }
  const fields = out.flatMap((a) => a.fields)
  const dup = fields.find((f, i) => fields.indexOf(f) !== i)
  if (dup !== undefined) throw new GridError(`--grid: the field ${dup} is on two axes`)
  return out
}

/** Number of grid points (the product of the axis lengths; 1 for no axes). */
export const pointCount = (axes: readonly Axis[]): number => axes.reduce((n, a) => n * a.values.length, 1)

/** Value indices of point p, the last axis varying fastest. */
export const pointIndices = (axes: readonly Axis[], p: number): number[] => {
  const idx = new Array<number>(axes.length)
  for (let k = axes.length - 1; k >= 0; k--) {
    const n = axes[k].values.length
    idx[k] = p % n
    p = Math.floor(p / n)
  }
  return idx
}

/** `key=value` overrides (values as JSON) that put the scenario at grid point p. */
export const pointOverrides = (axes: readonly Axis[], p: number): string[] => {
  const idx = pointIndices(axes, p)
  return axes.flatMap((a, k) => a.fields.map((f) => `${f}=${JSON.stringify(a.values[idx[k]])}`))
}

export const pointValues = (axes: readonly Axis[], p: number): Record<string, GridValue> => {
  const idx = pointIndices(axes, p)
  return Object.fromEntries(axes.map((a, k) => [a.name, a.values[idx[k]]]))
}
