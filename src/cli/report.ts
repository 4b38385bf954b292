// `regretlab report`: re-render a report from its saved data without re-running, e.g. after
// upgrading regretlab or to add PNGs. A run's report folder re-renders from data.json (and
// companions.json, the other scenarios its paper figures drew); a sweep folder, or its report/
// folder, from the sweep's results files. The original provenance (command, time, version) is
// kept and the re-rendering recorded beside it.
import { existsSync, readFileSync } from "node:fs"
import * as path from "node:path"
import { Console, Effect } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { parseReportJson, readReportData } from "../report/data.ts"
import { summaryTable } from "../report/summary.ts"
import { writeFailure } from "./errors.ts"
import { userCall } from "./input.ts"
import { regenerateCommand } from "../scenario/command.ts"
import { displayPath, writeReportLazily } from "./run.ts"
import { version } from "../report/version.ts"

const recordedCommand = (run: unknown): string | undefined => {
  const command = (run as { command?: unknown } | null)?.command
  return typeof command === "string" ? command : undefined
}

/** The sweep folder (holding sweep.json) a folder is, or whose report/ folder it is. */
const sweepFolderOf = (dir: string): string | undefined => {
  if (existsSync(path.join(dir, "sweep.json"))) return dir
  if (existsSync(path.join(dir, "sweep-report.json")) && existsSync(path.join(dir, "..", "sweep.json"))) return path.dirname(dir)
  return undefined
}

/** A sweep folder's summary text and the write of its report, read before anything is written. */
const readSweep = async (sweepDir: string, png: boolean): Promise<{ text: string; reportDir: string; write: () => Promise<string> }> => {
  const [{ collectResults }, { summariseSweep }, { REPORT_MARKER, writeSweepReport }, { sweepText }] = await Promise.all([
    import("../sweep/results.ts"), import("../sweep/summary.ts"), import("../sweep/report.ts"), import("./sweep.ts")
  ])
  const reportDir = path.join(sweepDir, "report")
  const marker = path.join(reportDir, REPORT_MARKER)
  // The recorded provenance first: a broken one is named before any results are read.
  const previous = existsSync(marker) ? parseReportJson(readFileSync(marker, "utf8"), marker) : undefined
  const merged = collectResults([sweepDir])
  const summary = summariseSweep(merged.manifest.plan, merged.records)
  const command = recordedCommand(previous) ?? `npx regretlab merge ${displayPath(sweepDir)}`
  return {
    text: sweepText(merged.manifest.plan, summary),
    reportDir,
    write: async () => (await writeSweepReport(merged.manifest, summary, { outDir: reportDir, command, version, png, ...(previous !== undefined ? { previous } : {}) })).dir
  }
}

export const reportCommand = Command.make(
  "report",
  {
    folder: Argument.String("folder").pipe(Argument.withDescription("A report folder written by `regretlab run` (holds data.json and run.json), or a sweep folder (holds sweep.json) or its report/ folder")),
    noPng: Flag.Boolean("no-png").pipe(Flag.withDescription("Write SVG charts only, no PNG copies"), Flag.withDefault(false))
  },
  (flags) =>
    Effect.gen(function* () {
      const dir = path.resolve(flags.folder)
      const sweepDir = sweepFolderOf(dir)
      if (sweepDir !== undefined) {
        const sweep = yield* userCall(() => readSweep(sweepDir, !flags.noPng))
        // The summary first: the results files hold it whatever happens to the rewrite.
        yield* Console.log(sweep.text)
        const written = yield* Effect.tryPromise({
          try: sweep.write,
          catch: writeFailure("the sweep report to", displayPath(sweep.reportDir), "; the report folder is as it was")
        })
        yield* Console.log(`\nreport: ${displayPath(path.join(written, "index.html"))}`)
        return
      }
      const { result, run, companions } = yield* userCall(() => readReportData(dir))
      // Keep the command that produced the data: that is what regenerates it from scratch.
      const command = recordedCommand(run) ?? regenerateCommand(process.argv.slice(2))
      // The summary first: it is in data.json whatever happens to the rewrite.
      yield* Console.log(summaryTable(result))
      const written = yield* Effect.tryPromise({
        try: () => writeReportLazily(result, { outDir: dir, command, version, png: !flags.noPng, companions, previous: run }),
        catch: writeFailure("the report to", displayPath(dir), "; the report folder is as it was")
      })
      yield* Console.log(`\nreport: ${displayPath(path.join(written.dir, "index.html"))}`)
    })
).pipe(
  Command.withDescription("Re-render a run's or a sweep's report from its saved data, without re-running"),
  Command.withExamples([
    { command: "npx regretlab report reports/reddi2018/online", description: "Rebuild the charts and index.html of a finished run (a sweep's folder works too: see `regretlab sweep --help`)" }
  ])
)
