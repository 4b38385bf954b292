// The end of a batch of runs, however they were played (one thread or several): each run's rows
// and status, and the batch's completion. After a stop, the runs still going reached different
// rounds (threads play at their own pace); the batch reports every one of them up to the round r
// that all of them reached — rows after r are left out and their status says interrupted at r —
// so a partial report is one consistent snapshot ("every run reached round r").
import type { CheckpointRow, RunStatus } from "../core/types.ts"
import type { LearnerRun } from "../scenario/types.ts"
import { minOf } from "../core/extent.ts"

export type Completion = { readonly kind: "complete" } | { readonly kind: "interrupted"; readonly round: number }

export interface RunBatch {
  readonly runs: readonly LearnerRun[]
  readonly completion: Completion
}

/** Where one run stood when its batch ended. */
export interface RunEnd {
  readonly learner: string
  readonly seed: number
  readonly rows: readonly CheckpointRow[]
  /** The game's own status: ok (finished or stopped part-way) or diverged. */
  readonly status: RunStatus
  /** Rounds played. */
  readonly t: number
  /** Reached the horizon or diverged. */
  readonly done: boolean
}

export const settleBatch = (ends: readonly RunEnd[], stopped: boolean): RunBatch => {
  const going = ends.filter((e) => !e.done && e.status.kind === "ok")
  if (!stopped || going.length === 0) {
    // A stop that came after the last round still counts as complete: every run reached the horizon.
    return { runs: ends.map((e) => ({ learner: e.learner, seed: e.seed, rows: e.rows, status: e.status })), completion: { kind: "complete" } }
  }
  const round = minOf(going.map((e) => e.t))
  const runs = ends.map((e): LearnerRun =>
    !e.done && e.status.kind === "ok"
      ? { learner: e.learner, seed: e.seed, rows: e.rows.filter((r) => r.t <= round), status: { kind: "interrupted", round } }
      : { learner: e.learner, seed: e.seed, rows: e.rows, status: e.status }
  )
  return { runs, completion: { kind: "interrupted", round } }
}
