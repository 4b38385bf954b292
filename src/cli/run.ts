// `regretlab run`: resolve the scenario, check the memory it needs, play every learner × seed
// through the Runner (on worker threads when the batch is big enough, else in this thread), print
// the summary (or the --json document), then write the report, and turn the outcome into an exit
// code. The results go out before the report is written, so a failed write (a full disk) loses
// nothing: it is reported on its own line, naming the folder, with exit 1.
import * as path from "node:path"
import { Console, Effect, Layer, Option } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { checkpointCountBound } from "../core/checkpoints.ts"
import { domainDim } from "../core/domain/index.ts"
import { checkReportTarget, resolveReportDir } from "../report/paths.ts"
import { summaryTable } from "../report/summary.ts"
import { availableMemory, checkMemory, estimateMemory, learnerDoubles } from "../run/memory.ts"
import { Runner, runnerLayer, RunThreadError } from "../run/runner.ts"
import { threadRunnerLayer } from "../run/thread-runner.ts"
import { chooseWorkers } from "../run/workers.ts"
import { planRuns, summarise } from "../scenario/index.ts"
import type { ResolvedScenario, ScenarioResult } from "../scenario/types.ts"
import { EnvironmentFailed, InputError, RunFailed, writeFailure } from "./errors.ts"
import { checkedCall, userCall } from "./input.ts"
import { regenerateCommand } from "../scenario/command.ts"
import { progressLayerFor } from "./progress-choice.ts"
import { parseCount, resolveRecipeWithFlags, scenarioFlags } from "./scenario-flags.ts"
import { runDocumentText } from "./json-document.ts"
import { version } from "../report/version.ts"

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

/**
 * Below this much work (rounds × dimension, summed over runs) a batch plays in this thread by
 * default: starting a thread costs about a second, which a batch this small does not win back.
 */
export const THREAD_WORK_THRESHOLD = 2 ** 24

