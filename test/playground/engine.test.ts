// The playground's engine is the CLI's path: the same built-ins under the same source names, the
// same overrides and messages, and runs equal to runScenarioSync bit for bit, whether played in
// slices, streamed, or taken from the cache; a knob moved on one learner replays that learner only.
import { describe, expect, it } from "vitest"
import { applyOverrides, listScenarios, runScenarioSync } from "../../src/scenario/index.ts"
import { ScenarioError } from "../../src/scenario/error.ts"
import { pickLearners } from "../../src/scenario/pick.ts"
import { builtinCatalogue } from "../../src/playground/catalogue.ts"
import { scenarioFiles } from "../../src/playground/build.ts"
import { Computation, resolveBase, RunCache, runKey, scenarioData, selectState } from "../../src/playground/engine.ts"
import { resolveScenario } from "../../src/scenario/resolve.ts"
import type { PlaygroundState } from "../../src/playground/state.ts"
import { splitSpec } from "../../src/playground/chart-data.ts"
import { PLAYGROUND_CHARTS } from "../../src/playground/protocol.ts"
import { buildCharts } from "../../src/report/charts.ts"

const catalogue = builtinCatalogue(await scenarioFiles())
const online = (sets: string[], learners?: string[]): PlaygroundState => ({ base: { kind: "builtin", id: "reddi2018/online" }, sets, ...(learners ? { learners } : {}) })
const play = (c: Computation, rounds = 1 << 20) => { while (!c.advance(rounds)) { /* slices */ } return c.result() }
const thrown = (f: () => unknown): Error => { try { f() } catch (e) { return e as Error } throw new Error("did not throw") }

