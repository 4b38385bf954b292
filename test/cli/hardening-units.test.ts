// The pieces behind the hardened command line, each against its own reference: text made safe
// for a terminal, one line per invalid invocation, override keys for any label, the worker count,
// the memory estimate, and report folders cleaned up when a process exits or is killed mid-write.
import { spawn } from "node:child_process"
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { invocationLine } from "../../src/cli/presenter.ts"
import { terminalCell, terminalText } from "../../src/cli/terminal.ts"
import { runThreads, THREAD_WORK_THRESHOLD } from "../../src/cli/run.ts"
import { writeDirAtomic } from "../../src/report/atomic.ts"
import { availableMemory, checkMemory, estimateMemory, formatBytes, learnerDoubles, MemoryRefused, parseBytes, RUN_ARRAYS } from "../../src/run/memory.ts"
import { chooseWorkers } from "../../src/run/workers.ts"
import { getScenario } from "../../src/scenario/index.ts"
import { formatKeyPath, parseKeyPath, splitAssignment, splitTied } from "../../src/scenario/key-path.ts"

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")

describe("text for a terminal", () => {
  it("escapes control characters, C1 codes and bidi overrides, keeps newlines and tabs, and JSON still parses to the original", () => {
    expect(terminalText("a\u001b[2Jb\u001b]0;title\u0007c\rd\u009be\u202ef\u0000")).toBe("a\\u001b[2Jb\\u001b]0;title\\u0007c\\u000dd\\u009be\\u202ef\\u0000")
    expect(terminalText("line 1\n\tline 2")).toBe("line 1\n\tline 2")
    expect(terminalCell("a\nb\tc")).toBe("a\\u000ab\\u0009c")
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => {
      const safe = terminalText(JSON.stringify({ s }))
      expect(safe).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/)
      expect(JSON.parse(safe)).toEqual({ s })
    }))
  })
})

describe("an invalid invocation", () => {
  it("is one line, the first problem, with a hint when a value starting with - was read as flags", () => {
    expect(invocationLine(["regretlab", "sweep"], ["Missing value for flag --shard. Expected: k/n|auto", "Unrecognized flag: -1", "Unrecognized flag: -/", "Unrecognized flag: -2"]))
      .toBe('regretlab: Missing value for flag --shard. Expected: k/n|auto. A value that starts with "-" is written --shard=<value> (see: regretlab sweep --help)')
    expect(invocationLine(["regretlab", "run"], ["Unrecognized flag: --colour in command regretlab run"])).toBe("regretlab: Unrecognized flag: --colour in command regretlab run (see: regretlab run --help)")
    expect(invocationLine(["regretlab", "run"], ["Missing value for flag --out"])).toBe("regretlab: Missing value for flag --out (see: regretlab run --help)")
  })
})

describe("override keys", () => {
  it("read back what they write, for any label", () => {
    fc.assert(fc.property(fc.array(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 4 }), (segments) => {
      const usable = segments.map((s) => (s.trim() === "" ? `x${s}` : s))
      expect(parseKeyPath(formatKeyPath(usable))).toEqual(usable)
      const key = formatKeyPath(usable)
      expect(splitAssignment(`${key}=1`)).toEqual({ key, value: "1" })
      expect(splitTied(`${key}+${key}`)).toEqual([key, key])
    }))
  })

  it("are bare where that is unambiguous and bracketed otherwise", () => {
    expect(formatKeyPath(["learners", "adam", "beta2"])).toBe("learners.adam.beta2")
    expect(formatKeyPath(["learners", "a b", "beta2"])).toBe("learners.a b.beta2")
    expect(formatKeyPath(["learners", "x<y/z", "beta1"])).toBe("learners.x<y/z.beta1")
    expect(formatKeyPath(["learners", "p=q", "beta1"])).toBe('learners["p=q"].beta1')
    expect(formatKeyPath(["learners", "v1.2", "alpha"])).toBe('learners["v1.2"].alpha')
    for (const bad of ["", "a..b", ".a", "a.", 'a["x', "a[]", 'a["b"]c', "a[1x]"]) expect(parseKeyPath(bad), bad).toBeUndefined()
  })
})

