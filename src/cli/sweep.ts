// `regretlab sweep` and `regretlab merge`. Exit codes follow src/cli/launch.ts: 0 ok, 1 a job failed (or a
// merge is incomplete), 2 an input error with one message, 130 after a Ctrl-C (every finished job
// is already in results.jsonl; `--resume` continues).
import * as path from "node:path"
import { Console, Effect, Option } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { fmt } from "../report/format.ts"
import { resolveReportDir } from "../report/paths.ts"
import { StopSignal } from "../run/stop.ts"
import { parseVerdict, resolveSweep, type SweepFlags, type SweepPlan } from "../sweep/definition.ts"
import { parseShard, type Shard, shardSize } from "../sweep/jobs.ts"
import { assertNotBeingWritten, SweepLock } from "../sweep/lock.ts"
import { collectResults, type Merged, readManifest, readResults, RESULTS, resultsFileName, ResultsWriteError, writeMerged } from "../sweep/results.ts"
import { checkpointCountBound } from "../core/checkpoints.ts"
import { domainDim } from "../core/domain/index.ts"
import { availableMemory, checkMemory, estimateMemory, formatBytes, learnerDoubles } from "../run/memory.ts"
import { chooseWorkers } from "../run/workers.ts"
import type { ResolvedScenario } from "../scenario/types.ts"
import { runSweep } from "../sweep/run.ts"
import { type SweepSummary, summariseSweep, verdictText } from "../sweep/summary.ts"
import { EnvironmentFailed, environmentCode, InputError, RunFailed, systemReason, writeFailure } from "./errors.ts"
import { checkedCall as checked, userCall as inputCall } from "./input.ts"
import { regenerateCommand } from "../scenario/command.ts"
import { displayPath } from "./run.ts"
import { parseCount, parseHorizon, parseSeeds } from "./scenario-flags.ts"
import { version } from "../report/version.ts"
import { maxOf } from "../core/extent.ts"

const reportsRoot = () => path.join(process.cwd(), "reports")

/** A short terminal view: counts, and for two axes a map of converged (✓) / not (✗) / mixed (~) / failed (!). */
export const sweepText = (plan: SweepPlan, s: SweepSummary): string => {
  const lines = [`${plan.id}: ${plan.title}`, `${s.finished} of ${s.total} jobs finished, ${s.failed} failed${s.missing > 0 ? `, ${s.missing} missing` : ""}`]
  const axes = plan.axes.filter((a) => a.values.length > 1)
  if (plan.verdict && axes.length === 2 && plan.learners.length === 1) {
    const [ax, ay] = axes
    lines.push(`converged (${verdictText(plan.verdict)}): ✓ all seeds, ✗ none, ~ some, ! failed, · no result`)
    lines.push(`rows ${ay.name}, columns ${ax.name} = ${ax.values.map(String).join(", ")}`)
    const w = maxOf(ay.values.map((v) => String(v).length))
    for (const yv of [...ay.values].reverse()) {
      const cells = ax.values.map((xv) => {
        const p = s.points.find((q) => q.values[ax.name] === xv && q.values[ay.name] === yv)
        if (!p || p.n === 0) return "·"
        if (p.failed > 0) return "!"
        return p.converged === p.n ? "✓" : p.converged === 0 ? "✗" : "~"
      })
      lines.push(`${String(yv).padStart(w)}  ${cells.join(" ")}`)
    }
  } else if (axes.length <= 1) {
    for (const p of s.points) {
      const v = axes.length === 1 ? `${axes[0].name}=${p.values[axes[0].name]}` : "(one point)"
      lines.push(`${v}  ${p.learner}: R_T/T ${fmt(p.avgRegret.mean)}, x_T ${fmt(p.x?.mean)}${p.converged !== undefined ? `, converged ${p.converged}/${p.n}` : ""}${p.failed > 0 ? `, ${p.failed} failed` : ""}`)
    }
  }
  return lines.join("\n")
}

