// The Runner on worker threads: the (learner, seed) runs of one batch are dealt to n threads, each
// of which rebuilds the scenario from its recipe (so a TS scenario file loads there too) and plays
// its runs interleaved, as the in-process runner does. Every run is the same computation on the
// same numbers wherever it is played, so the rows are bitwise those of the in-process runner. The
// main thread polls the shared counters for progress, raises the shared stop flag on a stop
// request, and settles the batch like the in-process runner (one consistent round after a stop).
// Threads come from a RunThreadPool: started for the batch and closed after it (the CLI), or
// started once and lent to many batches (a script running several scenarios, the bench).
import { Clock, Effect, Layer } from "effect"
import type { ScenarioRecipe } from "../scenario/recipe.ts"
import { settleBatch, type RunBatch, type RunEnd } from "./batch.ts"
import { Progress, snapshotAt } from "./progress.ts"
import { type ExecuteOptions, type RunnablePlan, Runner, type RunnerError, RunInputError, RunSetupError, RunThreadError } from "./runner.ts"
import { StopSignal } from "./stop.ts"
import type { FromRunThread, ThreadBatch, ThreadRunEnd, ToRunThread } from "./thread-batch.ts"
import { Worker } from "node:worker_threads"

/** The run worker: a shim that loads thread-worker.ts under tsx in src/, the compiled worker in dist/lib/. */
const entry = new URL("./run-worker-entry.js", import.meta.url)

/** What a game in a thread threw, when it was not the user's error: rethrown here as a defect. */
class ThreadDefect extends Error {}

/** Threads with the run code loaded, waiting for batches. */
export class RunThreadPool {
  private constructor(private readonly threads: Worker[]) {}

  /** Starts n threads and waits until each has loaded its code (about a second). */
  static async start(n: number): Promise<RunThreadPool> {
    const threads = await Promise.all(
      Array.from({ length: Math.max(1, n) }, () =>
        new Promise<Worker>((resolve, reject) => {
          const w = new Worker(entry)
          const onMessage = (m: FromRunThread) => {
            if (m.type !== "loaded") return
            w.off("message", onMessage)
            w.off("error", reject)
            resolve(w)
          }
          w.on("message", onMessage)
          w.once("error", reject)
        })
      )
    )
    return new RunThreadPool(threads)
  }

  get size(): number {
    return this.threads.length
  }

  /** The first n threads (a batch with fewer runs than threads uses fewer). */
  take(n: number): readonly Worker[] {
    return this.threads.slice(0, Math.max(1, Math.min(n, this.threads.length)))
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((w) => w.terminate()))
  }
}

export interface ThreadRunnerOptions {
  /** Threads to use (at most one per run). */
  readonly workers: number
  /** How each thread rebuilds the scenario the plans came from. */
  readonly recipe: ScenarioRecipe
  /** Threads already started (kept open after the batch); otherwise started and closed here. */
  readonly pool?: RunThreadPool
  /** How often the main thread reads progress and the stop signal (default 50 ms). */
  readonly pollMs?: number
}

/**
 * Which thread plays which run: runs ordered learner by learner, then dealt round-robin, so each
 * thread gets a mix of learners (their costs differ) and seeds.
 */
export const dealRuns = (plans: readonly { readonly learner: string; readonly seed: number }[], threads: number): number[][] => {
  const learners = [...new Set(plans.map((p) => p.learner))]
  const order = plans.map((_, i) => i).sort((a, b) => learners.indexOf(plans[a].learner) - learners.indexOf(plans[b].learner) || a - b)
  const hands: number[][] = Array.from({ length: threads }, () => [])
  order.forEach((i, k) => hands[k % threads].push(i))
  return hands.filter((h) => h.length > 0)
}

const describeRuns = (plans: readonly RunnablePlan[], indices: readonly number[]): string =>
  indices.map((i) => `${plans[i].learner} (seed ${plans[i].seed})`).join(", ")

/** Sends a thread its batch; resolves with the ends of its runs, or rejects with why it failed. */
const playOn = (worker: Worker, batch: ThreadBatch, plans: readonly RunnablePlan[], indices: readonly number[], onReady: () => void): Promise<readonly ThreadRunEnd[]> =>
  new Promise((resolve, reject) => {
    let settled = false
    const detach = () => {
      worker.off("message", onMessage)
      worker.off("error", onError)
      worker.off("exit", onExit)
    }
    const fail = (e: Error) => {
      if (settled) return
      settled = true
      detach()
      reject(e)
    }
    const onMessage = (m: FromRunThread) => {
      if (settled) return
      if (m.type === "ready") onReady()
      else if (m.type === "done") {
        settled = true
        detach()
        resolve(m.runs)
      } else if (m.type === "setup") fail(new RunSetupError(m.learner, m.seed, m.reason))
      else if (m.type === "input") fail(new RunInputError(m.learner, m.seed, m.reason))
      else if (m.type === "crashed") fail(new ThreadDefect(m.reason))
      else if (m.type === "failed") fail(new RunThreadError(describeRuns(plans, indices), m.reason))
    }
    const onError = (e: unknown) => fail(new RunThreadError(describeRuns(plans, indices), e instanceof Error ? e.message : String(e)))
    const onExit = (code: number) => fail(new RunThreadError(describeRuns(plans, indices), `the thread exited with code ${code}`))
    worker.on("message", onMessage)
    worker.on("error", onError)
    worker.on("exit", onExit)
    worker.postMessage({ type: "batch", batch } satisfies ToRunThread)
  })

