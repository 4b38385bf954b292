// Stopping a batch part-way as a SIGINT handler would: the stop is requested from the n-th
// progress update, so the runner has played some slices and must settle the rest.
import { Effect, Layer } from "effect"
import { makeStopFlag, Progress, type StopSignal, stopSignalLayer } from "../../src/run/index.ts"

/** Progress and StopSignal for a runner: a stop requested on the n-th progress update. */
export const stopAfterUpdates = (n: number): Layer.Layer<Progress | StopSignal> => {
  const flag = makeStopFlag()
  let updates = 0
  const progress = Layer.succeed(Progress, {
    start: () => Effect.void,
    update: () => Effect.sync(() => { if (++updates === n) flag.requestUnsafe() }),
    finish: () => Effect.void
  })
  return Layer.merge(progress, stopSignalLayer(flag))
}
