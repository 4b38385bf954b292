// The search's scalar loop against the framework's game (two code paths agree) and against
// published and independently computed numbers.
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { createAdversary } from "../../src/core/adversary/index.ts"
import { createInterval } from "../../src/core/domain/index.ts"
import { playGame } from "../../src/core/game/game.ts"
import { createLearner } from "../../src/core/learner/registry.ts"
import type { LearnerSpec } from "../../src/core/learner/resolve.ts"
import { resolveLearner } from "../../src/core/learner/resolve.ts"
import { createRandomSource } from "../../src/core/rng.ts"
import type { CheckpointRow } from "../../src/core/types.ts"
import { playPeriodic, playTwoPoint, ScalarGameError, type ScalarLearner } from "../../src/search/scalar-game.ts"

/** The same learner as the framework's resolver spells it. */
const engineSpec = (l: ScalarLearner): LearnerSpec => {
  const stepSchedule = { kind: l.schedule } as const
  if (l.kind === "adagrad") return { kind: "adagrad", alpha: l.alpha, stepSchedule }
  if (l.kind === "rmsprop") return { kind: "rmsprop", alpha: l.alpha, beta2: l.beta2, stepSchedule }
  return { kind: l.kind, alpha: l.alpha, beta1: l.beta1, beta2: l.beta2, stepSchedule }
}

const engineRows = (l: ScalarLearner, lo: number, hi: number, start: number, adversary: Record<string, unknown>, rounds: number[], seed = 1): CheckpointRow[] => {
  const domain = createInterval(lo, hi)
  const T = rounds[rounds.length - 1]
  const result = playGame({
    domain,
    adversary: createAdversary({ kind: "", ...adversary } as never, 1),
    learner: createLearner(resolveLearner(engineSpec(l)).config, domain),
    horizon: T,
    start: Float64Array.of(start),
    random: createRandomSource(seed),
    checkpoints: rounds
  })
  expect(result.status.kind).toBe("ok")
  return result.rows.filter((r) => rounds.includes(r.t)) as CheckpointRow[]
}

const learnerArb: fc.Arbitrary<ScalarLearner> = fc.record({
  kind: fc.constantFrom("adam", "rmsprop", "amsgrad", "adagrad"),
  alpha: fc.double({ min: 0.01, max: 2, noNaN: true }),
  beta1: fc.double({ min: 0, max: 0.99, noNaN: true }),
  beta2: fc.double({ min: 0.01, max: 0.999, noNaN: true }),
  schedule: fc.constantFrom("inv-sqrt", "constant")
}).map((l) => (l.kind === "rmsprop" || l.kind === "adagrad" ? { ...l, beta1: 0 } : l) as ScalarLearner)

const paperAdam: ScalarLearner = { kind: "adam", alpha: 0.5, beta1: 0.9, beta2: 0.99, schedule: "inv-sqrt" }

