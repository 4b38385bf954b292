// The command tree, apart from main.ts so tests can read it (help, examples) without starting it.
import { Command } from "effect/cli"
import { describeCommand } from "./describe.ts"
import { listCommand } from "./list.ts"
import { playgroundCommand } from "./playground.ts"
import { reportCommand } from "./report.ts"
import { runCommand } from "./run.ts"
import { schemaCommand } from "./schema.ts"
import { searchCommand } from "./search.ts"
import { mergeCommand, sweepCommand } from "./sweep.ts"

export const cli = Command.make("regretlab").pipe(
  Command.withDescription("Online convex optimization games: Adam-family learners against adversaries, exact regret, reproducible reports"),
  Command.withSubcommands([runCommand, listCommand, describeCommand, reportCommand, schemaCommand, sweepCommand, mergeCommand, searchCommand, playgroundCommand]),
  Command.withExamples([
    { command: "npx regretlab list", description: "What can be run" },
    { command: "npx regretlab run reddi2018/online --seed 1", description: "Reproduce Reddi, Kale & Kumar (2018)" },
    { command: "npx regretlab run --help", description: "Every flag of run" }
  ])
)
