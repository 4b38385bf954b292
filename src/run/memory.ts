// How much memory a batch of runs needs, estimated before it starts, so that a dimension of 10^7
// is refused with the number up front instead of swapping the machine or dying half-way. A run
// holds about RUN_ARRAYS arrays of d doubles (measured at d = 10^6: the learner's x, m, v, max v,
// weights and bounds; the game's compensated sums, averaged iterate, Γ and scratch; the domain's
// and the adversary's vectors), plus its checkpoint rows; every thread that rebuilds the scenario
// holds its own copy of the scenario's vectors and its loaded code.
import { freemem } from "node:os"
import { UserError } from "../core/config/error.ts"
import { learnerKinds } from "../core/learner/registry.ts"

export const RUN_ARRAYS = 32
/** A checkpoint row in memory and again in the report (vectors only for d ≤ 8). */
export const ROW_BYTES = 1200
/** Per run whatever d: objects, closures, the 1-D chunk buffers (4096 rounds × 4 arrays). */
export const RUN_BYTES = 256 * 1024
/** A worker thread with regretlab's code loaded. */
export const THREAD_BYTES = 96 * 2 ** 20
/** The scenario's own vectors (start, bounds) and their parsed and validated copies, per thread. */
export const SCENARIO_BYTES_PER_COORD = 200

export interface MemoryNeed {
  readonly dim: number
  /** Runs alive at once (all runs of a batch are: they are interleaved). */
  readonly runs: number
  readonly rowsPerRun: number
  /** Worker threads (each rebuilds the scenario). */
  readonly threads: number
  /** Doubles the runs' learners keep beyond the common arrays, summed over the runs (LearnerKind.stateDoubles). */
  readonly learnerDoubles?: number
}

export interface MemoryEstimate {
  readonly bytes: number
  /** The terms, in words, for the refusal message. */
  readonly words: string
}

export const estimateMemory = (n: MemoryNeed): MemoryEstimate => {
  const perRun = RUN_ARRAYS * 8 * n.dim + RUN_BYTES + ROW_BYTES * n.rowsPerRun
  const perThread = THREAD_BYTES + SCENARIO_BYTES_PER_COORD * n.dim
  const extra = 8 * (n.learnerDoubles ?? 0)
  const bytes = n.runs * perRun + extra + n.threads * perThread
  const runs = `${n.runs} run${n.runs === 1 ? "" : "s"} × (${RUN_ARRAYS} arrays of d = ${n.dim.toLocaleString("en-US")} doubles + ${n.rowsPerRun.toLocaleString("en-US")} checkpoint rows)`
  const learners = extra > 0 ? ` + ${formatBytes(extra)} of learner matrices` : ""
  return { bytes, words: `${runs}${learners}${n.threads > 0 ? ` + ${n.threads} thread${n.threads === 1 ? "" : "s"} × ${formatBytes(perThread)}` : ""}` }
}

export const formatBytes = (bytes: number): string => {
  const units: [number, string][] = [[2 ** 40, "TB"], [2 ** 30, "GB"], [2 ** 20, "MB"], [2 ** 10, "kB"]]
  for (const [size, unit] of units) if (bytes >= size) return `${(bytes / size).toFixed(bytes / size >= 100 ? 0 : 1)} ${unit}`
  return `${Math.round(bytes)} B`
}

/** "512M", "2G", "1.5GB", "1000000": bytes, or undefined when the text is not a size. */
export const parseBytes = (text: string): number | undefined => {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*$/i.exec(text)
  if (m === null) return undefined
  const scale = { "": 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40 }[m[2].toLowerCase() as "" | "k" | "m" | "g" | "t"]
  return Number(m[1]) * scale
}

export interface Available {
  readonly bytes: number
  /** Where the limit comes from, e.g. "free memory" or "REGRETLAB_MEMORY_LIMIT". */
  readonly source: string
}

/**
 * Memory this process may still use: the machine's available memory, a container's limit
 * (cgroup) minus what the process holds, and REGRETLAB_MEMORY_LIMIT (a budget such as "4G") if
 * set, whichever is smallest.
 */
export const availableMemory = (env: NodeJS.ProcessEnv = process.env): Available => {
  let best: Available = { bytes: freemem(), source: "free memory" }
  const constrained = (process as { constrainedMemory?: () => number | undefined }).constrainedMemory?.()
  if (constrained !== undefined && constrained > 0 && constrained < 2 ** 60) {
    const left = constrained - process.memoryUsage().rss
    if (left < best.bytes) best = { bytes: Math.max(0, left), source: "the container's memory limit" }
  }
  const budgetText = env.REGRETLAB_MEMORY_LIMIT
  if (budgetText !== undefined && budgetText !== "") {
    const budget = parseBytes(budgetText)
    if (budget === undefined) throw new UserError(`REGRETLAB_MEMORY_LIMIT: expected a size such as 512M or 4G, got ${JSON.stringify(budgetText)}`)
    if (budget < best.bytes) best = { bytes: budget, source: "REGRETLAB_MEMORY_LIMIT" }
  }
  return best
}

/** The extra doubles of each learner config (LearnerKind.stateDoubles) at dimension d, summed. */
export const learnerDoubles = (kinds: readonly string[], dim: number): number =>
  kinds.reduce((sum, kind) => sum + (learnerKinds.get(kind)?.stateDoubles?.(dim) ?? 0), 0)

/** Too much memory asked for: refused before anything starts (the user decides: --force or a smaller batch). */
export class MemoryRefused extends UserError {
  override readonly name = "MemoryRefused"
}

/** Throws MemoryRefused when the estimate exceeds what is available (unless forced). */
export const checkMemory = (estimate: MemoryEstimate, available: Available, what: string, advice: string): void => {
  if (estimate.bytes <= available.bytes) return
  throw new MemoryRefused(
    `${what} needs about ${formatBytes(estimate.bytes)} (${estimate.words}), more than the ${formatBytes(available.bytes)} of ${available.source}; ${advice}`
  )
}
