// The regretlab command line: the command tree, run under launch() which owns exit codes and Ctrl-C.
import { Effect, Layer } from "effect"
import { Command } from "effect/cli"
import { makeStopFlag, stopSignalLayer } from "../run/stop.ts"
import { cli } from "./commands.ts"
import { launch } from "./launch.ts"
import { nodeServicesLayer } from "./node-services.ts"
import { presenterLayer } from "./presenter.ts"
import { version } from "./version.ts"

const stop = makeStopFlag()

// renderErrors: parse errors then reach the presenter as one InvalidInvocation event (one line each);
// our own failures carry no CliError.userMessage, so launch() alone prints them.
const program = Command.run(cli, { version, renderErrors: true }).pipe(
  Effect.provide(Layer.mergeAll(nodeServicesLayer, presenterLayer, stopSignalLayer(stop)))
)

launch(program, stop)
