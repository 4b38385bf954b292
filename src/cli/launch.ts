// Runs the CLI program and owns the process: exit codes and signals. We do not use
// NodeRuntime.runMain because its SIGINT handler interrupts the main fiber, which would throw away
// the runs completed so far. Here the first SIGINT/SIGTERM only raises the stop flag (the runner
// stops within a slice, the command writes what completed and exits 130); a second one exits at
// once with 130 (report writes are atomic, so that leaves no half-written report).
import { Cause, Effect, Exit } from "effect"
import { CliError } from "effect/cli"
import type { StopFlag } from "../run/stop.ts"
import { EXIT_INPUT, EXIT_INTERRUPTED, EXIT_OK, EXIT_RUN_FAILED, InputError, RunFailed } from "./errors.ts"

export interface Outcome {
  readonly code: number
  /** Printed on stderr as `regretlab: <message>`. */
  readonly message?: string
  /** Extra detail for bugs (stack), printed only with REGRETLAB_DEBUG. */
  readonly detail?: string
}

export const outcomeOf = (exit: Exit.Exit<unknown, unknown>, stopped: boolean): Outcome => {
  if (Exit.isSuccess(exit)) return { code: stopped ? EXIT_INTERRUPTED : EXIT_OK }
  const cause = exit.cause
  if (Cause.hasInterruptsOnly(cause)) return { code: EXIT_INTERRUPTED }
  const error = Cause.findErrorOption(cause)
  if (error._tag === "Some") {
    const e = error.value
    if (e instanceof InputError) return { code: EXIT_INPUT, message: e.message }
    if (e instanceof RunFailed) return { code: stopped ? EXIT_INTERRUPTED : EXIT_RUN_FAILED, message: e.message }
    // Parse errors were already printed by the presenter; bare `--help` carries no errors.
    if (e instanceof CliError.ShowHelp) return { code: e.errors.length > 0 ? EXIT_INPUT : EXIT_OK }
    if (CliError.isCliError(e)) return { code: EXIT_INPUT, message: (e as { message: string }).message }
  }
  if (stopped) return { code: EXIT_INTERRUPTED }
  const defect = Cause.squash(cause)
  const message = defect instanceof Error ? defect.message : String(defect)
  return {
    code: EXIT_RUN_FAILED,
    message: `internal error: ${message} (this is a bug; set REGRETLAB_DEBUG=1 for details)`,
    detail: Cause.pretty(cause)
  }
}

export const launch = (program: Effect.Effect<unknown, unknown>, stop: StopFlag): void => {
  const fiber = Effect.runFork(program)
  // Effect's own timers may be unref'd; keep the process alive until the program ends.
  const keepAlive = setInterval(() => {}, 2 ** 31 - 1)
  let signals = 0
  const onSignal = () => {
    signals += 1
    if (signals === 1) stop.requestUnsafe()
    else process.exit(EXIT_INTERRUPTED)
  }
  // A reader that went away (`regretlab run … --json | head`) is not an error worth a stack trace.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? EXIT_OK)
    throw e
  })
  process.on("SIGINT", onSignal)
  process.on("SIGTERM", onSignal)
  fiber.addObserver((exit) => {
    clearInterval(keepAlive)
    process.off("SIGINT", onSignal)
    process.off("SIGTERM", onSignal)
    const outcome = outcomeOf(exit, stop.isRequested())
    if (outcome.message !== undefined) process.stderr.write(`regretlab: ${outcome.message}\n`)
    if (outcome.detail !== undefined && process.env.REGRETLAB_DEBUG) process.stderr.write(`${outcome.detail}\n`)
    // exitCode, not exit(): a large --json document piped to another program must flush first.
    process.exitCode = outcome.code
  })
}
