// How the search plays a candidate: the scalar loop where it applies must give the framework game's
// rows bit for bit (over random Algorithm-1 configs, not only the four paper forms), everything else
// goes through the game, and a run that diverges scores last.
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { algorithm1Kinds } from "../../src/core/learner/algorithm1/presets.ts"
import type { LearnerConfig } from "../../src/core/learner/learner.ts"
import { resolveLearner } from "../../src/core/learner/resolve.ts"
import { createEngineEvaluator, createEvaluator, createScalarEvaluator, usesScalarLoop, type GameQuery } from "../../src/search/evaluate.ts"
import { scalarIntervalOf, scalarLearnerOf } from "../../src/search/fast-path.ts"
import type { FoundAdversary } from "../../src/search/families.ts"
import { score } from "../../src/search/objective.ts"

const interval = { kind: "box", lower: [-1], upper: [1] }
const config = (spec: Record<string, unknown>): LearnerConfig => resolveLearner(spec as never).config

/** Overrides of any Algorithm-1 field, each present or not; many combinations are invalid and skipped. */
const overridesArb = fc.record({
  alpha: fc.double({ min: 0.01, max: 2, noNaN: true }),
  stepSchedule: fc.constantFrom({ kind: "constant" }, { kind: "inv-sqrt" }, { kind: "power", power: 0.5 }, { kind: "inverse-time", decay: 0 }),
  momentum: fc.constantFrom("none", "ema", "heavy-ball"),
  beta1: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.99, noNaN: true })),
  beta1Schedule: fc.constantFrom({ kind: "constant" }, { kind: "constant" }, { kind: "inverse" }),
  secondMoment: fc.constantFrom("none", "ema", "ema", "sum", "mean"),
  beta2: fc.double({ min: 0.01, max: 0.999, noNaN: true }),
  beta2Schedule: fc.constantFrom("constant", "constant", "inverse-t"),
  amsgrad: fc.constantFrom("off", "raw", "corrected"),
  biasCorrection1: fc.boolean(),
  biasCorrection2: fc.boolean(),
  eps: fc.constantFrom(0, 0, 1e-8),
  epsRoot: fc.constantFrom(0, 0, 1e-8),
  weightDecay: fc.constantFrom(0, 0, 0.01),
  sign: fc.constantFrom(false, false, true)
}, { requiredKeys: [] })

const kindArb = fc.constantFrom(...Object.values(algorithm1Kinds).flatMap((k) => Object.keys(k.presets).map((preset) => ({ kind: k.kind, preset }))))

/** Mostly paper forms (so many configs are ones the loop covers), the rest anything. */
const learnerArb = fc.oneof(
  fc.tuple(fc.constantFrom({ kind: "adam", preset: "paper" }, { kind: "rmsprop", preset: "paper" }, { kind: "amsgrad", preset: "paper" }, { kind: "adagrad", preset: "paper" }),
    fc.record({ alpha: fc.double({ min: 0.01, max: 2, noNaN: true }), beta2: fc.double({ min: 0.01, max: 0.999, noNaN: true }), stepSchedule: fc.constantFrom({ kind: "constant" }, { kind: "inv-sqrt" }), amsgrad: fc.constantFrom("raw", "corrected") }, { requiredKeys: [] })),
  fc.tuple(kindArb, overridesArb)
)

const tryConfig = (spec: Record<string, unknown>): LearnerConfig | undefined => {
  try {
    return config(spec)
  } catch {
    return undefined
  }
}

const rowsOf = (runs: readonly (readonly { t: number; regret?: number; avgRegret: number; pseudoRegret?: number; x?: readonly number[] }[])[]) =>
  runs.map((rows) => rows.map((r) => [r.t, r.regret, r.avgRegret, r.pseudoRegret, r.x?.[0]]))

