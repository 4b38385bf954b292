// How many worker threads: by default one per core, never more than there are tasks (runs or
// jobs) to give them, and never more than one per core even when asked (a thread costs ~0.1 GB
// and ~1 s to start, and CPU-bound games gain nothing from sharing a core): `--workers 64` on a
// 2-core machine uses 2. 0 means the main thread.
import { availableParallelism } from "node:os"

export interface WorkerChoice {
  readonly workers: number
  /** Said on stderr when a requested count was lowered to the per-core maximum. */
  readonly note?: string
}

export const coreCount = (): number => availableParallelism()

export const chooseWorkers = (o: { readonly requested?: number; readonly tasks: number; readonly cores?: number }): WorkerChoice => {
  const cores = Math.max(1, o.cores ?? coreCount())
  const tasks = Math.max(0, o.tasks)
  if (o.requested === 0) return { workers: 0 }
  const wanted = o.requested ?? cores
  const workers = Math.max(tasks === 0 ? 0 : 1, Math.min(wanted, cores, tasks))
  if (o.requested !== undefined && o.requested > cores && workers < o.requested) {
    return { workers, note: `--workers ${o.requested}: using ${workers} (at most one per core; this machine has ${cores})` }
  }
  return { workers }
}
