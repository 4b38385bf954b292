// `regretlab search`: give a learner, get back the loss sequence that breaks it, certified at ten
// times the horizon, as a scenario file `regretlab run` accepts, and a report folder. With a grid
// (or a region file) it runs a short search in every cell and maps where a certified sequence was
// found. Games run on worker threads; the result is the same for a seed and a candidate budget
// whatever the number of workers. Exit codes: 0 done (certified or not), 1 nothing certified under
// --check, 2 bad input, 130 after a Ctrl-C (the best found so far is still verified and written).
import { existsSync } from "node:fs"
import { rename, writeFile } from "node:fs/promises"
import { availableParallelism } from "node:os"
import * as path from "node:path"
import { pathToFileURL } from "node:url"
import { Console, Effect, Option } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { UserError } from "../core/config/error.ts"
import { describeLearner } from "../core/learner/registry.ts"
import { resolveReportDir } from "../report/paths.ts"
import { StopSignal } from "../run/stop.ts"
import { regenerateCommand } from "../scenario/command.ts"
import { resolveScenario } from "../scenario/resolve.ts"
import { periodOf } from "../search/families.ts"
import { regionCells, type CellOutcome } from "../search/region.ts"
import { reportedCandidate, searchSpecOf } from "../search/request.ts"
import { resolveSpec, runSearchAsync, type SearchProgress } from "../search/search.ts"
import { verificationOf, verificationQueries } from "../search/verify.ts"
import { RunFailed } from "./errors.ts"
import { checkedCall } from "./input.ts"
import { displayPath } from "./run.ts"
import { loadRegion, mergeFlags, parseSearchFlags, type SearchFlagValues } from "./search-flags.ts"
import { compactJson } from "./compact-json.ts"
import { startPlayer } from "./search-pool.ts"
import { regionText, searchText, writeRegionReport, writeSearchReport, type RegionRun, type SearchRun } from "./search-report.ts"
import { version } from "./version.ts"

const reportsRoot = () => path.join(process.cwd(), "reports")

const opt = (o: Option.Option<string>): string | undefined => Option.getOrUndefined(o)

const parseWorkers = (text: string | undefined): number => {
  if (text === undefined) return availableParallelism()
  const n = /^[0-9]+$/.test(text.trim()) ? Number(text.trim()) : NaN
  if (!Number.isSafeInteger(n)) throw new UserError(`--workers: expected an integer ≥ 0, got ${JSON.stringify(text)}`)
  return n
}