describe("playground engine", () => {
  it("the catalogue is the registry: same ids in the same order, same resolved scenarios", () => {
    const registry = listScenarios()
    expect(catalogue.scenarios.map((s) => s.id)).toEqual(registry.map((s) => s.id))
    for (const s of registry) expect(scenarioData(catalogue.get(s.id)!)).toEqual(scenarioData(s))
  })

  it("overrides and the learner choice resolve as the CLI's --set and --learners do, with the same messages", () => {
    const base = listScenarios().find((s) => s.id === "reddi2018/online")!
    const sets = ["learners.adam.beta2=0.995", "horizon=5000"]
    const mine = selectState(resolveBase(catalogue, online(sets, ["adam", "adagrad"])), online(sets, ["adam", "adagrad"]))
    expect(scenarioData(mine)).toEqual(scenarioData(pickLearners(applyOverrides(base, sets), ["adam", "adagrad"])))
    const bad = ["learners.adam.beta2=1"]
    expect(thrown(() => resolveBase(catalogue, online(bad))).message).toBe(thrown(() => applyOverrides(base, bad)).message)
    expect(thrown(() => resolveBase(catalogue, online(bad))).message).toBe("scenarios/reddi2018-online.json (--set learners.adam.beta2): learners[0].beta2: expected a number in [0, 1), got 1")
    const unknown = thrown(() => resolveBase(catalogue, { base: { kind: "builtin", id: "no/such" }, sets: [] }))
    expect(unknown).toBeInstanceOf(ScenarioError)
    expect(unknown.message).toMatch(/^registry: id: expected a built-in scenario id \(reddi2018\/theorem1, .*\) or a path to a \.ts or \.json file, got "no\/such"$/)
    expect(thrown(() => selectState(mine, online([], ["nobody"]))).message).toBe('--learners: no learner labelled "nobody" in reddi2018/online; expected some of adam, adagrad')
  })

  it("runs equal runScenarioSync bit for bit, in slices of any size, for every built-in (short horizons)", () => {
    for (const s of catalogue.scenarios) {
      const short = applyOverrides(s, [`horizon=${Math.min(s.horizon, 2000)}`, "seeds=2"])
      const expected = runScenarioSync(short)
      for (const rounds of [1 << 20, 77]) {
        const got = play(new Computation(short, new RunCache()), rounds)
        expect(got.runs, `${s.id} in slices of ${rounds}`).toEqual(expected.runs)
        expect(got.summary).toEqual(expected.summary)
      }
    }
  })

  it("a moved knob replays only its learner; the cached runs are the ones a fresh run gives", () => {
    const cache = new RunCache()
    const s1 = resolveBase(catalogue, online(["horizon=20000"]))
    const first = new Computation(s1, cache)
    expect(first.computed).toEqual(["adam", "amsgrad", "adagrad"])
    play(first)
    const s2 = resolveBase(catalogue, online(["horizon=20000", "learners.adam.beta2=0.995"]))
    const second = new Computation(s2, cache)
    expect(second.computed).toEqual(["adam"])
    expect(play(second).runs).toEqual(runScenarioSync(s2).runs)
    // Back to the first value: nothing to replay.
    expect(new Computation(s1, cache).computed).toEqual([])
    // Another label for the same config reuses the run; another seed or horizon does not.
    const file = (label: string) => ({ kind: "file" as const, name: "f.json", input: { id: "x", title: "t", domain: { kind: "box", lower: [-1], upper: [1] }, adversary: { kind: "periodic-linear", C: 3 }, learners: [{ label, kind: "adam" }], horizon: 10, start: [0] } })
    expect(runKey(resolveBase(catalogue, { base: file("a"), sets: [] }), "a", 1)).toBe(runKey(resolveBase(catalogue, { base: file("b"), sets: [] }), "b", 1))
    expect(runKey(s1, "adam", 2)).not.toBe(runKey(s1, "adam", 1))
  })

  it("moving β2 step by step keeps every chart's structure, so the page feeds the live views instead of rebuilding them", () => {
    const cache = new RunCache()
    const structures = (beta2: string) => {
      const state = online(["horizon=20000", `learners.adam.beta2=${beta2}`])
      const charts = buildCharts(play(new Computation(resolveBase(catalogue, state), cache)), PLAYGROUND_CHARTS)
      expect(charts.map((c) => c.name)).toEqual([...PLAYGROUND_CHARTS])
      return charts.map((c) => splitSpec(c.spec, { tooltips: false }).structure)
    }
    const first = structures("0.99")
    for (const beta2 of ["0.989", "0.988", "0.987", "0.986", "0.97", "0.9"]) expect(structures(beta2), `β2 = ${beta2}`).toEqual(first)
  })

  it("progress counts the rounds of the runs played here (not those from the cache): played and left", () => {
    const cache = new RunCache()
    const s1 = resolveBase(catalogue, online(["horizon=20000"]))
    play(new Computation(s1, cache))
    const c = new Computation(resolveBase(catalogue, online(["horizon=20000", "learners.adam.beta2=0.997"])), cache)
    expect(c.progress).toEqual({ played: 0, left: 20000 })
    c.advance(5000)
    expect(c.progress).toEqual({ played: 5000, left: 15000 })
    play(c)
    expect(c.progress).toEqual({ played: 20000, left: 0 })
    expect(new Computation(s1, cache).progress).toEqual({ played: 0, left: 0 })
  })

  it("streams: a partial result's rows are a prefix of the final ones, marked interrupted at the slowest run's round", () => {
    const s = resolveBase(catalogue, online(["horizon=100000"]))
    const c = new Computation(s, new RunCache())
    c.advance(5000)
    const partial = c.result()
    expect(partial.completion).toEqual({ kind: "interrupted", round: 5000 })
    const final = play(c)
    expect(final.completion).toEqual({ kind: "complete" })
    for (const run of partial.runs) {
      const full = final.runs.find((r) => r.learner === run.learner)!
      expect(run.rows.length).toBeGreaterThan(10)
      expect(full.rows.slice(0, run.rows.length)).toEqual(run.rows)
    }
  })

  it("the cache drops its least recently used runs beyond its capacity", () => {
    const cache = new RunCache(2)
    const run = { rows: [], status: { kind: "ok" as const } }
    cache.set("a", run); cache.set("b", run)
    cache.get("a")
    cache.set("c", run)
    expect([cache.get("a"), cache.get("b"), cache.get("c")].map((r) => r !== undefined)).toEqual([true, false, true])
  })

  it("a pasted scenario resolves under its own name, like a file given to the CLI", () => {
    const input = { id: "x/y", title: "t", domain: { kind: "box", lower: [-1], upper: [1] }, adversary: { kind: "periodic-linear", C: 3 }, learners: [{ label: "a", kind: "adam" }], horizon: 10, start: [0] }
    const s = resolveBase(catalogue, { base: { kind: "file", name: "pasted.json", input }, sets: ["horizon=20"] })
    expect(s.horizon).toBe(20)
    expect(s.source).toBe("pasted.json")
    expect(scenarioData(s)).toEqual(scenarioData(applyOverrides(resolveScenario(input, "pasted.json"), ["horizon=20"])))
  })
})