const failureText = (s: SweepSummary, records: readonly { status: string; reason?: string; learner: string; seed: number; values: object }[]): string => {
  const failed = records.filter((r) => r.status === "failed")
  const first = failed.slice(0, 3).map((r) => `${r.learner} seed ${r.seed} at ${JSON.stringify(r.values)}: ${r.reason}`)
  return `${s.failed} job${s.failed === 1 ? "" : "s"} failed: ${first.join("; ")}${failed.length > 3 ? "; …" : ""}`
}

const writeReportLazily = async (...args: Parameters<typeof import("../sweep/report.ts").writeSweepReport>) => (await import("../sweep/report.ts")).writeSweepReport(...args)

/**
 * A sweep's failures sorted: the user's doing (a bad --out, a folder held by another sweep) is an
 * InputError; a results file the disk refused, or any other refusal of the machine, an
 * EnvironmentFailed naming the file; anything else is a bug.
 */
const sweepFailure = (file: string) => (e: unknown): InputError | EnvironmentFailed => {
  if (e instanceof ResultsWriteError) {
    if (environmentCode(e.cause) !== undefined) {
      return new EnvironmentFailed({ message: `cannot append to ${displayPath(e.file)}: ${systemReason(e.cause)}; the jobs finished before it are in the file (free some space, then rerun with --resume)` })
    }
    throw e.cause
  }
  return writeFailure("", displayPath(file))(e)
}

/** Workers for the pending jobs: one per core at most (see chooseWorkers), and as many as fit in memory. */
const sweepWorkers = (plan: SweepPlan, base: ResolvedScenario, requested: number | undefined, jobs: number): { workers: number; notes: string[] } => {
  const choice = chooseWorkers({ requested, tasks: jobs })
  const notes = choice.note !== undefined ? [choice.note] : []
  if (choice.workers === 0) return { workers: 0, notes }
  // Grid values can change the horizon or the checkpoints; the base scenario's give the estimate.
  const dim = domainDim(base.domain)
  const heaviest = Math.max(0, ...base.learners.filter((l) => plan.learners.includes(l.label)).map((l) => learnerDoubles([l.config.kind], dim)))
  const perJob = estimateMemory({ dim, runs: 1, rowsPerRun: checkpointCountBound(base.horizon, base.checkpoints.perDecade, base.checkpoints.extra.length), threads: 1, learnerDoubles: heaviest })
  const available = availableMemory()
  checkMemory(perJob, available, `one job of ${plan.id}`, "lower the dimension or the horizon")
  const fit = Math.max(1, Math.floor(available.bytes / perJob.bytes))
  if (fit < choice.workers) {
    notes.push(`using ${fit} worker${fit === 1 ? "" : "s"}, not ${choice.workers}: each job needs about ${formatBytes(perJob.bytes)} and ${formatBytes(available.bytes)} of ${available.source} is left`)
    return { workers: fit, notes }
  }
  return { workers: choice.workers, notes }
}

const jsonDocument = (plan: SweepPlan, s: SweepSummary, extra: Record<string, unknown>): string =>
  JSON.stringify({ sweep: plan.id, fingerprint: plan.fingerprint, total: s.total, finished: s.finished, failed: s.failed, missing: s.missing, ...extra, points: s.points }, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 1) + "\n"

