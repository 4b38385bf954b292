// Worker threads for a search. A generation's games are split into contiguous slices, one
// per worker, and the rows come back in the order asked, so the search is the same whatever the
// number of workers (its ask/tell reads results by position, never by arrival). A failure-region
// grid runs whole cells instead, one per worker at a time. With no workers the games run in this
// thread, yielding to the event loop between batches so a Ctrl-C is seen.
import { Worker } from "node:worker_threads"
import { UserError } from "../core/config/error.ts"
import { createEvaluator, type GameQuery, type Rows } from "../search/evaluate.ts"
import { runRegionCell, type CellOutcome, type RegionCell } from "../search/region.ts"
import type { FromSearchWorker, ToSearchWorker, UserModule } from "./search-worker.ts"

const entry = new URL("./search-worker-entry.js", import.meta.url)

type Pending = { readonly resolve: (m: FromSearchWorker) => void; readonly reject: (e: Error) => void }

class Slot {
  readonly pending = new Map<number, Pending>()
  dead: Error | undefined

  constructor(readonly worker: Worker) {
    worker.on("message", (m: FromSearchWorker) => {
      if (m.type === "ready") return
      const p = this.pending.get(m.id)
      if (p === undefined) return
      this.pending.delete(m.id)
      if (m.type === "error") p.reject(m.user ? new UserError(m.message) : new Error(m.message))
      else p.resolve(m)
    })
    const die = (why: string) => {
      this.dead ??= new Error(`a search worker stopped: ${why}`)
      for (const p of this.pending.values()) p.reject(this.dead)
      this.pending.clear()
    }
    worker.on("error", (e) => die(e instanceof Error ? e.message : String(e)))
    worker.on("exit", (code) => die(`exited with code ${code}`))
  }

  send(message: ToSearchWorker): Promise<FromSearchWorker> {
    if (this.dead !== undefined) return Promise.reject(this.dead)
    return new Promise((resolve, reject) => {
      this.pending.set(message.id, { resolve, reject })
      this.worker.postMessage(message)
    })
  }
}

const spawn = (imports: readonly UserModule[]): Promise<Worker> =>
  new Promise((resolve, reject) => {
    const w = new Worker(entry, { workerData: { imports } })
    const onMessage = (m: FromSearchWorker) => {
      if (m.type === "ready") {
        w.off("error", reject)
        w.off("message", onMessage)
        resolve(w)
      }
    }
    w.on("message", onMessage)
    w.once("error", reject)
  })

/** Contiguous slices of n items over k workers, the first n mod k one longer. */
export const slices = (n: number, k: number): [number, number][] => {
  const out: [number, number][] = []
  const base = Math.floor(n / k), extra = n % k
  for (let i = 0, from = 0; i < k && from < n; i++) {
    const len = base + (i < extra ? 1 : 0)
    if (len > 0) out.push([from, from + len])
    from += len
  }
  return out
}

export interface GamePlayer {
  /** Plays a batch of games; rows in the order of the queries. */
  evaluate(queries: readonly GameQuery[]): Promise<readonly (readonly Rows[])[]>
  /** Runs cells, each to its outcome, until all are done or shouldStop(); outcomes in any order. */
  runCells(evaluations: number, cells: readonly RegionCell[], onOutcome: (o: CellOutcome) => void, shouldStop: () => boolean): Promise<{ readonly stopped: boolean }>
  readonly size: number
  close(): Promise<void>
}

const nextTick = () => new Promise<void>((r) => setImmediate(r))

/** The games in this thread (workers = 0). */
export const inlinePlayer = (): GamePlayer => {
  const evaluate = createEvaluator()
  return {
    size: 0,
    async evaluate(queries) {
      await nextTick()
      return queries.map(evaluate)
    },
    async runCells(evaluations, cells, onOutcome, shouldStop) {
      for (const cell of cells) {
        await nextTick()
        if (shouldStop()) return { stopped: true }
        onOutcome(runRegionCell({ evaluations }, cell, evaluate))
      }
      return { stopped: false }
    },
    async close() {}
  }
}

export class SearchPool implements GamePlayer {
  private id = 0

  private constructor(private readonly slots: Slot[]) {}

  /** Starts n workers and waits until each has loaded the search and the user's modules `imports`. */
  static async start(n: number, imports: readonly UserModule[] = []): Promise<SearchPool> {
    if (!Number.isInteger(n) || n < 1) throw new UserError(`workers: expected an integer ≥ 1, got ${n}`)
    const workers = await Promise.all(Array.from({ length: n }, () => spawn(imports)))
    return new SearchPool(workers.map((w) => new Slot(w)))
  }

  get size(): number {
    return this.slots.length
  }

  async evaluate(queries: readonly GameQuery[]): Promise<readonly (readonly Rows[])[]> {
    const parts = slices(queries.length, this.slots.length)
    const replies = await Promise.all(parts.map(([from, to], i) => this.slots[i].send({ type: "games", id: ++this.id, queries: queries.slice(from, to) })))
    return replies.flatMap((m) => (m.type === "games" ? m.results : []))
  }

  runCells(evaluations: number, cells: readonly RegionCell[], onOutcome: (o: CellOutcome) => void, shouldStop: () => boolean): Promise<{ readonly stopped: boolean }> {
    let next = 0
    let stopped = false
    const work = async (slot: Slot): Promise<void> => {
      while (next < cells.length) {
        if (shouldStop()) {
          stopped = true
          return
        }
        const cell = cells[next++]
        const m = await slot.send({ type: "cell", id: ++this.id, evaluations, cell })
        if (m.type === "cell") onOutcome(m.outcome)
      }
    }
    return Promise.all(this.slots.map(work)).then(() => ({ stopped }))
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => {
      s.worker.removeAllListeners()
      return s.worker.terminate()
    }))
  }
}

/** Workers (n ≥ 1) or this thread (n = 0); the user's modules `imports` load in every worker first. */
export const startPlayer = async (workers: number, imports: readonly UserModule[] = []): Promise<GamePlayer> => (workers === 0 ? inlinePlayer() : SearchPool.start(workers, imports))
