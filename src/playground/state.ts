// What the playground shows, as data: a base scenario (a built-in id, or a scenario file pasted or
// dropped in), the CLI's `--set key=value` overrides applied to it in order, and the CLI's
// `--learners` subset. The same three things give the URL (so a link reproduces the view), the
// `regretlab run` command, and the scenario the engine resolves: one source, no drift.
import { shellQuote } from "../scenario/command.ts"

export type Base =
  | { readonly kind: "builtin"; readonly id: string }
  /** A scenario file's parsed JSON, under the name shown in messages and used in the command. */
  | { readonly kind: "file"; readonly name: string; readonly input: unknown }

export interface PlaygroundState {
  readonly base: Base
  /** `key=value` overrides in the CLI's `--set` form, applied in order. */
  readonly sets: readonly string[]
  /** Learner labels to run (the CLI's `--learners`); every learner when absent. */
  readonly learners?: readonly string[]
}

/** The key of a `key=value` override. */
export const setKey = (set: string): string => set.slice(0, Math.max(0, set.indexOf("=")))

/**
 * A value as the CLI's --set reads it back: JSON (numbers in the shortest text that reads back to
 * the same double), except strings that are not JSON, which stay bare (`momentum=ema`).
 */
export const formatSetValue = (value: unknown): string => {
  if (typeof value === "string") {
    try {
      JSON.parse(value)
    } catch {
      if (value.trim() === value && value !== "") return value
    }
  }
  return JSON.stringify(value)
}

/**
 * The state with `key` set to value. An earlier override of the same key, or of anything inside it
 * (`learners.adam.beta2` under `learners.adam`), is dropped: the new one replaces it.
 */
export const withSet = (state: PlaygroundState, key: string, value: unknown): PlaygroundState => {
  const sets = state.sets.filter((s) => {
    const k = setKey(s)
    return k !== key && !k.startsWith(`${key}.`)
  })
  return { ...state, sets: [...sets, `${key}=${formatSetValue(value)}`] }
}

/** The state without overrides of key or anything inside it. */
export const withoutSet = (state: PlaygroundState, key: string): PlaygroundState => ({
  ...state,
  sets: state.sets.filter((s) => setKey(s) !== key && !setKey(s).startsWith(`${key}.`))
})

/** A file name for a scenario id: `reddi2018/online` → `reddi2018-online.json`. */
export const fileNameFor = (id: string): string => `${id.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[-.]+/, "") || "scenario"}.json`

/**
 * The `regretlab run` arguments that reproduce the view. A file base is run from its exported
 * JSON (the page's "scenario JSON" button writes it, overrides applied), so it needs no --set.
 */
export const runArgs = (state: PlaygroundState, exportName?: string): string[] => {
  if (state.base.kind === "file") return ["run", exportName ?? state.base.name]
  return [
    "run",
    state.base.id,
    ...state.sets.flatMap((s) => ["--set", s]),
    ...(state.learners !== undefined ? ["--learners", state.learners.join(",")] : [])
  ]
}

/** The command line, quoted for a POSIX shell. */
export const commandText = (args: readonly string[]): string => ["npx", "regretlab", ...args].map(shellQuote).join(" ")

/**
 * The URL fragment of a state: `scenario=<id>` (or `file=<name>&json=<scenario JSON>`), one
 * `set=key=value` per override in order, and `learners=a,b`. Values travel as text, so numbers
 * keep every digit they were written with.
 */
export const encodeState = (state: PlaygroundState): string => {
  const p = new URLSearchParams()
  if (state.base.kind === "builtin") p.append("scenario", state.base.id)
  else {
    p.append("file", state.base.name)
    p.append("json", JSON.stringify(state.base.input))
  }
  for (const s of state.sets) p.append("set", s)
  if (state.learners !== undefined) p.append("learners", state.learners.join(","))
  return p.toString()
}

/** The state a fragment (with or without its `#`) encodes, or undefined when it names none. */
export const decodeState = (fragment: string): PlaygroundState | undefined => {
  const p = new URLSearchParams(fragment.startsWith("#") ? fragment.slice(1) : fragment)
  const id = p.get("scenario")
  const file = p.get("file")
  let base: Base
  if (id !== null && id !== "") base = { kind: "builtin", id }
  else if (file !== null && file !== "") {
    let input: unknown
    try {
      input = JSON.parse(p.get("json") ?? "")
    } catch {
      return undefined
    }
    base = { kind: "file", name: file, input }
  } else return undefined
  const sets = p.getAll("set").filter((s) => s.indexOf("=") > 0)
  const learners = p.get("learners")
  return { base, sets, ...(learners !== null ? { learners: learners.split(",").filter((l) => l !== "") } : {}) }
}
