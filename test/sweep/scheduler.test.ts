// Sweeps on a cluster scheduler: the Slurm array script and the Kubernetes Indexed Job manifest of
// docs/sweeps.md, run as the scheduler would run them — one task per shard with the scheduler's
// variables set (a small sweep file and a temporary folder in place of reddi2018/phase and the
// shared folder) — then merged; the merged results equal the unsharded sweep's, job for job.
import { spawn } from "node:child_process"
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { parseShard, shardFromEnvironment } from "../../src/sweep/jobs.ts"
import { resolveSweep } from "../../src/sweep/definition.ts"
import { readResults, recordLine } from "../../src/sweep/results.ts"
import { runSweep } from "../../src/sweep/run.ts"
import { invoke } from "../cli/in-process.ts"

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")
const bin = path.join(repo, "bin", "regretlab.js")
const docs = readFileSync(path.join(repo, "docs", "sweeps.md"), "utf8")

/** The fenced block of docs/sweeps.md that contains `marker`. */
const block = (marker: string): string => {
  const found = [...docs.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].map((m) => m[1]).find((b) => b.includes(marker))
  if (found === undefined) throw new Error(`docs/sweeps.md has no code block with ${marker}`)
  return found
}

const exec = (command: string, args: readonly string[], env: NodeJS.ProcessEnv, cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> =>
  new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] })
    let stdout = "", stderr = ""
    child.stdout.setEncoding("utf8").on("data", (d: string) => { stdout += d })
    child.stderr.setEncoding("utf8").on("data", (d: string) => { stderr += d })
    child.on("close", (code) => resolve({ code, stdout, stderr }))
  })

/** No scheduler variables from the machine running the tests. */
const clean = { SLURM_ARRAY_TASK_ID: "", SLURM_ARRAY_TASK_MIN: "", SLURM_ARRAY_TASK_COUNT: "", SLURM_ARRAY_TASK_STEP: "", JOB_COMPLETION_INDEX: "", REGRETLAB_SHARDS: "" }

const canonical = (file: string): string => readResults(file).records.sort((a, b) => a.index - b.index).map(recordLine).join("")

