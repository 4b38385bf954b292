// `regretlab run`: resolve the scenario, play every learner × seed through the Runner, write the
// report, print the summary (or the --json document), and turn the outcome into an exit code.
import * as path from "node:path"
import { Console, Effect, Layer, Option } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { resolveReportDir } from "../report/paths.ts"
import { summaryTable } from "../report/summary.ts"
import { Runner, runnerLayer } from "../run/runner.ts"
import { planRuns, summarise } from "../scenario/index.ts"
import type { ScenarioResult } from "../scenario/types.ts"
import { InputError, RunFailed } from "./errors.ts"
import { checkedCall, userCall } from "./input.ts"
import { regenerateCommand } from "../scenario/command.ts"
import { progressLayerFor } from "./progress-choice.ts"
import { resolveWithFlags, scenarioFlags } from "./scenario-flags.ts"
import { runDocumentText } from "./json-document.ts"
import { version } from "./version.ts"

/** Why a finished run counts as failed (exit 1), or undefined when it succeeded. */
export const failureOf = (result: ScenarioResult, check: boolean): string | undefined => {
  const diverged = result.runs.flatMap((r) =>
    r.status.kind === "diverged" ? [`${r.learner} (seed ${r.seed}) diverged at round ${r.status.round}: ${r.status.what} = ${r.status.value}`] : []
  )
  if (diverged.length > 0) return diverged.join("; ")
  const broken = result.expectations.filter((e) => !e.holds)
  if (check && broken.length > 0) {
    return `--check: ${broken.length} expectation${broken.length === 1 ? "" : "s"} failed: ${broken.map((e) => e.text).join("; ")}`
  }
  return undefined
}

/**
 * The chart renderer (vega, resvg) loads only when a report is written, so --no-report starts
 * faster; `run` starts loading it before the games, so after a Ctrl-C only the writing is left.
 */
let reportWriter: Promise<typeof import("../report/write.ts")> | undefined
export const preloadReportWriter = (): void => {
  reportWriter ??= import("../report/write.ts")
  reportWriter.catch(() => {}) // a load failure surfaces when the writer is awaited
}
export const writeReportLazily = async (...args: Parameters<typeof import("../report/write.ts").writeReport>) => {
  preloadReportWriter()
  return (await reportWriter!).writeReport(...args)
}

/** Relative to the working directory when inside it, else absolute. */
export const displayPath = (p: string): string => {
  const rel = path.relative(process.cwd(), p)
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : p
}

const hasRows = (result: ScenarioResult) => result.runs.some((r) => r.rows.length > 0)

export const runCommand = Command.make(
  "run",
  {
    scenario: Argument.String("scenario").pipe(
      Argument.withDescription("A registry id (see `regretlab list`) or a path to a scenario file (.ts or .json)")
    ),
    ...scenarioFlags,
    out: Flag.String("out").pipe(
      Flag.withMetavar("dir"),
      Flag.withDescription("Report folder (default reports/<scenario-id>; a relative path is taken inside reports/)"),
      Flag.optional
    ),
    noReport: Flag.Boolean("no-report").pipe(Flag.withDescription("Do not write a report folder"), Flag.withDefault(false)),
    noPng: Flag.Boolean("no-png").pipe(Flag.withDescription("Write SVG charts only, no PNG copies"), Flag.withDefault(false)),
    check: Flag.Boolean("check").pipe(
      Flag.withDescription("Exit 1 when any expectation encoded in the scenario fails"),
      Flag.withDefault(false)
    ),
    json: Flag.Boolean("json").pipe(
      Flag.withDescription("Print one JSON document (every run's final values and checkpoint rows) instead of the table"),
      Flag.withDefault(false)
    )
  },
  (flags) =>
    Effect.gen(function* () {
      const scenario = yield* resolveWithFlags(flags.scenario, flags)
      const plans = yield* checkedCall(() => planRuns(scenario))
      // Resolve the folder before running, so a bad --out fails in a second, not after the run.
      const outDir = flags.noReport
        ? undefined
        : yield* userCall(() => resolveReportDir(scenario.id, Option.getOrUndefined(flags.out), path.join(process.cwd(), "reports")))
      if (outDir !== undefined) preloadReportWriter()
      const runner = yield* Runner
      const batch = yield* runner.execute(plans, { horizon: scenario.horizon }).pipe(
        Effect.mapError((e) => new InputError({ message: e.message }))
      )
      const result = summarise(scenario, [...batch.runs], batch.completion)
      let report: string | null = null
      const interrupted = result.completion.kind === "interrupted"
      // A stop before the first checkpoint leaves nothing to chart: write nothing rather than an empty report.
      if (outDir !== undefined && hasRows(result)) {
        // After a Ctrl-C, skip the PNGs (the slow part) to exit promptly; `regretlab report <dir>` adds them.
        const png = !flags.noPng && !interrupted
        const written = yield* userCall(() =>
          writeReportLazily(result, { outDir, command: regenerateCommand(process.argv.slice(2)), version, png })
        )
        report = path.join(written.dir, "index.html")
      }
      if (flags.json) {
        yield* Effect.sync(() => process.stdout.write(runDocumentText(result, report)))
      } else {
        yield* Console.log(summaryTable(result))
        if (report !== null) yield* Console.log(`\nreport: ${displayPath(report)}`)
        else if (outDir !== undefined) yield* Console.log("\nreport: not written (no checkpoint reached)")
      }
      if (interrupted) {
        yield* Console.error(`regretlab: interrupted at round ${result.completion.round} of ${scenario.horizon}${report === null ? "" : "; partial report written"}`)
        return
      }
      const failure = failureOf(result, flags.check)
      if (failure !== undefined) return yield* Effect.fail(new RunFailed({ message: failure }))
    }).pipe(Effect.provide(runnerLayer.pipe(Layer.provide(progressLayerFor(flags.json)))))
).pipe(
  Command.withDescription("Play a scenario: every learner against the adversary, for every seed; print R_T and R_T/T and write a report"),
  Command.withExamples([
    { command: "npx regretlab run reddi2018/online --seed 1", description: "Reproduce Reddi et al.'s online example with seed 1" },
    { command: "npx regretlab run reddi2018/online --horizon 2e6 --learners adam,amsgrad", description: "A longer run of two of the learners" },
    { command: "npx regretlab run reddi2018/online --set learners.adam.beta2=0.999 --no-report", description: "Change one hyperparameter, no report" },
    { command: "npx regretlab run reddi2018/online --json --no-report", description: "Machine-readable output" },
    { command: "npx regretlab run reddi2018/online --check", description: "Exit 1 if the paper's claims do not hold" }
  ])
)
