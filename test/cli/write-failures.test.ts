// A full disk while writing: the results are never lost to it. `run` prints its summary (or its
// --json document) first, then says on one line which report folder could not be written and
// exits 1, an environment failure; a sweep that cannot append to results.jsonl says which file,
// keeps the jobs finished before, and exits 1 too. No disk is filled: the file system calls are
// made to fail with ENOSPC for paths under the folder being written. `report` re-rendering a run or
// a sweep prints the summary from the saved data first, and leaves the report folder as it was.
import { mkdtempSync, readdirSync } from "node:fs"
import { tmpdir } from "node:os"
import * as path from "node:path"
import { afterEach, describe, expect, it, vi } from "vitest"
import { readResults } from "../../src/sweep/results.ts"
import { invoke } from "./in-process.ts"

const full = vi.hoisted(() => ({ under: undefined as string | undefined, appendsLeft: Infinity, fds: new Set<number>() }))

const enospc = (syscall: string): Error => Object.assign(new Error(`ENOSPC: no space left on device, ${syscall}`), { code: "ENOSPC", errno: -28, syscall })

vi.mock("node:fs/promises", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs/promises")>()
  const writeFile: typeof real.writeFile = async (file, data, options) => {
    if (full.under !== undefined && String(file).startsWith(full.under)) throw enospc("write")
    return real.writeFile(file, data, options)
  }
  return { ...real, writeFile, default: { ...real, writeFile } }
})

vi.mock("node:fs", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs")>()
  const openSync = ((file: string, flags: string, mode?: number) => {
    const fd = real.openSync(file, flags, mode)
    if (full.under !== undefined && String(file).startsWith(full.under) && /results.*\.jsonl$/.test(String(file)) && flags === "a") full.fds.add(fd)
    return fd
  }) as typeof real.openSync
  const writeSync = ((fd: number, ...rest: unknown[]) => {
    if (full.fds.has(fd) && full.appendsLeft-- <= 0) throw enospc("write")
    return (real.writeSync as (...a: unknown[]) => number)(fd, ...rest)
  }) as typeof real.writeSync
  return { ...real, openSync, writeSync, default: { ...real, openSync, writeSync } }
})

afterEach(() => {
  full.under = undefined
  full.appendsLeft = Infinity
  full.fds.clear()
})

const tmp = () => mkdtempSync(path.join(tmpdir(), "regretlab-full-"))

describe("a full disk while the report is written", () => {
  it("run: the summary is printed first, then one line naming the report folder, exit 1; no temporary folder is left", async () => {
    const dir = tmp()
    const out = path.join(dir, "report")
    full.under = dir
    const r = await invoke(["run", "test/cli/fixtures/tiny.json", "--horizon", "500", "--out", out, "--no-png"])
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/^fixture\/tiny: A small periodic-linear game for CLI tests\nT = 500, 2 seeds/)
    expect(r.stdout).toContain("amsgrad")
    expect(r.stdout).not.toContain("report:")
    expect(r.stderr).toBe(`regretlab: cannot write the report to ${out}: no space left on device (ENOSPC); the results above are complete (rerun with --no-report, or free the space and rerun)\n`)
    expect(readdirSync(dir)).toEqual([])
  })

  it("run --json: the whole document is printed first", async () => {
    const dir = tmp()
    full.under = dir
    const r = await invoke(["run", "test/cli/fixtures/tiny.json", "--horizon", "500", "--out", path.join(dir, "r"), "--no-png", "--json"])
    expect(r.code).toBe(1)
    const doc = JSON.parse(r.stdout) as { runs: unknown[]; report: string }
    expect(doc.runs).toHaveLength(4)
    expect(doc.report).toBe(path.join(dir, "r", "index.html"))
    expect(r.stderr).toMatch(/^regretlab: cannot write the report to .*\/r: no space left on device \(ENOSPC\)/)
  })

  it("report: the summary from data.json, then the failure, and the folder is as it was", async () => {
    const dir = tmp()
    const out = path.join(dir, "r")
    expect((await invoke(["run", "test/cli/fixtures/tiny.json", "--horizon", "200", "--out", out, "--no-png"])).code).toBe(0)
    const before = readdirSync(out).sort()
    full.under = dir
    const r = await invoke(["report", out, "--no-png"])
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/^fixture\/tiny/)
    expect(r.stderr).toBe(`regretlab: cannot write the report to ${out}: no space left on device (ENOSPC); the report folder is as it was\n`)
    expect(readdirSync(out).sort()).toEqual(before)
    expect(readdirSync(dir)).toEqual(["r"])
  })

  it("sweep: the results are printed and kept; the sweep report's failure is exit 1 naming its folder", async () => {
    const dir = tmp()
    // The report is written into a hidden sibling first, then renamed into place.
    full.under = path.join(dir, ".tmp-report")
    const r = await invoke(["sweep", "lecture/period3", "--learners", "adam", "--grid", "learners.adam.beta2=0.01,0.5", "--horizon", "300", "--out", dir, "--no-png", "--workers", "0"])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain("2 of 2 jobs finished, 0 failed")
    expect(r.stderr).toMatch(/^regretlab: cannot write the sweep report to .*\/report: no space left on device \(ENOSPC\); the results are complete in .*results\.jsonl/)
    expect(readResults(path.join(dir, "results.jsonl")).records).toHaveLength(2)
  })

  it("report of a sweep folder: the summary from its results, then the failure naming the report folder", async () => {
    const dir = tmp()
    const sweep = ["sweep", "lecture/period3", "--learners", "adam", "--grid", "learners.adam.beta2=0.01,0.5", "--horizon", "300", "--out", dir, "--no-png", "--workers", "0"]
    expect((await invoke(sweep)).code).toBe(0)
    const before = readdirSync(path.join(dir, "report")).sort()
    full.under = path.join(dir, ".tmp-report")
    const r = await invoke(["report", dir, "--no-png"])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain("2 of 2 jobs finished, 0 failed")
    expect(r.stdout).not.toContain("report:")
    expect(r.stderr).toBe(`regretlab: cannot write the sweep report to ${path.join(dir, "report")}: no space left on device (ENOSPC); the report folder is as it was\n`)
    expect(readdirSync(path.join(dir, "report")).sort()).toEqual(before)
  })
})

describe("a full disk while a sweep appends its results", () => {
  it("exit 1 naming the results file, the jobs before it kept, and --resume finishes the rest", async () => {
    const dir = tmp()
    full.under = dir
    full.appendsLeft = 2
    const args = ["sweep", "lecture/period3", "--learners", "adam", "--grid", "learners.adam.beta2=0.01,0.2,0.5,0.9", "--horizon", "300", "--out", dir, "--no-report", "--workers", "0"]
    const r = await invoke(args)
    expect(r.code).toBe(1)
    expect(r.stdout).toBe("")
    expect(r.stderr).toBe(`regretlab: cannot append to ${path.join(dir, "results.jsonl")}: no space left on device (ENOSPC); the jobs finished before it are in the file (free some space, then rerun with --resume)\n`)
    expect(readResults(path.join(dir, "results.jsonl"))).toMatchObject({ partial: false })
    expect(readResults(path.join(dir, "results.jsonl")).records).toHaveLength(2)
    expect(readdirSync(dir).sort()).toEqual(["results.jsonl", "sweep.json"])
    full.under = undefined
    full.appendsLeft = Infinity
    full.fds.clear()
    const resumed = await invoke([...args, "--resume"])
    expect(resumed.code, resumed.stderr).toBe(0)
    expect(resumed.stdout).toContain("4 of 4 jobs finished, 0 failed")
  })
})
