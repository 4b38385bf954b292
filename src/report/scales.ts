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

const decades = (from: number, to: number): number[] => {
  const out: number[] = []
  for (let e = Math.floor(Math.log10(from)); 10 ** e <= to * 1.0001; e++) if (10 ** e >= from / 1.0001) out.push(Number((10 ** e).toPrecision(1)))
  return out
}

/**
 * `symlogConstant`: where symlog turns linear (default: the small end of the data, so the decades
 * above it stay readable); a larger one gives the region around zero more room.
 */
export const chooseScale = (values: readonly number[], options: { readonly symlogConstant?: number } = {}): ScaleChoice => {
  const finite = values.filter((v) => Number.isFinite(v))
  const nonzero = finite.filter((v) => v !== 0).map(Math.abs)
  if (nonzero.length === 0) return { scale: { type: "linear" }, words: "linear scale", format: TICK_FORMAT }
  let max = -Infinity, min = Infinity, lo = Infinity, hi = -Infinity
  for (const v of nonzero) {
    if (v > max) max = v
    if (v < min) min = v
  }
  for (const v of finite) {
    if (v < lo) lo = v
    if (v > hi) hi = v
  }
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
    const v = Number(p.toPrecision(1))
    if (v <= hi) ticks.push(v)
    if (-v >= lo) ticks.unshift(-v)
  }
  return { scale: { type: "symlog", constant, domain: [lo, hi], nice: false }, words: `symlog scale, linear within ±${constant}`, ticks, format: TICK_FORMAT }
}
