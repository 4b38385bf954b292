// `regretlab report`: re-render a report from its saved data without re-running, e.g. after
// upgrading regretlab or to add PNGs. A run's report folder re-renders from data.json (and
// companions.json, the other scenarios its paper figures drew); a sweep folder, or its report/
// folder, from the sweep's results files. The original provenance (command, time, version) is
// kept and the re-rendering recorded beside it.
import { existsSync, readFileSync } from "node:fs"
import * as path from "node:path"
import { Console, Effect } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { UserError } from "../core/config/error.ts"
import { readReportData } from "../report/data.ts"
import { summaryTable } from "../report/summary.ts"
import { userCall } from "./input.ts"
import { regenerateCommand } from "../scenario/command.ts"
import { displayPath, writeReportLazily } from "./run.ts"
import { version } from "./version.ts"

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

const rerenderSweep = async (sweepDir: string, png: boolean): Promise<string> => {
  const [{ collectResults }, { summariseSweep }, { REPORT_MARKER, writeSweepReport }, { sweepText }] = await Promise.all([
    import("../sweep/results.ts"), import("../sweep/summary.ts"), import("../sweep/report.ts"), import("./sweep.ts")
  ])
  const merged = collectResults([sweepDir])
  const summary = summariseSweep(merged.manifest.plan, merged.records)
  const reportDir = path.join(sweepDir, "report")
  const marker = path.join(reportDir, REPORT_MARKER)
  let previous: unknown
  if (existsSync(marker)) {
    try {
      previous = JSON.parse(readFileSync(marker, "utf8"))
    } catch (e) {
      throw new UserError(`${marker} is not valid JSON: ${(e as Error).message}`)
    }
  }
  const command = recordedCommand(previous) ?? `npx regretlab merge ${displayPath(sweepDir)}`
  const written = await writeSweepReport(merged.manifest, summary, { outDir: reportDir, command, version, png, ...(previous !== undefined ? { previous } : {}) })
  return `${sweepText(merged.manifest.plan, summary)}\n\nreport: ${displayPath(path.join(written.dir, "index.html"))}`
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
        const text = yield* userCall(() => rerenderSweep(sweepDir, !flags.noPng))
        yield* Console.log(text)
        return
      }
      const { result, run, companions } = yield* userCall(() => readReportData(dir))
      // Keep the command that produced the data: that is what regenerates it from scratch.
      const command = recordedCommand(run) ?? regenerateCommand(process.argv.slice(2))
      const written = yield* userCall(() => writeReportLazily(result, { outDir: dir, command, version, png: !flags.noPng, companions, previous: run }))
      yield* Console.log(summaryTable(result))
      yield* Console.log(`\nreport: ${displayPath(path.join(written.dir, "index.html"))}`)
    })
).pipe(
  Command.withDescription("Re-render a run's or a sweep's report from its saved data, without re-running"),
  Command.withExamples([
    { command: "npx regretlab report reports/reddi2018/online", description: "Rebuild the charts and index.html of a finished run (a sweep's folder works too: see `regretlab sweep --help`)" }
  ])
)
