// The run layer in-process: slices must not change the numbers, a stop request returns the partial
// runs with a consistent completion, and progress counts up to the total.
import { Effect, Layer } from "effect"
import { describe, expect, it } from "vitest"
import { logCheckpoints } from "../../src/core/checkpoints.ts"
import { createInterval } from "../../src/core/domain/index.ts"
import { FarEndAdversary } from "../../src/core/adversary/index.ts"
import { Game, playGame } from "../../src/core/game/game.ts"
import { createLearner } from "../../src/core/learner/registry.ts"
import { resolveLearner } from "../../src/core/learner/resolve.ts"
import { createRandomSource } from "../../src/core/rng.ts"
import {
  neverStopLayer, Progress, recordingProgress, Runner, runnerLayer,
  silentProgressLayer, type RunnablePlan
} from "../../src/run/index.ts"
import { stopAfterUpdates } from "../support/stop-after.ts"

const horizon = 20_000
const spec = (kind: "adam" | "amsgrad", seed: number) => {
  const domain = createInterval(-1, 1)
  return {
    domain,
    adversary: new FarEndAdversary(1, new Float64Array([0]), 1),
    learner: createLearner(resolveLearner({ kind }).config, domain),
    horizon,
    start: new Float64Array([0.5]),
    random: createRandomSource(seed),
    checkpoints: logCheckpoints(horizon, 10)
  }
}
const plans: RunnablePlan[] = [
  { learner: "adam", seed: 1, createGame: () => new Game(spec("adam", 1)) },
  { learner: "amsgrad", seed: 1, createGame: () => new Game(spec("amsgrad", 1)) }
]

const execute = (layer: Layer.Layer<Progress | import("../../src/run/index.ts").StopSignal>, initialChunk = 1000) =>
  Effect.runPromise(
    Effect.gen(function* () {
      const runner = yield* Runner
      return yield* runner.execute(plans, { horizon, initialChunk, maxChunk: 1000 })
    }).pipe(Effect.provide(runnerLayer.pipe(Layer.provide(layer))))
  )

describe("Runner", () => {
  it("gives the same rows as one uninterrupted playGame", async () => {
    const batch = await execute(Layer.merge(silentProgressLayer, neverStopLayer), 777)
    expect(batch.completion).toEqual({ kind: "complete" })
    expect(batch.runs.map((r) => r.learner)).toEqual(["adam", "amsgrad"])
    expect(batch.runs[0].rows).toEqual(playGame(spec("adam", 1)).rows)
    expect(batch.runs[1].rows).toEqual(playGame(spec("amsgrad", 1)).rows)
    expect(batch.runs[0].rows.at(-1)?.t).toBe(horizon)
  })

  it("reports progress up to the total", async () => {
    const rec = recordingProgress()
    await execute(Layer.merge(rec.layer, neverStopLayer))
    const done = rec.snapshots.map((s) => s.done)
    expect(done.length).toBeGreaterThan(2)
    expect(done).toEqual([...done].sort((a, b) => a - b))
    expect(done.at(-1)).toBe(2 * horizon)
    expect(rec.snapshots.every((s) => s.total === 2 * horizon)).toBe(true)
  })

  it("returns the partial runs, marked interrupted, when a stop is requested", async () => {
    // Stop after the third slice.
    const batch = await execute(stopAfterUpdates(3))
    expect(batch.completion).toEqual({ kind: "interrupted", round: 3000 })
    for (const run of batch.runs) {
      expect(run.status).toEqual({ kind: "interrupted", round: 3000 })
      const full = playGame(spec(run.learner as "adam", 1)).rows
      expect(run.rows).toEqual(full.filter((r) => r.t <= 3000))
    }
  })

  it("turns a game that cannot start into a typed error", async () => {
    const bad: RunnablePlan = { learner: "x", seed: 2, createGame: () => { throw new Error("start is outside the domain") } }
    const exit = await Effect.runPromise(
      Effect.gen(function* () { return yield* (yield* Runner).execute([bad], { horizon: 10 }) }).pipe(
        Effect.flip,
        Effect.provide(runnerLayer.pipe(Layer.provide(Layer.merge(silentProgressLayer, neverStopLayer))))
      )
    )
    expect(exit.message).toBe("cannot start learner x (seed 2): start is outside the domain")
  })
})
