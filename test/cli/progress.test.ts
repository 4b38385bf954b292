// The progress bar: its text, and when it appears (a terminal only — never in a pipe or with --json).
import { describe, expect, it } from "vitest"
import { renderProgressLine } from "../../src/run/progress-bar.ts"
import { snapshotAt } from "../../src/run/progress.ts"
import { wantProgress } from "../../src/cli/progress-choice.ts"
import { cli, start } from "./run-cli.ts"

// A few seconds of play on these machines: longer than the bar's one-second delay.
const longish = ["run", "reddi2018/online", "--horizon", "3e7", "--learners", "adam", "--no-report"]

describe("progress bar text", () => {
  it("shows percent, rounds, rate and ETA, fitted to the terminal width", () => {
    const line = renderProgressLine(snapshotAt(250_000, 1_000_000, 2000), 100)
    expect(line).toContain(" 25% 250k/1.0M rounds")
    expect(line).toContain("  125k rounds/s")
    expect(line).toContain("ETA 6s")
    expect(line.length).toBeLessThan(100)
    expect(renderProgressLine(snapshotAt(1, 10, 0), 40).length).toBeLessThan(40)
    expect(renderProgressLine(snapshotAt(1, 10, 0))).toContain("ETA ?")
  })
})

describe("when the bar is drawn", () => {
  it("only on a terminal and never with --json, unless REGRETLAB_PROGRESS says otherwise", () => {
    expect(wantProgress(false, {}, true)).toBe(true)
    expect(wantProgress(false, {}, false)).toBe(false)
    expect(wantProgress(true, {}, true)).toBe(false)
    expect(wantProgress(false, { REGRETLAB_PROGRESS: "1" }, false)).toBe(true)
    expect(wantProgress(false, { REGRETLAB_PROGRESS: "0" }, true)).toBe(false)
    expect(wantProgress(true, { REGRETLAB_PROGRESS: "1" }, false)).toBe(true)
  })

  it("stderr that is a pipe gets no progress output", async () => {
    const r = await cli(longish)
    expect(r.code).toBe(0)
    expect(r.stderr).toBe("")
  })

  it("--json alone prints no progress", async () => {
    const r = await cli([...longish, "--json"])
    expect(r.code).toBe(0)
    expect(r.stderr).toBe("")
    expect(() => JSON.parse(r.stdout)).not.toThrow()
  })

  it("a forced bar reports rounds/s and ETA on stderr and erases itself", async () => {
    const p = start(["run", "reddi2018/online", "--horizon", "1e10", "--learners", "adam", "--no-report"], { env: { REGRETLAB_PROGRESS: "1" } })
    const watchdog = setTimeout(() => p.child.kill("SIGKILL"), 45_000)
    await Promise.race([p.stderrIncludes("ETA"), p.done])
    p.child.kill("SIGINT")
    const r = await p.done
    clearTimeout(watchdog)
    expect(r.code).toBe(130)
    expect(r.stderr).toMatch(/\r\[#*\.*\]\s+\d+% \S+\/10\.0G rounds\s+\S+ rounds\/s\s+ETA \d+(h\d+m|m\d+s|s)\x1b\[K/)
    // The bar erases its line before the closing message.
    expect(r.stderr).toMatch(/\r\x1b\[Kregretlab: interrupted at round \d+ of 10000000000\n$/)
    expect(r.stdout).not.toContain("rounds/s")
  })
})
