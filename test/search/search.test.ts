// The search driver: its mechanics against a stubbed game, then the real searches the suite keeps:
// Theorem 1 rediscovered, and nothing certified against AMSGrad.
import { describe, expect, it } from "vitest"
import { resolveLearner } from "../../src/core/learner/resolve.ts"
import type { LearnerConfig } from "../../src/core/learner/learner.ts"
import { createEngineEvaluator, createEvaluator, type Evaluate, type GameQuery, type Rows } from "../../src/search/evaluate.ts"
import type { FoundAdversary } from "../../src/search/families.ts"
import type { Score } from "../../src/search/objective.ts"
import { createSearch, periodLadder, resolveSpec, runSearch, runSearchAsync, scoreCandidate, verifyCandidate, type SearchSpec } from "../../src/search/search.ts"

const learner = (spec: Record<string, unknown>): LearnerConfig => resolveLearner(spec as never).config
const rmsprop01 = learner({ kind: "rmsprop", alpha: 0.5, beta2: 0.1 })
const adam = learner({ kind: "adam", alpha: 0.5, beta2: 0.99 })

/**
 * A stub game whose R_t/t is flat in t (so every candidate holds) and peaks at the period-9
 * sequence `peak`: the search should race its way to P = 9 and then to the peak.
 */
const peak = [1, -0.5, 0.25, 0, 0.5, -1, 0.75, -0.25, 0.1]
const stub = (queries: GameQuery[]): Evaluate => (q) => {
  queries.push(q)
  const g = q.adversary.kind === "periodic" ? q.adversary.gradients.map((v) => v[0]) : []
  const miss = g.length === 9 ? g.reduce((s, v, i) => s + (v - peak[i]) ** 2, 0) / 9 : 2
  return [q.rounds.map((t) => ({ t, avgRegret: 1 / (1 + miss) }))]
}

const until = (n: number) => ({ until: (p: { evaluations: number }) => p.evaluations >= n })

