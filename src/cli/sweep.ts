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
import { parseShard, type Shard } from "../sweep/jobs.ts"
import { defaultWorkers } from "../sweep/pool.ts"
import { collectResults, type Merged, readManifest, readResults, writeMerged } from "../sweep/results.ts"
import { runSweep } from "../sweep/run.ts"
import { type SweepSummary, summariseSweep, verdictText } from "../sweep/summary.ts"
import { InputError, RunFailed } from "./errors.ts"
import { checkedCall as checked, userCall as inputCall } from "./input.ts"
import { regenerateCommand } from "../scenario/command.ts"
import { displayPath } from "./run.ts"
import { parseCount } from "./scenario-flags.ts"
import { version } from "./version.ts"

const reportsRoot = () => path.join(process.cwd(), "reports")

/** A short terminal view: counts, and for two axes a map of converged (✓) / not (✗) / mixed (~) / failed (!). */
export const sweepText = (plan: SweepPlan, s: SweepSummary): string => {
  const lines = [`${plan.id}: ${plan.title}`, `${s.finished} of ${s.total} jobs finished, ${s.failed} failed${s.missing > 0 ? `, ${s.missing} missing` : ""}`]
  const axes = plan.axes.filter((a) => a.values.length > 1)
  if (plan.verdict && axes.length === 2 && plan.learners.length === 1) {
    const [ax, ay] = axes
    lines.push(`converged (${verdictText(plan.verdict)}): ✓ all seeds, ✗ none, ~ some, ! failed, · no result`)
    lines.push(`rows ${ay.name}, columns ${ax.name} = ${ax.values.map(String).join(", ")}`)
    const w = Math.max(...ay.values.map((v) => String(v).length))
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
    workers: Flag.String("workers").pipe(Flag.withMetavar("N"), Flag.withDescription("Worker threads (default: one per core; 0 runs in this thread)"), Flag.optional),
    shard: Flag.String("shard").pipe(Flag.withMetavar("k/n"), Flag.withDescription("Run only shard k of n (1 ≤ k ≤ n) of the job list; combine with `regretlab merge`"), Flag.optional),
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
      if (Option.isSome(flags.seeds)) {
        const t = flags.seeds.value
        sweepFlags.seeds = t.includes(",") ? yield* Effect.forEach(t.split(",").filter((x) => x.trim() !== ""), (x) => parseCount("seeds", x, 0)) : yield* parseCount("seeds", t, 1)
      }
      if (Option.isSome(flags.horizon)) sweepFlags.horizon = yield* parseCount("horizon", flags.horizon.value, 1)
      if (Option.isSome(flags.learners)) sweepFlags.learners = flags.learners.value.split(",").map((s) => s.trim()).filter((s) => s !== "")
      if (Option.isSome(flags.verdict)) {
        const text = flags.verdict.value
        sweepFlags.verdict = yield* checked(() => parseVerdict(text))
      }
      const workers = Option.isSome(flags.workers) ? yield* parseCount("workers", flags.workers.value, 0) : defaultWorkers()
      const shardText = Option.getOrUndefined(flags.shard)
      const shard: Shard | undefined = shardText !== undefined ? yield* inputCall(() => parseShard(shardText)) : undefined
      if (flags.resume && flags.force) return yield* Effect.fail(new InputError({ message: "--resume and --force: give one or the other" }))

      const { plan, base } = yield* checked(() => resolveSweep(flags.sweep, sweepFlags))
      const outDir = yield* inputCall(() => resolveReportDir(`sweeps/${plan.id}`, Option.getOrUndefined(flags.out), reportsRoot()))
      const stop = yield* StopSignal
      const tty = process.stderr.isTTY === true && !flags.json
      const outcome = yield* checked(() =>
        runSweep({
          plan, base, outDir, workers, shard, resume: flags.resume, force: flags.force,
          shouldStop: () => Effect.runSync(stop.requested),
          onProgress: tty ? (done, total) => process.stderr.write(`\rsweep ${plan.id}: ${done}/${total} jobs`) : undefined
        })
      )
      if (tty) process.stderr.write("\n")
      const file = outcome.file
      if (outcome.repaired) yield* Console.error(`regretlab: ${displayPath(file)} ended in a partial line (an earlier crash); it was ignored and that job run again`)
      if (outcome.stopped) {
        yield* Console.error(`regretlab: interrupted; ${outcome.skipped + outcome.ran} of ${outcome.total} jobs are in ${displayPath(file)}. Continue with the same command plus --resume.`)
        return
      }
      const manifest = readManifest(outDir)!
      if (shard !== undefined) {
        const rs = readResults(file).records
        const failed = rs.filter((r) => r.status === "failed")
        if (flags.json) yield* Effect.sync(() => process.stdout.write(JSON.stringify({ sweep: plan.id, fingerprint: plan.fingerprint, shard: `${shard.k}/${shard.n}`, results: file, jobs: outcome.total, failed: failed.length }) + "\n"))
        else yield* Console.log(`${plan.id}: shard ${shard.k}/${shard.n} done, ${outcome.total} jobs (${outcome.skipped} resumed, ${outcome.ran} run, ${failed.length} failed) in ${displayPath(file)}\nmerge the shards with: npx regretlab merge ${displayPath(outDir)}`)
        if (failed.length > 0) return yield* Effect.fail(new RunFailed({ message: `${failed.length} job${failed.length === 1 ? "" : "s"} of shard ${shard.k}/${shard.n} failed: ${failed[0].reason}` }))
        return
      }
      const records = readResults(file).records
      const summary = summariseSweep(plan, records)
      let report: string | null = null
      if (!flags.noReport) {
        const written = yield* inputCall(() => writeReportLazily(manifest, summary, { outDir: path.join(outDir, "report"), command: regenerateCommand(process.argv.slice(2)), version, png: !flags.noPng }))
        report = path.join(written.dir, "index.html")
      }
      if (flags.json) yield* Effect.sync(() => process.stdout.write(jsonDocument(plan, summary, { results: file, report })))
      else {
        yield* Console.log(sweepText(plan, summary))
        yield* Console.log(`\nresults: ${displayPath(file)}${report !== null ? `\nreport: ${displayPath(report)}` : ""}`)
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
      const file = yield* inputCall(() => writeMerged(outDir, merged))
      const plan = merged.manifest.plan
      const summary = summariseSweep(plan, merged.records)
      let report: string | null = null
      if (!flags.noReport) {
        const written = yield* inputCall(() => writeReportLazily(merged.manifest, summary, { outDir: path.join(outDir, "report"), command: regenerateCommand(process.argv.slice(2)), version, png: !flags.noPng }))
        report = path.join(written.dir, "index.html")
      }
      if (flags.json) yield* Effect.sync(() => process.stdout.write(jsonDocument(plan, summary, { results: file, report, sources: merged.sources })))
      else {
        yield* Console.log(sweepText(plan, summary))
        yield* Console.log(`\nmerged ${merged.sources.length} file${merged.sources.length === 1 ? "" : "s"} into ${displayPath(file)}${report !== null ? `\nreport: ${displayPath(report)}` : ""}`)
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

