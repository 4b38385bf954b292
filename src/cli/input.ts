// Calls into the layers below, with their thrown errors sorted: the user's doing becomes an
// InputError (exit 2, one line), anything else stays a defect (a bug, reported as such).
import { Effect } from "effect"
import { asInputError, InputError, inputFrom } from "./errors.ts"

/** Every failure of f is the user's doing (loading their file, their report folder, their --out). */
export const userCall = <A>(f: () => A | Promise<A>): Effect.Effect<A, InputError> =>
  Effect.tryPromise({ try: async () => f(), catch: inputFrom })

/** Only UserErrors (ConfigError, ScenarioError, …) are the user's doing; anything else is a bug. */
export const checkedCall = <A>(f: () => A | Promise<A>): Effect.Effect<A, InputError> =>
  Effect.tryPromise({ try: async () => f(), catch: (e) => e }).pipe(
    Effect.catch((e) => {
      try {
        return Effect.fail(asInputError(e))
      } catch (defect) {
        return Effect.die(defect)
      }
    })
  )

export const fail = (message: string): Effect.Effect<never, InputError> => Effect.fail(new InputError({ message }))
