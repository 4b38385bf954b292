// `regretlab search` end to end through the real CLI in a child process: a certified search whose
// scenario `regretlab run --check` accepts, the same result whatever the number of workers, a
// failure-region grid, Ctrl-C keeping the best found, and exit codes 1 and 2.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import * as path from "node:path"
import { describe, expect, it } from "vitest"
import { cli, start } from "./run-cli.ts"

const tmp = () => mkdtempSync(path.join(tmpdir(), "regretlab-search-cli-"))

/** Theorem 1's setting at a budget of seconds: β1 = 0, β2 = 0.1, periods 2 and 3. */
const theorem1 = ["search", "--learner", "rmsprop", "--set", "beta2=0.1", "--period-max", "3", "--horizon", "1e4", "--budget", "200"]

describe("regretlab search", () => {
  it("finds and certifies Theorem 1's period-3 sequence; the scenario it writes runs with every expectation holding", async () => {
    const dir = tmp()
    const found = path.join(dir, "found.json")
    const r = await cli([...theorem1, "--out", found, "--report", path.join(dir, "report"), "--no-png", "--workers", "2", "--json"])
    expect(r.code, r.stderr).toBe(0)
    const doc = JSON.parse(r.stdout) as { certified: boolean; evaluations: number; workers: number; found: { adversary: { kind: string; gradients: number[][] } }; crossCheck: { agrees: boolean } }
    expect(doc.certified).toBe(true)
    expect(doc.workers).toBe(2)
    expect(doc.crossCheck.agrees).toBe(true)
    const g = doc.found.adversary.gradients.map((v) => v[0]).sort((a, b) => Math.abs(b) - Math.abs(a))
    expect(g).toHaveLength(3)
    expect(Math.abs(g[0])).toBe(1)
    expect(g.slice(1).every((v) => Math.sign(v) === -Math.sign(g[0]) && Math.abs(v) < 0.5)).toBe(true)
    for (const f of ["index.html", "search.json", "history.csv", "sequence.csv", "regret.csv", "scenario.json", "score-history.svg", "sequence.svg", "regret.svg"]) {
      expect(existsSync(path.join(dir, "report", f)), f).toBe(true)
    }
    expect(existsSync(path.join(dir, "report", "regret.png"))).toBe(false)
    const run = await cli(["run", found, "--check", "--no-report"])
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/✓ rmsprop: R_T\/T ≥/)
    expect(run.stdout).toMatch(/✓ amsgrad: R_T\/T ≤/)
    // The same search in this thread: the same sequence, bit for bit (other worker counts: search-pool.test.ts).
    const again = await cli([...theorem1, "--no-report", "--workers", "0", "--json"])
    expect(again.code).toBe(0)
    expect((JSON.parse(again.stdout) as typeof doc).found).toEqual(doc.found)
  })

  it("searches a learner of one's own, registered by a module loaded here and in every worker (--import)", async () => {
    // Normalized gradient descent steps ±η_t whatever |g|: a period-2 sequence of a small and a
    // large gradient of opposite signs walks it the wrong way.
    const dir = tmp()
    const found = path.join(dir, "found.json")
    const r = await cli(["search", "--import", "test/cli/fixtures/register-ngd.ts", "--learner", "ngd", "--horizon", "2000", "--period-max", "4", "--budget", "100", "--workers", "2", "--out", found, "--no-report", "--json"])
    expect(r.code, r.stderr).toBe(0)
    const doc = JSON.parse(r.stdout) as { learner: { kind: string }; certified: boolean; crossCheck: { agrees: boolean } }
    expect(doc.learner.kind).toBe("ngd")
    expect(doc.certified).toBe(true)
    expect(doc.crossCheck.agrees).toBe(true)
    // The scenario names the user's kind: a scenario module that loads the registration and the JSON runs it (docs/search.md).
    writeFileSync(path.join(dir, "found.ts"), `import ${JSON.stringify(path.resolve("test/cli/fixtures/register-ngd.ts"))}\nimport found from "./found.json" with { type: "json" }\n\nexport default found\n`)
    const run = await cli(["run", path.join(dir, "found.ts"), "--check", "--no-report"])
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/✓ ngd: R_T\/T ≥/)
    const missing = await cli(["search", "--import", "no/such.ts", "--learner", "ngd", "--no-report"])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toBe("regretlab: --import: no such module \"no/such.ts\"\n")
  })

  it("maps a grid: a short search per cell, the certified cells marked, a report with the map", async () => {
    const dir = tmp()
    const r = await cli(["search", "--learner", "rmsprop", "--grid", "beta2=0.1,0.999", "--period-max", "4", "--horizon", "2000", "--budget", "150", "--report", dir, "--no-png", "--json"])
    expect(r.code, r.stderr).toBe(0)
    const doc = JSON.parse(r.stdout) as { total: number; finished: number; cells: { values: { beta2: number }; certified: boolean }[] }
    expect(doc.total).toBe(2)
    expect(doc.finished).toBe(2)
    expect(doc.cells.find((c) => c.values.beta2 === 0.1)!.certified).toBe(true)
    expect(doc.cells.find((c) => c.values.beta2 === 0.999)!.certified).toBe(false)
    expect(readFileSync(path.join(dir, "cells.csv"), "utf8").split("\n")[0]).toMatch(/^beta2,certified,candidates/)
    expect(existsSync(path.join(dir, "region.svg"))).toBe(true)
  })

  it("Ctrl-C keeps the best found so far: verified, written, exit 130", async () => {
    const dir = tmp()
    const found = path.join(dir, "found.json")
    const p = start(["search", "--learner", "rmsprop", "--set", "beta2=0.1", "--period-max", "6", "--horizon", "1e4", "--budget", "1h", "--out", found, "--report", path.join(dir, "report"), "--workers", "1"])
    const watchdog = setTimeout(() => p.child.kill("SIGKILL"), 50_000)
    await Promise.race([p.stderrIncludes("certified 0."), p.done])
    p.child.kill("SIGINT")
    const r = await p.done
    clearTimeout(watchdog)
    expect(r.code, r.stderr).toBe(130)
    expect(r.stdout).toContain("stopped early")
    expect(r.stdout).toContain("CERTIFIED")
    expect(JSON.parse(readFileSync(found, "utf8")).expectations).toHaveLength(3)
    expect(existsSync(path.join(dir, "report", "index.html"))).toBe(true)
  })

  it("--check exits 1 when nothing is certified; bad input exits 2 with one line naming the flag or field", async () => {
    const none = await cli(["search", "--learner", "amsgrad", "--set", "beta2=0.99", "--period-max", "5", "--horizon", "1000", "--budget", "60", "--no-report", "--check"])
    expect(none.code).toBe(1)
    expect(none.stdout).toContain("not certified")
    expect(none.stderr).toMatch(/\nregretlab: --check: nothing certified against amsgrad\/paper/)
    // One line, exit 2: a flag, a learner field, a grid with a time budget (the rest: search-flags.test.ts).
    for (const [args, message] of [
      [["--learner", "adam", "--set", "beta2=1.5"], /^regretlab: learner\.beta2: expected a number in \[0, 1\), got 1\.5\n$/],
      [["--learner", "adam", "--budget", "5x"], /^regretlab: --budget: expected a time \(60s, 2m, 1h\) or a number of candidates/],
      [["--learner", "adam", "--grid", "beta1=0,0.5", "--budget", "10s"], /^regretlab: --budget: a grid needs a number of candidates per cell/]
    ] as const) {
      const r = await cli(["search", ...args, "--no-report"])
      expect(r.code, args.join(" ")).toBe(2)
      expect(r.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1)
      expect(r.stderr, args.join(" ")).toMatch(message)
    }
  })
})
