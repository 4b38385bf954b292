// The learner battery: every registered learner kind, picked up from the registry, is checked
// against the same contract with no test file of its own (in the manner of torch's OptimizerInfo
// database): presets resolve; every field rejects out-of-range values with its exact message; the
// kind's own invalid examples fail with theirs; its valid examples learn a fixed quadratic on a
// domain it plays on, deterministically, on the plain and the fused path alike; a non-finite
// gradient is reported, never hidden.
import { describe, expect, it } from "vitest"
import { createAdversary } from "../../../src/core/adversary/index.ts"
import { ConfigError } from "../../../src/core/config/error.ts"
import { createDomain, domainKinds } from "../../../src/core/domain/index.ts"
import { playGame } from "../../../src/core/game/game.ts"
import { createLearner } from "../../../src/core/learner/registry.ts"
import { resolveLearner } from "../../../src/core/learner/resolve.ts"
import { createRandomSource } from "../../../src/core/rng.ts"
import type { DomainConfig } from "../../../src/core/types.ts"
import { invalidCases } from "../invalid.ts"

const messageOf = (f: () => unknown): string | undefined => {
  try {
    f()
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError)
    return (e as Error).message
  }
  return undefined
}

/** A domain the kind plays on, of dimension ≥ 2 where the kind's domain offers one. */
const domainFor = (domains: readonly string[] | undefined): DomainConfig => {
  const kind = domains?.[0] ?? "box"
  const examples = domainKinds.get(kind)!.examples.valid
  return examples.find((e) => domainKinds.get(kind)!.dim(e) === 3) ?? examples[examples.length - 1]
}
import type { LearnerKind } from "../../../src/core/learner/learner.ts"

/** The contract every registered learner kind keeps (describe/it blocks for one kind). */
export const learnerContract = (entry: LearnerKind): void => {
  const kind = entry.kind
  describe(kind, () => {
    it("every preset resolves, names itself and is plain data", () => {
      for (const preset of Object.keys(entry.presets)) {
        const r = resolveLearner({ kind, preset })
        expect(r.config.preset).toBe(preset)
        expect(r.config.kind).toBe(kind)
        expect(JSON.parse(JSON.stringify(r.config))).toEqual(r.config)
      }
    })

    it("rejects every out-of-range field value with its exact message", () => {
      const cases = invalidCases(entry.fields)
      expect(cases.length).toBeGreaterThan(0)
      for (const c of cases) expect(messageOf(() => resolveLearner({ kind, [c.field]: c.value }))).toBe(c.message)
    })

    it("rejects an unknown field, an unknown preset and its own invalid examples", () => {
      expect(messageOf(() => resolveLearner({ kind, betaOne: 0.9 }))).toBe(`betaOne: expected no such field (known fields: ${Object.keys(entry.fields).join(", ")}), got 0.9`)
      expect(messageOf(() => resolveLearner({ kind, preset: "keras" }))).toMatch(/^preset: expected one of .*, got "keras"$/)
      for (const [spec, message] of entry.examples?.invalid ?? []) expect(messageOf(() => resolveLearner({ kind, ...spec })), JSON.stringify(spec)).toBe(message)
    })

    for (const example of entry.examples?.valid ?? []) {
      it(`learns a fixed quadratic, deterministically, on both paths: ${JSON.stringify(example)}`, () => {
        const domainConfig = domainFor(entry.domains)
        const domain = createDomain(domainConfig)
        const d = domain.dim
        // A centre partly outside the domain, so the optimum sits on its boundary.
        const center = Array.from(domain.center, (c, i) => c + [0.3, -3, 0.2][i % 3])
        const config = resolveLearner({ kind, ...example }).config
        const run = (path: "fastest" | "plain") => playGame({
          domain, adversary: createAdversary({ kind: "quadratic", curvature: Array.from({ length: d }, (_, i) => [1, 2, 0.5][i % 3]), center }, d),
          learner: createLearner(config, domain), horizon: 20_000, start: Float64Array.from(domain.center),
          random: createRandomSource(1), checkpoints: [10, 100, 1000], path
        })
        const result = run("fastest")
        expect(result.status.kind).toBe("ok")
        const last = result.rows.at(-1)!
        for (const row of result.rows) expect(domain.contains(Float64Array.from(row.x!))).toBe(true)
        expect(last.avgRegret).toBeLessThan(0.05)
        const gap = Math.hypot(...last.xAvg!.map((v, i) => v - last.comparatorX![i]))
        expect(gap).toBeLessThan(0.1)
        expect(run("fastest").rows).toEqual(result.rows)
        expect(run("plain")).toEqual(result)
      })
    }

    it("reports a non-finite gradient as a failure instead of stepping", () => {
      const domain = createDomain(domainFor(entry.domains))
      const l = createLearner(resolveLearner({ kind, ...entry.examples!.valid![0] }).config, domain)
      for (const g of [Number.NaN, Infinity, -Infinity]) {
        l.reset(Float64Array.from(domain.center))
        const grad = new Float64Array(domain.dim).fill(0.5)
        grad[domain.dim - 1] = g
        expect(l.update(1, grad)).toBe(false)
        expect(l.failure).toEqual({ what: "gradient", value: g })
      }
    })
  })
}
