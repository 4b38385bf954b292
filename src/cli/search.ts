// `regretlab search`: give a learner, get back the loss sequence that breaks it, certified at ten
// times the horizon, as a scenario file `regretlab run` accepts, and a report folder. With a grid
// (or a region file) it runs a short search in every cell and maps where a certified sequence was
// found. Games run on worker threads; the result is the same for a seed and a candidate budget
// whatever the number of workers. Exit codes: 0 done (certified or not), 1 nothing certified under
// --check, 2 bad input, 130 after a Ctrl-C (the best found so far is still verified and written).
import { existsSync } from "node:fs"
import { availableParallelism } from "node:os"
import * as path from "node:path"
import { Console, Effect, Option } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { UserError } from "../core/config/error.ts"
import { describeLearner } from "../core/learner/registry.ts"
import { resolveReportDir } from "../report/paths.ts"
import { StopSignal } from "../run/stop.ts"
import { regenerateCommand } from "../scenario/command.ts"
import { importUserModule } from "../scenario/load-module.ts"
import { periodOf } from "../search/families.ts"
import { searchSpecOf } from "../search/request.ts"
import type { SearchProgress } from "../search/search.ts"
import { regionText, searchText, type RegionHeader } from "../search-run/text.ts"
import { runRegionJob, runSearchJob, searchId } from "../search-run/run.ts"
import type { UserModule } from "../search-run/search-worker.ts"
import { RunFailed } from "./errors.ts"
import { checkedCall } from "./input.ts"
import { displayPath } from "./run.ts"
import { loadRegion, mergeFlags, parseSearchFlags, type SearchFlagValues } from "./search-flags.ts"
import { version } from "../report/version.ts"

const reportsRoot = () => path.join(process.cwd(), "reports")

const opt = (o: Option.Option<string>): string | undefined => Option.getOrUndefined(o)

const parseWorkers = (text: string | undefined): number => {
  if (text === undefined) return availableParallelism()
  const n = /^[0-9]+$/.test(text.trim()) ? Number(text.trim()) : NaN
  if (!Number.isSafeInteger(n)) throw new UserError(`--workers: expected an integer ≥ 0, got ${JSON.stringify(text)}`)
  return n
}

const fmtScore = (v: number | undefined): string => (v === undefined || !Number.isFinite(v) ? "—" : Number(v.toPrecision(3)).toString())

/** Progress on stderr: a redrawn line on a terminal, else a line every 10 s and at each certificate. */
const progressReporter = (tty: boolean, label: string) => {
  let lastLine = 0, lastCertified: number | undefined
  return (p: SearchProgress, elapsed: number, of: string, force = false) => {
    const now = performance.now()
    const certified = p.bestCertified?.evaluation
    const fresh = certified !== undefined && certified !== lastCertified
    if (!force && !fresh && now - lastLine < (tty ? 250 : 10_000)) return
    lastLine = now
    lastCertified = certified
    const b = p.best
    const text = `${label}: ${p.evaluations} candidates (${Math.round(p.evaluations / Math.max(elapsed, 1e-3))}/s) · best ${fmtScore(b?.score.value)}` +
      (b !== undefined ? ` (P ${periodOf(b.adversary) ?? "iid"}, ×${fmtScore(b.score.ratio)} over T/10 → T)` : "") +
      ` · certified ${p.bestCertified !== undefined ? `${fmtScore(p.bestCertified.score.value)} (P ${periodOf(p.bestCertified.adversary) ?? "iid"})` : "none yet"} · ${elapsed.toFixed(1)} s of ${of}`
    process.stderr.write(tty ? `\r${text.padEnd(118).slice(0, Math.max(118, text.length))}` : `${text}\n`)
  }
}

interface Flags {
  readonly region: Option.Option<string>
  readonly learner: Option.Option<string>
  readonly preset: Option.Option<string>
  readonly set: readonly string[]
  readonly family: Option.Option<string>
  readonly domain: Option.Option<string>
  readonly start: Option.Option<string>
  readonly horizon: Option.Option<string>
  readonly periodMin: Option.Option<string>
  readonly periodMax: Option.Option<string>
  readonly gradientBound: Option.Option<string>
  readonly budget: Option.Option<string>
  readonly seed: Option.Option<string>
  readonly seeds: Option.Option<string>
  readonly grid: readonly string[]
  readonly workers: Option.Option<string>
  readonly import: readonly string[]
  readonly out: Option.Option<string>
  readonly report: Option.Option<string>
  readonly noReport: boolean
  readonly noPng: boolean
  readonly json: boolean
  readonly check: boolean
}

