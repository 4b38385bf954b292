// The Runner on worker threads: the (learner, seed) runs of one batch are dealt to n threads, each
// of which rebuilds the scenario from its recipe (so a TS scenario file loads there too) and plays
// its runs interleaved, as the in-process runner does. Every run is the same computation on the
// same numbers wherever it is played, so the rows are bitwise those of the in-process runner. The
// main thread polls the shared counters for progress, raises the shared stop flag on a stop
// request, and settles the batch like the in-process runner (one consistent round after a stop).
import { Clock, Effect, Layer } from "effect"
import type { Worker } from "node:worker_threads"
import type { ScenarioRecipe } from "../scenario/recipe.ts"
import { settleBatch, type RunEnd } from "./batch.ts"
import { Progress, snapshotAt } from "./progress.ts"
import { type ExecuteOptions, type RunnablePlan, Runner, RunCrashed, type RunnerError, RunSetupError, RunThreadError } from "./runner.ts"
import { StopSignal } from "./stop.ts"
import type { FromRunThread, ThreadBatch, ThreadRunEnd } from "./thread-batch.ts"
import { startThread } from "./threads.ts"

const workerModule = new URL("./thread-worker.ts", import.meta.url)

export interface ThreadRunnerOptions {
  /** Threads to use (at most one per run). */
  readonly workers: number
  /** How each thread rebuilds the scenario the plans came from. */
  readonly recipe: ScenarioRecipe
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

/** The ends of one thread's runs, or why the thread failed; `onReady` when its games start. */
const awaitThread = (worker: Worker, plans: readonly RunnablePlan[], indices: readonly number[], onReady: () => void): Promise<readonly ThreadRunEnd[]> =>
  new Promise((resolve, reject) => {
    let settled = false
    const fail = (e: Error) => {
      if (!settled) reject(e)
      settled = true
    }
    worker.on("message", (m: FromRunThread) => {
      if (settled) return
      if (m.type === "ready") onReady()
      else if (m.type === "done") {
        settled = true
        resolve(m.runs)
      } else if (m.type === "setup") fail(new RunSetupError(m.learner, m.seed, m.reason))
      else if (m.type === "crashed") fail(new RunCrashed(m.learner, m.seed, m.reason))
      else fail(new RunThreadError(describeRuns(plans, indices), m.reason))
    })
    worker.on("error", (e) => fail(new RunThreadError(describeRuns(plans, indices), e instanceof Error ? e.message : String(e))))
    worker.on("exit", (code) => fail(new RunThreadError(describeRuns(plans, indices), `the thread exited with code ${code}`)))
  })

const execute = (progress: typeof Progress.Service, stop: typeof StopSignal.Service, o: ThreadRunnerOptions) =>
  (plans: readonly RunnablePlan[], options: ExecuteOptions): Effect.Effect<import("./batch.ts").RunBatch, RunnerError> =>
    Effect.gen(function* () {
      const hands = dealRuns(plans, Math.max(1, Math.min(o.workers, plans.length)))
      const stopBuffer = new SharedArrayBuffer(4)
      const progressBuffer = new SharedArrayBuffer(8 * Math.max(1, plans.length))
      const stopFlag = new Int32Array(stopBuffer)
      const rounds = new Float64Array(progressBuffer)
      const horizon = options.horizon
      const total = horizon * plans.length
      const slices = { initialChunk: options.initialChunk, maxChunk: options.maxChunk, sliceMs: options.sliceMs }
      const workers: Worker[] = []
      return yield* Effect.gen(function* () {
        for (const hand of hands) {
          const batch: ThreadBatch = {
            recipe: o.recipe,
            runs: hand.map((i) => ({ index: i, learner: plans[i].learner, seed: plans[i].seed })),
            stop: stopBuffer,
            progress: progressBuffer,
            slices
          }
          workers.push(startThread(workerModule, batch))
        }
        let outcome: { ends: readonly (readonly ThreadRunEnd[])[] } | { error: unknown } | undefined
        let ready = 0
        const all = Promise.all(workers.map((w, k) => awaitThread(w, plans, hands[k], () => { ready++ })))
        all.then((ends) => { outcome = { ends } }, (error: unknown) => { outcome = { error } })
        const done = () => rounds.reduce((a, b) => a + b, 0)
        // Progress (and its rate) is timed from when every thread plays: starting threads takes a second or so.
        let startedAt: number | undefined
        let stopped = false
        while (outcome === undefined) {
          if (!stopped && (yield* stop.requested)) {
            stopped = true
            Atomics.store(stopFlag, 0, 1)
          }
          if (startedAt === undefined && ready === workers.length) {
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
          return yield* Effect.fail(e instanceof RunSetupError || e instanceof RunThreadError || e instanceof RunCrashed ? e : new RunThreadError(describeRuns(plans, plans.map((_, i) => i)), String(e)))
        }
        const byIndex = new Map(result.ends.flat().map((e) => [e.index, e]))
        const ends: RunEnd[] = plans.map((plan, i) => {
          const e = byIndex.get(i)!
          return { learner: plan.learner, seed: plan.seed, rows: e.rows, status: e.status, t: e.t, done: e.done }
        })
        return settleBatch(ends, stopped)
      }).pipe(Effect.ensuring(Effect.promise(() => Promise.all(workers.map((w) => w.terminate())))))
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
