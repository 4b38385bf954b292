// The runs of one `regretlab run` on worker threads: the same numbers, bit for bit, as in this
// thread (built-in scenarios, a TS scenario file with its own adversary class, a ball domain),
// a stop gives one consistent round, a run that throws or a thread that dies is reported as such.
import { Effect, Layer } from "effect"
import { describe, expect, it } from "vitest"
import fc from "fast-check"
import {
  dealRuns, neverStopLayer, Progress, Runner, runnerLayer, RunInputError, RunThreadError, RunThreadPool,
  silentProgressLayer, threadRunnerLayer, type RunBatch
} from "../../src/run/index.ts"
import { planRuns, scenarioFromRecipe, type ScenarioRecipe } from "../../src/scenario/index.ts"
import { invoke } from "../cli/in-process.ts"
import { stopAfterUpdates } from "../support/stop-after.ts"

/** Numbers as their exact bits, so equality means bitwise equality (−0 ≠ 0, NaN = NaN). */
const bits = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) => (typeof v === "number" ? `f64:${Buffer.from(Float64Array.of(v).buffer).toString("hex")}` : v))

const play = async (recipe: ScenarioRecipe, workers: number, layers: Layer.Layer<Progress | import("../../src/run/index.ts").StopSignal> = Layer.merge(silentProgressLayer, neverStopLayer), pool?: RunThreadPool): Promise<RunBatch> => {
  const s = await scenarioFromRecipe(recipe)
  const runner = workers > 0 ? threadRunnerLayer({ workers, recipe, ...(pool ? { pool } : {}) }) : runnerLayer
  return Effect.runPromise(
    Effect.gen(function* () { return yield* (yield* Runner).execute(planRuns(s), { horizon: s.horizon }) }).pipe(Effect.provide(runner.pipe(Layer.provide(layers))))
  )
}

const explode = "test/sweep/fixtures/explode.ts"

describe("runs on worker threads", () => {
  it("give bitwise the rows of this thread: built-in, TS file with its own adversary, ball domain (one pool, three batches)", async () => {
    const pool = await RunThreadPool.start(2)
    try {
      for (const recipe of [
        { ref: "reddi2018/stochastic", sets: ["horizon=200000", "seeds=3"] },
        { ref: explode, sets: ["seeds=[4,9]", "horizon=30000"] },
        { ref: "projection/ball-100", sets: ["horizon=300"] }
      ] satisfies ScenarioRecipe[]) {
        const here = await play(recipe, 0)
        const threads = await play(recipe, 2, undefined, pool)
        expect(threads.completion).toEqual({ kind: "complete" })
        expect(here.runs.length, recipe.ref).toBeGreaterThan(1)
        expect(bits(threads), recipe.ref).toBe(bits(here))
      }
    } finally {
      await pool.close()
    }
  })

  it("a stop gives every run still going one common round, with the rows up to it", async () => {
    const recipe = { ref: "reddi2018/online", sets: ["horizon=1000000000", "seeds=2"] }
    const batch = await play(recipe, 2, stopAfterUpdates(6))
    expect(batch.completion.kind).toBe("interrupted")
    const round = (batch.completion as { round: number }).round
    expect(round).toBeGreaterThan(10)
    for (const run of batch.runs) {
      expect(run.status).toEqual({ kind: "interrupted", round })
      expect(run.rows.length).toBeGreaterThan(10)
      expect(run.rows.every((r) => r.t <= round)).toBe(true)
    }
    // The rows are the full run's rows up to that round.
    const full = await play({ ref: "reddi2018/online", sets: [`horizon=${round}`, "seeds=2", "checkpoints.extra=[]"] }, 0)
    for (const [i, run] of batch.runs.entries()) {
      const prefix = full.runs[i].rows.filter((r) => run.rows.some((q) => q.t === r.t))
      expect(bits(run.rows)).toBe(bits(prefix))
    }
  })

  it("an adversary's own UserError fails the run as RunInputError, anything else as a defect, on threads as here; a thread that exits, as a thread failure", async () => {
    const pool = await RunThreadPool.start(2)
    for (const workers of [2, 0]) {
      const refused = await play({ ref: explode, sets: ["adversary.mode=\"refuse\"", "seeds=2"] }, workers, undefined, pool).catch((e: unknown) => e)
      expect(refused, `workers ${workers}`).toBeInstanceOf(RunInputError)
      // Either thread may report first: each plays one seed.
      expect((refused as Error).message).toMatch(/^learner adam \(seed [12]\): the adversary refuses round 5$/)
      const crashed = await play({ ref: explode, sets: ["adversary.mode=\"throw\"", "seeds=2"] }, workers, undefined, pool).catch((e: unknown) => e)
      expect(crashed).not.toBeInstanceOf(RunInputError)
      expect(String(crashed)).toContain("boom at round 5")
    }
    await pool.close()
    await expect(play({ ref: explode, sets: ["adversary.mode=\"exit\"", "seeds=2"] }, 2)).rejects.toThrow(RunThreadError)
  })

  it("deals every run to exactly one thread, each thread a mix of learners", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 8 }), (learners, seeds, threads) => {
      const plans = Array.from({ length: seeds }, (_, s) => Array.from({ length: learners }, (_, l) => ({ learner: `l${l}`, seed: s + 1 }))).flat()
      const hands = dealRuns(plans, threads)
      expect(hands.flat().sort((a, b) => a - b)).toEqual(plans.map((_, i) => i))
      expect(hands.length).toBe(Math.min(threads, plans.length))
      const sizes = hands.map((h) => h.length)
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
      // No thread gets only one learner's runs while another learner's go elsewhere, when it could mix.
      if (learners > 1 && seeds >= threads) for (const h of hands) expect(new Set(h.map((i) => plans[i].learner)).size).toBeGreaterThan(1)
    }))
  })

  it("regretlab run --workers 2 prints the same document as --workers 0", async () => {
    const args = ["run", "reddi2018/online", "--horizon", "100000", "--learners", "adam,adagrad", "--json", "--no-report"]
    const here = await invoke([...args, "--workers", "0"])
    const threads = await invoke([...args, "--workers", "2"])
    expect(here.code, here.stderr).toBe(0)
    expect(threads.stderr).toBe("")
    expect(threads.stdout).toBe(here.stdout)
  })
})
