// The execution guarantees of issue 6: sharding + merge equals the unsharded sweep, resuming after
// a simulated crash equals a clean run, the worker count changes no number, and a failing job does
// not stop the others.
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import * as path from "node:path"
import { describe, expect, it } from "vitest"
import { resolveSweep } from "../../src/sweep/definition.ts"
import { jobAt } from "../../src/sweep/jobs.ts"
import { collectResults, readResults, recordLine, writeMerged } from "../../src/sweep/results.ts"
import { runSweep } from "../../src/sweep/run.ts"
import { summariseSweep } from "../../src/sweep/summary.ts"

const tmp = () => mkdtempSync(path.join(tmpdir(), "regretlab-sweep-"))
const explode = path.join("test", "sweep", "fixtures", "explode.ts")

/** 12 jobs: 3 × 2 grid points × 2 seeds, short horizon. */
const smallPlan = () =>
  resolveSweep("lecture/period3", {
    grid: ["learners.adam.beta2=0.01,0.5,0.99", "learners.adam.alpha=0.01,0.02"],
    seeds: 2,
    horizon: 3000,
    learners: ["adam"],
    verdict: { metric: "x", op: "<=", threshold: -0.9 }
  })

/** The results file's lines sorted by job index: the canonical content of a sweep. */
const canonical = (file: string): string => readResults(file).records.sort((a, b) => a.index - b.index).map(recordLine).join("")

describe("sweep execution", () => {
  it("job ids are stable hashes of scenario, overrides, learner and seed", async () => {
    const { plan } = await smallPlan()
    const a = jobAt(plan, 5)
    const b = jobAt((await smallPlan()).plan, 5)
    expect(a.id).toBe(b.id)
    expect(new Set(Array.from({ length: plan.jobs }, (_, i) => jobAt(plan, i).id)).size).toBe(plan.jobs)
    expect(a.overrides).toContain("horizon=3000")
  })

  it("the worker count does not change any number (inline, 1 and 2 workers)", async () => {
    const { plan, base } = await smallPlan()
    const files: string[] = []
    for (const workers of [0, 1, 2]) {
      const out = tmp()
      const o = await runSweep({ plan, base, outDir: out, workers })
      expect(o).toMatchObject({ stopped: false, total: 12, ran: 12, failedNow: 0 })
      files.push(o.file)
    }
    const [inline, one, two] = files.map(canonical)
    expect(inline.split("\n").filter(Boolean)).toHaveLength(12)
    expect(one).toBe(inline)
    expect(two).toBe(inline)
    // And the numbers are the paper's story: β2 = 0.01 fails (x → +1), larger β2 converges.
    const s = summariseSweep(plan, readResults(files[0]).records)
    expect(s.points[0].x!.mean).toBeGreaterThan(0.9)
    expect(s.points[0].converged).toBe(0)
    expect(s.points[4].converged).toBe(2)
  })

  it("shards + merge equal the unsharded sweep", async () => {
    const { plan, base } = await smallPlan()
    const whole = await runSweep({ plan, base, outDir: tmp(), workers: 0 })
    const shared = tmp()
    const elsewhere = tmp()
    // Shards 1 and 2 share a folder (a cluster file system), shard 3 ran on another machine.
    const sizes: number[] = []
    for (const [k, dir] of [[1, shared], [2, shared], [3, elsewhere]] as const) {
      const o = await runSweep({ plan, base, outDir: dir, workers: k === 2 ? 1 : 0, shard: { k, n: 3 } })
      sizes.push(o.ran)
    }
    expect(sizes).toEqual([4, 4, 4])
    const merged = collectResults([shared, elsewhere])
    expect(merged.missing).toBe(0)
    const out = tmp()
    const file = writeMerged(out, merged)
    expect(readFileSync(file, "utf8")).toBe(canonical(whole.file))
    // Merging a partial set reports what is missing.
    expect(collectResults([elsewhere]).missing).toBe(8)
  })

  it("merge refuses results of a different sweep", async () => {
    const a = await smallPlan()
    const b = await resolveSweep("lecture/period3", { grid: ["learners.adam.beta2=0.5"], horizon: 3000, learners: ["adam"] })
    const da = tmp(), db = tmp()
    await runSweep({ ...a, outDir: da, workers: 0, shard: { k: 1, n: 6 } })
    await runSweep({ ...b, outDir: db, workers: 0 })
    expect(() => collectResults([da, db])).toThrow(/different sweep/)
  })

  it("resume after a simulated crash (stop mid-sweep, then a torn last line) equals a clean run", async () => {
    const { plan, base } = await smallPlan()
    const clean = await runSweep({ plan, base, outDir: tmp(), workers: 0 })
    const dir = tmp()
    let seen = 0
    const first = await runSweep({ plan, base, outDir: dir, workers: 2, shouldStop: () => seen >= 5, onProgress: () => { seen++ } })
    expect(first.stopped).toBe(true)
    expect(first.ran).toBeGreaterThanOrEqual(5)
    expect(first.ran).toBeLessThan(12)
    // A crash in the middle of writing a line leaves half a record without its newline.
    appendFileSync(first.file, '{"id":"deadbeef","index":3,"po')
    expect(readResults(first.file).partial).toBe(true)
    await expect(runSweep({ plan, base, outDir: dir, workers: 0 })).rejects.toThrow(/--resume/)
    const second = await runSweep({ plan, base, outDir: dir, workers: 2, resume: true })
    expect(second.repaired).toBe(true)
    expect(second.skipped).toBe(first.ran)
    expect(second.ran).toBe(12 - first.ran)
    expect(readResults(second.file).partial).toBe(false)
    expect(canonical(second.file)).toBe(canonical(clean.file))
    // Nothing left: a further resume runs no job.
    const third = await runSweep({ plan, base, outDir: dir, workers: 0, resume: true })
    expect(third.ran).toBe(0)
  })

  it("resume refuses a folder holding another sweep", async () => {
    const a = await smallPlan()
    const dir = tmp()
    await runSweep({ ...a, outDir: dir, workers: 0, shard: { k: 1, n: 12 } })
    const b = await resolveSweep("lecture/period3", { grid: ["learners.adam.beta2=0.5"], horizon: 3000, learners: ["adam"] })
    await expect(runSweep({ ...b, outDir: dir, workers: 0, resume: true })).rejects.toThrow(/different sweep/)
  })

  it("a job that throws, diverges or kills its worker is recorded as failed and the others go on", async () => {
    const { plan, base } = await resolveSweep(explode, { grid: ["adversary.mode=none,throw,nan,exit,none2"], seeds: [1, 2] })
    for (const workers of [2]) {
      const o = await runSweep({ plan, base, outDir: tmp(), workers })
      expect(o.ran).toBe(10)
      const records = readResults(o.file).records.sort((a, b) => a.index - b.index)
      const byMode = (m: string) => records.filter((r) => r.values["adversary.mode"] === m)
      for (const m of ["none", "none2"]) expect(byMode(m).every((r) => r.status === "ok" && r.t === 2000)).toBe(true)
      expect(byMode("throw").map((r) => r.reason)).toEqual(["boom at round 5", "boom at round 5"])
      expect(byMode("nan").every((r) => r.status === "failed" && /diverged at round 5/.test(r.reason!))).toBe(true)
      expect(byMode("exit").every((r) => r.status === "failed" && /worker crashed/.test(r.reason!))).toBe(true)
      expect(o.failedNow).toBe(6)
      const s = summariseSweep(plan, records)
      expect(s.failed).toBe(6)
      expect(s.points[1].reasons[0]).toMatch(/seed 1: boom/)
    }
  })

  it("inline runs record a throwing job as failed too", async () => {
    const { plan, base } = await resolveSweep(explode, { grid: ["adversary.mode=throw,none"] })
    const o = await runSweep({ plan, base, outDir: tmp(), workers: 0 })
    const records = readResults(o.file).records.sort((a, b) => a.index - b.index)
    expect(records.map((r) => r.status)).toEqual(["failed", "ok"])
  })
})

