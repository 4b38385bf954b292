// Runs a batch of plans (learner × seed) to the horizon. The hot loop stays plain TypeScript in
// Game.advance; Effect only wraps slices of rounds, so between slices it can report progress, poll
// the stop flag and give the event loop a turn (signals are delivered there). Slices are sized from
// the measured time so a stop takes effect within ~0.1 s whether a round costs 5 ns or 5 ms.
import { Clock, Context, Effect, Layer } from "effect"
import type { Game } from "../core/game/game.ts"
import type { RunStatus } from "../core/types.ts"
import type { LearnerRun } from "../scenario/types.ts"
import { Progress, snapshotAt } from "./progress.ts"
import { StopSignal } from "./stop.ts"
import { UserError } from "../core/config/error.ts"

/** What the runner needs of a plan (scenario's RunPlan satisfies it). */
export interface RunnablePlan {
  readonly learner: string
  readonly seed: number
  createGame(): Game
}

export type Completion = { readonly kind: "complete" } | { readonly kind: "interrupted"; readonly round: number }

export interface RunBatch {
  readonly runs: readonly LearnerRun[]
  readonly completion: Completion
}

export interface ExecuteOptions {
  /** Rounds per run, for the progress total. */
  readonly horizon: number
  /** First slice length in rounds per run (default 2^12); later slices adapt to sliceMs. */
  readonly initialChunk?: number
  /** Upper bound on a slice (default 2^20 rounds per run). */
  readonly maxChunk?: number
  /** Target wall time of one slice (default 50 ms). */
  readonly sliceMs?: number
}

/** A plan whose game could not be built (its config is inconsistent). */
export class RunSetupError extends UserError {
  override readonly name = "RunSetupError"
  constructor(readonly learner: string, readonly seed: number, readonly reason: string) {
    super(`cannot start learner ${learner} (seed ${seed}): ${reason}`)
  }
}

/** A run stopped by the user's own code or data (their adversary threw a UserError mid-run). */
export class RunInputError extends UserError {
  override readonly name = "RunInputError"
  constructor(readonly learner: string, readonly seed: number, readonly reason: string) {
    super(`learner ${learner} (seed ${seed}): ${reason}`)
  }
}

export interface RunnerShape {
  readonly execute: (plans: readonly RunnablePlan[], options: ExecuteOptions) => Effect.Effect<RunBatch, RunSetupError | RunInputError>
}

export class Runner extends Context.Service<Runner, RunnerShape>()("regretlab/run/Runner") {}

/** Gives Node's event loop a turn (a microtask yield would not let a SIGINT handler run). */
const yieldToEventLoop: Effect.Effect<void> = Effect.callback<void>((resume) => {
  const handle = setImmediate(() => resume(Effect.void))
  return Effect.sync(() => clearImmediate(handle))
})

const finalStatus = (game: Game, finished: boolean): RunStatus =>
  finished || game.status.kind !== "ok" ? game.status : { kind: "interrupted", round: game.t }

const execute = (progress: typeof Progress.Service, stop: typeof StopSignal.Service) =>
  (plans: readonly RunnablePlan[], options: ExecuteOptions): Effect.Effect<RunBatch, RunSetupError | RunInputError> =>
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
      const maxChunk = options.maxChunk ?? 1 << 20
      const sliceMs = options.sliceMs ?? 50
      let chunk = Math.max(1, Math.min(maxChunk, options.initialChunk ?? 1 << 12))
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
        // Aim the next slice at sliceMs; never more than double it at once, so a slow stretch is caught early.
        const took = now - before
        chunk = took <= 0 ? Math.min(maxChunk, chunk * 2) : Math.max(1, Math.min(maxChunk, chunk * 2, Math.floor((chunk * sliceMs) / took)))
        yield* progress.update(snapshotAt(roundsDone(), total, now - startedAt))
        yield* yieldToEventLoop
      }
      // A stop that arrives during the last slice still counts as complete: every run reached the horizon.
      const finished = !stopped
      const runs: LearnerRun[] = plans.map((plan, i) => ({
        learner: plan.learner,
        seed: plan.seed,
        rows: games[i].rows.slice(),
        status: finalStatus(games[i], finished || games[i].done)
      }))
      const endedAt = yield* Clock.currentTimeMillis
      yield* progress.finish(snapshotAt(roundsDone(), total, endedAt - startedAt))
      if (finished) return { runs, completion: { kind: "complete" } }
      // The slowest run still going sets the round reached; diverged runs stopped on their own.
      const going = games.filter((g) => g.status.kind === "ok")
      const round = going.length === 0 ? horizon : Math.min(...going.map((g) => g.t))
      return { runs, completion: { kind: "interrupted", round } }
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
