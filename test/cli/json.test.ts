// --json is one document on stdout that equals what the library computes for the same scenario
// and seeds, number for number (JSON keeps every double exactly).
import { describe, expect, it } from "vitest"
import { fromJson } from "../../src/report/data.ts"
import { applyOverrides, loadScenario, runScenarioSync } from "../../src/scenario/index.ts"
import { runDocument, runDocumentText } from "../../src/cli/json-document.ts"
import { cli, fixture } from "./run-cli.ts"

describe("regretlab run --json", () => {
  it("equals the library's result for the same scenario and seeds, with nothing else on stdout", async () => {
    const r = await cli(["run", fixture("tiny.json"), "--seeds", "1,7", "--json", "--no-report"])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toBe("")
    const doc = fromJson(r.stdout) as ReturnType<typeof runDocument>
    const scenario = applyOverrides(await loadScenario(fixture("tiny.json")), ["seeds=[1,7]"])
    const expected = fromJson(runDocumentText(runScenarioSync(scenario), null))
    expect(doc).toEqual(expected)
    // The shape scripts rely on.
    expect(Object.keys(doc)).toEqual(expect.arrayContaining(["scenario", "runs", "summary", "expectations"]))
    expect(doc.runs.map((run) => [run.learner, run.seed])).toEqual([["adam", 1], ["amsgrad", 1], ["adam", 7], ["amsgrad", 7]])
    for (const run of doc.runs) {
      const last = run.rows.at(-1)!
      expect(run.status).toEqual({ kind: "ok" })
      expect(run.final).toEqual({ t: 5000, x: last.x, cumLoss: last.cumLoss, comparatorLoss: last.comparatorLoss, regret: last.regret, avgRegret: last.avgRegret })
    }
  })

  it("keeps full double precision", async () => {
    const r = await cli(["run", fixture("tiny.json"), "--seed", "1", "--learners", "adam", "--json", "--no-report"])
    const doc = JSON.parse(r.stdout) as ReturnType<typeof runDocument>
    const lib = runScenarioSync(applyOverrides(await loadScenario(fixture("tiny.json")), ["seeds=[1]"]), { learners: ["adam"] })
    const final = doc.runs[0].final!
    // Bitwise equal, not merely close: a rounded print would fail here.
    expect(Object.is(final.avgRegret, lib.runs[0].rows.at(-1)!.avgRegret)).toBe(true)
    expect(Object.is(final.x![0], lib.runs[0].rows.at(-1)!.x![0])).toBe(true)
    expect(String(final.cumLoss).replace(/^-/, "").replace(".", "").length).toBeGreaterThan(10)
  })

  it("reports a diverged run's status and encodes its non-finite numbers", async () => {
    const r = await cli(["run", fixture("diverge.json"), "--json", "--no-report"])
    expect(r.code).toBe(1)
    const doc = fromJson(r.stdout) as ReturnType<typeof runDocument>
    expect(doc.runs[0].status).toMatchObject({ kind: "diverged", round: 1 })
    expect(r.stdout).not.toMatch(/\bNaN\b(?!")/)
    expect(r.stderr).toMatch(/^regretlab: adam \(seed 1\) diverged at round 1/)
  })
})
