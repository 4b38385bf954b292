// How failures reach the user. Input and usage problems become one line on stderr and exit 2; a
// failed run (divergence, a broken expectation under --check) exits 1 after its output, and so
// does a failure of the machine (a full disk, a folder we may not write, a worker thread that
// died), one line naming the path; a stop exits 130. Only a bug (anything else) gets more than one
// line, and even then the stack only when REGRETLAB_DEBUG is set.
import { Data } from "effect"
import { UserError } from "../core/config/error.ts"

/** Bad input: a flag value, a scenario file or field, a --set, a report folder. Exit 2. */
export class InputError extends Data.TaggedError("InputError")<{ readonly message: string }> {}

/** The run finished but did not succeed (already reported on stdout/stderr). Exit 1. */
export class RunFailed extends Data.TaggedError("RunFailed")<{ readonly message: string }> {}

/** The machine refused: disk full, permission denied, out of memory in a worker. Exit 1. */
export class EnvironmentFailed extends Data.TaggedError("EnvironmentFailed")<{ readonly message: string }> {}

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

/** System error codes that say the machine, not the input, is at fault. */
const ENVIRONMENT_CODES = new Set(["ENOSPC", "EDQUOT", "EIO", "EROFS", "EACCES", "EPERM", "EMFILE", "ENFILE", "ENOMEM", "EBUSY", "ETXTBSY", "EAGAIN", "EFBIG", "ENXIO", "ESTALE"])

/** The errno code of a Node system error, when the machine refused (see ENVIRONMENT_CODES). */
export const environmentCode = (e: unknown): string | undefined => {
  const code = (e as NodeJS.ErrnoException | null)?.code
  return typeof code === "string" && ENVIRONMENT_CODES.has(code) ? code : undefined
}

/** "no space left on device (ENOSPC)" from Node's "ENOSPC: no space left on device, write". */
export const systemReason = (e: unknown): string => {
  const err = e as NodeJS.ErrnoException
  const text = /^[A-Z]+: ([^,]+)/.exec(err.message ?? "")?.[1] ?? err.message ?? String(e)
  return err.code ? `${text} (${err.code})` : text
}

/**
 * Sorts the failure of writing `target`: the user's doing (a folder that is not a report) is an
 * InputError, the machine's an EnvironmentFailed naming the target; anything else is a bug.
 */
export const writeFailure = (what: string, target: string, advice = "") => (e: unknown): InputError | EnvironmentFailed => {
  if (e instanceof InputError || e instanceof EnvironmentFailed) return e
  if (isInputLike(e)) return new InputError({ message: e.message })
  if (environmentCode(e) !== undefined) return new EnvironmentFailed({ message: `cannot write ${what} ${target}: ${systemReason(e)}${advice}` })
  throw e
}

export const EXIT_OK = 0
export const EXIT_RUN_FAILED = 1
export const EXIT_INPUT = 2
export const EXIT_INTERRUPTED = 130