/** Writes a file whole or not at all. */
const writeAtomic = async (file: string, text: string): Promise<void> => {
  const tmp = `${file}.${process.pid}.tmp`
  await writeFile(tmp, text)
  await rename(tmp, file)
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

/** Loads each --import module here (so a bad one fails before any worker starts); returns their URLs for the workers. */
const loadImports = async (modules: readonly string[]): Promise<string[]> => {
  const urls: string[] = []
  for (const m of modules) {
    const file = path.resolve(m)
    if (!existsSync(file)) throw new UserError(`--import: no such module ${JSON.stringify(m)}`)
    const url = pathToFileURL(file).href
    try {
      await import(url)
    } catch (e) {
      throw new UserError(`--import ${m}: ${e instanceof Error ? e.message : String(e)}`)
    }
    urls.push(url)
  }
  return urls
}

interface Done {
  readonly text: string
  readonly json: unknown
  readonly failed?: string
}

/** One search: run it, verify the reported candidate at 10T, write the scenario and the report. */
const runOne = async (flags: Flags, values: SearchFlagValues, imports: readonly string[], shouldStop: () => boolean): Promise<Done> => {
  const parsed = parseSearchFlags(values)
  const spec = searchSpecOf(parsed.request)
  const setting = resolveSpec(spec)
  const workers = parseWorkers(opt(flags.workers))
  const id = `search/${spec.learner.kind}-${spec.family}-seed${spec.seed ?? 1}`
  const outDir = flags.noReport ? undefined : resolveReportDir(id, opt(flags.report), reportsRoot())
  const scenarioFile = opt(flags.out) === undefined ? undefined : path.resolve(opt(flags.out)!)
  if (scenarioFile !== undefined && !scenarioFile.endsWith(".json")) throw new UserError(`--out: the scenario file must end in .json, got ${JSON.stringify(opt(flags.out))}`)
  const command = regenerateCommand(process.argv.slice(2))
  const player = await startPlayer(workers, imports)
  try {
    const t0 = performance.now()
    const elapsed = () => (performance.now() - t0) / 1000
    const budget = parsed.budget
    const of = budget.kind === "time" ? `${budget.ms / 1000} s` : `${budget.n} candidates`
    const report = flags.json && process.stderr.isTTY !== true ? undefined : progressReporter(process.stderr.isTTY === true, `search ${spec.learner.kind} ${spec.family}`)
    let stopped = false
    const result = await runSearchAsync(spec, (q) => player.evaluate(q), {
      now: () => performance.now() - t0,
      until: (p) => {
        report?.(p, elapsed(), of)
        if (shouldStop()) stopped = true
        return stopped || (budget.kind === "time" ? elapsed() * 1000 >= budget.ms : p.evaluations >= budget.n)
      }
    })
    const seconds = elapsed()
    report?.({ evaluations: result.evaluations, best: result.best, bestCertified: result.bestCertified, verifications: result.verifications, periods: [] }, seconds, of, true)
    if (report !== undefined && process.stderr.isTTY === true) process.stderr.write("\n")
    const found = reportedCandidate(result)
    let verification
    if (found !== undefined) {
      const queries = verificationQueries(spec, found, setting)
      verification = verificationOf(spec, found, await player.evaluate(queries), { id, command }, setting)
      // What `regretlab run` will read: a scenario the scenario layer rejects would be a bug here.
      resolveScenario(JSON.parse(JSON.stringify(verification.scenario)), scenarioFile ?? "scenario.json")
      if (scenarioFile !== undefined) await writeAtomic(scenarioFile, compactJson(verification.scenario) + "\n")
    }
    const run: SearchRun = { spec, setting, result, found, verification, seconds, workers: player.size, budget: budget.text, stopped }
    const dir = outDir === undefined ? undefined : await writeSearchReport(run, { outDir, command, version, png: !flags.noPng && !stopped })
    const lines = [searchText(run)]
    if (scenarioFile !== undefined && verification !== undefined) lines.push(`scenario: ${displayPath(scenarioFile)} (run it: npx regretlab run ${displayPath(scenarioFile)} --check)`)
    if (dir !== undefined) lines.push(`report: ${displayPath(path.join(dir, "index.html"))}`)
    const certified = verification?.certified === true
    return {
      text: lines.join("\n"),
      json: {
        learner: spec.learner, family: spec.family, horizon: spec.horizon, budget: budget.text, workers: player.size, seconds, stopped,
        evaluations: result.evaluations, certified, firstCertified: result.firstCertified?.evaluation ?? null,
        found: found === undefined ? null : { adversary: found.adversary, score: found.score, evaluation: found.evaluation },
        certificate: verification?.certificate ?? null, crossCheck: verification?.crossCheck ?? null,
        scenario: scenarioFile ?? null, report: dir === undefined ? null : path.join(dir, "index.html")
      },
      ...(flags.check && !certified && !stopped ? { failed: `--check: nothing certified against ${describeLearner(spec.learner)} (best score ${fmtScore(found?.score.value)})` } : {})
    }
  } finally {
    await player.close()
  }
}

/** A failure-region map: a short search in every cell of the grid. */
const runRegion = async (flags: Flags, values: SearchFlagValues, imports: readonly string[], header: { id: string; title: string; description: string; notes: readonly string[] } | undefined, shouldStop: () => boolean): Promise<Done> => {
  const parsed = parseSearchFlags(values)
  if (parsed.axes.length === 0) throw new UserError("a region needs a grid: give --grid field=values (one or two axes)")
  if (parsed.budget.kind !== "candidates") throw new UserError("--budget: a grid needs a number of candidates per cell")
  const plan = { request: parsed.request, axes: parsed.axes, evaluations: parsed.budget.n }
  const cells = regionCells(plan)
  const base = searchSpecOf(parsed.request)
  const workers = parseWorkers(opt(flags.workers))
  const id = header?.id ?? `search/${base.learner.kind}-region`
  const outDir = flags.noReport ? undefined : resolveReportDir(id, opt(flags.report), reportsRoot())
  const command = regenerateCommand(process.argv.slice(2))
  const player = await startPlayer(workers, imports)
  const outcomes: CellOutcome[] = []
  const t0 = performance.now()
  const tty = process.stderr.isTTY === true
  let stopped = false
  try {
    const r = await player.runCells(plan.evaluations, cells, (o) => {
      outcomes.push(o)
      if (!flags.json || tty) {
        const text = `region ${id}: cell ${outcomes.length}/${cells.length} ${JSON.stringify(o.values)} ${o.certified ? `certified (P ${o.period ?? "iid"}, candidate ${o.firstCertified})` : `none (best ${fmtScore(o.score)})`} · ${((performance.now() - t0) / 1000).toFixed(1)} s`
        process.stderr.write(tty ? `\r${text.padEnd(118)}` : `${text}\n`)
      }
    }, () => {
      if (shouldStop()) stopped = true
      return stopped
    })
    stopped ||= r.stopped
    if (tty && (!flags.json || tty)) process.stderr.write("\n")
  } finally {
    await player.close()
  }
  const seconds = (performance.now() - t0) / 1000
  const run: RegionRun = {
    id, title: header?.title ?? `Where a search certifies ${describeLearner(base.learner)}'s failure`, description: header?.description ?? "", notes: header?.notes ?? [],
    base, axes: parsed.axes, evaluations: plan.evaluations, cells: outcomes, total: cells.length, seconds, workers: player.size, stopped
  }
  const dir = outDir === undefined || outcomes.length === 0 ? undefined : await writeRegionReport(run, { outDir, command, version, png: !flags.noPng })
  const text = [regionText(run), ...(dir !== undefined ? [`report: ${displayPath(path.join(dir, "index.html"))}`] : [])].join("\n")
  return { text, json: { id, total: cells.length, finished: outcomes.length, certified: outcomes.filter((c) => c.certified).length, seconds, workers: player.size, evaluationsPerCell: plan.evaluations, cells: outcomes, report: dir === undefined ? null : path.join(dir, "index.html") } }
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
    { command: "npx regretlab search --learner adam --set beta1=0.9 --set beta2=0.99 --budget 60s --out found.json", description: "Break paper Adam (0.9, 0.99) on [−1, 1]" },
    { command: "npx regretlab search --learner rmsprop --set beta2=0.1 --period-max 3 --horizon 1e4 --budget 300", description: "Rediscover Theorem 1's period-3 sequence" },
    { command: "npx regretlab search --learner adam --preset pytorch --domain ball:2 --family periodic-linear", description: "torch's Adam on the unit disc" },
    { command: "npx regretlab search adam/failure-region", description: "The built-in (β1, β2) map of certified failures" }
  ])
)
