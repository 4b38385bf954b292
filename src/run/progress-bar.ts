// A one-line progress bar for a terminal: appears only once a run has taken about a second (short
// runs stay quiet), redraws at most ten times a second, and erases itself when done.
import { Effect, Layer } from "effect"
import { Progress, type ProgressSnapshot } from "./progress.ts"

const compact = (n: number): string => {
  const units: [number, string][] = [[1e9, "G"], [1e6, "M"], [1e3, "k"]]
  for (const [scale, unit] of units) if (Math.abs(n) >= scale) return `${(n / scale).toFixed(n / scale >= 100 ? 0 : 1)}${unit}`
  return `${Math.round(n)}`
}

const duration = (ms: number): string => {
  const s = Math.ceil(ms / 1000)
  if (s < 60) return `${s}s`
  const m = Math.floor(s / 60)
  if (m < 60) return `${m}m${String(s % 60).padStart(2, "0")}s`
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")}m`
}

/** The bar's text for a snapshot, fitted to `columns`. */
export const renderProgressLine = (s: ProgressSnapshot, columns = 80): string => {
  const fraction = s.total > 0 ? Math.min(1, s.done / s.total) : 1
  const pct = `${(fraction * 100).toFixed(0).padStart(3)}%`
  const tail = ` ${pct} ${compact(s.done)}/${compact(s.total)} rounds  ${compact(s.roundsPerSecond)} rounds/s  ETA ${s.etaMs === undefined ? "?" : duration(s.etaMs)}`
  const width = Math.max(10, Math.min(40, columns - tail.length - 3))
  const filled = Math.round(fraction * width)
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}]${tail}`.slice(0, Math.max(0, columns - 1))
}

export interface BarStream {
  write(text: string): unknown
  readonly columns?: number
}

export const progressBarLayer = (stream: BarStream, options: { delayMs?: number; intervalMs?: number } = {}): Layer.Layer<Progress> => {
  const delayMs = options.delayMs ?? 1000
  const intervalMs = options.intervalMs ?? 100
  let lastDraw = -Infinity
  let drawn = false
  return Layer.succeed(Progress, {
    start: () => Effect.sync(() => { lastDraw = -Infinity; drawn = false }),
    update: (s) => Effect.sync(() => {
      if (s.elapsedMs < delayMs || s.elapsedMs - lastDraw < intervalMs) return
      lastDraw = s.elapsedMs
      drawn = true
      stream.write(`\r${renderProgressLine(s, stream.columns ?? 80)}\x1b[K`)
    }),
    finish: () => Effect.sync(() => { if (drawn) stream.write("\r\x1b[K") })
  })
}