export const sweepCommand = Command.make(
  "sweep",
  {
    sweep: Argument.String("sweep").pipe(
      Argument.withDescription("A built-in sweep (reddi2018/phase, rmsprop/beta2-threshold), a sweep file, or a scenario (id or file) with --grid")
    ),
    grid: Flag.String("grid").pipe(
      Flag.withMetavar("field=values"),
      Flag.withDescription("An axis (repeatable): field=0.9,0.99,0.999 or field=0:0.95:20 (20 points), 1e-3:1:4:log, 0.9:0.9999:4:log1m; tie fields with +"),
      Flag.atLeast(0)
    ),
    set: Flag.String("set").pipe(Flag.withMetavar("key=value"), Flag.withDescription("A fixed override for every job (repeatable)"), Flag.atLeast(0)),
    seeds: Flag.String("seeds").pipe(Flag.withMetavar("N|a,b,c"), Flag.withDescription("Seeds 1..N, or a comma-separated list"), Flag.optional),
    horizon: Flag.String("horizon").pipe(Flag.withMetavar("T"), Flag.withDescription("Rounds per job"), Flag.optional),
    learners: Flag.String("learners").pipe(Flag.withMetavar("a,b"), Flag.withDescription("Sweep only these learners"), Flag.optional),
    verdict: Flag.String("verdict").pipe(Flag.withMetavar("metric<=v"), Flag.withDescription('When a job counts as converged, e.g. "x<=-0.9" or "avgRegret<=0.01"'), Flag.optional),
    workers: Flag.String("workers").pipe(Flag.withMetavar("N"), Flag.withDescription("Worker threads (default: one per core; at most one per core and one per job; 0 runs in this thread)"), Flag.optional),
    shard: Flag.String("shard").pipe(Flag.withMetavar("k/n|auto"), Flag.withDescription("Run only shard k of n (1 ≤ k ≤ n) of the job list, or auto: the shard of this Slurm array task or Kubernetes Indexed Job pod; combine with `regretlab merge`"), Flag.optional),
    resume: Flag.Boolean("resume").pipe(Flag.withDescription("Skip jobs already in the results file"), Flag.withDefault(false)),
    force: Flag.Boolean("force").pipe(Flag.withDescription("Discard earlier results in the folder and start again"), Flag.withDefault(false)),
    out: Flag.String("out").pipe(Flag.withMetavar("dir"), Flag.withDescription("Sweep folder (default reports/sweeps/<sweep-id>)"), Flag.optional),
    noReport: Flag.Boolean("no-report").pipe(Flag.withDescription("Do not write the report folder"), Flag.withDefault(false)),
    noPng: Flag.Boolean("no-png").pipe(Flag.withDescription("SVG charts only"), Flag.withDefault(false)),
    json: Flag.Boolean("json").pipe(Flag.withDescription("Print one JSON document (counts and every grid point's summary)"), Flag.withDefault(false))
  },
  (flags) =>
    Effect.gen(function* () {
      const sweepFlags: { -readonly [K in keyof SweepFlags]: SweepFlags[K] } = { grid: flags.grid, set: flags.set }
      if (Option.isSome(flags.seeds)) sweepFlags.seeds = yield* parseSeeds(flags.seeds.value)
      if (Option.isSome(flags.horizon)) sweepFlags.horizon = yield* parseHorizon(flags.horizon.value)
      if (Option.isSome(flags.learners)) sweepFlags.learners = flags.learners.value.split(",").map((s) => s.trim()).filter((s) => s !== "")
      if (Option.isSome(flags.verdict)) {
        const text = flags.verdict.value
        sweepFlags.verdict = yield* checked(() => parseVerdict(text))
      }
      const requested = Option.isSome(flags.workers) ? yield* parseCount("workers", flags.workers.value, 0) : undefined
      const shardText = Option.getOrUndefined(flags.shard)
      const shard: Shard | undefined = shardText !== undefined ? yield* checked(() => parseShard(shardText)) : undefined
      if (flags.resume && flags.force) return yield* Effect.fail(new InputError({ message: "--resume and --force: give one or the other" }))

      const { plan, base } = yield* checked(() => resolveSweep(flags.sweep, sweepFlags))
      const outDir = yield* inputCall(() => resolveReportDir(`sweeps/${plan.id}`, Option.getOrUndefined(flags.out), reportsRoot()))
      const { workers, notes } = yield* checked(() => sweepWorkers(plan, base, requested, shardSize(plan, shard)))
      for (const note of notes) yield* Console.error(`regretlab: ${note}`)
      const stop = yield* StopSignal
      const tty = process.stderr.isTTY === true && !flags.json
      const file = path.join(outDir, resultsFileName(shard))
      const outcome = yield* Effect.tryPromise({
        try: () =>
          runSweep({
            plan, base, outDir, workers, shard, resume: flags.resume, force: flags.force,
            shouldStop: () => Effect.runSync(stop.requested),
            onProgress: tty ? (done, total) => process.stderr.write(`\rsweep ${plan.id}: ${done}/${total} jobs`) : undefined
          }),
        catch: sweepFailure(file)
      })
      if (tty) process.stderr.write("\n")
      if (outcome.repaired) yield* Console.error(`regretlab: ${displayPath(file)} ended in a partial line (an earlier crash); it was ignored and that job run again`)
      if (outcome.stopped) {
        yield* Console.error(`regretlab: interrupted; ${outcome.skipped + outcome.ran} of ${outcome.total} jobs are in ${displayPath(file)}. Continue with the same command plus --resume.`)
        return
      }
      const manifest = readManifest(outDir)!
      if (shard !== undefined) {
        const rs = readResults(file).records
        const failed = rs.filter((r) => r.status === "failed")
        if (flags.json) yield* Console.log(JSON.stringify({ sweep: plan.id, fingerprint: plan.fingerprint, shard: `${shard.k}/${shard.n}`, results: file, jobs: outcome.total, failed: failed.length, workers: outcome.workers }))
        else yield* Console.log(`${plan.id}: shard ${shard.k}/${shard.n} done, ${outcome.total} jobs (${outcome.skipped} resumed, ${outcome.ran} run, ${failed.length} failed) in ${displayPath(file)}\nmerge the shards with: npx regretlab merge ${displayPath(outDir)}`)
        if (failed.length > 0) return yield* Effect.fail(new RunFailed({ message: `${failed.length} job${failed.length === 1 ? "" : "s"} of shard ${shard.k}/${shard.n} failed: ${failed[0].reason}` }))
        return
      }
      const records = readResults(file).records
      const summary = summariseSweep(plan, records)
      const reportDir = flags.noReport ? undefined : path.join(outDir, "report")
      const report = reportDir === undefined ? null : path.join(reportDir, "index.html")
      // The results first (they are in results.jsonl already); then the report, whose failure loses nothing.
      if (flags.json) yield* Console.log(jsonDocument(plan, summary, { results: file, report, workers: outcome.workers }).trimEnd())
      else {
        yield* Console.log(sweepText(plan, summary))
        yield* Console.log(`\nresults: ${displayPath(file)}`)
      }
      if (reportDir !== undefined) {
        yield* Effect.tryPromise({
          try: () => writeReportLazily(manifest, summary, { outDir: reportDir, command: regenerateCommand(process.argv.slice(2)), version, png: !flags.noPng }),
          catch: writeFailure("the sweep report to", displayPath(reportDir), `; the results are complete in ${displayPath(file)} (write the report later with: npx regretlab merge ${displayPath(outDir)})`)
        })
        if (!flags.json) yield* Console.log(`report: ${displayPath(report!)}`)
      }
      if (summary.failed > 0) return yield* Effect.fail(new RunFailed({ message: failureText(summary, records) }))
    })
).pipe(
  Command.withDescription("Run a scenario over a grid of learner and adversary parameters on every core; results stream to a JSONL file"),
  Command.withExamples([
    { command: "npx regretlab sweep reddi2018/phase", description: "Adam's (β1, β2) phase diagram on the Section-5 sequence" },
    { command: "npx regretlab report reports/sweeps/reddi2018/phase", description: "Re-render that sweep's report from its results, without re-running" },
    { command: "npx regretlab sweep rmsprop/beta2-threshold", description: "RMSProp's β2 threshold per period C" },
    { command: "npx regretlab sweep reddi2018/online --learners adam --grid learners.adam.beta2=0.9:0.9999:4:log1m --verdict 'x<=-0.9'", description: "An ad hoc one-axis sweep" },
    { command: "npx regretlab sweep reddi2018/phase --shard 1/2 --out phase-shards", description: "Shard 1 of 2 (e.g. one SLURM array task; every shard writes to the same --out)" },
    { command: "npx regretlab sweep reddi2018/phase --shard 2/2 --out phase-shards", description: "Shard 2 of 2" }
  ])
)

