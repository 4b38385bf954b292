// Runs the CLI program and owns the process: exit codes and signals. We do not use
// NodeRuntime.runMain because its SIGINT handler interrupts the main fiber, which would throw away
// the runs completed so far. Here the first SIGINT/SIGTERM only raises the stop flag (the runner
// stops within a slice, the command writes what completed and exits 130); a second one exits at
// once with 130 (report writes are atomic, so that leaves no half-written report).
import { Cause, Effect, Exit } from "effect"
import { CliError } from "effect/cli"
import type { StopFlag } from "../run/stop.ts"
import { EnvironmentFailed, environmentCode, EXIT_INPUT, EXIT_INTERRUPTED, EXIT_OK, EXIT_RUN_FAILED, InputError, RunFailed, systemReason } from "./errors.ts"
import { terminalText } from "./terminal.ts"

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
    if (e instanceof EnvironmentFailed) return { code: EXIT_RUN_FAILED, message: e.message }
    // Parse errors were already printed by the presenter; bare `--help` carries no errors.
    if (e instanceof CliError.ShowHelp) return { code: e.errors.length > 0 ? EXIT_INPUT : EXIT_OK }
    if (CliError.isCliError(e)) return { code: EXIT_INPUT, message: (e as { message: string }).message }
  }
  if (stopped) return { code: EXIT_INTERRUPTED }
  const defect = Cause.squash(cause)
  // A system call the machine refused (a full disk, a read-only folder) where no caller named the file.
  if (environmentCode(defect) !== undefined) {
    const where = (defect as NodeJS.ErrnoException).path
    return { code: EXIT_RUN_FAILED, message: `${(defect as NodeJS.ErrnoException).syscall ?? "system call"}${where ? ` ${where}` : ""} failed: ${systemReason(defect)}`, detail: Cause.pretty(cause) }
  }
  const message = defect instanceof Error ? defect.message : String(defect)
  return {
    code: EXIT_RUN_FAILED,
    message: `internal error: ${message} (this is a bug; set REGRETLAB_DEBUG=1 for details)`,
    detail: Cause.pretty(cause)
  }
}

/** What launch() prints on stderr for an outcome (one line; the detail only when debugging). */
export const outcomeText = (outcome: Outcome, debug = Boolean(process.env.REGRETLAB_DEBUG)): string =>
  (outcome.message !== undefined ? `regretlab: ${terminalText(outcome.message)}\n` : "") +
  (outcome.detail !== undefined && debug ? `${outcome.detail}\n` : "")

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
    const text = outcomeText(outcome)
    if (text !== "") process.stderr.write(text)
    // exitCode, not exit(): a large --json document piped to another program must flush first.
    process.exitCode = outcome.code
  })
}
