// Runs a batch of plans (learner × seed) to the horizon. The hot loop stays plain TypeScript in
// Game.advance; Effect only wraps slices of rounds, so between slices it can report progress, poll
// the stop flag and give the event loop a turn (signals are delivered there). Slices are sized from
// the measured time so a stop takes effect within ~0.1 s whether a round costs 5 ns or 5 ms.
import { Clock, Context, Effect, Layer } from "effect"
import type { Game } from "../core/game/game.ts"
import { Progress, snapshotAt } from "./progress.ts"
import { StopSignal } from "./stop.ts"
import { UserError } from "../core/config/error.ts"
import { firstChunk, nextChunk, type SliceOptions } from "./slices.ts"
import { type RunBatch, settleBatch } from "./batch.ts"

/** What the runner needs of a plan (scenario's RunPlan satisfies it). */
export interface RunnablePlan {
  readonly learner: string
  readonly seed: number
  createGame(): Game
}

export type { Completion, RunBatch } from "./batch.ts"

export interface ExecuteOptions extends SliceOptions {
  /** Rounds per run, for the progress total. */
  readonly horizon: number
}

/** A plan whose game could not be built (its config is inconsistent). */
export class RunSetupError extends UserError {
  override readonly name = "RunSetupError"
  constructor(readonly learner: string, readonly seed: number, readonly reason: string) {
    super(`cannot start learner ${learner} (seed ${seed}): ${reason}`)
  }
}

/** A thread playing some of the runs failed (out of memory, killed): the machine's failure, not the input's. */
export class RunThreadError extends Error {
  override readonly name = "RunThreadError"
  constructor(readonly runs: string, readonly reason: string) {
    super(`the thread playing ${runs} failed: ${reason}`)
  }
}

/** A run stopped by the user's own code or data (their adversary threw a UserError mid-run). */
export class RunInputError extends UserError {
  override readonly name = "RunInputError"
  constructor(readonly learner: string, readonly seed: number, readonly reason: string) {
    super(`learner ${learner} (seed ${seed}): ${reason}`)
  }
}

export type RunnerError = RunSetupError | RunInputError | RunThreadError

export interface RunnerShape {
  readonly execute: (plans: readonly RunnablePlan[], options: ExecuteOptions) => Effect.Effect<RunBatch, RunnerError>
}

export class Runner extends Context.Service<Runner, RunnerShape>()("regretlab/run/Runner") {}

/** Gives Node's event loop a turn (a microtask yield would not let a SIGINT handler run). */
const yieldToEventLoop: Effect.Effect<void> = Effect.callback<void>((resume) => {
  const handle = setImmediate(() => resume(Effect.void))
  return Effect.sync(() => clearImmediate(handle))
})

const execute = (progress: typeof Progress.Service, stop: typeof StopSignal.Service) =>
  (plans: readonly RunnablePlan[], options: ExecuteOptions): Effect.Effect<RunBatch, RunnerError> =>
    Effect.gen(function* () {
      const games: Game[] = []
      for (const plan of plans) {
        const game = yield* Effect.try({
          try: () => plan.createGame(),
          catch: (e) => new RunSetupError(plan.learner, plan.seed, e instanceof Error ? e.message : String(e))
        })
        games.push(game)
      }
      const horizon = options.horizon
      const total = horizon * games.length
      let chunk = firstChunk(options)
      const startedAt = yield* Clock.currentTimeMillis
      const roundsDone = () => {
        let done = 0
        for (const g of games) done += g.done ? horizon : g.t
        return done
      }
      yield* progress.start(total)
      let stopped = false
      while (games.some((g) => !g.done)) {
        if (yield* stop.requested) { stopped = true; break }
        const before = yield* Clock.currentTimeMillis
        const size = chunk
        const failed = yield* Effect.sync(() => {
          for (let i = 0; i < games.length; i++) {
            if (games[i].done) continue
            try {
              games[i].advance(size)
            } catch (e) {
              // The user's doing (their adversary's checks); anything else stays a defect.
              if (e instanceof UserError) return new RunInputError(plans[i].learner, plans[i].seed, e.message)
              throw e
            }
          }
          return undefined
        })
        if (failed !== undefined) return yield* Effect.fail(failed)
        const now = yield* Clock.currentTimeMillis
        chunk = nextChunk(chunk, now - before, options)
        yield* progress.update(snapshotAt(roundsDone(), total, now - startedAt))
        yield* yieldToEventLoop
      }
      const endedAt = yield* Clock.currentTimeMillis
      yield* progress.finish(snapshotAt(roundsDone(), total, endedAt - startedAt))
      return settleBatch(plans.map((plan, i) => ({ learner: plan.learner, seed: plan.seed, rows: games[i].rows.slice(), status: games[i].status, t: games[i].t, done: games[i].done })), stopped)
    })

/** The in-process runner: one fiber, runs interleaved slice by slice (all runs reach round r together). */
export const runnerLayer: Layer.Layer<Runner, never, Progress | StopSignal> = Layer.effect(
  Runner,
  Effect.gen(function* () {
    const progress = yield* Progress
    const stop = yield* StopSignal
    return { execute: execute(progress, stop) }
  })
)
