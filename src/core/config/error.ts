// The errors that are the user's doing. Every validator in regretlab throws ConfigError with the
// path of the bad field, the value found and what was expected; layers above only prefix the path
// (a learner's label, a file name). Callers classify errors by these types, never by message text.
import { showValue } from "./show.ts"

/**
 * Something the user gave is wrong (a value, a file, a flag). The CLI prints the message on one line and exits 2.
 *
 * @example
 * ```ts
 * import { loadScenario, UserError } from "regretlab"
 *
 * try {
 *   await loadScenario("no/such-scenario")
 * } catch (e) {
 *   if (e instanceof UserError) console.log(e.message) // registry: id: expected a built-in scenario id (…), got "no/such-scenario"
 * }
 * ```
 */
export class UserError extends Error {
  override readonly name: string = "UserError"
}

/**
 * A configuration value failed validation: where it is (`path`), what it was (`value`), what was
 * expected (`expected`). Every validator in regretlab throws it.
 *
 * @example
 * ```ts
 * import { adam, ConfigError } from "regretlab"
 *
 * try {
 *   adam({ beta1: 1 })
 * } catch (e) {
 *   if (e instanceof ConfigError) console.log(e.path, e.value, e.expected) // learner "adam".beta1 1 a number in [0, 1)
 * }
 * ```
 */
export class ConfigError extends UserError {
  override readonly name: string = "ConfigError"
  constructor(readonly path: string, readonly value: unknown, readonly expected: string, message?: string) {
    super(message ?? `${path === "" ? "" : `${path}: `}expected ${expected}, got ${showValue(value)}`)
  }

  /** The same problem seen from an enclosing object: `prefix` + "." + path (or [i] for indices). */
  within(prefix: string): ConfigError {
    return new ConfigError(joinPath(prefix, this.path), this.value, this.expected)
  }
}

/** `a` + `b` as a path: "learners[0]" + "beta1" → "learners[0].beta1", "x" + "[2]" → "x[2]". */
export const joinPath = (a: string, b: string): string => (a === "" ? b : b === "" ? a : b.startsWith("[") ? `${a}${b}` : `${a}.${b}`)
