// Progress of a batch of runs as plain numbers; how (or whether) it is shown is the layer's choice,
// so the runner stays the same under a terminal bar, a silent CLI (--json, pipes) or a test.
import { Context, Effect, Layer } from "effect"

export interface ProgressSnapshot {
  /** Rounds played so far, summed over runs (a diverged run counts as finished). */
  readonly done: number
  readonly total: number
  readonly elapsedMs: number
  /** Rounds per second since the start (0 before any time has passed). */
  readonly roundsPerSecond: number
  /** Estimated milliseconds left, or undefined while the rate is unknown. */
  readonly etaMs: number | undefined
}

export interface ProgressShape {
  readonly start: (total: number) => Effect.Effect<void>
  readonly update: (snapshot: ProgressSnapshot) => Effect.Effect<void>
  /** Called once at the end (complete or stopped); a bar clears its line here. */
  readonly finish: (snapshot: ProgressSnapshot) => Effect.Effect<void>
}

export class Progress extends Context.Service<Progress, ProgressShape>()("regretlab/run/Progress") {}

export const silentProgressLayer: Layer.Layer<Progress> = Layer.succeed(Progress, {
  start: () => Effect.void,
  update: () => Effect.void,
  finish: () => Effect.void
})

/** Collects every snapshot (tests, and callers that chart progress themselves). */
export const recordingProgress = (): { readonly layer: Layer.Layer<Progress>; readonly snapshots: ProgressSnapshot[] } => {
  const snapshots: ProgressSnapshot[] = []
  const push = (s: ProgressSnapshot) => Effect.sync(() => { snapshots.push(s) })
  return { layer: Layer.succeed(Progress, { start: () => Effect.void, update: push, finish: push }), snapshots }
}

export const snapshotAt = (done: number, total: number, elapsedMs: number): ProgressSnapshot => {
  const roundsPerSecond = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0
  const etaMs = roundsPerSecond > 0 ? ((total - done) / roundsPerSecond) * 1000 : undefined
  return { done, total, elapsedMs, roundsPerSecond, etaMs }
}