/** The threads for a batch: --workers as given (capped, see chooseWorkers), or by default one per core for big batches. */
export const runThreads = (s: ResolvedScenario, requested: number | undefined, cores?: number) => {
  const runs = s.learners.length * s.seeds.length
  const choice = chooseWorkers({ requested, tasks: runs, cores })
  const work = runs * s.horizon * domainDim(s.domain)
  // One thread gains nothing over this one; a small batch by default neither.
  const workers = choice.workers < 2 || (requested === undefined && work < THREAD_WORK_THRESHOLD) ? 0 : choice.workers
  const note = choice.note !== undefined && workers === 0 ? `--workers ${requested}: playing in this thread (a single run)` : choice.note
  return { workers, note }
}

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
    ),
    workers: Flag.String("workers").pipe(
      Flag.withMetavar("N"),
      Flag.withDescription("Worker threads for the runs (default: one per core, for batches big enough to gain; at most one per core; 0 plays in this thread)"),
      Flag.optional
    ),
    force: Flag.Boolean("force").pipe(Flag.withDescription("Run even when the memory estimate exceeds the free memory"), Flag.withDefault(false))
  },
  (flags) =>
    Effect.gen(function* () {
      const { scenario, recipe } = yield* resolveRecipeWithFlags(flags.scenario, flags)
      const requested = Option.isSome(flags.workers) ? yield* parseCount("workers", flags.workers.value, 0) : undefined
      const { workers, note } = runThreads(scenario, requested)
      if (note !== undefined) yield* Console.error(`regretlab: ${note}`)
      // Before anything is allocated: a dimension of 10^7 is refused with its estimate, not found out by swapping.
      const runs = scenario.learners.length * scenario.seeds.length
      if (!flags.force) {
        const dim = domainDim(scenario.domain)
        const estimate = estimateMemory({
          dim,
          runs,
          rowsPerRun: checkpointCountBound(scenario.horizon, scenario.checkpoints.perDecade, scenario.checkpoints.extra.length),
          threads: workers,
          learnerDoubles: scenario.seeds.length * learnerDoubles(scenario.learners.map((l) => l.config.kind), dim)
        })
        yield* checkedCall(() => checkMemory(estimate, availableMemory(), `${scenario.id} (${runs} run${runs === 1 ? "" : "s"})`, "pass --force to run anyway, or run fewer learners or seeds at once (--learners, --seeds)"))
      }
      const plans = yield* checkedCall(() => planRuns(scenario))
      // Resolve the folder before running, so a bad --out fails in a second, not after the run.
      const outDir = flags.noReport
        ? undefined
        : yield* userCall(async () => {
            const dir = resolveReportDir(scenario.id, Option.getOrUndefined(flags.out), path.join(process.cwd(), "reports"))
            await checkReportTarget(dir)
            return dir
          })
      if (outDir !== undefined) preloadReportWriter()
      const runner = (workers > 0 ? threadRunnerLayer({ workers, recipe }) : runnerLayer).pipe(Layer.provide(progressLayerFor(flags.json)))
      const batch = yield* Effect.gen(function* () { return yield* (yield* Runner).execute(plans, { horizon: scenario.horizon }) }).pipe(
        Effect.provide(runner),
        Effect.mapError((e) =>
          e instanceof RunThreadError ? new EnvironmentFailed({ message: e.message }) : new InputError({ message: e.message })
        )
      )
      const result = summarise(scenario, [...batch.runs], batch.completion)
      const interrupted = result.completion.kind === "interrupted"
      // A stop before the first checkpoint leaves nothing to chart: write nothing rather than an empty report.
      const reportDir = outDir !== undefined && hasRows(result) ? outDir : undefined
      const report = reportDir === undefined ? null : path.join(reportDir, "index.html")
      // The results first: whatever happens to the report, they are out.
      if (flags.json) yield* Console.log(runDocumentText(result, report).trimEnd())
      else yield* Console.log(summaryTable(result))
      if (reportDir !== undefined) {
        // After a Ctrl-C, skip the PNGs (the slow part) to exit promptly; `regretlab report <dir>` adds them.
        const png = !flags.noPng && !interrupted
        yield* Effect.tryPromise({
          try: () => writeReportLazily(result, { outDir: reportDir, command: regenerateCommand(process.argv.slice(2)), version, png }),
          catch: writeFailure("the report to", displayPath(reportDir), `; the results above are complete (rerun with --no-report, or free the space and rerun)`)
        })
        if (!flags.json) yield* Console.log(`\nreport: ${displayPath(report!)}`)
      } else if (outDir !== undefined && !flags.json) yield* Console.log("\nreport: not written (no checkpoint reached)")
      if (interrupted) {
        yield* Console.error(`regretlab: interrupted at round ${result.completion.round} of ${scenario.horizon}${report === null ? "" : "; partial report written"}`)
        return
      }
      const failure = failureOf(result, flags.check)
      if (failure !== undefined) return yield* Effect.fail(new RunFailed({ message: failure }))
    })
).pipe(
  Command.withDescription("Play a scenario: every learner against the adversary, for every seed; print R_T and R_T/T and write a report"),
  Command.withExamples([
    { command: "npx regretlab run reddi2018/online --seed 1", description: "Reproduce Reddi et al.'s online example with seed 1" },
    { command: "npx regretlab run reddi2018/online --horizon 2e6 --learners adam,amsgrad", description: "A longer run of two of the learners" },
    { command: "npx regretlab run reddi2018/online --set learners.adam.beta2=0.999 --no-report", description: "Change one hyperparameter, no report" },
    { command: "npx regretlab run reddi2018/online --json --no-report", description: "Machine-readable output" },
    { command: "npx regretlab run reddi2018/online --check", description: "Exit 1 if the paper's claims do not hold" },
    { command: "npx regretlab run reddi2018/stochastic --horizon 1e7 --seeds 10 --workers 2", description: "Twenty runs on two threads" }
  ])
)
