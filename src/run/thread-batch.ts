// What the main thread and a run thread tell each other. A thread says when its code is loaded,
// then plays one batch per message; the stop flag and the per-run round counters live in shared
// memory, so a thread polls the flag and publishes its progress between slices without a message.
import type { CheckpointRow, RunStatus } from "../core/types.ts"
import type { ScenarioRecipe } from "../scenario/recipe.ts"
import type { SliceOptions } from "./slices.ts"

export interface ThreadBatch {
  readonly recipe: ScenarioRecipe
  /** This thread's runs; index is the run's place in the whole batch (and in `progress`). */
  readonly runs: readonly { readonly index: number; readonly learner: string; readonly seed: number }[]
  /** Int32Array(1): set to 1 to ask every thread to stop after its current slice. */
  readonly stop: SharedArrayBuffer
  /** Float64Array(runs in the whole batch): rounds played by each run so far. */
  readonly progress: SharedArrayBuffer
  readonly slices: SliceOptions
}

export interface ThreadRunEnd {
  readonly index: number
  readonly rows: readonly CheckpointRow[]
  readonly status: RunStatus
  readonly t: number
  readonly done: boolean
}

export type ToRunThread = { readonly type: "batch"; readonly batch: ThreadBatch }

export type FromRunThread =
  /** The thread's code is loaded: it takes batches from now on. */
  | { readonly type: "loaded" }
  /** The thread's games are built and about to play (progress is timed from when every thread is). */
  | { readonly type: "ready" }
  | { readonly type: "done"; readonly runs: readonly ThreadRunEnd[] }
  /** A game could not be built (its config is inconsistent): the user's to fix. */
  | { readonly type: "setup"; readonly learner: string; readonly seed: number; readonly reason: string }
  /** A game threw the user's error while playing (their adversary's own check): as RunInputError. */
  | { readonly type: "input"; readonly learner: string; readonly seed: number; readonly reason: string }
  /** A game threw anything else while playing: a bug, as in the in-process runner. */
  | { readonly type: "crashed"; readonly learner: string; readonly seed: number; readonly reason: string }
  /** The scenario could not be rebuilt here, or something else threw: a failure of the thread. */
  | { readonly type: "failed"; readonly reason: string }
