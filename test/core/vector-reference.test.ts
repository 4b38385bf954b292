// The generated kernel against an independent plain implementation in d > 1 and on the box, the ℓ2
// ball and the simplex (weighted projection Π_{F,√V_t} with weights √v̂ + ε, or Euclidean): the
// vector and projected paths have their own oracle, not only the 1-D scalar one.
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { createDomain } from "../../src/core/domain/index.ts"
import { createLearner } from "../../src/core/learner/registry.ts"
import { resolveLearner, type LearnerSpec } from "../../src/core/learner/resolve.ts"
import type { DomainConfig } from "../../src/core/types.ts"
import { adagradRule, adamRule, ballProjector, boxProjector, ogdRule, simplexProjector, type Projector, type VectorRule } from "../reference/vector-learners.ts"

const domains = (d: number): [DomainConfig, Projector][] => [
  [{ kind: "box", lower: Array.from({ length: d }, (_, i) => -1 - i), upper: Array.from({ length: d }, (_, i) => 1 + 0.5 * i) },
    boxProjector(Array.from({ length: d }, (_, i) => -1 - i), Array.from({ length: d }, (_, i) => 1 + 0.5 * i))],
  [{ kind: "ball", center: Array.from({ length: d }, (_, i) => 0.2 * i), radius: 1.3 }, ballProjector(Array.from({ length: d }, (_, i) => 0.2 * i), 1.3)],
  [{ kind: "simplex", dim: d }, simplexProjector()]
]

const cases: [string, LearnerSpec, (p: Projector, d: number) => VectorRule][] = [
  ["paper Adam", { kind: "adam", alpha: 0.3, beta1: 0.9, beta2: 0.99 }, (p, d) => adamRule({ alpha: 0.3, beta1: 0.9, beta2: 0.99, invSqrt: true, biasCorrection: false, eps: 0, amsgrad: false, weighted: true }, p, d)],
  ["paper AMSGrad", { kind: "amsgrad", alpha: 0.3, beta1: 0.9, beta2: 0.99 }, (p, d) => adamRule({ alpha: 0.3, beta1: 0.9, beta2: 0.99, invSqrt: true, biasCorrection: false, eps: 0, amsgrad: true, weighted: true }, p, d)],
  ["paper RMSProp, Euclidean projection", { kind: "rmsprop", alpha: 0.2, beta2: 0.9, projection: "euclidean" }, (p, d) => adamRule({ alpha: 0.2, beta1: 0, beta2: 0.9, invSqrt: true, biasCorrection: false, eps: 0, amsgrad: false, weighted: false }, p, d)],
  ["torch Adam (bias corrections, ε outside the root)", { kind: "adam", preset: "pytorch", alpha: 0.05 }, (p, d) => adamRule({ alpha: 0.05, beta1: 0.9, beta2: 0.999, invSqrt: false, biasCorrection: true, eps: 1e-8, amsgrad: false, weighted: true }, p, d)],
  ["Reddi AdaGrad", { kind: "adagrad", alpha: 0.5 }, (p, d) => adagradRule(0.5, p, d, true)],
  ["OGD", { kind: "ogd", alpha: 0.4 }, (p, d) => ogdRule(0.4, p, d)]
]

// Gradients bounded away from 0 in every coordinate, so no weight is near the zero-weight floor.
const gradient = fc.double({ min: 0.1, max: 5, noNaN: true }).chain((m) => fc.constantFrom(m, -m))

describe("Algorithm-1 learners against the plain vector reference (d > 1, box, ball, simplex)", () => {
  for (const [name, spec, reference] of cases) {
    it(name, () => {
      fc.assert(fc.property(fc.constantFrom(2, 5), fc.integer({ min: 0, max: 2 }), fc.array(fc.array(gradient, { minLength: 5, maxLength: 5 }), { minLength: 2, maxLength: 25 }), (d, which, grads) => {
        const [config, project] = domains(d)[which]
        const domain = createDomain(config)
        const learner = createLearner(resolveLearner(spec).config, domain)
        const rule = reference(project, d)
        let x: Float64Array = Float64Array.from(domain.center)
        learner.reset(x)
        for (let t = 1; t <= 3 * grads.length; t++) {
          const g = Float64Array.from(grads[(t - 1) % grads.length].slice(0, d))
          expect(learner.update(t, g)).toBe(true)
          x = rule(x, g, t)
          for (let i = 0; i < d; i++) expect(Math.abs(learner.x[i] - x[i])).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(x[i])))
        }
      }), { numRuns: 40 })
    })
  }
})
