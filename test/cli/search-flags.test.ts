// Reading `regretlab search`'s flags (and a region file's, which are the same flags as data).
import { describe, expect, it } from "vitest"
import { builtinRegions, learnerSpecOf, loadRegion, mergeFlags, parseDomain, parseSearchFlags, parseStart } from "../../src/cli/search-flags.ts"
import { parseBudget } from "../../src/search-run/run.ts"
import { regionCells } from "../../src/search/region.ts"
import { resolveSpec } from "../../src/search/search.ts"
import { searchSpecOf } from "../../src/search/request.ts"

const none = { set: [], grid: [] }

describe("search flags", () => {
  it("budgets: a time with a unit, or a number of candidates", () => {
    expect(parseBudget("60s")).toEqual({ kind: "time", ms: 60_000, text: "60s" })
    expect(parseBudget("1.5m")).toMatchObject({ kind: "time", ms: 90_000 })
    expect(parseBudget("250ms")).toMatchObject({ kind: "time", ms: 250 })
    expect(parseBudget("3000")).toEqual({ kind: "candidates", n: 3000, text: "3000" })
    expect(parseBudget("2e3")).toMatchObject({ kind: "candidates", n: 2000 })
    for (const bad of ["", "0s", "60 s", "-5", "1.5", "10x"]) expect(() => parseBudget(bad), bad).toThrow(/^--budget: expected a time/)
  })

  it("domains: interval, box:d, ball:d or JSON; starts as comma-separated numbers", () => {
    expect(parseDomain("interval")).toEqual({ kind: "box", lower: [-1], upper: [1] })
    expect(parseDomain("box:3")).toEqual({ kind: "box", lower: [-1, -1, -1], upper: [1, 1, 1] })
    expect(parseDomain("ball:2")).toEqual({ kind: "ball", center: [0, 0], radius: 1 })
    expect(parseDomain('{"kind":"box","lower":[0],"upper":[2]}')).toEqual({ kind: "box", lower: [0], upper: [2] })
    expect(() => parseDomain("disc:2")).toThrow(/^--domain: expected interval, box:d, ball:d or a JSON domain config/)
    expect(() => parseDomain("box:0")).toThrow("--domain: expected an integer ≥ 1, got \"0\"")
    expect(parseStart("0.5, -0.25")).toEqual([0.5, -0.25])
    expect(() => parseStart("1,,2")).toThrow(/^--start: expected comma-separated numbers/)
  })

  it("--set as in run: JSON values, nested fields, an optional learner. prefix", () => {
    expect(learnerSpecOf("adam", "pytorch", ["beta2=0.99", "learner.alpha=0.5", "stepSchedule.kind=constant", 'beta1Schedule={"kind":"inverse"}']))
      .toEqual({ kind: "adam", preset: "pytorch", beta2: 0.99, alpha: 0.5, stepSchedule: { kind: "constant" }, beta1Schedule: { kind: "inverse" } })
    expect(() => learnerSpecOf("adam", undefined, ["beta2"])).toThrow(/^--set: expected field=value/)
    expect(() => learnerSpecOf("adam", undefined, ["kind=sgd"])).toThrow("--set kind=sgd: give the learner's kind with --learner")
  })

  it("reads every flag into a request, and names the flag of a bad value", () => {
    const p = parseSearchFlags({ ...none, learner: "adam", set: ["beta2=0.99"], family: "periodic-linear", domain: "ball:2", start: "0,0.5", horizon: "1e4", periodMin: "3", periodMax: "50", gradientBound: "2", seed: "7", seeds: "3", budget: "500" })
    expect(p.request).toEqual({ learner: { kind: "adam", beta2: 0.99 }, family: "periodic-linear", domain: { kind: "ball", center: [0, 0], radius: 1 }, start: [0, 0.5], horizon: 10_000, periodMin: 3, periodMax: 50, gradientBound: 2, seed: 7, seeds: [1, 2, 3] })
    expect(p.budget).toMatchObject({ kind: "candidates", n: 500 })
    expect(parseSearchFlags({ ...none, learner: "adam" })).toMatchObject({ request: { family: "periodic", horizon: 100_000 }, budget: { kind: "time", ms: 60_000 }, axes: [] })
    expect(parseSearchFlags({ ...none, learner: "adam", grid: ["beta1=0:0.9:4"] })).toMatchObject({ budget: { kind: "candidates", n: 2000 }, axes: [{ name: "beta1", values: [0, 0.3, 0.6, 0.9] }] })
    expect(parseSearchFlags({ ...none, learner: "sgd", seeds: "4,9" }).request.seeds).toEqual([4, 9])
    expect(() => parseSearchFlags({ ...none })).toThrow(/^--learner: give the learner/)
    expect(() => parseSearchFlags({ ...none, learner: "adam", family: "cyclic" })).toThrow("--family: expected one of periodic-linear, periodic, stochastic-linear, got \"cyclic\"")
    expect(() => parseSearchFlags({ ...none, learner: "adam", horizon: "5" })).toThrow("--horizon: expected an integer ≥ 10, got \"5\"")
    expect(() => parseSearchFlags({ ...none, learner: "adam", gradientBound: "0" })).toThrow("--gradient-bound: expected a number > 0, got \"0\"")
    expect(() => parseSearchFlags({ ...none, learner: "adam", grid: ["a=1", "b=1", "c=1"] })).toThrow("--grid: at most two axes (a map), got 3")
    expect(() => parseSearchFlags({ ...none, learner: "adam", grid: ["beta1+beta2=0.5"] })).toThrow("--grid beta1+beta2: one field per axis in a search grid")
  })

  it("the built-in region files load, their cells resolve, and command-line flags go on top", () => {
    const regions = builtinRegions()
    expect(regions.map((r) => r.id)).toContain("adam/failure-region")
    for (const r of regions) {
      const parsed = parseSearchFlags(r.flags)
      expect(parsed.axes.length, r.id).toBeGreaterThan(0)
      expect(parsed.budget.kind, r.id).toBe("candidates")
      const cells = regionCells({ request: parsed.request, axes: parsed.axes, evaluations: (parsed.budget as { n: number }).n })
      expect(cells.length, r.id).toBe(parsed.axes.reduce((n, a) => n * a.values.length, 1))
      resolveSpec(searchSpecOf(cells[0].request))
    }
    const file = loadRegion("adam/failure-region")
    const merged = mergeFlags(file.flags, { set: ["alpha=0.5"], grid: ["beta1=0,0.5"], budget: "10" })
    expect(merged.set).toEqual([...file.flags.set, "alpha=0.5"])
    expect(merged.grid).toEqual(["beta1=0,0.5"])
    expect(merged.budget).toBe("10")
    expect(merged.learner).toBe(file.flags.learner)
    expect(mergeFlags(file.flags, { set: [], grid: [] }).grid).toEqual(file.flags.grid)
    expect(() => loadRegion("no/such")).toThrow(/^region: expected a built-in region \(adam\/failure-region/)
  })

  it("a grid cell whose learner config is invalid is named before anything runs", () => {
    const parsed = parseSearchFlags({ ...none, learner: "rmsprop", grid: ["beta1=0,0.5"] })
    expect(() => regionCells({ request: parsed.request, axes: parsed.axes, evaluations: 10 })).toThrow('grid cell {"beta1":0.5}: learner.beta1: expected 0 when momentum is "none", got 0.5')
  })
})
