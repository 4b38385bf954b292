// Whether to draw a progress bar: only for a person watching a terminal. --json, a pipe or a file
// on stderr, or REGRETLAB_PROGRESS=0 turn it off. REGRETLAB_PROGRESS=1 forces it, even with --json
// (it goes to stderr, so the document on stdout stays clean): for scripts and tests that want to
// see that the games are running.
import type { Layer } from "effect"
import { progressBarLayer } from "../run/progress-bar.ts"
import { type Progress, silentProgressLayer } from "../run/progress.ts"

export const wantProgress = (json: boolean, env: NodeJS.ProcessEnv = process.env, isTTY = process.stderr.isTTY === true): boolean => {
  if (env.REGRETLAB_PROGRESS === "0") return false
  if (env.REGRETLAB_PROGRESS === "1") return true
  return !json && isTTY
}

export const progressLayerFor = (json: boolean): Layer.Layer<Progress> =>
  wantProgress(json)
    ? progressBarLayer({ write: (s) => process.stderr.write(s), get columns() { return process.stderr.columns ?? 80 } })
    : silentProgressLayer
