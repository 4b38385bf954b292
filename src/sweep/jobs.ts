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

export const parseShard = (text: string): Shard => {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text)
  const k = m ? Number(m[1]) : NaN
  const n = m ? Number(m[2]) : NaN
  if (!m || !(n >= 1) || !(k >= 1 && k <= n)) {
    throw new UserError(`--shard: expected k/n with 1 ≤ k ≤ n (e.g. 3/8; with SLURM use --array=1-8 and --shard $SLURM_ARRAY_TASK_ID/8), got ${JSON.stringify(text)}`)
  }
  return { k, n }
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
