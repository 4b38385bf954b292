// One sweep writes a folder at a time: a second sweep into it is refused naming the holder, a
// lock left by a process that died is taken over, shards of one n share a folder, a lock is gone
// after the sweep (finished, failed, or the process exiting part-way), and a job recorded twice
// counts once.
import { spawn } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, utimesSync, writeFileSync } from "node:fs"
import { hostname, tmpdir } from "node:os"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { resolveSweep } from "../../src/sweep/definition.ts"
import { STALE_AFTER_MS, SweepLock } from "../../src/sweep/lock.ts"
import { readResults, recordLine } from "../../src/sweep/results.ts"
import { runSweep } from "../../src/sweep/run.ts"
import { summariseSweep } from "../../src/sweep/summary.ts"

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")
const tmp = () => mkdtempSync(path.join(tmpdir(), "regretlab-lock-"))

/** A pid that is certainly not running: a child that has exited. */
const deadPid = (): Promise<number> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, ["-e", ""])
    child.on("exit", () => resolve(child.pid!))
  })

const plan = () => resolveSweep("lecture/period3", { learners: ["adam"], grid: ["learners.adam.beta2=0.01,0.2,0.5,0.9"], horizon: 2000, seeds: 2 })

describe("the sweep folder lock", () => {
  it("two sweeps started together into one folder: one runs every job once, the other is refused naming the holder", async () => {
    const dir = tmp()
    const { plan: p, base } = await plan()
    const results = await Promise.allSettled([runSweep({ plan: p, base, outDir: dir, workers: 0 }), runSweep({ plan: p, base, outDir: dir, workers: 0 })])
    const ok = results.filter((r) => r.status === "fulfilled")
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected")
    expect(ok).toHaveLength(1)
    expect(refused).toHaveLength(1)
    expect(String(refused[0].reason.message)).toMatch(new RegExp(`is being written by another sweep \\(pid ${process.pid} on ${hostname()}, since `))
    const records = readResults(path.join(dir, "results.jsonl")).records
    expect(records).toHaveLength(p.jobs)
    expect(new Set(records.map((r) => r.id)).size).toBe(p.jobs)
    expect(readdirSync(dir).filter((f) => f.endsWith(".lock"))).toEqual([])
  })

  it("a lock whose process is gone is taken over; one from another host once it is no longer refreshed", async () => {
    const dir = tmp()
    mkdirSync(dir, { recursive: true })
    const lock = path.join(dir, "results.jsonl.lock")
    writeFileSync(lock, JSON.stringify({ pid: await deadPid(), host: hostname(), started: "x", command: "regretlab sweep crashed" }))
    const taken = SweepLock.acquire(dir, "results.jsonl")
    expect(JSON.parse(readFileSync(lock, "utf8")).pid).toBe(process.pid)
    taken.release()
    expect(existsSync(lock)).toBe(false)
    // From another host (a shared file system): held while its owner refreshes it, stale once it stops.
    writeFileSync(lock, JSON.stringify({ pid: await deadPid(), host: "another-machine", started: "x", command: "regretlab sweep elsewhere" }))
    expect(() => SweepLock.acquire(dir, "results.jsonl")).toThrow(/being written by another sweep \(pid \d+ on another-machine, since x \(regretlab sweep elsewhere\)\).*delete .*results\.jsonl\.lock/)
    const past = new Date(Date.now() - STALE_AFTER_MS - 1000)
    utimesSync(lock, past, past)
    SweepLock.acquire(dir, "results.jsonl").release()
  })

  it("shards of one n share a folder; an unsharded sweep or another n does not", () => {
    const dir = tmp()
    const one = SweepLock.acquire(dir, "results.shard-1-of-2.jsonl", 2)
    const two = SweepLock.acquire(dir, "results.shard-2-of-2.jsonl", 2)
    expect(() => SweepLock.acquire(dir, "results.jsonl")).toThrow(/writing results\.shard-[12]-of-2\.jsonl/)
    expect(() => SweepLock.acquire(dir, "results.shard-1-of-3.jsonl", 3)).toThrow(/writing results\.shard-[12]-of-2\.jsonl/)
    expect(() => SweepLock.acquire(dir, "results.shard-1-of-2.jsonl", 2)).toThrow(/being written by another sweep/)
    one.release()
    two.release()
    // The refused attempts left nothing behind.
    expect(readdirSync(dir)).toEqual([])
  })

  it("is released when a sweep fails, and removed when its process exits part-way", async () => {
    const dir = tmp()
    const { plan: p, base } = await plan()
    // A sweep that cannot start (a file where its results should go) leaves no lock.
    mkdirSync(path.join(dir, "results.jsonl"))
    await expect(runSweep({ plan: p, base, outDir: dir, workers: 0 })).rejects.toThrow()
    expect(readdirSync(dir).filter((f) => f.endsWith(".lock"))).toEqual([])
    // A process that takes the lock and exits without releasing it (process.exit, as a second Ctrl-C does).
    const other = tmp()
    const script = `import { SweepLock } from ${JSON.stringify(path.join(repo, "src/sweep/lock.ts"))}\nSweepLock.acquire(${JSON.stringify(other)}, "results.jsonl")\nprocess.exit(130)\n`
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, ["--import", "tsx/esm", "--input-type=module", "-e", script], { cwd: repo, stdio: "ignore" })
      child.on("exit", resolve)
    })
    expect(code).toBe(130)
    expect(readdirSync(other)).toEqual([])
  })

  it("a job recorded twice (results.jsonl written by two sweeps at once) counts once", async () => {
    const { plan: p, base } = await plan()
    const dir = tmp()
    await runSweep({ plan: p, base, outDir: dir, workers: 0 })
    const records = readResults(path.join(dir, "results.jsonl")).records
    writeFileSync(path.join(dir, "doubled.jsonl"), [...records, ...records].map(recordLine).join(""))
    const s = summariseSweep(p, readResults(path.join(dir, "doubled.jsonl")).records)
    expect(s).toMatchObject({ total: p.jobs, finished: p.jobs, missing: 0 })
    expect(s.points.every((pt) => pt.n === 2)).toBe(true)
  })
})
