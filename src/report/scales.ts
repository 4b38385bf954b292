// Picks the y scale from the data: log where values are positive and span decades, symlog where
// they also cross zero (regret can be negative early on, Γ_t changes sign), linear otherwise. The
// axis title names the choice so a reader never mistakes a log axis for a linear one, and tick
// labels use one d3-format specifier (",~r": plain decimals with thousands separators and a true
// minus sign, never "1e+1" beside "0.001").

export interface ScaleChoice {
  readonly scale: { readonly type: "linear" | "log" | "symlog"; readonly constant?: number; readonly zero?: boolean; readonly domain?: readonly [number, number]; readonly nice?: boolean }
  /** Words for the axis title, e.g. "log scale". */
  readonly words: string
  /** Explicit tick values (log and symlog: one per decade). */
  readonly ticks?: readonly number[]
  /** d3-format specifier of the tick labels. */
  readonly format: string
}

const SPAN = 30
export const TICK_FORMAT = ",~r"

/** v to one significant digit: a computed power of ten without its rounding noise (10 ** -3 is 0.0010000000000000002). */
const oneDigit = (v: number): number => Number(v.toPrecision(1))

const decades = (from: number, to: number): number[] => {
  const out: number[] = []
  for (let e = Math.floor(Math.log10(from)); 10 ** e <= to * 1.0001; e++) if (10 ** e >= from / 1.0001) out.push(oneDigit(10 ** e))
  return out
}

/**
 * `symlogConstant`: where symlog turns linear (default: the small end of the data, so the decades
 * above it stay readable); a larger one gives the region around zero more room.
 */
export const chooseScale = (values: readonly number[], options: { readonly symlogConstant?: number } = {}): ScaleChoice => {
  // One pass: the finite values' range (lo, hi) and the range of their nonzero magnitudes (min, max).
  let max = -Infinity, min = Infinity, lo = Infinity, hi = -Infinity
  for (const v of values) {
    if (!Number.isFinite(v)) continue
    if (v < lo) lo = v
    if (v > hi) hi = v
    const a = Math.abs(v)
    if (a === 0) continue
    if (a > max) max = a
    if (a < min) min = a
  }
  if (max === -Infinity) return { scale: { type: "linear" }, words: "linear scale", format: TICK_FORMAT }
  if (max / min < SPAN) return { scale: { type: "linear", zero: false }, words: "linear scale", format: TICK_FORMAT }
  if (lo > 0) {
    const ticks = decades(min, max)
    return { scale: { type: "log" }, words: "log scale", format: TICK_FORMAT, ...(ticks.length >= 2 ? { ticks } : {}) }
  }
  // symlog is linear within ±constant; by default put that threshold near the small end of the
  // data so the decades above it stay readable.
  const constant = options.symlogConstant ?? 10 ** Math.floor(Math.log10(Math.max(min, max / 1e6)))
  const ticks = [0]
  for (let p = constant; p <= max * 1.0001; p *= 10) {
    const v = oneDigit(p)
    if (v <= hi) ticks.push(v)
    if (-v >= lo) ticks.unshift(-v)
  }
  return { scale: { type: "symlog", constant, domain: [lo, hi], nice: false }, words: `symlog scale, linear within ±${constant}`, ticks, format: TICK_FORMAT }
}

/** Rounding noise off a computed end (0.1 × 3 = 0.30000000000000004). */
const clean = (v: number): number => Number(v.toPrecision(12))

/** v moved outward (up: towards +∞, else towards −∞) to the next 1, 2 or 5 times a power of ten (34 515 → 50 000, −448 → −500). */
const outward = (v: number, up: boolean): number => {
  if (v === 0) return 0
  const away = (v > 0) === up
  const a = Math.abs(v)
  const unit = 10 ** Math.floor(Math.log10(a))
  // Past the ends of the doubles (a subnormal's power of ten is 0): the value itself.
  if (!(unit > 0) || !Number.isFinite(unit * 10)) return v
  const steps = away ? [1, 2, 5, 10] : [10, 5, 2, 1]
  const m = away ? steps.find((k) => k * unit >= a)! : steps.find((k) => k * unit <= a) ?? 1
  return clean(Math.sign(v) * m * unit)
}