describe("scalar game", () => {
  it("gives the framework game's rows bit for bit on periodic sequences (any learner, interval, start)", () => {
    fc.assert(fc.property(
      learnerArb,
      fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 1, maxLength: 12 }),
      fc.double({ min: -3, max: 0, noNaN: true }), fc.double({ min: 0.1, max: 3, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }),
      fc.integer({ min: 1, max: 3000 }),
      (learner, gradients, lo, width, where, T) => {
        const hi = lo + width, start = lo + where * width
        const rounds = [...new Set([Math.max(1, Math.floor(T / 10)), Math.max(1, Math.floor(T / 3)), T])].sort((a, b) => a - b)
        const fast = playPeriodic(learner, { lo, hi }, start, Float64Array.from(gradients), rounds)
        const game = engineRows(learner, lo, hi, start, { kind: "periodic", gradients: gradients.map((g) => [g]) }, rounds)
        expect(fast.map((r) => [r.t, r.regret, r.avgRegret, r.x])).toEqual(game.map((r) => [r.t, r.regret, r.avgRegret, r.x![0]]))
      }
    ), { numRuns: 150 })
  })

  it("agrees with the game's periodic-linear adversary, whose sums are closed forms (to 1e-12)", () => {
    for (const [C, period, scale] of [[3, 3, 1], [101, 101, 10], [7.5, 9, 0.3]]) {
      const g = new Float64Array(period).fill(-scale)
      g[0] = scale * C
      const rounds = [1000, 10_000]
      const fast = playPeriodic(paperAdam, { lo: -1, hi: 1 }, 0, g, rounds)
      const game = engineRows(paperAdam, -1, 1, 0, { kind: "periodic-linear", C, period, scale }, rounds)
      fast.forEach((r, i) => {
        expect(r.x).toBe(game[i].x![0])
        expect(r.avgRegret).toBeCloseTo(game[i].avgRegret, 12)
      })
    }
  })

  it("agrees with the game's bernoulli-linear adversary on the same uniforms, regret and pseudo-regret", () => {
    for (const [C, p, s, seed] of [[101, 0.01, 10, 1], [3, 0.3, 1, 2], [20, 0.06, 2, 3]]) {
      const T = 20_000
      const u = createRandomSource(seed).stream("adversary")
      const uniforms = Float64Array.from({ length: T }, () => u())
      const rounds = [2000, T]
      for (const learner of [paperAdam, { ...paperAdam, kind: "amsgrad" } as const]) {
        const fast = playTwoPoint(learner, { lo: -1, hi: 1 }, 0, s * C, -s, p, uniforms, rounds)
        const game = engineRows(learner, -1, 1, 0, { kind: "bernoulli-linear", C, p, scale: s }, rounds, seed)
        fast.forEach((r, i) => {
          expect(r.x).toBe(game[i].x![0])
          expect(r.regret).toBe(game[i].regret)
          expect(r.pseudoRegret!).toBeCloseTo(game[i].pseudoRegret!, 9)
        })
      }
    }
  })

  it("reproduces the independently computed Section 5 online numbers (α = 0.5/√t, x₁ = 0, T = 10⁶)", () => {
    const g = new Float64Array(101).fill(-10)
    g[0] = 1010
    const at = (l: ScalarLearner) => playPeriodic(l, { lo: -1, hi: 1 }, 0, g, [1_000_000])[0]
    const adam = at(paperAdam), ams = at({ ...paperAdam, kind: "amsgrad" }), ada = at({ kind: "adagrad", alpha: 0.5, beta1: 0, beta2: 0, schedule: "inv-sqrt" })
    expect(adam.x).toBe(1)
    expect(adam.avgRegret).toBeCloseTo(0.228, 3)
    expect(ams.x).toBeCloseTo(-0.997, 3)
    expect(ams.avgRegret).toBeCloseTo(0.035, 3)
    expect(ada.x).toBeCloseTo(-0.977, 3)
    expect(ada.avgRegret).toBeCloseTo(0.085, 3)
  })

  it("reproduces Theorem 1: β1 = 0, β2 = 1/(1+C²), x₁ = 1 gives R_T/T ≈ (2C−4)/3", () => {
    for (const [C, want] of [[3, 0.671], [5, 2.004], [10, 5.338]]) {
      const beta2 = 1 / (1 + C * C)
      const l: ScalarLearner = { kind: "rmsprop", alpha: 0.9 * Math.sqrt(1 - beta2), beta1: 0, beta2, schedule: "inv-sqrt" }
      const [row] = playPeriodic(l, { lo: -1, hi: 1 }, 1, Float64Array.of(C, -1, -1), [30_000])
      expect(row.avgRegret).toBeCloseTo(want, 3)
    }
  })

  it("rejects bad input naming the field", () => {
    const g = Float64Array.of(1)
    expect(() => playPeriodic({ ...paperAdam, beta1: 1 }, { lo: -1, hi: 1 }, 0, g, [10])).toThrow("learner.beta1: expected a number in [0, 1), got 1")
    expect(() => playPeriodic({ ...paperAdam, kind: "rmsprop" }, { lo: -1, hi: 1 }, 0, g, [10])).toThrow("learner.beta1: expected 0 for rmsprop, got 0.9")
    expect(() => playPeriodic(paperAdam, { lo: 1, hi: -1 }, 0, g, [10])).toThrow(ScalarGameError)
    expect(() => playPeriodic(paperAdam, { lo: -1, hi: 1 }, 2, g, [10])).toThrow("start: expected a point of [-1, 1], got 2")
    expect(() => playPeriodic(paperAdam, { lo: -1, hi: 1 }, 0, g, [10, 5])).toThrow("rounds[1]: expected ascending integers ≥ 1, got 5")
    expect(() => playPeriodic(paperAdam, { lo: -1, hi: 1 }, 0, Float64Array.of(1, NaN), [10])).toThrow("gradients[1]: expected a finite number, got NaN")
    expect(() => playTwoPoint(paperAdam, { lo: -1, hi: 1 }, 0, 1, -1, 0.5, new Float64Array(5), [10])).toThrow("uniforms: expected at least 10 uniforms (the horizon), got 5")
  })
})
