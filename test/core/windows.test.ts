// The extremes a row keeps over its window (the rounds since the previous row): every round's
// R_t/t, x_t and min_i Γ_t lies inside them and both ends are values of some round, checked against
// a per-round replay written independently of the accounting; the fused kernel keeps them bit for
// bit as the plain path does.
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { createAdversary } from "../../src/core/adversary/index.ts"
import { logCheckpoints } from "../../src/core/checkpoints.ts"
import { createDomain } from "../../src/core/domain/index.ts"
import { Game } from "../../src/core/game/game.ts"
import { createLearner } from "../../src/core/learner/registry.ts"
import { resolveLearner, type LearnerSpec } from "../../src/core/learner/resolve.ts"
import { createRandomSource } from "../../src/core/rng.ts"
import type { AdversaryConfig } from "../../src/scenario/types.ts"
import type { DomainConfig } from "../../src/core/types.ts"
import { checkWindows, close, replaySection5 as replay, rowWindows } from "../reference/section5-replay.ts"

const play = (domain: DomainConfig, adversary: AdversaryConfig, spec: LearnerSpec, horizon: number, start: readonly number[], options: { path?: "plain" | "fastest"; windows?: boolean; seed?: number } = {}) => {
  const d = createDomain(domain)
  return new Game({
    domain: d, adversary: createAdversary(adversary, d.dim), learner: createLearner(resolveLearner(spec).config, d), horizon,
    start: Float64Array.from(start), random: createRandomSource(options.seed ?? 1), checkpoints: logCheckpoints(horizon),
    path: options.path ?? "fastest", ...(options.windows === undefined ? {} : { windows: options.windows })
  }).run()
}

describe("window extremes between checkpoints", () => {
  const section5 = { kind: "periodic-linear", C: 101, period: 101, scale: 10 }
  const specs = { adam: { kind: "adam", alpha: 0.5, beta1: 0.9, beta2: 0.99 }, amsgrad: { kind: "amsgrad", alpha: 0.5, beta1: 0.9, beta2: 0.99 }, adagrad: { kind: "adagrad", alpha: 0.5 } } as const

  it("hold every round's R_t/t, x_t and Γ_t of Section 5 at T = 10⁴, with both ends attained", () => {
    for (const kind of ["adam", "amsgrad", "adagrad"] as const) {
      const { rows } = play({ kind: "box", lower: [-1], upper: [1] }, section5, specs[kind], 10_000, [0])
      const ref = replay(kind, 10_000)
      // The checkpoint samples themselves agree with the replay (the windows add to them, never replace them).
      for (const row of rows) expect(close(row.avgRegret, ref.r[row.t - 1]), `${kind} R_t/t at ${row.t}`).toBe(true)
      checkWindows(rowWindows(rows, (r) => r.avgRegretLo!, (r) => r.avgRegretHi!), ref.r, `${kind} R_t/t`)
      checkWindows(rowWindows(rows, (r) => r.xLo![0], (r) => r.xHi![0]), ref.x, `${kind} x_t`)
      checkWindows(rowWindows(rows, (r) => r.gammaMinLo!, (r) => r.gammaMinHi!), ref.gamma, `${kind} Γ_t`)
    }
  })

  it("show what the checkpoints alone miss: R_t/t between t = 100 and 10⁴ spans more than the samples", () => {
    const { rows } = play({ kind: "box", lower: [-1], upper: [1] }, section5, specs.adam, 10_000, [0])
    const mid = rows.filter((r) => r.t > 100 && r.t <= 10_000)
    const sampled = Math.max(...mid.map((r) => r.avgRegret)) - Math.min(...mid.map((r) => r.avgRegret))
    const windowed = Math.max(...mid.map((r) => r.avgRegretHi!)) - Math.min(...mid.map((r) => r.avgRegretLo!))
    expect(windowed).toBeGreaterThan(sampled)
    // Γ's spikes come every period, so every window longer than a period reaches one.
    for (const row of mid.filter((r, i) => i > 0 && r.t - mid[i - 1].t > 101)) expect(row.gammaMinHi!).toBeGreaterThan(1000)
  })

  it("are kept bit for bit alike by the fused kernel and the plain path (d = 1, 2, 5; box, ball, simplex; linear and quadratic)", () => {
    const domains = (d: number): DomainConfig[] => [
      { kind: "box", lower: Array(d).fill(-1), upper: Array(d).fill(1) },
      { kind: "box", lower: Array.from({ length: d }, (_, i) => -1 - i), upper: Array.from({ length: d }, (_, i) => 0.5 + i) },
      { kind: "ball", center: Array(d).fill(0.25), radius: 1.5 },
      { kind: "simplex", dim: d }
    ]
    const adversaries = (d: number): AdversaryConfig[] => [
      { kind: "gaussian-linear", mean: Array.from({ length: d }, (_, i) => 0.3 - 0.2 * i), sd: Array(d).fill(1.5) },
      { kind: "periodic-linear", C: 7.3, period: 9, scale: 0.37, direction: Array.from({ length: d }, (_, i) => (i % 2 === 0 ? 0.7 : -1.1)) },
      { kind: "noisy-quadratic", curvature: Array(d).fill(2), noise: "gaussian", mean: 0.2, sd: 0.5 }
    ]
    const learners: LearnerSpec[] = [{ kind: "adam", alpha: 0.3 }, { kind: "amsgrad", preset: "pytorch", alpha: 0.05 }, { kind: "adagrad" }, { kind: "adam", preset: "optax", alpha: 0.02 }]
    fc.assert(fc.property(fc.constantFrom(1, 2, 5), fc.nat(3), fc.nat(2), fc.nat(3), fc.integer({ min: 1, max: 1000 }), (d, di, ai, li, seed) => {
      const domain = domains(d)[di]
      const start = domain.kind === "simplex" ? Array(d).fill(1 / d) : domain.kind === "ball" ? Array(d).fill(0.25) : Array(d).fill(0)
      const plain = play(domain, adversaries(d)[ai], learners[li], 700, start, { path: "plain", seed })
      const fused = play(domain, adversaries(d)[ai], learners[li], 700, start, { seed })
      expect(fused).toEqual(plain)
      const last = fused.rows.at(-1)!
      expect(last.xLo).toHaveLength(d)
      expect(last.gammaMinLo).toBeLessThanOrEqual(last.gammaMinHi!)
      // R_t/t's window needs the comparator every round: linear losses only.
      expect(last.avgRegretLo === undefined).toBe(adversaries(d)[ai].kind === "noisy-quadratic")
    }), { numRuns: 40 })
  })

  it("can be switched off, leaving every other number of the rows as it was", () => {
    const config = [{ kind: "box", lower: [-1], upper: [1] }, section5, specs.adam, 5000, [0]] as const
    const on = play(...config)
    const off = play(...config, { windows: false })
    expect(off.rows.length).toBe(on.rows.length)
    on.rows.forEach((row, k) => {
      const { avgRegretLo, avgRegretHi, gammaMinLo, gammaMinHi, xLo, xHi, ...rest } = row
      expect([avgRegretLo, avgRegretHi, gammaMinLo, gammaMinHi, xLo, xHi].every((v) => v !== undefined)).toBe(true)
      expect(off.rows[k]).toEqual(rest)
    })
  })
})
