// The regretlab command line: the command tree, run under launch() which owns exit codes and Ctrl-C.
import { makeStopFlag } from "../run/stop.ts"
import { launch } from "./launch.ts"
import { cliProgram } from "./program.ts"
import { processSink } from "./terminal.ts"

const stop = makeStopFlag()

launch(cliProgram(stop, processSink), stop)
