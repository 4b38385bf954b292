// Inside a worker thread: load each base scenario once, run the jobs the pool sends, post back
// one record per job. Loading (effect, the scenario registry) happens before "ready".
import { parentPort } from "node:worker_threads"
import type { ResolvedScenario } from "../scenario/types.ts"
import { loadBaseScenario } from "./definition.ts"
import { type JobRecord, runJob } from "./execute.ts"
import type { Job } from "./jobs.ts"

export type ToWorker = { readonly type: "job"; readonly job: Job }
export type FromWorker = { readonly type: "ready" } | { readonly type: "done"; readonly record: JobRecord }

const port = parentPort
if (port === null) throw new Error("src/sweep/worker.ts must run in a worker thread")

const bases = new Map<string, Promise<ResolvedScenario>>()

port.on("message", async (msg: ToWorker) => {
  const { job } = msg
  let record: JobRecord
  try {
    let base = bases.get(job.scenarioRef)
    if (base === undefined) {
      base = loadBaseScenario(job.scenarioRef)
      bases.set(job.scenarioRef, base)
    }
    record = runJob(await base, job)
  } catch (e) {
    record = { id: job.id, index: job.index, point: job.point, values: job.values, learner: job.learner, seed: job.seed, status: "failed", reason: e instanceof Error ? e.message : String(e) }
  }
  port.postMessage({ type: "done", record } satisfies FromWorker)
})

port.postMessage({ type: "ready" } satisfies FromWorker)
