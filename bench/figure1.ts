// The Figure-1 case of `npm run bench`: the paper's Figure 1 workload — reddi2018/online at
// T = 10^7 with its three learners, plus reddi2018/stochastic at T = 10^7 with 10 seeds (two
// learners) — played serially in this thread, then on one worker thread per core, as
// `regretlab run` plays it. As in the sweep case, the threads are started (and their code loaded)
// before the clock starts, so the ratio measures the runner, not thread start-up; the start-up is
// printed beside it, and so is the wall time of the whole case. Target: ≥ 1.7 on 2 cores.
import { availableParallelism } from "node:os"
import { Effect, Layer } from "effect"
import { neverStopLayer, Runner, runnerLayer, RunThreadPool, silentProgressLayer, threadRunnerLayer, type RunBatch } from "../src/run/index.ts"
import { planRuns, scenarioFromRecipe, type ScenarioRecipe } from "../src/scenario/index.ts"

const recipes = (horizon: number): readonly ScenarioRecipe[] => [
  { ref: "reddi2018/online", sets: [`horizon=${horizon}`] },
  { ref: "reddi2018/stochastic", sets: [`horizon=${horizon}`, "seeds=10"] }
]
const REPEATS = 3

const playBatch = async (recipe: ScenarioRecipe, pool?: RunThreadPool): Promise<RunBatch> => {
  const s = await scenarioFromRecipe(recipe)
  const runner = pool === undefined ? runnerLayer : threadRunnerLayer({ workers: pool.size, recipe, pool })
  return Effect.runPromise(
    Effect.gen(function* () { return yield* (yield* Runner).execute(planRuns(s), { horizon: s.horizon }) }).pipe(
      Effect.provide(runner.pipe(Layer.provide(Layer.merge(silentProgressLayer, neverStopLayer))))
    )
  )
}

/** Both batches, one after the other; the rows, to check the two ways agree. */
const workload = async (horizon: number, pool?: RunThreadPool): Promise<{ ms: number; rows: string }> => {
  const t0 = performance.now()
  const batches = []
  for (const recipe of recipes(horizon)) batches.push(await playBatch(recipe, pool))
  return { ms: performance.now() - t0, rows: JSON.stringify(batches.map((b) => b.runs)) }
}

export interface Figure1Result {
  readonly horizon: number
  readonly runs: number
  readonly workers: number
  readonly serialMs: number
  readonly threadsMs: number
  readonly startMs: number
  readonly speedup: number
  readonly wallMs: number
}

export async function benchFigure1(workers = availableParallelism(), horizon = 10_000_000): Promise<Figure1Result> {
  const wall0 = performance.now()
  const s0 = performance.now()
  const pool = await RunThreadPool.start(workers)
  const startMs = performance.now() - s0
  try {
    // Warm-up: a short pass each way, so both sides run optimised code.
    for (const recipe of recipes(200_000)) {
      await playBatch(recipe)
      await playBatch(recipe, pool)
    }
    let serialMs = Infinity, threadsMs = Infinity
    let reference: string | undefined
    // Interleaved, best of REPEATS: both sides see the same machine load.
    for (let r = 0; r < REPEATS; r++) {
      const serial = await workload(horizon)
      const threads = await workload(horizon, pool)
      reference ??= serial.rows
      if (serial.rows !== reference || threads.rows !== reference) throw new Error("bench figure 1: threads and this thread gave different numbers")
      serialMs = Math.min(serialMs, serial.ms)
      threadsMs = Math.min(threadsMs, threads.ms)
    }
    const runs = (JSON.parse(reference!) as unknown[][]).flat().length
    return { horizon, runs, workers: pool.size, serialMs, threadsMs, startMs, speedup: serialMs / threadsMs, wallMs: performance.now() - wall0 }
  } finally {
    await pool.close()
  }
}

export const figure1Line = (r: Figure1Result): string =>
  `(g) Figure 1 workload (reddi2018/online T = ${r.horizon.toExponential(0).replace("+", "")} × 3 learners + reddi2018/stochastic T = ${r.horizon.toExponential(0).replace("+", "")} × 2 learners × 10 seeds, ${r.runs} runs): ` +
  `serial ${(r.serialMs / 1000).toFixed(2)} s, ${r.workers} workers ${(r.threadsMs / 1000).toFixed(2)} s (threads started beforehand in ${(r.startMs / 1000).toFixed(2)} s), ` +
  `speedup ${r.speedup.toFixed(2)} (target ≥ 1.7 on 2 cores); numbers identical; wall time of the case ${(r.wallMs / 1000).toFixed(1)} s`

// `node --import tsx/esm bench/figure1.ts` runs it alone.
if (import.meta.url === `file://${process.argv[1]}`) console.log(figure1Line(await benchFigure1()))
