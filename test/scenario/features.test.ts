// Scenario features: golden traces through the whole stack, JSON and TS forms agreeing, seeds with
// common random numbers and paired differences, bit-for-bit replay, overrides, loading, the schema.
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import {
  applyOverrides, defineScenario, getScenario, loadScenario, planRuns, resolveScenario, runScenarioSync,
  scenarioJsonSchema, ScenarioError, toScenarioInput
} from "../../src/scenario/index.ts"
import { PeriodicLinearAdversary } from "../../src/core/adversary/index.ts"

const golden = {
  adam: [1, 0.472953723305, 0.743322758523, 1, 0.738201953961, 0.908665359605, 1, 0.802100570246, 0.936863305739],
  amsgrad: [1, 0.472953723305, 0.597179722055, 0.698609825297, 0.436811779258, 0.514864876234, 0.586117279395, 0.388217849641, 0.449923838239],
  adagrad: [1, 0.5, 0.658113883008, 0.808869555297, 0.473459358672, 0.58256830379, 0.689168661968, 0.419760708928, 0.508149056576]
}

describe("reddi2018/theorem1 through the scenario layer", () => {
  it("reproduces the golden traces x_1 … x_9 (docs/reference/reddi2018.md §7)", () => {
    const s = applyOverrides(getScenario("reddi2018/theorem1")!, ["horizon=9"])
    const result = runScenarioSync(s)
    for (const [label, trace] of Object.entries(golden)) {
      const rows = result.runs.find((r) => r.learner === label)!.rows
      const xs = rows.map((r) => r.x![0])
      xs.forEach((x, i) => expect(x, `${label} x_${i + 1}`).toBeCloseTo(trace[i], 11))
    }
  })

  it("passes every expectation and fails one that is false", () => {
    const s = getScenario("reddi2018/theorem1")!
    const wrong = resolveScenario({ ...toScenarioInput(s), expectations: [{ learner: "adam", metric: "x", op: "<=", value: 0, why: "false claim" }] }, "t")
    const r = runScenarioSync(wrong)
    expect(r.expectations[0].holds).toBe(false)
    expect(r.expectations[0].text).toBe("adam: final x[0] ≤ 0 on every seed (false claim)")
  })
})

describe("JSON and TS forms", () => {
  it("give identical numbers", async () => {
    const json = applyOverrides(await loadScenario("scenarios/reddi2018-online.json"), ["horizon=20000"])
    const ts = await loadScenario("test/scenario/fixtures/online-twin.ts")
    const a = runScenarioSync(json), b = runScenarioSync(ts)
    expect(b.runs.map((r) => r.rows)).toEqual(a.runs.map((r) => r.rows))
  })

  it("a TS scenario may bring its own adversary class", () => {
    const s = resolveScenario(defineScenario({
      id: "t/custom", title: "custom",
      domain: { kind: "box", lower: [-1], upper: [1] },
      adversary: { kind: "my-period-3" },
      createAdversary: (_c, dim) => new PeriodicLinearAdversary(dim, 3, 3, 1, new Float64Array(dim).fill(1)),
      learners: [{ label: "adam", kind: "adam", beta1: 0, beta2: 0.1, alpha: 0.5 }],
      horizon: 9, start: [1]
    }), "custom.ts")
    const xs = runScenarioSync(s).runs[0].rows.map((r) => r.x![0])
    xs.forEach((x, i) => expect(x).toBeCloseTo(golden.adam[i], 11))
  })
})

describe("seeds, common random numbers and replay", () => {
  const s = applyOverrides(getScenario("reddi2018/stochastic")!, ["horizon=3000", "seeds=3"])

  it("runs every learner on every seed and faces each with the same sequence per seed", () => {
    const plans = planRuns(s)
    expect(plans.map((p) => `${p.learner}@${p.seed}`)).toEqual(["adam@1", "amsgrad@1", "adam@2", "amsgrad@2", "adam@3", "amsgrad@3"])
    // Same seed: the comparator (best point for the realised losses) is the same for both learners.
    const r = runScenarioSync(s)
    for (const seed of [1, 2, 3]) {
      const [a, b] = r.runs.filter((x) => x.seed === seed)
      expect(a.rows.map((row) => row.comparatorLoss)).toEqual(b.rows.map((row) => row.comparatorLoss))
    }
    const seedsDiffer = r.runs.filter((x) => x.learner === "adam").map((x) => x.rows.at(-1)!.comparatorLoss)
    expect(new Set(seedsDiffer).size).toBe(3)
  })

  it("reports mean and spread across seeds and paired differences", () => {
    const r = runScenarioSync(s)
    const adam = r.summary.find((x) => x.learner === "adam")!
    const finals = r.runs.filter((x) => x.learner === "adam").map((x) => x.rows.at(-1)!.avgRegret)
    expect(adam.avgRegret.n).toBe(3)
    expect(adam.avgRegret.mean).toBeCloseTo(finals.reduce((p, q) => p + q, 0) / 3, 12)
    expect(adam.avgRegret.min).toBe(Math.min(...finals))
    expect(adam.pseudoAvgRegret?.n).toBe(3)
    expect(r.paired).toHaveLength(1)
    const ams = r.runs.filter((x) => x.learner === "amsgrad").map((x) => x.rows.at(-1)!.avgRegret)
    expect(r.paired[0]).toMatchObject({ a: "adam", b: "amsgrad" })
    expect(r.paired[0].avgRegretDiff.mean).toBeCloseTo(finals.reduce((p, q, i) => p + q - ams[i], 0) / 3, 12)
  })

  it("replays a run bit for bit from its record (scenario + learner + seed)", () => {
    const r = runScenarioSync(s, { learners: ["amsgrad"] })
    const record = JSON.parse(JSON.stringify({ scenario: toScenarioInput(r.scenario), learner: r.runs[1].learner, seed: r.runs[1].seed }))
    const replay = resolveScenario({ ...record.scenario, seeds: [record.seed] }, "replay")
    const again = runScenarioSync(replay, { learners: [record.learner] })
    expect(again.runs[0].rows).toEqual(r.runs[1].rows)
  })

  it("rejects an unknown learner in the selection", () => {
    expect(() => planRuns(s, { learners: ["sgd"] })).toThrow(ScenarioError)
  })
})