const flagValues = (f: Flags): SearchFlagValues => ({
  learner: opt(f.learner), preset: opt(f.preset), set: f.set, family: opt(f.family), domain: opt(f.domain), start: opt(f.start),
  horizon: opt(f.horizon), periodMin: opt(f.periodMin), periodMax: opt(f.periodMax), gradientBound: opt(f.gradientBound),
  budget: opt(f.budget), seed: opt(f.seed), seeds: opt(f.seeds), grid: f.grid
})

/** Loads each --import module here (so a bad one fails before any worker starts), with the loader of a user's scenario. */
const loadImports = async (modules: readonly string[]): Promise<UserModule[]> => {
  const loaded: UserModule[] = []
  for (const m of modules) {
    const file = path.resolve(m)
    if (!existsSync(file)) throw new UserError(`--import: no such module ${JSON.stringify(m)}`)
    await importUserModule(file, m)
    loaded.push({ file, shown: m })
  }
  return loaded
}

interface Done {
  readonly text: string
  readonly json: unknown
  readonly failed?: string
}

/** One search: run it, verify the reported candidate at 10T, write the scenario and the report. */
const runOne = async (flags: Flags, values: SearchFlagValues, imports: readonly UserModule[], shouldStop: () => boolean): Promise<Done> => {
  const parsed = parseSearchFlags(values)
  const spec = searchSpecOf(parsed.request)
  const out = opt(flags.out)
  if (out !== undefined && !out.endsWith(".json")) throw new UserError(`--out: the scenario file must end in .json, got ${JSON.stringify(out)}`)
  const budget = parsed.budget
  const of = budget.kind === "time" ? `${budget.ms / 1000} s` : `${budget.n} candidates`
  const report = flags.json && process.stderr.isTTY !== true ? undefined : progressReporter(process.stderr.isTTY === true, `search ${spec.learner.kind} ${spec.family}`)
  const { run, scenarioFile, reportDir } = await runSearchJob({
    spec, budget, workers: parseWorkers(opt(flags.workers)), imports,
    ...(out !== undefined ? { scenarioFile: out } : {}),
    ...(flags.noReport ? {} : { reportDir: resolveReportDir(searchId(spec), opt(flags.report), reportsRoot()) }),
    png: !flags.noPng, command: regenerateCommand(process.argv.slice(2)), version, shouldStop,
    ...(report !== undefined ? { onProgress: (p: SearchProgress, seconds: number) => report(p, seconds, of) } : {})
  })
  const { result, found, verification } = run
  if (report !== undefined) {
    report({ evaluations: result.evaluations, best: result.best, bestCertified: result.bestCertified, verifications: result.verifications, periods: [] }, run.seconds, of, true)
    if (process.stderr.isTTY === true) process.stderr.write("\n")
  }
  const lines = [searchText(run)]
  if (scenarioFile !== undefined) {
    lines.push(`scenario: ${displayPath(scenarioFile)} (${imports.length === 0 ? `run it: npx regretlab run ${displayPath(scenarioFile)} --check` : "it names your learner kind: run it from a scenario module that imports your --import module and the JSON (docs/search.md)"})`)
  }
  if (reportDir !== undefined) lines.push(`report: ${displayPath(path.join(reportDir, "index.html"))}`)
  const certified = verification?.certified === true
  return {
    text: lines.join("\n"),
    json: {
      learner: spec.learner, family: spec.family, horizon: spec.horizon, budget: budget.text, workers: run.workers, seconds: run.seconds, stopped: run.stopped,
      evaluations: result.evaluations, certified, firstCertified: result.firstCertified?.evaluation ?? null,
      found: found === undefined ? null : { adversary: found.adversary, score: found.score, evaluation: found.evaluation },
      certificate: verification?.certificate ?? null, crossCheck: verification?.crossCheck ?? null,
      scenario: scenarioFile ?? null, report: reportDir === undefined ? null : path.join(reportDir, "index.html")
    },
    ...(flags.check && !certified && !run.stopped ? { failed: `--check: nothing certified against ${describeLearner(spec.learner)} (best score ${fmtScore(found?.score.value)})` } : {})
  }
}

