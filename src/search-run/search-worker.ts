// Inside a worker thread of a search: plays the games the pool sends (a slice of one generation's
// candidates, or a verification) or a whole cell of a failure-region grid, and posts the rows back.
// One evaluator per worker, so the scalar loop's warm-up and the uniforms of i.i.d. sequences are
// made once; the user's modules (--import: their own learner kind) load first, through the same
// loader as a user's scenario, so "regretlab" in them is this worker's copy of the package.
import { parentPort, workerData } from "node:worker_threads"
import { UserError } from "../core/config/error.ts"
import { importUserModule } from "../scenario/load-module.ts"
import { createEvaluator, type GameQuery, type Rows } from "../search/evaluate.ts"
import { runRegionCell, type CellOutcome, type RegionCell } from "../search/region.ts"

export type ToSearchWorker =
  | { readonly type: "games"; readonly id: number; readonly queries: readonly GameQuery[] }
  | { readonly type: "cell"; readonly id: number; readonly evaluations: number; readonly cell: RegionCell }

export type FromSearchWorker =
  | { readonly type: "ready" }
  | { readonly type: "games"; readonly id: number; readonly results: readonly (readonly Rows[])[] }
  | { readonly type: "cell"; readonly id: number; readonly outcome: CellOutcome }
  | { readonly type: "error"; readonly id: number; readonly message: string; readonly user: boolean }

const port = parentPort
if (port === null) throw new Error("src/search-run/search-worker.ts must run in a worker thread")

/** A module of the user's (an absolute path) and the name to show in its errors. */
export interface UserModule {
  readonly file: string
  readonly shown: string
}

// Modules that register the user's own kinds, loaded before any game.
for (const m of (workerData as { imports?: readonly UserModule[] } | undefined)?.imports ?? []) await importUserModule(m.file, m.shown)

const evaluate = createEvaluator()

port.on("message", (msg: ToSearchWorker) => {
  let reply: FromSearchWorker
  try {
    reply = msg.type === "games"
      ? { type: "games", id: msg.id, results: msg.queries.map(evaluate) }
      : { type: "cell", id: msg.id, outcome: runRegionCell({ evaluations: msg.evaluations }, msg.cell, evaluate) }
  } catch (e) {
    reply = { type: "error", id: msg.id, message: e instanceof Error ? e.message : String(e), user: e instanceof UserError }
  }
  port.postMessage(reply)
})

port.postMessage({ type: "ready" } satisfies FromSearchWorker)
