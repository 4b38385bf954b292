// The happy path of every command, through the real binary.
import { mkdtemp, readFile, readdir, stat } from "node:fs/promises"
import { tmpdir } from "node:os"
import * as path from "node:path"
import { describe, expect, it } from "vitest"
import { learnerKinds } from "../../src/core/learner/registry.ts"
import { serialiseScenario } from "../../src/report/data.ts"
import { applyOverrides, listScenarios, loadScenario, scenarioJsonSchema } from "../../src/scenario/index.ts"
import { cli, fixture, repo } from "./run-cli.ts"

const tmp = () => mkdtemp(path.join(tmpdir(), "regretlab-cli-"))

describe.concurrent("regretlab list", () => {
  it("lists every registered scenario with its citation, and every learner with its presets", async () => {
    const r = await cli(["list"])
    expect(r.code).toBe(0)
    for (const s of listScenarios()) {
      const line = r.stdout.split("\n").find((l) => l.trim().startsWith(`${s.id} `))
      expect(line, s.id).toBeDefined()
      expect(line).toContain(s.citation)
    }
    for (const e of [...learnerKinds.values()]) expect(r.stdout).toContain(`presets: ${Object.keys(e.presets).join(", ")}`)
  })

  it("--json gives the same lists as data", async () => {
    const r = await cli(["list", "--json"])
    const doc = JSON.parse(r.stdout) as { scenarios: { id: string }[]; learners: { kind: string; presets: string[] }[] }
    expect(doc.scenarios.map((s) => s.id)).toEqual(listScenarios().map((s) => s.id))
    expect(doc.learners.map((l) => l.kind)).toEqual([...learnerKinds.keys()])
  })
})

describe.concurrent("regretlab describe", () => {
  it("prints the resolved config with the flags applied, as the library resolves it", async () => {
    const r = await cli(["describe", "reddi2018/online", "--horizon", "1e4", "--seeds", "3", "--set", "learners.adam.beta2=0.999"])
    expect(r.code).toBe(0)
    const expected = applyOverrides(await loadScenario("reddi2018/online"), ["learners.adam.beta2=0.999", "horizon=10000", "seeds=3"])
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(serialiseScenario(expected))))
    expect(JSON.parse(r.stdout)).toMatchObject({ horizon: 10000, seeds: [1, 2, 3] })
  })

  it("--learners keeps only the chosen learners and their expectations", async () => {
    const r = await cli(["describe", "reddi2018/online", "--learners", "amsgrad"])
    const doc = JSON.parse(r.stdout) as { learners: { label: string }[]; expectations: { learner: string }[] }
    expect(doc.learners.map((l) => l.label)).toEqual(["amsgrad"])
    expect(new Set(doc.expectations.map((e) => e.learner))).toEqual(new Set(["amsgrad"]))
  })
})

describe.concurrent("regretlab schema", () => {
  it("prints the scenario JSON Schema", async () => {
    const r = await cli(["schema"])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())))
  })
})

describe.concurrent("regretlab run", () => {
  it("prints the summary table and writes the report under reports/<id>/ with the exact command", async () => {
    const cwd = await tmp()
    const args = ["run", path.join(repo, fixture("tiny.json")), "--seed", "1", "--no-png"]
    const r = await cli(args, { cwd })
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toBe("")
    expect(r.stdout).toMatch(/learner\s+x_T\s+R_T\s+R_T\/T\s+verdict/)
    expect(r.stdout).toMatch(/^adam\s/m)
    expect(r.stdout).toMatch(/^amsgrad\s/m)
    expect(r.stdout).toContain(`report: ${path.join("reports", "fixture", "tiny", "index.html")}`)
    const dir = path.join(cwd, "reports", "fixture", "tiny")
    const run = JSON.parse(await readFile(path.join(dir, "run.json"), "utf8")) as { command: string; completion: unknown }
    expect(run.command).toBe(`npx regretlab run ${args.slice(1).join(" ")}`)
    expect(run.completion).toEqual({ kind: "complete" })
    expect(await readdir(dir)).toEqual(expect.arrayContaining(["index.html", "data.json", "data.csv"]))
  })

  it("runs a TypeScript scenario file", async () => {
    const r = await cli(["run", "scenarios/reddi2018-theorem1.ts", "--horizon", "1e4", "--no-report", "--check"])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain("reddi2018/theorem1")
    expect(r.stdout).toContain("T = 10,000")
  })

  it("--no-report writes nothing", async () => {
    const cwd = await tmp()
    const r = await cli(["run", path.join(repo, fixture("tiny.json")), "--no-report"], { cwd })
    expect(r.code).toBe(0)
    expect(await readdir(cwd)).toEqual([])
    expect(r.stdout).not.toContain("report:")
  })
})

describe.concurrent("regretlab report", () => {
  it("re-renders a run folder from its saved data and keeps the recorded command", async () => {
    const out = path.join(await tmp(), "tiny")
    const first = await cli(["run", fixture("tiny.json"), "--horizon", "300", "--no-png", "--out", out])
    expect(first.code, first.stderr).toBe(0)
    const before = JSON.parse(await readFile(path.join(out, "run.json"), "utf8")) as { command: string }
    const index = path.join(out, "index.html")
    const mtime = (await stat(index)).mtimeMs
    const r = await cli(["report", out])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain(`report: ${index}`)
    expect((await stat(index)).mtimeMs).toBeGreaterThan(mtime)
    expect(await readdir(out)).toContain("regret.png")
    const after = JSON.parse(await readFile(path.join(out, "run.json"), "utf8")) as { command: string }
    expect(after.command).toBe(before.command)
  })
})

describe.concurrent("--help and --version", () => {
  for (const command of ["run", "list", "describe", "report", "schema"]) {
    it(`regretlab ${command} --help shows usage and pasteable examples`, async () => {
      const r = await cli([command, "--help"])
      expect(r.code).toBe(0)
      expect(r.stdout).toContain(`regretlab ${command}`)
      expect(r.stdout).toMatch(/EXAMPLES\n(.|\n)*npx regretlab /)
    })
  }

  it("--version prints the package version", async () => {
    const pkg = JSON.parse(await readFile(path.join(repo, "package.json"), "utf8")) as { version: string }
    const r = await cli(["--version"])
    expect(r.stdout.trim()).toBe(`regretlab v${pkg.version}`)
  })
})
