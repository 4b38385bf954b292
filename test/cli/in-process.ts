// Runs the CLI program in this process, as main.ts does under launch(): the same command tree,
// services and terminal-safe console, the same outcome (exit code and the one stderr line), with
// stdout and stderr collected. Much faster than a child process per call, for the big tables of
// cases; the child-process tests keep the real binary, signals and exit codes covered.
import { Effect } from "effect"
import { outcomeOf, outcomeText } from "../../src/cli/launch.ts"
import { cliProgram } from "../../src/cli/program.ts"
import { makeStopFlag } from "../../src/run/stop.ts"

export interface InProcessResult {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

export const invoke = async (args: readonly string[]): Promise<InProcessResult> => {
  let stdout = ""
  let stderr = ""
  const stop = makeStopFlag()
  const exit = await Effect.runPromiseExit(cliProgram(stop, { out: (t) => { stdout += t }, err: (t) => { stderr += t } }, args))
  const outcome = outcomeOf(exit, stop.isRequested())
  stderr += outcomeText(outcome, false)
  return { code: outcome.code, stdout, stderr }
}
