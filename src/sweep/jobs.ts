// The job list of a sweep, computed lazily from an index (no array of jobs is ever built, so a
// grid of millions of points costs nothing until it runs): index → (grid point, learner, seed).
// A job's id is a hash of what determines its numbers (scenario id, overrides, learner, seed), so
// it is the same on every machine, in every shard and after a resume.
import { createHash } from "node:crypto"
import type { SweepPlan } from "./definition.ts"
import { type GridValue, pointOverrides, pointValues } from "./grid.ts"
import { UserError } from "../core/config/error.ts"

export interface Job {
  /** Position in the full (unsharded) job list. */
  readonly index: number
  readonly id: string
  /** Index of the grid point (last axis fastest). */
  readonly point: number
  readonly values: Readonly<Record<string, GridValue>>
  readonly learner: string
  readonly seed: number
  /** Fixed overrides then the point's, as `key=value` with JSON values. */
  readonly overrides: readonly string[]
  /** What the worker loads (registry id or absolute path). */
  readonly scenarioRef: string
}

export const jobId = (scenarioId: string, overrides: readonly string[], learner: string, seed: number): string =>
  createHash("sha256").update(JSON.stringify([scenarioId, overrides, learner, seed])).digest("hex").slice(0, 20)

export const jobAt = (plan: SweepPlan, index: number): Job => {
  const S = plan.seeds.length
  const L = plan.learners.length
  const seed = plan.seeds[index % S]
  const learner = plan.learners[Math.floor(index / S) % L]
  const point = Math.floor(index / (S * L))
  const overrides = [...plan.set, ...pointOverrides(plan.axes, point)]
  return { index, id: jobId(plan.scenarioId, overrides, learner, seed), point, values: pointValues(plan.axes, point), learner, seed, overrides, scenarioRef: plan.scenarioRef }
}

export interface Shard {
  /** 1-based. */
  readonly k: number
  readonly n: number
}

/** `k/n`, or `auto`: the shard this array task of a batch scheduler is (see shardFromEnvironment). */
export const parseShard = (text: string, env: NodeJS.ProcessEnv = process.env): Shard => {
  if (text.trim() === "auto") return shardFromEnvironment(env)
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text)
  const k = m ? Number(m[1]) : NaN
  const n = m ? Number(m[2]) : NaN
  if (!m || !(n >= 1) || !(k >= 1 && k <= n) || !Number.isSafeInteger(n)) {
    throw new UserError(`--shard: expected k/n with 1 ≤ k ≤ n (e.g. 3/8), or auto under a Slurm job array or a Kubernetes Indexed Job, got ${JSON.stringify(text)}`)
  }
  return { k, n }
}

const integerVar = (env: NodeJS.ProcessEnv, name: string, min: number, why: string): number => {
  const text = env[name]
  if (text === undefined || text.trim() === "") throw new UserError(`--shard auto: ${name} is not set; ${why}`)
  const v = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN
  if (!Number.isSafeInteger(v) || v < min) throw new UserError(`--shard auto: ${name} must be an integer ≥ ${min}, got ${JSON.stringify(text)}`)
  return v
}

/**
 * The shard of this task of a batch scheduler's job array, so one script serves every task:
 * Slurm: SLURM_ARRAY_TASK_ID − SLURM_ARRAY_TASK_MIN + 1 of SLURM_ARRAY_TASK_COUNT (divided by
 * SLURM_ARRAY_TASK_STEP for a stepped array such as --array=0-14:2), so --array=1-8 and 0-7
 * both give 1/8 … 8/8; a Kubernetes Indexed Job: JOB_COMPLETION_INDEX + 1 of REGRETLAB_SHARDS
 * (the Job's `completions`, which Kubernetes does not pass to the pod itself).
 */
export const shardFromEnvironment = (env: NodeJS.ProcessEnv): Shard => {
  if (env.SLURM_ARRAY_TASK_ID !== undefined && env.SLURM_ARRAY_TASK_ID !== "") {
    const why = "Slurm sets it for the tasks of a job array (sbatch --array=1-8)"
    const id = integerVar(env, "SLURM_ARRAY_TASK_ID", 0, why)
    const min = integerVar(env, "SLURM_ARRAY_TASK_MIN", 0, why)
    const n = integerVar(env, "SLURM_ARRAY_TASK_COUNT", 1, why)
    const step = env.SLURM_ARRAY_TASK_STEP !== undefined && env.SLURM_ARRAY_TASK_STEP !== "" ? integerVar(env, "SLURM_ARRAY_TASK_STEP", 1, why) : 1
    const offset = id - min
    const k = offset / step + 1
    if (offset < 0 || offset % step !== 0 || k > n) {
      throw new UserError(
        `--shard auto: Slurm task ${id} (min ${min}, step ${step}, ${n} tasks) is not one of ${n} evenly spaced tasks; use a range array such as --array=1-${n}, or give --shard k/n`
      )
    }
    return { k, n }
  }
  if (env.JOB_COMPLETION_INDEX !== undefined && env.JOB_COMPLETION_INDEX !== "") {
    const index = integerVar(env, "JOB_COMPLETION_INDEX", 0, "Kubernetes sets it in the pods of an Indexed Job")
    const n = integerVar(env, "REGRETLAB_SHARDS", 1, "set it to the Job's completions in the pod template (env: - name: REGRETLAB_SHARDS, value: \"8\")")
    if (index + 1 > n) throw new UserError(`--shard auto: JOB_COMPLETION_INDEX ${index} is not below REGRETLAB_SHARDS ${n}; set REGRETLAB_SHARDS to the Job's completions`)
    return { k: index + 1, n }
  }
  throw new UserError(
    "--shard auto: this is neither a Slurm array task (SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_MIN, SLURM_ARRAY_TASK_COUNT) " +
      "nor a pod of a Kubernetes Indexed Job (JOB_COMPLETION_INDEX with REGRETLAB_SHARDS); give --shard k/n"
  )
}

/** Shard k/n holds the jobs whose index ≡ k−1 (mod n): balanced, deterministic, disjoint, complete. */
export const inShard = (index: number, shard: Shard | undefined): boolean => shard === undefined || index % shard.n === shard.k - 1

/** The job indices of a shard, in order, skipping `done` ids; generated lazily. */
export function* pendingJobs(plan: SweepPlan, shard: Shard | undefined, done: ReadonlySet<string>): Generator<Job> {
  const start = shard === undefined ? 0 : shard.k - 1
  const step = shard === undefined ? 1 : shard.n
  for (let i = start; i < plan.jobs; i += step) {
    const job = jobAt(plan, i)
    if (!done.has(job.id)) yield job
  }
}

export const shardSize = (plan: SweepPlan, shard: Shard | undefined): number =>
  shard === undefined ? plan.jobs : Math.max(0, Math.ceil((plan.jobs - (shard.k - 1)) / shard.n))