describe("the number of worker threads", () => {
  it("defaults to one per core, never more than one per core or than the tasks, and says when it lowers a request", () => {
    expect(chooseWorkers({ tasks: 100, cores: 8 })).toEqual({ workers: 8 })
    expect(chooseWorkers({ tasks: 3, cores: 8 })).toEqual({ workers: 3 })
    expect(chooseWorkers({ requested: 4, tasks: 100, cores: 8 })).toEqual({ workers: 4 })
    expect(chooseWorkers({ requested: 0, tasks: 100, cores: 8 })).toEqual({ workers: 0 })
    expect(chooseWorkers({ requested: 64, tasks: 100, cores: 2 })).toEqual({ workers: 2, note: "--workers 64: using 2 (at most one per core; this machine has 2)" })
    expect(chooseWorkers({ requested: 64, tasks: 1, cores: 2 })).toEqual({ workers: 1, note: "--workers 64: using 1 (at most one per core; this machine has 2)" })
    expect(chooseWorkers({ requested: 3, tasks: 2, cores: 8 })).toEqual({ workers: 2 })
  })

  it("for run: threads for a big batch by default, this thread for a small one or a single run", () => {
    const online = getScenario("reddi2018/online")!
    const big = { ...online, horizon: 10_000_000 }
    expect(3 * big.horizon).toBeGreaterThan(THREAD_WORK_THRESHOLD)
    expect(runThreads(big, undefined, 2).workers).toBe(2)
    expect(runThreads(online, undefined, 2).workers).toBe(0)
    expect(runThreads(online, 2, 2).workers).toBe(2)
    expect(runThreads({ ...big, learners: big.learners.slice(0, 1) }, undefined, 8).workers).toBe(0)
    expect(runThreads(big, 64, 2)).toEqual({ workers: 2, note: "--workers 64: using 2 (at most one per core; this machine has 2)" })
    expect(runThreads({ ...big, learners: big.learners.slice(0, 1) }, 64, 2)).toEqual({ workers: 0, note: "--workers 64: playing in this thread (a single run)" })
  })
})

describe("the memory estimate", () => {
  it("is d × runs × the arrays of a run, plus rows and threads", () => {
    const e = estimateMemory({ dim: 10_000_000, runs: 3, rowsPerRun: 141, threads: 0 })
    expect(e.bytes).toBeGreaterThan(3 * RUN_ARRAYS * 8 * 1e7)
    expect(e.bytes).toBeLessThan(3 * RUN_ARRAYS * 8 * 1e7 * 1.01)
    expect(e.words).toBe("3 runs × (32 arrays of d = 10,000,000 doubles + 141 checkpoint rows)")
    expect(formatBytes(e.bytes)).toBe("7.2 GB")
    expect(estimateMemory({ dim: 1, runs: 1, rowsPerRun: 10, threads: 2 }).words).toMatch(/\+ 2 threads × 96\.0 MB$/)
  })

  it("counts a learner's own matrices: Online Newton Step keeps two d×d", () => {
    expect(learnerDoubles(["ons", "adam", "ogd"], 1000)).toBe(2 * 1000 * 1000)
    expect(learnerDoubles(["adam"], 1e6)).toBe(0)
    const e = estimateMemory({ dim: 20_000, runs: 2, rowsPerRun: 100, threads: 0, learnerDoubles: learnerDoubles(["ons", "ogd"], 20_000) })
    expect(e.words).toBe("2 runs × (32 arrays of d = 20,000 doubles + 100 checkpoint rows) + 6.0 GB of learner matrices")
    expect(e.bytes).toBeGreaterThan(8 * 2 * 20_000 ** 2)
  })

  it("refuses what does not fit, naming the estimate and where the limit comes from", () => {
    const e = estimateMemory({ dim: 10_000_000, runs: 1, rowsPerRun: 100, threads: 0 })
    expect(() => checkMemory(e, { bytes: 2 ** 30, source: "free memory" }, "x (1 run)", "pass --force")).toThrow(MemoryRefused)
    expect(() => checkMemory(e, { bytes: 2 ** 30, source: "free memory" }, "x (1 run)", "pass --force")).toThrow(/^x \(1 run\) needs about 2\.4 GB \(1 run × \(32 arrays of d = 10,000,000 doubles \+ 100 checkpoint rows\)\), more than the 1\.0 GB of free memory; pass --force$/)
    expect(() => checkMemory(e, { bytes: 2 ** 33, source: "free memory" }, "x", "")).not.toThrow()
  })

  it("takes the smallest of free memory and REGRETLAB_MEMORY_LIMIT", () => {
    expect(parseBytes("512M")).toBe(512 * 2 ** 20)
    expect(parseBytes("1.5GB")).toBe(1.5 * 2 ** 30)
    expect(parseBytes("4g")).toBe(4 * 2 ** 30)
    expect(parseBytes("1000")).toBe(1000)
    expect(parseBytes("lots")).toBeUndefined()
    expect(availableMemory({ REGRETLAB_MEMORY_LIMIT: "1M" })).toEqual({ bytes: 2 ** 20, source: "REGRETLAB_MEMORY_LIMIT" })
    expect(availableMemory({}).bytes).toBeGreaterThan(0)
    expect(() => availableMemory({ REGRETLAB_MEMORY_LIMIT: "x" })).toThrow(/REGRETLAB_MEMORY_LIMIT: expected a size such as 512M or 4G, got "x"/)
  })
})

