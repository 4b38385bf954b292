import { spawn } from "node:child_process"
import * as fs from "node:fs/promises"
import * as os from "node:os"
import * as path from "node:path"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { writeReport } from "../../src/report/index.ts"
import { makeResult } from "./fixture.ts"

let parent: string
beforeEach(async () => {
  parent = await fs.mkdtemp(path.join(os.tmpdir(), "regretlab-atomic-"))
})
afterEach(async () => {
  await fs.rm(parent, { recursive: true, force: true })
})

const options = (outDir: string) => ({ outDir, command: "regretlab run test/reddi-online", version: "0.0.0-test", png: false })
const result = makeResult({ horizon: 300, seeds: [1] })

describe("writeReport is atomic", () => {
  it("an interrupted write leaves no report folder and no temporary folder", async () => {
    const dir = path.join(parent, "report")
    let written = 0
    const stop = new Error("interrupted")
    await expect(
      writeReport(result, {
        ...options(dir),
        beforeWrite: () => {
          if (++written === 5) throw stop
        }
      })
    ).rejects.toBe(stop)
    expect(await fs.readdir(parent)).toEqual([])
  })

  it("an interrupted rewrite leaves the previous report whole", async () => {
    const dir = path.join(parent, "report")
    await writeReport(result, options(dir))
    const before = (await fs.readdir(dir)).sort()
    const runBefore = await fs.readFile(path.join(dir, "run.json"), "utf8")
    await expect(
      writeReport(makeResult({ horizon: 400, seeds: [1] }), { ...options(dir), beforeWrite: (name) => { if (name === "data.json") throw new Error("stop") } })
    ).rejects.toThrow("stop")
    expect((await fs.readdir(dir)).sort()).toEqual(before)
    expect(await fs.readFile(path.join(dir, "run.json"), "utf8")).toBe(runBefore)
    expect(await fs.readdir(parent)).toEqual(["report"])
  })

  it("a completed rewrite replaces the old report whole (no stale files) and cleans up", async () => {
    const dir = path.join(parent, "report")
    await writeReport(result, options(dir))
    await fs.writeFile(path.join(dir, "stale.txt"), "old")
    const { files } = await writeReport(result, options(dir))
    const listing = (await fs.readdir(dir, { recursive: true })).filter((f) => !(f === "lib")).sort()
    expect(listing).toEqual([...files].sort())
    expect(await fs.readdir(parent)).toEqual(["report"])
  })

  it("refuses to replace a folder that is not a report", async () => {
    const dir = path.join(parent, "precious")
    await fs.mkdir(dir)
    await fs.writeFile(path.join(dir, "thesis.tex"), "…")
    await expect(writeReport(result, options(dir))).rejects.toThrow(/refusing to replace .*not a regretlab report/)
    expect(await fs.readdir(dir)).toEqual(["thesis.tex"])
  })

  it("a process killed mid-write leaves no report; the next write sweeps its leftovers", async () => {
    const dir = path.join(parent, "report")
    // The child writes a report but stalls after its third file; we kill it there with SIGKILL.
    const script = `
      import { writeReport } from ${JSON.stringify(path.resolve("src/report/index.ts"))}
      import { makeResult } from ${JSON.stringify(path.resolve("test/report/fixture.ts"))}
      let n = 0
      await writeReport(makeResult({ horizon: 300, seeds: [1] }), {
        outDir: ${JSON.stringify(dir)}, command: "x", version: "0", png: false,
        beforeWrite: async () => { if (++n === 3) { process.stdout.write("STALLED\\n"); await new Promise(() => setInterval(() => {}, 1000)) } }
      })`
    const file = path.join(parent, "child.mts")
    await fs.writeFile(file, script)
    const child = spawn(process.execPath, ["--import", "tsx", file], { stdio: ["ignore", "pipe", "inherit"] })
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (d: Buffer) => { if (d.toString().includes("STALLED")) resolve() })
      child.on("exit", (code) => reject(new Error(`child exited early with ${code}`)))
    })
    const exited = new Promise((r) => child.on("exit", r))
    child.kill("SIGKILL")
    await exited
    const left = await fs.readdir(parent)
    expect(left).not.toContain("report")
    expect(left.some((n) => n.startsWith(".tmp-report-"))).toBe(true)
    await writeReport(result, options(dir))
    expect((await fs.readdir(parent)).sort()).toEqual(["child.mts", "report"])
  })
})
