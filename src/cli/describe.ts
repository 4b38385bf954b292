// `regretlab describe`: the scenario exactly as it would run (defaults filled in, --set and the
// other flags applied), as JSON — the same config a report records.
import { Console, Effect } from "effect"
import { Argument, Command } from "effect/cli"
import { serialiseScenario } from "../report/data.ts"
import { resolveWithFlags, scenarioFlags } from "./scenario-flags.ts"

export const describeCommand = Command.make(
  "describe",
  {
    scenario: Argument.String("scenario").pipe(Argument.withDescription("A registry id or a path to a scenario file (.ts or .json)")),
    ...scenarioFlags
  },
  (flags) =>
    Effect.gen(function* () {
      const scenario = yield* resolveWithFlags(flags.scenario, flags)
      yield* Console.log(JSON.stringify(serialiseScenario(scenario), null, 2))
    })
).pipe(
  Command.withDescription("Print the resolved scenario config (every default filled in) as JSON"),
  Command.withExamples([
    { command: "npx regretlab describe reddi2018/online", description: "The full config of the paper's online example" },
    { command: "npx regretlab describe reddi2018/online --set learners.adam.beta2=0.999", description: "See what an override changes" }
  ])
)