export const mergeCommand = Command.make(
  "merge",
  {
    inputs: Argument.String("sweep-folder-or-results").pipe(Argument.withDescription("Sweep folders or results files written by `regretlab sweep --shard`"), Argument.atLeast(1)),
    out: Flag.String("out").pipe(Flag.withMetavar("dir"), Flag.withDescription("Where the merged sweep goes (default: the first input folder)"), Flag.optional),
    noReport: Flag.Boolean("no-report").pipe(Flag.withDescription("Do not write the report folder"), Flag.withDefault(false)),
    noPng: Flag.Boolean("no-png").pipe(Flag.withDescription("SVG charts only"), Flag.withDefault(false)),
    json: Flag.Boolean("json").pipe(Flag.withDescription("Print one JSON document"), Flag.withDefault(false))
  },
  (flags) =>
    Effect.gen(function* () {
      const inputs = flags.inputs.map((p) => path.resolve(p))
      const merged: Merged = yield* checked(() => collectResults(inputs))
      const first = inputs[0]
      const defaultOut = (yield* inputCall(async () => (await import("node:fs")).statSync(first).isDirectory())) ? first : path.dirname(first)
      const outDir = Option.isSome(flags.out) ? path.resolve(flags.out.value) : defaultOut
      const file = path.join(outDir, RESULTS)
      // Shards still writing would be merged half-way; a sweep writing the target would be overwritten.
      const dirs = [...new Set(inputs.map((p) => (merged.sources.includes(p) ? path.dirname(p) : p)).concat(outDir))]
      yield* checked(() => assertNotBeingWritten(dirs))
      yield* Effect.tryPromise({
        try: async () => {
          const lock = SweepLock.acquire(outDir, RESULTS)
          try {
            writeMerged(outDir, merged)
          } finally {
            lock.release()
          }
        },
        catch: sweepFailure(file)
      })
      const plan = merged.manifest.plan
      const summary = summariseSweep(plan, merged.records)
      const reportDir = flags.noReport ? undefined : path.join(outDir, "report")
      const report = reportDir === undefined ? null : path.join(reportDir, "index.html")
      if (flags.json) yield* Console.log(jsonDocument(plan, summary, { results: file, report, sources: merged.sources }).trimEnd())
      else {
        yield* Console.log(sweepText(plan, summary))
        yield* Console.log(`\nmerged ${merged.sources.length} file${merged.sources.length === 1 ? "" : "s"} into ${displayPath(file)}`)
      }
      if (reportDir !== undefined) {
        yield* Effect.tryPromise({
          try: () => writeReportLazily(merged.manifest, summary, { outDir: reportDir, command: regenerateCommand(process.argv.slice(2)), version, png: !flags.noPng }),
          catch: writeFailure("the sweep report to", displayPath(reportDir), `; the merged results are complete in ${displayPath(file)}`)
        })
        if (!flags.json) yield* Console.log(`report: ${displayPath(report!)}`)
      }
      if (summary.missing > 0) return yield* Effect.fail(new RunFailed({ message: `incomplete: ${summary.missing} of ${summary.total} jobs have no result (a shard missing or interrupted; run it with --resume, then merge again)` }))
      if (summary.failed > 0) return yield* Effect.fail(new RunFailed({ message: failureText(summary, merged.records) }))
    })
).pipe(
  Command.withDescription("Combine the results of sweep shards into one results.jsonl and report"),
  Command.withExamples([
    { command: "npx regretlab merge reports/phase-shards", description: "Shards that wrote into one shared folder (see `regretlab sweep --help`)" },
    { command: "npx regretlab merge reports/phase-shards --no-report --json", description: "The merged results as one JSON document; folders copied from several machines can be listed one after another" }
  ])
)

