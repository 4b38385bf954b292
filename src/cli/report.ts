// `regretlab report`: re-render a report folder from its saved data (data.json, run.json) without
// re-running, e.g. after upgrading regretlab or to add PNGs.
import * as path from "node:path"
import { Console, Effect } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { readReportData } from "../report/data.ts"
import { summaryTable } from "../report/summary.ts"
import { writeFailure } from "./errors.ts"
import { userCall } from "./input.ts"
import { regenerateCommand } from "../scenario/command.ts"
import { displayPath, writeReportLazily } from "./run.ts"
import { version } from "./version.ts"

const recordedCommand = (run: unknown): string | undefined => {
  const command = (run as { command?: unknown } | null)?.command
  return typeof command === "string" ? command : undefined
}

export const reportCommand = Command.make(
  "report",
  {
    folder: Argument.String("run-folder").pipe(Argument.withDescription("A report folder written by `regretlab run` (holds data.json and run.json)")),
    noPng: Flag.Boolean("no-png").pipe(Flag.withDescription("Write SVG charts only, no PNG copies"), Flag.withDefault(false))
  },
  (flags) =>
    Effect.gen(function* () {
      const dir = path.resolve(flags.folder)
      const { result, run } = yield* userCall(() => readReportData(dir))
      // Keep the command that produced the data: that is what regenerates it from scratch.
      const command = recordedCommand(run) ?? regenerateCommand(process.argv.slice(2))
      // The summary first: it is in data.json whatever happens to the rewrite.
      yield* Console.log(summaryTable(result))
      const written = yield* Effect.tryPromise({
        try: () => writeReportLazily(result, { outDir: dir, command, version, png: !flags.noPng }),
        catch: writeFailure("the report to", displayPath(dir), "; the report folder is as it was")
      })
      yield* Console.log(`\nreport: ${displayPath(path.join(written.dir, "index.html"))}`)
    })
).pipe(
  Command.withDescription("Re-render a report folder from its saved data, without re-running"),
  Command.withExamples([
    { command: "npx regretlab report reports/reddi2018/online", description: "Rebuild the charts and index.html of a finished run" }
  ])
)
