// The fused round kernel of Algorithm-1 learners is an optimisation of the game's plain path
// (update, then Accounting.round): over random configs, dimensions, domains and adversaries both
// must give bit-identical checkpoint rows and statuses.
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { createAdversary } from "../../src/core/adversary/index.ts"
import { logCheckpoints } from "../../src/core/checkpoints.ts"
import { createDomain } from "../../src/core/domain/index.ts"
import { Game } from "../../src/core/game/game.ts"
import { createLearner, learnerKinds } from "../../src/core/learner/registry.ts"
import type { LabelledLearner } from "../../src/core/learner/resolve.ts"
import { createRandomSource } from "../../src/core/rng.ts"
import type { DomainConfig } from "../../src/core/types.ts"
import { learnerConfig } from "../support/arbitrary.ts"

const domainFor = (kind: "box" | "ball" | "simplex", d: number): DomainConfig =>
  kind === "box" ? { kind, lower: Array.from({ length: d }, (_, i) => -1 - i), upper: Array.from({ length: d }, (_, i) => 1 + 0.5 * i) }
    : kind === "ball" ? { kind, center: Array.from({ length: d }, (_, i) => 0.1 * i), radius: 1.5 }
      : { kind, dim: d }

/** Adversaries of every information model and loss family, with a seed-chosen shape. */
const adversary = fc.oneof(
  fc.record({ kind: fc.constant("periodic-linear"), C: fc.integer({ min: 2, max: 120 }), period: fc.integer({ min: 1, max: 11 }), scale: fc.constantFrom(1, 10, 0.1) }),
  fc.record({ kind: fc.constant("bernoulli-linear"), C: fc.integer({ min: 2, max: 50 }), p: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant("gaussian-linear"), mean: fc.double({ min: -2, max: 2, noNaN: true }), sd: fc.constantFrom(0.1, 1, 5) }),
  fc.record({ kind: fc.constant("quadratic"), curvature: fc.constantFrom(0.5, 1, 3), center: fc.double({ min: -3, max: 3, noNaN: true }) }),
  fc.record({ kind: fc.constant("noisy-quadratic"), p: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant("far-end"), scale: fc.constantFrom(0.5, 2) }),
  fc.record({ kind: fc.constant("logistic-stream"), signal: fc.constantFrom(0, 2) }),
  fc.record({ kind: fc.constant("full-batch"), objective: fc.record({ kind: fc.constant("gaussian-least-squares"), n: fc.integer({ min: 3, max: 12 }), penalty: fc.constantFrom(0.1, 2), testSize: fc.constant(5) }) })
)

const fusedKinds = [...learnerKinds.values()].filter((k) => k.family === "algorithm1").map((k) => k.kind)

const play = (learner: LabelledLearner, domainConfig: DomainConfig, adv: Record<string, unknown> & { kind: string }, seed: number, path: "fastest" | "plain") => {
  const domain = createDomain(domainConfig)
  const horizon = 400
  return new Game({
    domain,
    adversary: createAdversary(adv, domain.dim),
    learner: createLearner(learner.config, domain),
    horizon,
    start: Float64Array.from(domain.center),
    random: createRandomSource(seed),
    checkpoints: [...Array.from({ length: 30 }, (_, k) => k + 1), ...logCheckpoints(horizon, 10)],
    recordVectorsUpTo: 8,
    path
  }).run()
}

describe("the fused kernel and the plain path agree bit for bit", () => {
  it("over random Algorithm-1 configs, d ∈ {1, 2, 5}, box / ball / simplex, every adversary kind", () => {
    const learner = fc.constantFrom(...fusedKinds).chain(learnerConfig)
    fc.assert(fc.property(learner, fc.constantFrom("box", "ball", "simplex"), fc.constantFrom(1, 2, 5), adversary, fc.integer({ min: 0, max: 1000 }), (l, domainKind, d, adv, seed) => {
      const domain = domainFor(domainKind as "box" | "ball" | "simplex", d)
      const fused = play(l, domain, adv, seed, "fastest")
      const plain = play(l, domain, adv, seed, "plain")
      expect(plain.status).toEqual(fused.status)
      expect(plain.rows).toEqual(fused.rows)
    }), { numRuns: 150, endOnFailure: true })
  })

  it("a diverging run stops at the same round with the same cause on both paths", () => {
    for (const kind of fusedKinds) for (const d of [1, 3]) {
      const l = { label: kind, config: learnerKinds.get(kind)!.presets[Object.keys(learnerKinds.get(kind)!.presets)[0]] } as unknown as LabelledLearner
      const config = { ...l.config, kind } as LabelledLearner["config"]
      const adv = { kind: "periodic-linear", C: 1e300, period: 2, scale: 1e10 }
      const domain = domainFor("box", d)
      const fused = play({ label: kind, config }, domain, adv, 1, "fastest")
      const plain = play({ label: kind, config }, domain, adv, 1, "plain")
      expect(plain).toEqual(fused)
    }
  })
})