describe("sweep sections in scenario files", () => {
  it("a JSON scenario's `sweep` section gives the grid, and --grid flags replace an axis", async () => {
    const dir = tmp()
    const file = path.join(dir, "with-sweep.json")
    const scenario = JSON.parse(readFileSync(path.join("scenarios", "reddi2018-online.json"), "utf8")) as Record<string, unknown>
    writeFileSync(file, JSON.stringify({
      ...scenario,
      id: "test/with-sweep",
      horizon: 2000,
      expectations: [],
      sweep: { learners: ["adam", "amsgrad"], grid: { "learners.adam.beta2": [0.9, 0.99] }, seeds: 1, verdict: { metric: "x", threshold: -0.9 } }
    }))
    const { plan, base } = await resolveSweep(file)
    expect(plan.jobs).toBe(4)
    expect(plan.verdict).toEqual({ metric: "x", op: "<=", threshold: -0.9 })
    expect(base.id).toBe("test/with-sweep")
    const o = await runSweep({ plan, base, outDir: tmp(), workers: 1 })
    expect(o.ran).toBe(4)
    expect(readResults(o.file).records.every((r) => r.status === "ok")).toBe(true)
    const replaced = await resolveSweep(file, { grid: ["learners.adam.beta2=0.5,0.6,0.7"] })
    expect(replaced.plan.axes[0].values).toEqual([0.5, 0.6, 0.7])
    // A bad section is an input error naming the file and the field.
    writeFileSync(file, JSON.stringify({ ...scenario, sweep: { grid: { "learners.adam.beta2": [] } } }))
    await expect(resolveSweep(file)).rejects.toThrow(/with-sweep\.json \(sweep section\): grid\.learners\.adam\.beta2/)
  })
})
