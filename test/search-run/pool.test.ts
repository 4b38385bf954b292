// The search's worker pool: a search gives the same result on 1 or 3 workers as in this thread
// (results are read by position, never by arrival), and grid cells come back complete.
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { SearchPool, slices } from "../../src/search-run/pool.ts"
import { UserError } from "../../src/core/config/error.ts"
import { resolveLearner } from "../../src/core/learner/resolve.ts"
import { createEvaluator } from "../../src/search/evaluate.ts"
import { regionCells, runRegionCell } from "../../src/search/region.ts"
import { runSearch, runSearchAsync, type SearchSpec } from "../../src/search/search.ts"

const spec: SearchSpec = { family: "periodic", learner: resolveLearner({ kind: "rmsprop", alpha: 0.5, beta2: 0.1 }).config, horizon: 2000, maxPeriod: 12, seed: 3 }
const until = { until: (p: { evaluations: number }) => p.evaluations >= 400 }

describe("search worker pool", () => {
  let one: SearchPool, three: SearchPool
  beforeAll(async () => {
    ;[one, three] = await Promise.all([SearchPool.start(1), SearchPool.start(3)])
  })
  afterAll(async () => {
    await Promise.all([one?.close(), three?.close()])
  })

  it("splits a batch into contiguous slices, the first ones longer", () => {
    expect(slices(19, 2)).toEqual([[0, 10], [10, 19]])
    expect(slices(7, 3)).toEqual([[0, 3], [3, 5], [5, 7]])
    expect(slices(2, 3)).toEqual([[0, 1], [1, 2]])
    expect(slices(0, 2)).toEqual([])
  })

  it("gives the in-thread result on one and on three workers", async () => {
    const here = runSearch(spec, createEvaluator(), until)
    expect(here.bestCertified).toBeDefined()
    for (const pool of [one, three]) expect(await runSearchAsync(spec, (q) => pool.evaluate(q), until)).toEqual(here)
  })

  it("runs grid cells to the outcome the same cell gives in this thread", async () => {
    const plan = { request: { learner: { kind: "rmsprop" }, horizon: 1000, periodMax: 3 }, axes: [{ name: "beta2", values: [0.1, 0.5, 0.999] }], evaluations: 60 }
    const cells = regionCells(plan)
    const outcomes: unknown[] = []
    const r = await three.runCells(plan.evaluations, cells, (o) => outcomes.push(o), () => false)
    expect(r.stopped).toBe(false)
    const sorted = [...outcomes].sort((a, b) => (a as { index: number }).index - (b as { index: number }).index)
    expect(sorted).toEqual(cells.map((c) => runRegionCell(plan, c)))
  })

  it("a user error inside a worker comes back as a UserError with its message", async () => {
    const bad = { learner: spec.learner, adversary: { kind: "two-point-linear" as const, a: [1], b: [-1], p: 0.5 }, domain: { kind: "box", lower: [-1], upper: [1] }, start: [0], rounds: [10], seeds: [] }
    await expect(one.evaluate([bad])).rejects.toThrow("seeds: expected at least one seed for an i.i.d. adversary, got []")
    await expect(one.evaluate([bad])).rejects.toBeInstanceOf(UserError)
  })
})