describe("overrides", () => {
  const base = getScenario("reddi2018/theorem1")!

  it("sets learner fields by label, adversary parameters, horizon and seeds", () => {
    const s = applyOverrides(base, ["learners.adam.beta2=0.999", "adversary.C=5", "horizon=1000", "seeds=3"])
    expect(s.learners.find((l) => l.label === "adam")!.config.beta2).toBe(0.999)
    expect(s.adversary.C).toBe(5)
    expect(s.horizon).toBe(1000)
    expect(s.seeds).toEqual([1, 2, 3])
    expect(base.horizon).toBe(30001)
  })

  it("names the key when a value is invalid or the key unknown", () => {
    expect(() => applyOverrides(base, ["learners.adam.beta1=1"])).toThrow(
      "scenarios/reddi2018-theorem1.ts (--set learners.adam.beta1): learners[0].beta1: expected a number in [0, 1), got 1")
    expect(() => applyOverrides(base, ["learners.sgd.alpha=1"])).toThrow("--set learners.sgd.alpha=1: learners.sgd.alpha: expected a learner label")
    expect(() => applyOverrides(base, ["horizon=abc"])).toThrow("horizon: expected a positive integer, got \"abc\"")
  })
})

describe("loading", () => {
  it("loads by registry id, .json path and .ts path", async () => {
    expect((await loadScenario("reddi2018/online")).id).toBe("reddi2018/online")
    expect((await loadScenario("scenarios/reddi2018-stochastic.json")).id).toBe("reddi2018/stochastic")
    expect((await loadScenario("scenarios/reddi2018-theorem1.ts")).id).toBe("reddi2018/theorem1")
  })

  it("reports JSON syntax errors with the file and position, and unknown ids", async () => {
    await expect(loadScenario("test/scenario/fixtures/broken.json")).rejects.toThrow(/^test\/scenario\/fixtures\/broken\.json: invalid JSON at line 4, column 3/)
    await expect(loadScenario("nope/none")).rejects.toThrow("registry: id: expected a built-in scenario id")
    await expect(loadScenario("missing.json")).rejects.toThrow("missing.json: no such file")
  })
})

describe("JSON Schema", () => {
  it("is draft 2020-12, lists the fields and adversary kinds, and is what scenarios/scenario.schema.json holds", () => {
    const schema = scenarioJsonSchema() as { $schema: string; required: string[]; properties: Record<string, unknown>; $defs: { Adversary: { allOf: unknown[] } } }
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema")
    expect(schema.required).toEqual(expect.arrayContaining(["id", "title", "domain", "adversary", "learners", "horizon", "start"]))
    expect(schema.$defs.Adversary.allOf.length).toBeGreaterThanOrEqual(10)
    const file = JSON.parse(readFileSync("scenarios/scenario.schema.json", "utf8"))
    expect(file).toEqual(JSON.parse(JSON.stringify(schema)))
  })

  it("every JSON scenario references it and uses only its top-level fields", () => {
    const schema = scenarioJsonSchema() as { properties: Record<string, unknown> }
    for (const id of ["reddi2018/online", "reddi2018/stochastic", "reddi2018/theorem3", "dereich/asymmetric-noise", "logistic/online-regression"]) {
      const file = getScenario(id)!.source
      const json = JSON.parse(readFileSync(file, "utf8"))
      expect(json.$schema, file).toBe("./scenario.schema.json")
      for (const key of Object.keys(json)) expect(schema.properties, `${file}: ${key}`).toHaveProperty([key])
    }
  })
})