describe("the scalar loop against the framework's game", () => {
  it("covers exactly the paper-form presets (and their β, α, schedule variants)", () => {
    const covered = (spec: Record<string, unknown>) => scalarLearnerOf(config(spec))
    expect(covered({ kind: "adam" })).toEqual({ kind: "adam", alpha: 0.1, beta1: 0.9, beta2: 0.999, schedule: "inv-sqrt" })
    expect(covered({ kind: "rmsprop", beta2: 0.99 })).toEqual({ kind: "rmsprop", alpha: 0.1, beta1: 0, beta2: 0.99, schedule: "inv-sqrt" })
    expect(covered({ kind: "amsgrad", beta2: 0.99 })?.kind).toBe("amsgrad")
    expect(covered({ kind: "adagrad" })).toEqual({ kind: "adagrad", alpha: 0.5, beta1: 0, beta2: 0, schedule: "inv-sqrt" })
    expect(covered({ kind: "adam", beta1: 0 })?.kind).toBe("rmsprop")
    expect(covered({ kind: "adam", stepSchedule: { kind: "constant" } })?.schedule).toBe("constant")
    for (const spec of [
      { kind: "adam", preset: "pytorch" }, { kind: "adam", preset: "optax" }, { kind: "adam", epsRoot: 1e-8 }, { kind: "adamw" }, { kind: "adamnc" },
      { kind: "adam", beta1Schedule: { kind: "inverse" } }, { kind: "adagrad", preset: "duchi" }, { kind: "ogd" }, { kind: "momentum" }, { kind: "signgd" },
      { kind: "adam", stepSchedule: { kind: "power", power: 0.5 } }, { kind: "ftrl" }, { kind: "ons" }
    ]) expect(covered(spec), JSON.stringify(spec)).toBeUndefined()
    expect(scalarIntervalOf(interval)).toEqual({ lo: -1, hi: 1 })
    expect(scalarIntervalOf({ kind: "box", lower: [-1, -1], upper: [1, 1] })).toBeUndefined()
    expect(scalarIntervalOf({ kind: "ball", center: [0], radius: 1 })).toBeUndefined()
  })

  it("gives the game's rows bit for bit for every config it covers: periodic, periodic-linear and two-point sequences", () => {
    const scalar = createScalarEvaluator(), engine = createEngineEvaluator()
    let covered = 0
    fc.assert(fc.property(
      learnerArb,
      fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 1, maxLength: 9 }),
      fc.double({ min: -2, max: 0, noNaN: true }), fc.double({ min: 0.1, max: 3, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }),
      fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 0, max: 2 }),
      ([kind, overrides], gradients, lo, width, where, T, shape) => {
        const learner = tryConfig({ ...kind, ...overrides })
        fc.pre(learner !== undefined)
        const domain = { kind: "box", lower: [lo], upper: [lo + width] }
        const adversary: FoundAdversary = shape === 0 ? { kind: "periodic", gradients: gradients.map((g) => [g]) }
          : shape === 1 ? { kind: "periodic-linear", C: 1 + Math.abs(gradients[0]) * 10, period: gradients.length + 1, scale: 0.5, direction: [1] }
            : { kind: "two-point-linear", a: [gradients[0]], b: [gradients[gradients.length - 1] / 4], p: where }
        const rounds = [...new Set([Math.max(1, Math.floor(T / 10)), T])].sort((a, b) => a - b)
        const q: GameQuery = { learner: learner!, adversary, domain, start: [lo + where * width], rounds, seeds: [3, 4] }
        if (!usesScalarLoop(q)) return
        covered++
        const fast = scalar(q), game = engine(q)
        if (shape === 2) {
          // Pseudo-regret is summed in a different order (the game adds E f per round with the
          // expected loss's own dot product): equal to rounding; everything else bit for bit.
          expect(fast.map((rs) => rs.map((r) => [r.t, r.regret, r.avgRegret, r.x?.[0]]))).toEqual(game.map((rs) => rs.map((r) => [r.t, r.regret, r.avgRegret, r.x?.[0]])))
          fast.forEach((rs, k) => rs.forEach((r, i) => expect(r.pseudoRegret!).toBeCloseTo(game[k][i].pseudoRegret!, 9)))
        } else expect(rowsOf(fast)).toEqual(rowsOf(game))
      }
    ), { numRuns: 600 })
    // Not vacuous: a good share of the random configs are paper forms the loop plays.
    expect(covered).toBeGreaterThan(40)
  })

  it("createEvaluator takes the scalar loop where it applies and the game everywhere else, with the same numbers", () => {
    const auto = createEvaluator(), engine = createEngineEvaluator()
    const adversary: FoundAdversary = { kind: "periodic", gradients: [[1, -0.5], [-0.25, 0.5], [-0.5, -1]] }
    const two = { kind: "box", lower: [-1, -1], upper: [1, 1] }
    const ball = { kind: "ball", center: [0, 0], radius: 1 }
    for (const [learner, domain] of [[config({ kind: "adam", beta2: 0.99 }), two], [config({ kind: "adam", beta2: 0.99 }), ball], [config({ kind: "ftrl" }), two], [config({ kind: "ons" }), ball]] as const) {
      const q: GameQuery = { learner, adversary, domain, start: [0, 0], rounds: [100, 1000], seeds: [] }
      expect(usesScalarLoop(q)).toBe(false)
      expect(auto(q)).toEqual(engine(q))
    }
    const one: GameQuery = { learner: config({ kind: "adam", beta2: 0.99 }), adversary: { kind: "periodic", gradients: [[1], [-0.5]] }, domain: interval, start: [0], rounds: [10, 100], seeds: [] }
    expect(usesScalarLoop(one)).toBe(true)
    expect(usesScalarLoop({ ...one, engine: true })).toBe(false)
    expect(rowsOf(auto(one))).toEqual(rowsOf(engine(one)))
    expect(() => createScalarEvaluator()({ ...one, learner: config({ kind: "ftrl" }) })).toThrow("learner: expected a paper-form Algorithm-1 learner (the scalar loop's; see fast-path.ts), got \"ftrl\"")
  })

  it("plays i.i.d. adversaries once per seed with common random numbers, oblivious ones once", () => {
    const engine = createEngineEvaluator()
    const learner = config({ kind: "adam", beta2: 0.99, stepSchedule: { kind: "constant" } })
    const tp: GameQuery = { learner, adversary: { kind: "two-point-linear", a: [1, 0], b: [-0.1, 0.5], p: 0.2 }, domain: { kind: "ball", center: [0, 0], radius: 1 }, start: [0, 0], rounds: [50, 500], seeds: [1, 2, 1] }
    const runs = engine(tp)
    expect(runs).toHaveLength(3)
    expect(runs[2]).toEqual(runs[0])
    expect(runs[1]).not.toEqual(runs[0])
    expect(runs[0].every((r) => r.pseudoRegret !== undefined)).toBe(true)
    expect(() => engine({ ...tp, seeds: [] })).toThrow("seeds: expected at least one seed for an i.i.d. adversary, got []")
    expect(engine({ ...tp, adversary: { kind: "periodic", gradients: [[1, 0]] }, seeds: [5, 6] })).toHaveLength(1)
  })

  it("a run that diverges gives NaN rows from that round on, which score −∞", () => {
    const engine = createEngineEvaluator()
    // g² overflows: v becomes infinite and the game stops the run.
    const q: GameQuery = { learner: config({ kind: "adam" }), adversary: { kind: "periodic", gradients: [[1e200], [-1e200]] }, domain: interval, start: [0], rounds: [10, 100], seeds: [] }
    const [rows] = engine(q)
    expect(rows.map((r) => r.t)).toEqual([10, 100])
    expect(rows.every((r) => Number.isNaN(r.avgRegret))).toBe(true)
    expect(score([rows], { horizon: 100, G: 1e200, D: 2, measure: "regret" }).value).toBe(-Infinity)
  })
})
