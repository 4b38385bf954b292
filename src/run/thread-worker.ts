// Inside a run thread: for each batch it is sent, rebuild the scenario from its recipe, create the
// batch's games and play them slice by slice (interleaved, like the in-process runner),
// publishing rounds played and polling the shared stop flag between slices; then post every
// run's rows and status back and wait for the next batch.
import { parentPort } from "node:worker_threads"
import { UserError } from "../core/config/error.ts"
import type { Game } from "../core/game/game.ts"
import { planRuns } from "../scenario/plan.ts"
import { scenarioFromRecipe } from "../scenario/recipe.ts"
import { firstChunk, nextChunk } from "./slices.ts"
import type { FromRunThread, ThreadBatch, ToRunThread } from "./thread-batch.ts"

const port = parentPort
if (port === null) throw new Error("src/run/thread-worker.ts must run in a worker thread")
const post = (m: FromRunThread) => port.postMessage(m)

const play = async (batch: ThreadBatch): Promise<void> => {
  const stop = new Int32Array(batch.stop)
  const progress = new Float64Array(batch.progress)
  const scenario = await scenarioFromRecipe(batch.recipe)
  const plans = planRuns(scenario)
  const games: Game[] = []
  for (const run of batch.runs) {
    const plan = plans.find((p) => p.learner === run.learner && p.seed === run.seed)
    if (plan === undefined) return post({ type: "failed", reason: `no run of learner ${run.learner} with seed ${run.seed} in the rebuilt scenario` })
    try {
      games.push(plan.createGame())
    } catch (e) {
      return post({ type: "setup", learner: run.learner, seed: run.seed, reason: e instanceof Error ? e.message : String(e) })
    }
  }
  const horizon = scenario.horizon
  post({ type: "ready" })
  let chunk = firstChunk(batch.slices)
  while (games.some((g) => !g.done) && Atomics.load(stop, 0) === 0) {
    const before = performance.now()
    for (let i = 0; i < games.length; i++) {
      const g = games[i]
      try {
        if (!g.done) g.advance(chunk)
      } catch (e) {
        const { learner, seed } = batch.runs[i]
        return post({ type: e instanceof UserError ? "input" : "crashed", learner, seed, reason: e instanceof Error ? e.message : String(e) })
      }
      progress[batch.runs[i].index] = g.done ? horizon : g.t
    }
    chunk = nextChunk(chunk, performance.now() - before, batch.slices)
  }
  post({ type: "done", runs: games.map((g, i) => ({ index: batch.runs[i].index, rows: g.rows, status: g.status, t: g.t, done: g.done })) })
}

port.on("message", (m: ToRunThread) => {
  play(m.batch).catch((e: unknown) => post({ type: "failed", reason: e instanceof Error ? e.message : String(e) }))
})
post({ type: "loaded" })