describe("search", () => {
  it("races a ladder of periods: every period to 6, then ×1.5, and the maximum", () => {
    expect(periodLadder(2, 200)).toEqual([2, 3, 4, 5, 6, 9, 14, 20, 30, 46, 68, 103, 154, 200])
    expect(periodLadder(2, 3)).toEqual([2, 3])
    expect(periodLadder(10, 20)).toEqual([10, 15, 20])
    expect(periodLadder(1, 1)).toEqual([1])
  })

  it("finds the period and the shape a stubbed game rewards, asking only what the spec says", () => {
    const queries: GameQuery[] = []
    const spec: SearchSpec = { family: "periodic", learner: adam, horizon: 1000, maxPeriod: 30 }
    const result = runSearch(spec, stub(queries), until(20_000))
    const best = result.best!.adversary
    if (best.kind !== "periodic") throw new Error("kind")
    expect(best.gradients).toHaveLength(9)
    best.gradients.forEach((g, i) => expect(g[0]).toBeCloseTo(peak[i], 2))
    expect(result.best!.score.holds).toBe(true)
    expect(createSearch(spec).periods).toEqual([2, 3, 4, 5, 6, 9, 14, 20, 30])
    // Scoring reads T/10 and T; verification T and 10T, for the target and for AMSGrad.
    const rounds = new Set(queries.map((q) => q.rounds.join(",")))
    expect([...rounds].sort()).toEqual(["100,1000", "1000,10000"])
    expect(new Set(queries.map((q) => q.learner.kind))).toEqual(new Set(["adam", "amsgrad"]))
    expect(queries.every((q) => q.seeds.length === 0 && q.start.join() === "0" && JSON.stringify(q.domain) === JSON.stringify({ kind: "box", lower: [-1], upper: [1] }))).toBe(true)
    // The stub's flat regret is no convergence for AMSGrad either: nothing is certified.
    expect(result.firstCertified).toBeUndefined()
    expect(result.verifications).toBeGreaterThan(0)
  })

  it("verifies every new best that holds until a first certificate, then only 2% improvements, and the best at the end", () => {
    const verified: number[] = []
    // The stub's target holds everywhere; the contrast (AMSGrad) falls like 1/√t, so a verification certifies.
    const evaluate: Evaluate = (q) => {
      if (q.rounds[0] === 1000) verified.push(q.learner.kind === "amsgrad" ? 0 : 1)
      if (q.learner.kind === "amsgrad") return [q.rounds.map((t) => ({ t, avgRegret: 1 / Math.sqrt(t) }))]
      return stub([])(q)
    }
    const spec: SearchSpec = { family: "periodic", learner: adam, horizon: 1000, maxPeriod: 12 }
    const bests = new Set<unknown>()
    const result = runSearch(spec, evaluate, { until: (p) => { if (p.best?.score.holds) bests.add(p.best); return p.evaluations >= 3000 } })
    expect(result.firstCertified).toBeDefined()
    expect(result.verifications).toBe(verified.length / 2)
    // Far fewer verifications than new bests, and the last best is the certified one.
    expect(result.verifications).toBeGreaterThan(1)
    expect(result.verifications).toBeLessThan(bests.size / 2)
    expect(result.bestCertified!.adversary).toEqual(result.best!.adversary)
  })

  it("keeps the better half of the periods after each round", () => {
    const search = createSearch({ family: "periodic", learner: adam, horizon: 1000, maxPeriod: 30 })
    const evaluate = stub([])
    const seen: number[][] = []
    while (search.evaluations < 10_000) {
      const candidates = search.ask()
      search.tell(candidates.map((a) => scoreCandidate(search.spec, a, evaluate)))
      const p = search.periods
      if (seen.length === 0 || p.length !== seen[seen.length - 1].length) seen.push([...p])
    }
    expect(seen.map((p) => p.length)).toEqual([9, 5, 3, 2, 1])
    expect(seen.slice(1).every((p) => p[0] === 9)).toBe(true)
  })

  it("is deterministic given its seed, and the seed matters", () => {
    const asked = (seed: number) => {
      const search = createSearch({ family: "periodic", learner: adam, horizon: 1000, maxPeriod: 12, seed })
      const evaluate = stub([])
      const out: FoundAdversary[] = []
      for (let g = 0; g < 60; g++) {
        const candidates = search.ask()
        out.push(...candidates)
        search.tell(candidates.map((a) => scoreCandidate(search.spec, a, evaluate)))
      }
      return out
    }
    expect(asked(5)).toEqual(asked(5))
    expect(asked(5)).not.toEqual(asked(6))
  })

  it("says what went wrong when ask and tell are misused, or the spec is bad", () => {
    const search = createSearch({ family: "periodic-linear", learner: adam, horizon: 1000 })
    const noScore: Score = { value: 0, late: 0, early: 0, ratio: 0, holds: false }
    expect(() => search.tell([])).toThrow(/tell\(\) without ask\(\)/)
    const candidates = search.ask()
    expect(() => search.ask()).toThrow(/ask\(\) twice/)
    expect(() => search.tell([noScore])).toThrow(`scores: expected ${candidates.length} scores (one per candidate asked), got 1`)
    expect(() => createSearch({ family: "periodic", learner: adam, horizon: 5 })).toThrow("horizon: expected an integer ≥ 10, got 5")
    expect(() => createSearch({ family: "stochastic-linear", learner: adam, horizon: 100, seeds: [] })).toThrow("seeds: expected at least one seed, got []")
    expect(() => createSearch({ family: "periodic", learner: adam, horizon: 100, start: [2] })).toThrow("start: expected a point of the domain (1 coordinates), got [2]")
    expect(() => createSearch({ family: "periodic", learner: adam, horizon: 100, domain: { kind: "ball", center: [0, 0], radius: -1 } })).toThrow("domain.radius: expected a number > 0, got -1")
    expect(() => createSearch({ family: "periodic", learner: learner({ kind: "eg" }), horizon: 100 })).toThrow(/^learner\.kind: expected a learner for this domain/)
  })

  it("scores the stochastic family by pseudo-regret over its seeds, common to every candidate", () => {
    const queries: GameQuery[] = []
    const evaluate: Evaluate = (q) => {
      queries.push(q)
      return q.seeds.map(() => q.rounds.map((t) => ({ t, avgRegret: 0, pseudoRegret: 0.1 * t })))
    }
    const result = runSearch({ family: "stochastic-linear", learner: adam, horizon: 1000, seeds: [3, 4] }, evaluate, until(50))
    expect(result.best!.score.late).toBeCloseTo(0.05, 12)
    expect(queries.every((q) => q.seeds.join() === "3,4" && q.adversary.kind === "two-point-linear")).toBe(true)
  })
})