describe("--shard auto", () => {
  it("reads Slurm's and Kubernetes' variables", () => {
    const slurm = (id: number, min: number, count: number, step?: number) =>
      shardFromEnvironment({ SLURM_ARRAY_TASK_ID: String(id), SLURM_ARRAY_TASK_MIN: String(min), SLURM_ARRAY_TASK_COUNT: String(count), ...(step ? { SLURM_ARRAY_TASK_STEP: String(step) } : {}) })
    expect([1, 2, 8].map((id) => slurm(id, 1, 8))).toEqual([{ k: 1, n: 8 }, { k: 2, n: 8 }, { k: 8, n: 8 }])
    expect([0, 7].map((id) => slurm(id, 0, 8))).toEqual([{ k: 1, n: 8 }, { k: 8, n: 8 }])
    expect([0, 2, 14].map((id) => slurm(id, 0, 8, 2))).toEqual([{ k: 1, n: 8 }, { k: 2, n: 8 }, { k: 8, n: 8 }])
    expect(() => slurm(3, 0, 8, 2)).toThrow(/Slurm task 3 \(min 0, step 2, 8 tasks\) is not one of 8 evenly spaced tasks/)
    expect(shardFromEnvironment({ JOB_COMPLETION_INDEX: "0", REGRETLAB_SHARDS: "4" })).toEqual({ k: 1, n: 4 })
    expect(shardFromEnvironment({ JOB_COMPLETION_INDEX: "3", REGRETLAB_SHARDS: "4" })).toEqual({ k: 4, n: 4 })
    expect(() => shardFromEnvironment({})).toThrow(/neither a Slurm array task .* nor a pod of a Kubernetes Indexed Job/)
    expect(() => shardFromEnvironment({ JOB_COMPLETION_INDEX: "x", REGRETLAB_SHARDS: "4" })).toThrow(/JOB_COMPLETION_INDEX must be an integer ≥ 0, got "x"/)
    expect(parseShard("2/5", {})).toEqual({ k: 2, n: 5 })
    expect(parseShard("auto", { JOB_COMPLETION_INDEX: "1", REGRETLAB_SHARDS: "2" })).toEqual({ k: 2, n: 2 })
  })

  it("the docs' Slurm script and Kubernetes manifest, run task by task and merged, give the unsharded sweep", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "regretlab-scheduler-"))
    const sweepFile = path.join(dir, "small.json")
    writeFileSync(sweepFile, JSON.stringify({
      id: "test/scheduler", title: "A small sweep for the scheduler test", scenario: "lecture/period3", learners: ["adam"],
      grid: { "learners.adam.beta2": [0.01, 0.2, 0.5, 0.9], "learners.adam.beta1": [0, 0.5] }, horizon: 2000
    }))
    const n = 2

    // Slurm: the script as written, `npx regretlab` standing for this checkout's bin, one task per array index.
    const script = block("#SBATCH --array")
    expect(script).toContain("--shard auto")
    const npx = `npx() { if [ "$1" = regretlab ]; then shift; node ${JSON.stringify(bin)} "$@"; else command npx "$@"; fi; }\n`
    const slurmDir = path.join(dir, "slurm")
    const { mkdirSync } = await import("node:fs")
    mkdirSync(slurmDir)
    const tasks = await Promise.all(Array.from({ length: n }, (_, i) =>
      exec("bash", ["-c", npx + script.replace("reddi2018/phase", sweepFile)], { ...clean, SLURM_SUBMIT_DIR: slurmDir, SLURM_ARRAY_TASK_ID: String(i + 1), SLURM_ARRAY_TASK_MIN: "1", SLURM_ARRAY_TASK_COUNT: String(n), SLURM_CPUS_PER_TASK: "1" }, dir)
    ))
    tasks.forEach((t, i) => {
      expect(t.code, t.stderr).toBe(0)
      expect(t.stdout).toContain(`shard ${i + 1}/${n} done`)
    })
    // The merge the docs submit after the array (run here in-process, in the submit folder's terms).
    expect(block("--dependency=afterok")).toContain("--wrap 'npx regretlab merge phase'")
    const slurmMerge = await invoke(["merge", path.join(slurmDir, "phase"), "--no-report"])
    expect(slurmMerge.code, slurmMerge.stderr).toBe(0)

    // Kubernetes: the manifest's command, with the index each pod gets and REGRETLAB_SHARDS = completions.
    const manifest = block("completionMode: Indexed")
    const completions = Number(/completions: (\d+)/.exec(manifest)![1])
    expect(/name: REGRETLAB_SHARDS\s+value: "(\d+)"/.exec(manifest)![1]).toBe(String(completions))
    const command = JSON.parse(/command: (\[.*\])/.exec(manifest)![1]) as string[]
    expect(command.slice(0, 3)).toEqual(["npx", "regretlab", "sweep"])
    const k8sDir = path.join(dir, "k8s")
    const args = command.slice(2).map((a) => (a === "reddi2018/phase" ? sweepFile : a === "/shared/phase" ? k8sDir : a))
    const pods = await Promise.all(Array.from({ length: n }, (_, index) => exec(process.execPath, [bin, ...args], { ...clean, JOB_COMPLETION_INDEX: String(index), REGRETLAB_SHARDS: String(n) }, dir)))
    pods.forEach((p, i) => expect(p.stdout, p.stderr).toContain(`shard ${i + 1}/${n} done`))
    const k8sMerge = await invoke(["merge", k8sDir, "--no-report"])
    expect(k8sMerge.code, k8sMerge.stderr).toBe(0)

    // The unsharded sweep, in this process.
    const { plan, base } = await resolveSweep(sweepFile)
    const whole = await runSweep({ plan, base, outDir: path.join(dir, "whole"), workers: 0 })
    expect(whole.ran).toBe(8)
    const expected = canonical(whole.file)
    expect(canonical(path.join(slurmDir, "phase", "results.jsonl"))).toBe(expected)
    expect(canonical(path.join(k8sDir, "results.jsonl"))).toBe(expected)
  })
})
