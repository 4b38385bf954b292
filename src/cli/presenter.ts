// effect/cli's output, adjusted for a Unix tool: help and --version go to stdout as usual, but an
// invalid invocation prints one line on stderr (not the whole help page), pointing at the
// command's --help. One line even when the parser found several problems: a value that starts
// with "-" (`--shard -1/2`) reads as a missing value plus three unknown flags, and only the first
// of those says what went wrong.
import { Console, Effect, Layer } from "effect"
import { CliOutput } from "effect/cli"

export const usageLine = (commandPath: readonly string[], message: string): string =>
  `regretlab: ${message} (see: ${[...commandPath, "--help"].join(" ")})`

const MISSING_VALUE = /^Missing value for flag (--[A-Za-z0-9-]+)/

/** The first problem, with a hint when a flag's value was taken for flags of its own. */
export const invocationLine = (commandPath: readonly string[], messages: readonly string[]): string => {
  const first = messages[0] ?? "invalid invocation"
  const flag = MISSING_VALUE.exec(first)?.[1]
  const hint = flag !== undefined && messages.length > 1 ? `${/[.!?]$/.test(first) ? "" : "."} A value that starts with "-" is written ${flag}=<value>` : ""
  return usageLine(commandPath, first + hint)
}

export const presenterLayer: Layer.Layer<never> = CliOutput.layerPresenter({
  present: (event) =>
    event._tag === "InvalidInvocation"
      ? Console.error(invocationLine(event.commandPath, event.errors.map((e) => e.message)))
      : CliOutput.defaultPresenter.present(event)
})
