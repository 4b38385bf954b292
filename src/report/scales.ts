// Picks the y scale from the data: log where values are positive and span decades, symlog where
// they also cross zero (regret can be negative early on), linear otherwise. The axis title names
// the choice so a reader never mistakes a log axis for a linear one.
import { maxOf, minOf } from "../core/extent.ts"

export interface ScaleChoice {
  readonly scale: { readonly type: "linear" | "log" | "symlog"; readonly constant?: number; readonly zero?: boolean }
  /** Words for the axis title, e.g. "log scale". */
  readonly words: string
  /** Explicit tick values (symlog only: vega's default gives it too few). */
  readonly ticks?: readonly number[]
}

const SPAN = 30

export const chooseScale = (values: readonly number[]): ScaleChoice => {
  const finite = values.filter((v) => Number.isFinite(v))
  const nonzero = finite.filter((v) => v !== 0).map(Math.abs)
  if (nonzero.length === 0) return { scale: { type: "linear" }, words: "linear scale" }
  const max = maxOf(nonzero)
  const min = minOf(nonzero)
  if (max / min < SPAN) return { scale: { type: "linear", zero: false }, words: "linear scale" }
  if (finite.every((v) => v > 0)) return { scale: { type: "log" }, words: "log scale" }
  // symlog is linear within ±constant; put that threshold near the small end of the data so the
  // decades above it stay readable.
  const constant = 10 ** Math.floor(Math.log10(Math.max(min, max / 1e6)))
  const lo = minOf(finite)
  const hi = maxOf(finite)
  const ticks = [0]
  for (let p = constant; p <= max * 1.0001; p *= 10) {
    if (p <= hi) ticks.push(p)
    if (-p >= lo) ticks.unshift(-p)
  }
  return { scale: { type: "symlog", constant }, words: `symlog scale, linear within ±${constant}`, ticks }
}