const execute = (progress: typeof Progress.Service, stop: typeof StopSignal.Service, o: ThreadRunnerOptions) =>
  (plans: readonly RunnablePlan[], options: ExecuteOptions): Effect.Effect<RunBatch, RunnerError> =>
    Effect.gen(function* () {
      const wanted = Math.max(1, Math.min(o.workers, plans.length))
      const own = o.pool === undefined
      const pool = o.pool ?? (yield* Effect.tryPromise({ try: () => RunThreadPool.start(wanted), catch: (e) => new RunThreadError("the batch", `the threads could not start: ${e instanceof Error ? e.message : String(e)}`) }))
      const threads = pool.take(wanted)
      const hands = dealRuns(plans, threads.length)
      const stopBuffer = new SharedArrayBuffer(4)
      const progressBuffer = new SharedArrayBuffer(8 * Math.max(1, plans.length))
      const stopFlag = new Int32Array(stopBuffer)
      const rounds = new Float64Array(progressBuffer)
      const total = options.horizon * plans.length
      const slices = { initialChunk: options.initialChunk, maxChunk: options.maxChunk, sliceMs: options.sliceMs }
      return yield* Effect.gen(function* () {
        let outcome: { ends: readonly (readonly ThreadRunEnd[])[] } | { error: unknown } | undefined
        let ready = 0
        const all = Promise.all(hands.map((hand, k) => {
          const batch: ThreadBatch = { recipe: o.recipe, runs: hand.map((i) => ({ index: i, learner: plans[i].learner, seed: plans[i].seed })), stop: stopBuffer, progress: progressBuffer, slices }
          return playOn(threads[k], batch, plans, hand, () => { ready++ })
        }))
        all.then((ends) => { outcome = { ends } }, (error: unknown) => { outcome = { error } })
        const done = () => rounds.reduce((a, b) => a + b, 0)
        // Progress (and its rate) is timed from when every thread plays.
        let startedAt: number | undefined
        let stopped = false
        while (outcome === undefined) {
          if (!stopped && (yield* stop.requested)) {
            stopped = true
            Atomics.store(stopFlag, 0, 1)
          }
          if (startedAt === undefined && ready === hands.length) {
            startedAt = yield* Clock.currentTimeMillis
            yield* progress.start(total)
          }
          if (startedAt !== undefined) yield* progress.update(snapshotAt(done(), total, (yield* Clock.currentTimeMillis) - startedAt))
          yield* Effect.promise(() => Promise.race([all.then(() => undefined, () => undefined), new Promise((r) => setTimeout(r, o.pollMs ?? 50))]))
        }
        if (startedAt !== undefined) yield* progress.finish(snapshotAt(done(), total, (yield* Clock.currentTimeMillis) - startedAt))
        const result = outcome as { ends: readonly (readonly ThreadRunEnd[])[] } | { error: unknown }
        if ("error" in result) {
          const e = result.error
          // The other threads may still be playing: stop them before failing.
          Atomics.store(stopFlag, 0, 1)
          // A game that threw something other than the user's error is a bug: a defect, as in this thread.
          if (e instanceof ThreadDefect) return yield* Effect.die(new Error(e.message))
          return yield* Effect.fail(e instanceof RunSetupError || e instanceof RunThreadError || e instanceof RunInputError ? e : new RunThreadError(describeRuns(plans, plans.map((_, i) => i)), String(e)))
        }
        const byIndex = new Map(result.ends.flat().map((e) => [e.index, e]))
        const ends: RunEnd[] = plans.map((plan, i) => {
          const e = byIndex.get(i)!
          return { learner: plan.learner, seed: plan.seed, rows: e.rows, status: e.status, t: e.t, done: e.done }
        })
        return settleBatch(ends, stopped)
      }).pipe(
        Effect.ensuring(Effect.sync(() => Atomics.store(stopFlag, 0, 1))),
        Effect.ensuring(own ? Effect.promise(() => pool.close()) : Effect.void)
      )
    })

/** A Runner that plays on `workers` threads (see ThreadRunnerOptions). */
export const threadRunnerLayer = (o: ThreadRunnerOptions): Layer.Layer<Runner, never, Progress | StopSignal> =>
  Layer.effect(
    Runner,
    Effect.gen(function* () {
      const progress = yield* Progress
      const stop = yield* StopSignal
      return { execute: execute(progress, stop, o) }
    })
  )