describe("search against real learners", () => {
  const evaluate = createEvaluator()

  it("rediscovers Theorem 1 (β1 = 0, β2 = 0.1): period 3, one gradient G, two of the other sign below G/2", () => {
    for (const seed of [1, 2, 3]) {
      const spec: SearchSpec = { family: "periodic", learner: rmsprop01, horizon: 10_000, maxPeriod: 3, seed }
      const result = runSearch(spec, evaluate, until(300))
      const found = result.bestCertified!
      expect(found.certificate.holds).toBe(true)
      expect(result.firstCertified!.evaluation).toBeLessThan(100)
      if (found.adversary.kind !== "periodic") throw new Error("kind")
      const g = found.adversary.gradients.map((v) => v[0]).sort((a, b) => Math.abs(b) - Math.abs(a))
      expect(g).toHaveLength(3)
      expect(Math.abs(g[0])).toBe(1)
      for (const small of g.slice(1)) {
        expect(Math.sign(small)).toBe(-Math.sign(g[0]))
        expect(Math.abs(small)).toBeLessThan(0.5)
      }
    }
  })

  it("with the periodic-linear family and P ≤ 200 picks period 3 with C > 2, and the framework's game confirms it", () => {
    const spec: SearchSpec = { family: "periodic-linear", learner: rmsprop01, horizon: 10_000, maxPeriod: 200 }
    const result = runSearch(spec, evaluate, until(1000))
    const found = result.bestCertified!
    if (found.adversary.kind !== "periodic-linear") throw new Error("kind")
    expect(found.adversary.period).toBe(3)
    expect(found.adversary.C).toBeGreaterThan(2)
    // The same certificate through the framework's game (the search played the scalar loop).
    const again = verifyCandidate(spec, found.adversary, createEngineEvaluator())
    expect(again).toEqual(found.certificate)
  })

  it("finds Theorem 1's sequence through the framework's game alone, and the same one as through the scalar loop", () => {
    const spec: SearchSpec = { family: "periodic", learner: rmsprop01, horizon: 2000, maxPeriod: 3 }
    const game = runSearch(spec, createEngineEvaluator(), until(120))
    const fast = runSearch(spec, evaluate, until(120))
    expect(game.bestCertified).toBeDefined()
    expect(game.best).toEqual(fast.best)
    expect(game.bestCertified).toEqual(fast.bestCertified)
  })

  it("searches box and ball in d = 2 through the game: a certified Theorem-1 failure along some direction", () => {
    for (const domain of [{ kind: "box", lower: [-1, -1], upper: [1, 1] }, { kind: "ball", center: [0, 0], radius: 1 }]) {
      const spec: SearchSpec = { family: "periodic-linear", learner: rmsprop01, domain, horizon: 2000, maxPeriod: 4 }
      const result = runSearch(spec, evaluate, until(400))
      const found = result.bestCertified
      expect(found, JSON.stringify(domain)).toBeDefined()
      if (found!.adversary.kind !== "periodic-linear") throw new Error("kind")
      expect(found!.adversary.direction).toHaveLength(2)
      expect(resolveSpec(spec).D).toBe(domain.kind === "box" ? 4 : 2 * Math.SQRT2)
    }
  })

  it("certifies nothing against AMSGrad or AdaGrad, whose regret provably vanishes", () => {
    const amsgrad = learner({ kind: "amsgrad", alpha: 0.5, beta2: 0.99 })
    const adagrad = learner({ kind: "adagrad", alpha: 0.5 })
    for (const target of [amsgrad, adagrad]) {
      for (const [family, maxPeriod, budget] of [["periodic-linear", 200, 1000], ["periodic", 20, 2000]] as const) {
        const result = runSearch({ family, learner: target, horizon: 10_000, maxPeriod }, evaluate, until(budget))
        expect(result.firstCertified).toBeUndefined()
        expect(result.best!.score.holds).toBe(false)
        expect(result.best!.score.ratio).toBeLessThan(0.9)
      }
    }
  })
})

describe("driving the search", () => {
  it("gives the same result with the games played in batches elsewhere, answered out of order", async () => {
    const spec: SearchSpec = { family: "periodic", learner: rmsprop01, horizon: 1000, maxPeriod: 6, seed: 4 }
    const evaluate = createEvaluator()
    const here = runSearch(spec, evaluate, until(500))
    // A pool of three that finishes its games in reverse order: the driver puts rows back in place.
    const elsewhere = await runSearchAsync(spec, async (queries) => {
      const out: (readonly Rows[])[] = new Array(queries.length)
      for (let i = queries.length - 1; i >= 0; i--) {
        await new Promise((r) => setTimeout(r, 0))
        out[i] = evaluate(queries[i])
      }
      return out
    }, until(500))
    expect(elsewhere).toEqual(here)
    expect(here.history.length).toBeGreaterThan(10)
    expect(here.history.at(-1)!.evaluations).toBe(here.evaluations)
    expect(here.history.every((h, i) => i === 0 || h.best >= here.history[i - 1].best)).toBe(true)
    expect(here.history.filter((h) => h.certified).length).toBeGreaterThan(0)
  })

  it("records a clock in the history only when given one", () => {
    const spec: SearchSpec = { family: "periodic-linear", learner: adam, horizon: 100, maxPeriod: 5 }
    let tick = 0
    const timed = runSearch(spec, createEvaluator(), { ...until(40), now: () => ++tick })
    expect(timed.history.map((h) => h.time)).toEqual(timed.history.map((_, i) => i + 1))
    expect(runSearch(spec, createEvaluator(), until(40)).history.every((h) => h.time === undefined)).toBe(true)
  })
})
