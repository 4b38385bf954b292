// A stop request as a value, not a fiber interruption: an interrupted fiber cannot return what it
// computed, while a runner that polls this flag between chunks can hand back the partial runs, so
// the caller can still write them (marked interrupted) before exiting.
import { Context, Effect, Layer } from "effect"

export interface StopSignalShape {
  /** True once a stop was asked for (e.g. the first Ctrl-C). */
  readonly requested: Effect.Effect<boolean>
  readonly request: Effect.Effect<void>
}

export class StopSignal extends Context.Service<StopSignal, StopSignalShape>()("regretlab/run/StopSignal") {}

/** A flag usable from outside Effect too (a signal handler sets it synchronously). */
export interface StopFlag {
  readonly service: StopSignalShape
  readonly requestUnsafe: () => void
  readonly isRequested: () => boolean
}

export const makeStopFlag = (): StopFlag => {
  let flag = false
  return {
    service: { requested: Effect.sync(() => flag), request: Effect.sync(() => { flag = true }) },
    requestUnsafe: () => { flag = true },
    isRequested: () => flag
  }
}

export const stopSignalLayer = (flag: StopFlag): Layer.Layer<StopSignal> => Layer.succeed(StopSignal, flag.service)

/** A stop that is never requested (library use, tests). */
export const neverStopLayer: Layer.Layer<StopSignal> = Layer.succeed(StopSignal, {
  requested: Effect.succeed(false),
  request: Effect.void
})
