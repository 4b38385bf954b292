// The CLI program as one Effect: the command tree with its services and a terminal-safe console.
// main.ts runs it on process.argv under launch(); tests run it in-process with given arguments
// and a console that collects the output.
import { Console, Effect, Layer } from "effect"
import { Command } from "effect/cli"
import { type StopFlag, stopSignalLayer } from "../run/stop.ts"
import { cli } from "./commands.ts"
import { nodeServicesLayer } from "./node-services.ts"
import { presenterLayer } from "./presenter.ts"
import { type Sink, terminalConsole } from "./terminal.ts"
import { version } from "../report/version.ts"

/** The program for `args`, or for the process's own arguments when none are given. */
export const cliProgram = (stop: StopFlag, sink: Sink, args?: readonly string[]) =>
  // renderErrors: parse errors then reach the presenter as one InvalidInvocation event;
  // our own failures carry no CliError.userMessage, so launch() alone prints them.
  (args === undefined ? Command.run(cli, { version, renderErrors: true }) : Command.runWith(cli, { version, renderErrors: true })(args)).pipe(
    Effect.provide(Layer.mergeAll(nodeServicesLayer, presenterLayer, stopSignalLayer(stop))),
    Effect.provideService(Console.Console, terminalConsole(sink))
  )
