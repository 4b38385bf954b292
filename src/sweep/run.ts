// A sweep end to end, as a plain Promise API (the CLI command, the tests and the bench use it):
// open the folder (manifest check, resume, partial-line repair), run the pending jobs of this
// shard on the pool, append each record as it arrives.
import * as fs from "node:fs"
import * as path from "node:path"
import type { ResolvedScenario } from "../scenario/types.ts"
import type { SweepPlan } from "./definition.ts"
import type { JobRecord } from "./execute.ts"
import { pendingJobs, type Shard, shardSize } from "./jobs.ts"
import { runInline, WorkerPool } from "./pool.ts"
import { openSweepDir, resultsFileName } from "./results.ts"
import { SweepInputError } from "./definition.ts"
import { SweepLock } from "./lock.ts"

export interface RunSweepOptions {
  readonly plan: SweepPlan
  readonly base: ResolvedScenario
  readonly outDir: string
  /** Worker threads; 0 runs the jobs in this thread. */
  readonly workers: number
  readonly shard?: Shard
  readonly resume?: boolean
  readonly force?: boolean
  readonly shouldStop?: () => boolean
  /** Called after each record is written: finished-so-far (this shard, including resumed) and the shard's size. */
  readonly onProgress?: (finished: number, total: number, record: JobRecord) => void
  /** An already started pool (bench); otherwise one is started and closed here. */
  readonly pool?: WorkerPool
}

export interface RunSweepOutcome {
  readonly stopped: boolean
  readonly file: string
  /** Jobs of this shard in total, already finished before this run, run now, and failed now. */
  readonly total: number
  readonly skipped: number
  readonly ran: number
  readonly failedNow: number
  /** A partial last line from an earlier crash was found and cut off. */
  readonly repaired: boolean
  /** Worker threads used (0: this thread). */
  readonly workers: number
}

export const runSweep = async (o: RunSweepOptions): Promise<RunSweepOutcome> => {
  if (fs.existsSync(o.outDir) && !fs.statSync(o.outDir).isDirectory()) throw new SweepInputError(`${o.outDir} is a file; a sweep writes a folder (choose another --out)`)
  const lock = SweepLock.acquire(o.outDir, resultsFileName(o.shard), o.shard?.n)
  try {
    return await runLocked(o)
  } finally {
    lock.release()
  }
}

const runLocked = async (o: RunSweepOptions): Promise<RunSweepOutcome> => {
  const { writer, done, repaired } = openSweepDir(o.outDir, o.plan, o.base, { shard: o.shard, resume: o.resume ?? false, force: o.force ?? false })
  const total = shardSize(o.plan, o.shard)
  // Only ids of this shard count as skipped (a merged file in the folder may hold others).
  const jobs = pendingJobs(o.plan, o.shard, done)
  const skipped = total - countPending(o.plan, o.shard, done)
  let ran = 0
  let failedNow = 0
  const onRecord = (r: JobRecord) => {
    writer.append(r)
    ran++
    if (r.status === "failed") failedNow++
    o.onProgress?.(skipped + ran, total, r)
  }
  try {
    let outcome
    let workers = 0
    if (o.workers === 0 || total === skipped) outcome = await runInline(jobs, onRecord, { shouldStop: o.shouldStop })
    else {
      // Never more threads than jobs left to give them.
      const pool = o.pool ?? (await WorkerPool.start(Math.min(o.workers, total - skipped)))
      workers = pool.size
      try {
        outcome = await pool.run(jobs, onRecord, { shouldStop: o.shouldStop })
      } finally {
        if (o.pool === undefined) await pool.close()
      }
    }
    return { stopped: outcome.stopped, file: path.join(o.outDir, resultsFileName(o.shard)), total, skipped, ran, failedNow, repaired, workers }
  } finally {
    writer.close()
  }
}

const countPending = (plan: SweepPlan, shard: Shard | undefined, done: ReadonlySet<string>): number => {
  if (done.size === 0) return shardSize(plan, shard)
  let n = 0
  for (const _ of pendingJobs(plan, shard, done)) n++
  return n
}