describe("report folders when a write is cut short", () => {
  const node = (script: string): Promise<number | null> =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, ["--import", "tsx/esm", "--input-type=module", "-e", script], { cwd: repo, stdio: "ignore" })
      child.on("exit", (code) => resolve(code))
    })
  const atomic = JSON.stringify(path.join(repo, "src/report/atomic.ts"))

  it("a process that exits part-way (a second Ctrl-C) leaves no temporary folder", async () => {
    const parent = mkdtempSync(path.join(tmpdir(), "regretlab-exit-"))
    const target = JSON.stringify(path.join(parent, "report"))
    const code = await node(`import { writeDirAtomic } from ${atomic}
await writeDirAtomic(${target}, async (write) => { await write("a.txt", "x".repeat(1e6)); process.exit(130) }, async () => true)`)
    expect(code).toBe(130)
    expect(readdirSync(parent)).toEqual([])
  })

  it("a process killed mid-write leaves its folder until the next write in the same parent, which removes it", async () => {
    const parent = mkdtempSync(path.join(tmpdir(), "regretlab-kill-"))
    const target = JSON.stringify(path.join(parent, "first"))
    const code = await node(`import { writeDirAtomic } from ${atomic}
await writeDirAtomic(${target}, async (write) => { await write("a.txt", "x"); process.kill(process.pid, "SIGKILL") }, async () => true)`)
    expect(code).toBe(null)
    expect(readdirSync(parent).filter((n) => n.startsWith(".tmp-first-"))).toHaveLength(1)
    // A report to another folder of the same parent cleans up.
    await writeDirAtomic(path.join(parent, "second"), async (write) => write("b.txt", "y"), async () => true)
    expect(readdirSync(parent)).toEqual(["second"])
  })

  it("a previous report moved aside by a process that died before the new one was in place is put back", async () => {
    const parent = mkdtempSync(path.join(tmpdir(), "regretlab-swap-"))
    // As writeDirAtomic leaves it between its two renames: the old report aside, no target.
    const aside = path.join(parent, `.old-report-${2 ** 22 + 777}-0123abcd`)
    mkdirSync(aside)
    writeFileSync(path.join(aside, "run.json"), "{}")
    await writeDirAtomic(path.join(parent, "other"), async (write) => write("c.txt", "z"), async () => true)
    expect(readdirSync(parent).sort()).toEqual(["other", "report"])
    expect(readdirSync(path.join(parent, "report"))).toEqual(["run.json"])
  })
})