/** [lo, hi] widened to multiples of a 1-2-5 step, about ten steps across (as d3 and vega round a linear axis). */
export const niceLinear = (lo: number, hi: number): [number, number] => {
  if (lo === hi) {
    // Room around a constant series (±1 where a tenth of it is nothing).
    const pad = Math.abs(lo) / 10 || 1
    lo -= pad
    hi += pad
  }
  const raw = (hi - lo) / 10
  const unit = 10 ** Math.floor(Math.log10(raw))
  if (!(unit > 0) || !Number.isFinite(raw)) return [lo, hi]
  const r = raw / unit
  const step = unit * (r >= 7.07 ? 10 : r >= 3.16 ? 5 : r >= 1.41 ? 2 : 1)
  return [clean(Math.floor(lo / step) * step), clean(Math.ceil(hi / step) * step)]
}

/**
 * The choice with an explicit domain: the data's range widened to round ends (linear: multiples of
 * a 1-2-5 step; log: whole decades; symlog: 1, 2 or 5 times a power of ten). Round ends stay put while the
 * data moves a little, so an axis does not twitch as a playground slider moves, and a live chart
 * whose domain did not change redraws only the rows that did.
 */
export const withDomain = (choice: ScaleChoice, values: readonly number[]): ScaleChoice => {
  let lo = Infinity, hi = -Infinity, minPositive = Infinity
  for (const v of values) {
    if (!Number.isFinite(v)) continue
    if (v < lo) lo = v
    if (v > hi) hi = v
    if (v > 0 && v < minPositive) minPositive = v
  }
  if (lo > hi) return choice
  const { type } = choice.scale
  const domain: [number, number] = type === "log"
    ? [oneDigit(10 ** Math.floor(Math.log10(minPositive))), oneDigit(10 ** Math.ceil(Math.log10(hi)))]
    : type === "symlog" ? [outward(lo, false), outward(hi, true)] : niceLinear(lo, hi)
  // Rounding can land an end a hair inside the data (log10 of 1.0000000000000003e-9 is -9): the data wins.
  const low = type === "log" ? minPositive : lo
  if (domain[0] > low) domain[0] = low
  if (domain[1] < hi) domain[1] = hi
  return { ...choice, scale: { ...choice.scale, domain, nice: false }, ...(choice.ticks ? { ticks: tickEnds(choice.ticks, domain) } : {}) }
}

/**
 * Decade ticks carried on to the domain's ends, one gap at a time (the gap between the last two:
 * ×10, or ×100 where the ticks were thinned), so a widened axis has a label near each end.
 */
const tickEnds = (ticks: readonly number[], [d0, d1]: readonly [number, number]): number[] => {
  const out = [...ticks]
  const gap = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined && a !== 0 && b !== 0 && Math.sign(a) === Math.sign(b) ? Math.max(Math.abs(b / a), Math.abs(a / b)) : 10)
  // (A gap of 1, two equal ticks, would never reach an end.)
  if (out.length === 0) return out
  const topGap = Math.max(gap(out.at(-2), out.at(-1)), 1.5)
  for (let t = out.at(-1)!; t > 0 && t * topGap <= d1 * (1 + 1e-9); ) out.push((t = oneDigit(t * topGap)))
  const bottomGap = Math.max(gap(out[1], out[0]), 1.5)
  if (out[0] < 0) for (let t = out[0]; t * bottomGap >= d0 * (1 + 1e-9); ) out.unshift((t = oneDigit(t * bottomGap)))
  else for (let t = out[0]; t > 0 && t / bottomGap >= d0 * (1 - 1e-9); ) out.unshift((t = oneDigit(t / bottomGap)))
  // Only ticks on the axis (a symlog's 0 when every value is below it is not).
  return out.filter((t) => t >= d0 - 1e-9 * Math.abs(d0) && t <= d1 + 1e-9 * Math.abs(d1))
}
