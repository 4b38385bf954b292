// Ctrl-C during a long run: the run stops within a second, what completed is written (marked
// interrupted, with the round reached), no half-written file is left, and the exit code is 130.
import { mkdtemp, readdir, readFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import * as path from "node:path"
import { describe, expect, it } from "vitest"
import { fromJson } from "../../src/report/data.ts"
import type { runDocument } from "../../src/cli/json-document.ts"
import type { ScenarioResult } from "../../src/scenario/types.ts"
import { start } from "./run-cli.ts"

// Far longer than any test: only a SIGINT can end it. The forced progress bar (REGRETLAB_PROGRESS=1,
// which also works with --json) tells us the games are running: it appears after a second of play.
const long = ["run", "reddi2018/online", "--horizon", "1e10", "--seeds", "2"]
const running = { REGRETLAB_PROGRESS: "1" }

const interrupt = async (args: readonly string[]) => {
  const p = start([...long, ...args], { env: running })
  const watchdog = setTimeout(() => p.child.kill("SIGKILL"), 45_000) // never leave a 10^10-round run behind
  await Promise.race([p.stderrIncludes("rounds/s"), p.done])
  clearTimeout(watchdog)
  const sentAt = Date.now()
  p.child.kill("SIGINT")
  const result = await p.done
  return { ...result, ms: Date.now() - sentAt }
}

describe("SIGINT during a run", () => {
  it("stops within a second with exit 130 and prints the partial summary", async () => {
    const r = await interrupt(["--no-report"])
    expect(r.code).toBe(130)
    expect(r.ms).toBeLessThan(1000)
    const round = Number(/round ([\d,]+) of T = [\d,]+ \(interrupted\)/.exec(r.stdout)?.[1]?.replace(/,/g, ""))
    expect(round).toBeGreaterThan(0)
    expect(r.stderr).toContain(`regretlab: interrupted at round ${round} of 10000000000\n`)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it("--json gives one consistent document: every run interrupted at the same round", async () => {
    const r = await interrupt(["--json", "--no-report"])
    expect(r.code).toBe(130)
    const doc = fromJson(r.stdout) as ReturnType<typeof runDocument>
    expect(doc.completion.kind).toBe("interrupted")
    const round = (doc.completion as { round: number }).round
    expect(doc.runs).toHaveLength(6)
    for (const run of doc.runs) {
      expect(run.status).toEqual({ kind: "interrupted", round })
      expect(run.rows.length).toBeGreaterThan(0)
      expect(run.rows.every((row) => row.t <= round)).toBe(true)
      expect(run.final?.t).toBe(run.rows.at(-1)!.t)
    }
  })

  it("writes the partial report atomically, marked interrupted, and leaves no temporary files", async () => {
    const parent = await mkdtemp(path.join(tmpdir(), "regretlab-cli-"))
    const out = path.join(parent, "partial")
    const r = await interrupt(["--out", out])
    expect(r.code).toBe(130)
    expect(r.stderr).toContain("partial report written")
    expect(await readdir(parent)).toEqual(["partial"])
    const run = JSON.parse(await readFile(path.join(out, "run.json"), "utf8")) as { completion: { kind: string; round: number }; command: string }
    expect(run.completion.kind).toBe("interrupted")
    expect(run.command).toBe(`npx regretlab ${[...long, "--out", out].join(" ")}`)
    const data = fromJson(await readFile(path.join(out, "data.json"), "utf8")) as ScenarioResult
    expect(data.completion).toEqual(run.completion)
    for (const lr of data.runs) expect(lr.status).toEqual({ kind: "interrupted", round: run.completion.round })
    expect(await readdir(out)).toEqual(expect.arrayContaining(["index.html", "data.csv"]))
  })
})
