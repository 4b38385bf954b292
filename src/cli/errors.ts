// How failures reach the user. Input and usage problems become one line on stderr and exit 2; a
// failed run (divergence, a broken expectation under --check) exits 1 after its output; a stop
// exits 130. Only a bug (anything else) gets more than one line, and even then the stack only
// when REGRETLAB_DEBUG is set.
import { Data } from "effect"
import { UserError } from "../core/config/error.ts"

/** Bad input: a flag value, a scenario file or field, a --set, a report folder. Exit 2. */
export class InputError extends Data.TaggedError("InputError")<{ readonly message: string }> {}

/** The run finished but did not succeed (already reported on stdout/stderr). Exit 1. */
export class RunFailed extends Data.TaggedError("RunFailed")<{ readonly message: string }> {}

/** Errors from the layers below that mean "the user gave something wrong": every UserError (ConfigError, ScenarioError, …). */
export const isInputLike = (e: unknown): e is Error => e instanceof UserError

/** Wraps a thrown value as an InputError when it is the user's doing, else rethrows it as a defect. */
export const asInputError = (e: unknown): InputError => {
  if (e instanceof InputError) return e
  if (isInputLike(e)) return new InputError({ message: e.message })
  throw e
}

/** Any thrown value from a call whose failures are all the user's doing (paths, report folders). */
export const inputFrom = (e: unknown): InputError =>
  e instanceof InputError ? e : new InputError({ message: e instanceof Error ? e.message : String(e) })

export const EXIT_OK = 0
export const EXIT_RUN_FAILED = 1
export const EXIT_INPUT = 2
export const EXIT_INTERRUPTED = 130