/** A failure-region map: a short search in every cell of the grid. */
const runRegion = async (flags: Flags, values: SearchFlagValues, imports: readonly UserModule[], header: RegionHeader | undefined, shouldStop: () => boolean): Promise<Done> => {
  const parsed = parseSearchFlags(values)
  if (parsed.axes.length === 0) throw new UserError("a region needs a grid: give --grid field=values (one or two axes)")
  if (parsed.budget.kind !== "candidates") throw new UserError("--budget: a grid needs a number of candidates per cell")
  const plan = { request: parsed.request, axes: parsed.axes, evaluations: parsed.budget.n }
  const base = searchSpecOf(parsed.request)
  const id = header?.id ?? `search/${base.learner.kind}-region`
  const tty = process.stderr.isTTY === true
  const { run, reportDir } = await runRegionJob({
    plan, id, title: header?.title ?? `Where a search certifies ${describeLearner(base.learner)}'s failure`,
    description: header?.description ?? "", notes: header?.notes ?? [],
    workers: parseWorkers(opt(flags.workers)), imports,
    ...(flags.noReport ? {} : { reportDir: resolveReportDir(id, opt(flags.report), reportsRoot()) }),
    png: !flags.noPng, command: regenerateCommand(process.argv.slice(2)), version, shouldStop,
    onCell: (o, done, total, seconds) => {
      if (flags.json && !tty) return
      const text = `region ${id}: cell ${done}/${total} ${JSON.stringify(o.values)} ${o.certified ? `certified (P ${o.period ?? "iid"}, candidate ${o.firstCertified})` : `none (best ${fmtScore(o.score)})`} · ${seconds.toFixed(1)} s`
      process.stderr.write(tty ? `\r${text.padEnd(118)}` : `${text}\n`)
    }
  })
  if (tty) process.stderr.write("\n")
  const text = [regionText(run), ...(reportDir !== undefined ? [`report: ${displayPath(path.join(reportDir, "index.html"))}`] : [])].join("\n")
  return { text, json: { id, total: run.total, finished: run.cells.length, certified: run.cells.filter((c) => c.certified).length, seconds: run.seconds, workers: run.workers, evaluationsPerCell: plan.evaluations, cells: run.cells, report: reportDir === undefined ? null : path.join(reportDir, "index.html") } }
}

