// Runs jobs on worker threads, one job in flight per worker: the queue is the lazy job iterator,
// so memory grows with the number of workers, never with the number of jobs. Each record goes to
// onRecord as soon as it arrives (the caller appends it to results.jsonl). A worker that dies
// mid-job (out of memory, process.exit in user code) fails that job with the reason and is
// replaced; a stop request terminates the workers at once (jobs in flight are lost, finished ones
// are already written).
import { availableParallelism } from "node:os"
import { Worker } from "node:worker_threads"
import type { ResolvedScenario } from "../scenario/types.ts"
import { loadBaseScenario } from "./definition.ts"
import { type JobRecord, runJob } from "./execute.ts"
import type { Job } from "./jobs.ts"
import type { FromWorker } from "./worker.ts"
import { UserError } from "../core/config/error.ts"

export const defaultWorkers = (): number => availableParallelism()

const entry = new URL("./worker-entry.js", import.meta.url)

export interface RunOptions {
  /** Polled between jobs and every 50 ms; when true, the run stops promptly. */
  readonly shouldStop?: () => boolean
}

export interface RunOutcome {
  readonly stopped: boolean
}

const failedRecord = (job: Job, reason: string): JobRecord => ({
  id: job.id, index: job.index, point: job.point, values: job.values, learner: job.learner, seed: job.seed, status: "failed", reason
})

interface Slot {
  worker: Worker
  /** Sent and not yet answered, in the order sent. */
  jobs: Job[]
  /** A replacement worker is starting. */
  spawning: boolean
}

/** Jobs per worker at a time: the running one and the next. */
const DEPTH = 2

const spawn = (): Promise<Worker> =>
  new Promise((resolve, reject) => {
    const w = new Worker(entry)
    const onMessage = (m: FromWorker) => {
      if (m.type === "ready") {
        w.off("error", onError)
        w.off("message", onMessage)
        resolve(w)
      }
    }
    const onError = (e: Error) => reject(e)
    w.on("message", onMessage)
    w.once("error", onError)
  })

export class WorkerPool {
  private closed = false

  private constructor(private readonly workers: Worker[]) {}

  /** Starts n workers and waits until each has loaded the numeric core. */
  static async start(n: number): Promise<WorkerPool> {
    if (!Number.isInteger(n) || n < 1) throw new UserError(`workers: expected an integer ≥ 1, got ${n}`)
    return new WorkerPool(await Promise.all(Array.from({ length: n }, spawn)))
  }

  get size(): number {
    return this.workers.length
  }

  /**
   * Runs jobs until the iterator is exhausted or a stop is requested (which closes the pool).
   * Each worker holds up to DEPTH jobs (one running, the next queued), so it never waits for the
   * main thread between jobs; memory stays O(workers).
   */
  run(jobs: Iterator<Job>, onRecord: (r: JobRecord) => void, options: RunOptions = {}): Promise<RunOutcome> {
    if (this.closed) return Promise.reject(new Error("the worker pool is closed"))
    return new Promise<RunOutcome>((resolve, reject) => {
      let exhausted = false
      let finished = false
      let stopping = false
      /** Jobs queued behind a job that crashed its worker: sent again before new ones. */
      const retry: Job[] = []
      const slots: Slot[] = this.workers.map((worker) => ({ worker, jobs: [], spawning: false }))
      const shouldStop = options.shouldStop ?? (() => false)

      const finish = (error: unknown, outcome?: RunOutcome) => {
        if (finished) return
        finished = true
        clearInterval(poll)
        for (const s of slots) {
          s.worker.removeAllListeners("message")
          s.worker.removeAllListeners("error")
          s.worker.removeAllListeners("exit")
        }
        if (error !== undefined) reject(error)
        else resolve(outcome!)
      }

      // Jobs in flight are abandoned: terminating is what makes a Ctrl-C prompt. The pool is closed.
      const stop = () => {
        if (stopping || finished) return
        stopping = true
        clearInterval(poll)
        this.close().then(() => finish(undefined, { stopped: true }), (e) => finish(e))
      }

      const take = (): Job | undefined => {
        if (retry.length > 0) return retry.shift()
        if (exhausted) return undefined
        const r = jobs.next()
        if (r.done) {
          exhausted = true
          return undefined
        }
        return r.value
      }

      const fill = (slot: Slot) => {
        if (finished || stopping) return
        if (shouldStop()) return stop()
        while (!slot.spawning && slot.jobs.length < DEPTH) {
          const job = take()
          if (job === undefined) break
          slot.jobs.push(job)
          slot.worker.postMessage({ type: "job", job })
        }
        if (exhausted && retry.length === 0 && slots.every((x) => x.jobs.length === 0 && !x.spawning)) finish(undefined, { stopped: false })
      }

      const deliver = (record: JobRecord) => {
        try {
          onRecord(record)
        } catch (e) {
          finish(e)
          return false
        }
        return true
      }

      const attach = (slot: Slot) => {
        slot.worker.on("message", (m: FromWorker) => {
          if (m.type !== "done" || finished || stopping) return
          const i = slot.jobs.findIndex((j) => j.id === m.record.id)
          if (i >= 0) slot.jobs.splice(i, 1)
          if (deliver(m.record)) fill(slot)
        })
        const died = (why: string) => {
          if (finished || stopping || slot.spawning) return
          // A worker runs its jobs in order: the first in flight is the one that killed it.
          const [culprit, ...queued] = slot.jobs
          slot.jobs = []
          retry.unshift(...queued)
          slot.spawning = true
          slot.worker.removeAllListeners()
          void slot.worker.terminate()
          if (culprit !== undefined && !deliver(failedRecord(culprit, `worker crashed: ${why}`))) return
          // Other workers may take the re-queued jobs meanwhile.
          for (const other of slots) if (other !== slot) fill(other)
          spawn().then(
            (w) => {
              const i = this.workers.indexOf(slot.worker)
              if (i >= 0) this.workers[i] = w
              slot.worker = w
              slot.spawning = false
              attach(slot)
              fill(slot)
            },
            (e) => finish(e)
          )
        }
        slot.worker.on("error", (e) => died(e instanceof Error ? e.message : String(e)))
        slot.worker.on("exit", (code) => died(`exited with code ${code}`))
      }

      const poll = setInterval(() => {
        if (!finished && shouldStop()) stop()
      }, 50)
      for (const s of slots) attach(s)
      for (const s of slots) fill(s)
    })
  }

  async close(): Promise<void> {
    this.closed = true
    await Promise.all(this.workers.map((w) => {
      w.removeAllListeners()
      return w.terminate()
    }))
  }
}

/** The same contract in this thread (workers = 0): for debugging and tiny sweeps. */
export const runInline = async (jobs: Iterator<Job>, onRecord: (r: JobRecord) => void, options: RunOptions = {}): Promise<RunOutcome> => {
  const bases = new Map<string, ResolvedScenario>()
  for (;;) {
    // Yield to the event loop between jobs so a Ctrl-C handler can run.
    await new Promise((r) => setImmediate(r))
    if (options.shouldStop?.()) return { stopped: true }
    const r = jobs.next()
    if (r.done) return { stopped: false }
    const job = r.value
    let record: JobRecord
    try {
      let base = bases.get(job.scenarioRef)
      if (base === undefined) {
        base = await loadBaseScenario(job.scenarioRef)
        bases.set(job.scenarioRef, base)
      }
      record = runJob(base, job)
    } catch (e) {
      record = failedRecord(job, e instanceof Error ? e.message : String(e))
    }
    onRecord(record)
  }
}
