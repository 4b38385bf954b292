// `regretlab schema`: the JSON Schema of scenario files, for editors and validators.
import { Console, Effect } from "effect"
import { Command } from "effect/cli"
import { scenarioJsonSchema } from "../scenario/index.ts"

export const schemaCommand = Command.make("schema", {}, () =>
  Effect.gen(function* () {
    yield* Console.log(JSON.stringify(scenarioJsonSchema(), null, 2))
  })
).pipe(
  Command.withDescription("Print the JSON Schema of the scenario file format"),
  Command.withExamples([
    { command: "npx regretlab schema > scenario.schema.json", description: "Save it for an editor (add \"$schema\" to your file)" }
  ])
)
