// The sweep and merge commands end to end through the real CLI (bin/regretlab.js) in a child
// process: exit codes 0, 1, 2 and 130, shards + merge, the report folder.
import { spawn } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { readResults } from "../../src/sweep/results.ts"

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")
const entry = path.join(repo, "bin", "regretlab.js")
const tmp = () => mkdtempSync(path.join(tmpdir(), "regretlab-sweep-cli-"))

interface Result { code: number | null; stdout: string; stderr: string }

const start = (args: readonly string[]) => {
  const child = spawn(process.execPath, [entry, ...args], { cwd: repo, stdio: ["ignore", "pipe", "pipe"] })
  let stdout = "", stderr = ""
  child.stdout.setEncoding("utf8").on("data", (d: string) => { stdout += d })
  child.stderr.setEncoding("utf8").on("data", (d: string) => { stderr += d })
  const done = new Promise<Result>((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })))
  return { child, done }
}
const cli = (args: readonly string[]) => start(args).done

/** Adam over `jobs` values of β1 on one worker, into out: long enough to act on while it runs. */
const oneWorkerSweep = (out: string, jobs: number, horizon: string): string[] =>
  ["sweep", "reddi2018/online", "--learners", "adam", "--grid", `learners.adam.beta1=0:0.9:${jobs}`, "--horizon", horizon, "--out", out, "--no-report", "--workers", "1"]

/** Waits (up to 30 s) until a results file holds at least n records. */
const untilRecords = async (file: string, n: number): Promise<void> => {
  for (let i = 0; i < 300 && readResults(file).records.length < n; i++) await new Promise((r) => setTimeout(r, 100))
}

const small = ["lecture/period3", "--learners", "adam", "--grid", "learners.adam.beta2=0.01,0.5", "--grid", "learners.adam.beta1=0,0.5", "--horizon", "3000", "--verdict", "x<=-0.9"]

describe("regretlab sweep / merge", () => {
  it("runs a two-axis sweep, prints the verdict map and writes results and a report (exit 0)", async () => {
    const out = tmp()
    const r = await cli(["sweep", ...small, "--out", out, "--no-png", "--workers", "2"])
    expect(r.stderr).toBe("")
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("4 of 4 jobs finished, 0 failed")
    expect(r.stdout).toMatch(/0\.5 {2}✓ ✓/)
    expect(readResults(path.join(out, "results.jsonl")).records).toHaveLength(4)
    const html = readFileSync(path.join(out, "report", "index.html"), "utf8")
    expect(html).toContain('id="points-table"')
    expect(html).toContain("regenerate with")
    expect(existsSync(path.join(out, "report", "heatmap-verdict.svg"))).toBe(true)
    // A second run without --resume refuses to mix results; with --resume it runs nothing new.
    const again = await cli(["sweep", ...small, "--out", out, "--no-report"])
    expect(again.code).toBe(2)
    expect(again.stderr).toMatch(/^regretlab: .*--resume/)
    const resumed = await cli(["sweep", ...small, "--out", out, "--no-report", "--resume", "--json"])
    expect(resumed.code).toBe(0)
    expect(JSON.parse(resumed.stdout)).toMatchObject({ total: 4, finished: 4, failed: 0, missing: 0 })
  })

  it("input errors exit 2 with one line", async () => {
    for (const args of [
      ["sweep", "no/such", "--grid", "a=1"],
      ["sweep", "lecture/period3", "--grid", "learners.adam.beta2=0:1:x"],
      ["sweep", "lecture/period3", "--grid", "learners.nobody.beta2=0.5"],
      ["sweep", "lecture/period3", "--grid", "learners.adam.beta2=0.5", "--shard", "3/2"],
      ["sweep", "lecture/period3"]
    ]) {
      const r = await cli(args)
      expect(r.code, args.join(" ")).toBe(2)
      expect(r.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1)
      expect(r.stderr).toMatch(/^regretlab: /)
    }
  })

  it("a failed job exits 1 after the others finished", async () => {
    const out = tmp()
    const r = await cli(["sweep", "test/sweep/fixtures/explode.ts", "--grid", "adversary.mode=none,throw,none2", "--out", out, "--no-report", "--workers", "1"])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/regretlab: 1 job failed: .*boom at round 5/)
    const recs = readResults(path.join(out, "results.jsonl")).records
    expect(recs.map((x) => x.status).sort()).toEqual(["failed", "ok", "ok"])
  })

  it("shards then merge give the full sweep; merge of a partial set exits 1", async () => {
    const out = tmp()
    for (const k of [1, 2]) {
      const r = await cli(["sweep", ...small, "--out", out, "--shard", `${k}/2`, "--workers", "1"])
      expect(r.code).toBe(0)
      expect(r.stdout).toContain(`shard ${k}/2 done, 2 jobs`)
    }
    const other = tmp()
    await cli(["sweep", ...small, "--out", other, "--shard", "1/2", "--workers", "0"])
    const partial = await cli(["merge", other, "--no-report"])
    expect(partial.code).toBe(1)
    expect(partial.stderr).toContain("incomplete: 2 of 4 jobs")
    const m = await cli(["merge", out, "--no-png", "--json"])
    expect(m.stderr).toBe("")
    expect(m.code).toBe(0)
    expect(JSON.parse(m.stdout)).toMatchObject({ total: 4, finished: 4, missing: 0 })
    const merged = readResults(path.join(out, "results.jsonl")).records
    expect(merged.map((r) => r.index)).toEqual([0, 1, 2, 3])
    expect(existsSync(path.join(out, "report", "index.html"))).toBe(true)
  })

  it("a second sweep into a folder being written is refused naming the first; the first runs every job once", async () => {
    const out = tmp()
    // 16 jobs of ~0.3 s on one worker: the second sweep starts well before the first ends.
    const args = oneWorkerSweep(out, 16, "10000000")
    const first = start(args)
    const file = path.join(out, "results.jsonl")
    await untilRecords(file, 1)
    const second = await cli(args)
    expect(second.code).toBe(2)
    expect(second.stdout).toBe("")
    expect(second.stderr).toMatch(new RegExp(`^regretlab: ${out} is being written by another sweep \\(pid ${first.child.pid} on [^,]+, since [^ ]+ \\(regretlab sweep reddi2018/online .*\\)\\); wait for it to finish or choose another --out\\. If that process is gone, delete ${out}/results\\.jsonl\\.lock\\.\\n$`))
    const r = await first.done
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain("16 of 16 jobs finished, 0 failed")
    expect(readResults(file).records).toHaveLength(16)
    expect(existsSync(path.join(out, "results.jsonl.lock"))).toBe(false)
  })

  it("Ctrl-C stops promptly with exit 130, keeping every finished job for --resume", async () => {
    const out = tmp()
    // 40 jobs of ~0.1 s each on one worker: long enough to interrupt in the middle.
    const p = start(oneWorkerSweep(out, 40, "1000000"))
    const file = path.join(out, "results.jsonl")
    await untilRecords(file, 3)
    p.child.kill("SIGINT")
    const r = await p.done
    expect(r.code).toBe(130)
    expect(r.stderr).toContain("--resume")
    const n = readResults(file).records.length
    expect(n).toBeGreaterThanOrEqual(3)
    expect(n).toBeLessThan(40)
  })
})
