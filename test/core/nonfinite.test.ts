// Numbers near the top of the double range: a closed-form sum stays exact where it is finite, and
// a run whose totals (cumulative loss, comparator, regret) stop being finite ends as diverged at a
// checkpoint, on the fused and the plain path alike, with no NaN in its rows.
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { createAdversary } from "../../src/core/adversary/index.ts"
import { logCheckpoints } from "../../src/core/checkpoints.ts"
import { createInterval } from "../../src/core/domain/index.ts"
import { Game } from "../../src/core/game/game.ts"
import { createLearner } from "../../src/core/learner/registry.ts"
import { resolveLearner, type LearnerSpec } from "../../src/core/learner/resolve.ts"
import { createRandomSource } from "../../src/core/rng.ts"
import { countedSum } from "../../src/core/sum.ts"
import type { CheckpointRow } from "../../src/core/types.ts"

const interval = createInterval(-1, 1)

const play = (scale: number, spec: LearnerSpec, horizon: number, path: "fastest" | "plain") =>
  new Game({
    domain: interval,
    adversary: createAdversary({ kind: "periodic-linear", C: 101, period: 101, scale }, 1),
    learner: createLearner(resolveLearner(spec).config, interval),
    horizon,
    start: Float64Array.of(0),
    random: createRandomSource(1),
    checkpoints: logCheckpoints(horizon),
    path
  }).run()

const totals = (r: CheckpointRow) => [r.cumLoss, r.comparatorLoss, r.regret, r.avgRegret, r.pseudoRegret ?? 0]

describe("closed-form sums near overflow", () => {
  it("n·a + m·b is exact to far below an ulp when a is too large for Veltkamp's split", () => {
    const out = new Float64Array(2)
    for (const [n, a, m, b] of [[10, 1.01e307, 990, -1e305], [3, 1.7e308 / 4, 1, -1.3e308], [2 ** 40, 1e290, 5, 3.3e307]]) {
      countedSum(n, a, m, b, out, 0)
      expect(Number.isFinite(out[1])).toBe(true)
      // Every term is an integer at these magnitudes, so BigInt gives the exact value.
      const exact = BigInt(n) * BigInt(a) + BigInt(m) * BigInt(b)
      const got = BigInt(out[0]) + BigInt(out[1])
      const diff = got > exact ? got - exact : exact - got
      expect(diff <= (exact < 0n ? -exact : exact) >> 100n).toBe(true)
    }
  })

  it("an overflowed sum is ±Infinity with no NaN compensation", () => {
    const out = new Float64Array(2)
    countedSum(3, 1e308, 0, 1, out, 0)
    expect(out[0]).toBe(Infinity)
    expect(out[1]).toBe(0)
  })
})

describe("non-finite totals end a run as diverged", () => {
  it("periodic-linear at scale 1e305: signgd and ogd get the exact comparator, never NaN", () => {
    for (const kind of ["signgd", "ogd"]) {
      for (const path of ["fastest", "plain"] as const) {
        const r = play(1e305, { kind } as LearnerSpec, 1000, path)
        expect(r.status, `${kind} ${path}`).toEqual({ kind: "ok" })
        expect(r.rows.at(-1)!.t).toBe(1000)
        for (const row of r.rows) expect(totals(row).every(Number.isFinite), `${kind} ${path} t=${row.t}`).toBe(true)
        // Round 1's gradient is s·C = 1.01e307: the best point is −1, with loss −1.01e307.
        expect(r.rows[0].comparatorLoss).toBe(-(1e305 * 101))
      }
    }
  })

  it("at scale 1e306 the gradient sum overflows: diverged at the checkpoint, rows before it finite, both paths alike", () => {
    for (const kind of ["signgd", "ogd"]) {
      const fused = play(1e306, { kind } as LearnerSpec, 1000, "fastest")
      const plain = play(1e306, { kind } as LearnerSpec, 1000, "plain")
      expect(fused).toEqual(plain)
      expect(fused.status.kind, kind).toBe("diverged")
      if (fused.status.kind !== "diverged") continue
      // The second big gradient (round 102) takes Σg past the largest double.
      expect(fused.status.round).toBeGreaterThanOrEqual(102)
      expect(fused.status.what).toBe("comparator")
      expect(fused.status.value).toBe(-Infinity)
      expect(fused.rows.length).toBeGreaterThan(10)
      for (const row of fused.rows) {
        expect(row.t).toBeLessThan(fused.status.round)
        expect(totals(row).every(Number.isFinite)).toBe(true)
      }
    }
  })

  it("Adam's v = g² overflows in round 1: its own state check stops it first", () => {
    expect(play(1e306, { kind: "adam" }, 1000, "fastest")).toEqual({ rows: [], status: { kind: "diverged", round: 1, what: "state", value: Infinity } })
  })

  it("for any scale up to the largest double, rows hold finite totals and the two paths agree", () => {
    fc.assert(fc.property(fc.double({ min: 1e290, max: 1.7e306, noNaN: true }), fc.constantFrom("signgd", "ogd", "adam", "amsgrad"), (scale, kind) => {
      const fused = play(scale, { kind } as LearnerSpec, 400, "fastest")
      expect(play(scale, { kind } as LearnerSpec, 400, "plain")).toEqual(fused)
      for (const row of fused.rows) expect(totals(row).every(Number.isFinite)).toBe(true)
      if (fused.status.kind === "ok") expect(fused.rows.at(-1)!.t).toBe(400)
    }), { numRuns: 40 })
  })
})