export const searchCommand = Command.make(
  "search",
  {
    region: Argument.String("region").pipe(Argument.withDescription("A failure-region map to run: a built-in (adam/failure-region) or a region file (.json); omit for a single search"), Argument.optional),
    learner: Flag.String("learner").pipe(Flag.withMetavar("kind"), Flag.withDescription("The learner to break: any learner kind (see `regretlab list`)"), Flag.optional),
    preset: Flag.String("preset").pipe(Flag.withMetavar("name"), Flag.withDescription("Its preset (default the kind's first, e.g. paper)"), Flag.optional),
    set: Flag.String("set").pipe(Flag.withMetavar("field=value"), Flag.withDescription("A field of the learner (repeatable), as in run: beta2=0.99, alpha=0.5, stepSchedule={\"kind\":\"constant\"}"), Flag.atLeast(0)),
    family: Flag.String("family").pipe(Flag.withMetavar("name"), Flag.withDescription("periodic (P free gradients, default), periodic-linear (Reddi's shape), stochastic-linear (i.i.d. two-point)"), Flag.optional),
    domain: Flag.String("domain").pipe(Flag.withMetavar("D"), Flag.withDescription("interval (default, [−1, 1]), box:d, ball:d, or a JSON domain config"), Flag.optional),
    start: Flag.String("start").pipe(Flag.withMetavar("x"), Flag.withDescription("x_1, comma-separated (default the domain's centre)"), Flag.optional),
    horizon: Flag.String("horizon").pipe(Flag.withMetavar("T"), Flag.withDescription("Candidates are scored at T/10 and T and certified at 10T (default 1e5)"), Flag.optional),
    periodMin: Flag.String("period-min").pipe(Flag.withMetavar("P"), Flag.withDescription("Shortest period raced (default 2)"), Flag.optional),
    periodMax: Flag.String("period-max").pipe(Flag.withMetavar("P"), Flag.withDescription("Longest period raced (default 200)"), Flag.optional),
    gradientBound: Flag.String("gradient-bound").pipe(Flag.withMetavar("G"), Flag.withDescription("‖g‖∞ of every sequence (default 1)"), Flag.optional),
    budget: Flag.String("budget").pipe(Flag.withMetavar("60s|N"), Flag.withDescription("A time (60s, 2m) or a number of candidates (reproducible on any machine); default 60s, or 2000 per cell for a map"), Flag.optional),
    seed: Flag.String("seed").pipe(Flag.withMetavar("N"), Flag.withDescription("The search's seed (default 1)"), Flag.optional),
    seeds: Flag.String("seeds").pipe(Flag.withMetavar("N|a,b"), Flag.withDescription("stochastic-linear: the seeds averaged, common to every candidate (default 8)"), Flag.optional),
    grid: Flag.String("grid").pipe(Flag.withMetavar("field=values"), Flag.withDescription("An axis of a failure-region map (repeatable, at most two): beta1=0:0.9:10, beta2=0.9:0.999:4:log1m"), Flag.atLeast(0)),
    workers: Flag.String("workers").pipe(Flag.withMetavar("N"), Flag.withDescription("Worker threads (default one per core; 0 plays in this thread)"), Flag.optional),
    import: Flag.String("import").pipe(Flag.withMetavar("module.ts"), Flag.withDescription("A module to load first, here and in every worker (repeatable): one that registers your own learner kind"), Flag.atLeast(0)),
    out: Flag.String("out").pipe(Flag.withMetavar("file.json"), Flag.withDescription("Write the found scenario here (`regretlab run` takes it as it is)"), Flag.optional),
    report: Flag.String("report").pipe(Flag.withMetavar("dir"), Flag.withDescription("Report folder (default reports/search/<id>)"), Flag.optional),
    noReport: Flag.Boolean("no-report").pipe(Flag.withDescription("Do not write the report folder"), Flag.withDefault(false)),
    noPng: Flag.Boolean("no-png").pipe(Flag.withDescription("SVG charts only"), Flag.withDefault(false)),
    json: Flag.Boolean("json").pipe(Flag.withDescription("Print one JSON document instead of the text summary"), Flag.withDefault(false)),
    check: Flag.Boolean("check").pipe(Flag.withDescription("Exit 1 when nothing is certified"), Flag.withDefault(false))
  },
  (flags) =>
    Effect.gen(function* () {
      const stop = yield* StopSignal
      const shouldStop = () => Effect.runSync(stop.requested)
      const regionRef = opt(flags.region)
      const done = yield* checkedCall(async () => {
        const imports = await loadImports(flags.import)
        if (regionRef !== undefined) {
          const file = loadRegion(regionRef)
          return runRegion(flags, mergeFlags(file.flags, flagValues(flags)), imports, file, shouldStop)
        }
        return flags.grid.length > 0 ? runRegion(flags, flagValues(flags), imports, undefined, shouldStop) : runOne(flags, flagValues(flags), imports, shouldStop)
      })
      if (flags.json) yield* Effect.sync(() => process.stdout.write(JSON.stringify(done.json, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 1) + "\n"))
      else yield* Console.log(done.text)
      if (done.failed !== undefined) return yield* Effect.fail(new RunFailed({ message: done.failed }))
    })
).pipe(
  Command.withDescription("Search for the loss sequence that breaks a learner, certify it at 10T, and write it as a scenario"),
  Command.withExamples([
    { command: "npx regretlab search --learner adam --set beta1=0.9 --set beta2=0.99 --budget 2s --out found.json", description: "Two seconds against paper Adam (0.9, 0.99) on [−1, 1]; a certificate takes --budget 60s" },
    { command: "npx regretlab search --learner rmsprop --set beta2=0.1 --period-max 3 --horizon 1e4 --budget 300", description: "Rediscover Theorem 1's period-3 sequence" },
    { command: "npx regretlab search --learner adam --preset pytorch --domain ball:2 --family periodic-linear --horizon 1e4 --budget 200", description: "torch's Adam on the unit disc" },
    { command: "npx regretlab search adam/failure-region --grid beta1=0,0.9 --grid beta2=0.1 --horizon 1e4 --budget 300", description: "The built-in (β1, β2) map on two cells (as shipped: 64 cells, minutes)" }
  ])
)
