// effect/cli's output, adjusted for a Unix tool: help and --version go to stdout as usual, but an
// invalid invocation prints one line per problem on stderr (not the whole help page), pointing at
// the command's --help.
import { Console, Effect, Layer } from "effect"
import { CliOutput } from "effect/cli"

export const usageLine = (commandPath: readonly string[], message: string): string =>
  `regretlab: ${message} (see: ${[...commandPath, "--help"].join(" ")})`

export const presenterLayer: Layer.Layer<never> = CliOutput.layerPresenter({
  present: (event) =>
    event._tag === "InvalidInvocation"
      ? Effect.forEach(event.errors, (e) => Console.error(usageLine(event.commandPath, e.message)), { discard: true })
      : CliOutput.defaultPresenter.present(event)
})
