// A search as `regretlab search` and the library's `search()` run it: games on worker threads (or in
// this thread), a budget in time or candidates, a stop request honoured between generations, the
// reported candidate verified at 10T through the framework's game, then the scenario file and the
// report folder. A failure-region map runs a short search per cell the same way. The caller says
// what to print; nothing here writes to the terminal.
import { rename, writeFile } from "node:fs/promises"
import * as path from "node:path"
import { UserError } from "../core/config/error.ts"
import { resolveScenario } from "../scenario/resolve.ts"
import { regionCells, type CellOutcome, type RegionAxis, type RegionPlan } from "../search/region.ts"
import { reportedCandidate, searchSpecOf } from "../search/request.ts"
import { resolveSpec, runSearchAsync, type SearchProgress, type SearchSpec } from "../search/search.ts"
import { verificationOf, verificationQueries } from "../search/verify.ts"
import { compactJson } from "./compact-json.ts"
import { startPlayer } from "./pool.ts"
import type { RegionRun, SearchRun } from "./text.ts"
import type { UserModule } from "./search-worker.ts"

/** How long a search runs: wall-clock time, or a number of candidates (the same result on any machine). */
export type Budget = { readonly kind: "time"; readonly ms: number; readonly text: string } | { readonly kind: "candidates"; readonly n: number; readonly text: string }

const INTEGER = /^[0-9][0-9_]*$|^[0-9](\.[0-9]+)?e[0-9]+$/i
const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }

/** "60s", "2m", "1.5h", "500ms": a time; "3000", "3e3" or 3000: candidates. `name` is the flag or option in errors. */
export const parseBudget = (given: string | number, name = "--budget"): Budget => {
  const t = String(given).trim()
  const m = /^([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)$/.exec(t)
  if (m !== null) {
    const ms = Number(m[1]) * UNITS[m[2]]
    if (ms > 0) return { kind: "time", ms, text: t }
  }
  const n = INTEGER.test(t) ? Number(t.replace(/_/g, "")) : NaN
  if (Number.isSafeInteger(n) && n >= 1) return { kind: "candidates", n, text: t }
  throw new UserError(`${name}: expected a time (60s, 2m, 1h) or a number of candidates (3000), got ${JSON.stringify(given)}`)
}

/** The id of a search's report: search/<learner kind>-<family>-seed<seed>. */
export const searchId = (spec: SearchSpec): string => `search/${spec.learner.kind}-${spec.family}-seed${spec.seed ?? 1}`

// Loaded when a report is written: the renderer pulls in vega, whose top-level await would keep
// the package root from being require()d.
const reportWriters = () => import("./report.ts")

/** Writes a file whole or not at all. */
const writeAtomic = async (file: string, text: string): Promise<void> => {
  const tmp = `${file}.${process.pid}.tmp`
  await writeFile(tmp, text)
  await rename(tmp, file)
}

interface Common {
  /** Worker threads; 0 plays in this thread. */
  readonly workers: number
  /** The user's modules (their own learner kinds), already loaded here; loaded again in every worker. */
  readonly imports?: readonly UserModule[]
  /** The report folder; none when undefined. */
  readonly reportDir?: string
  readonly png?: boolean
  /** Recorded in the scenario's notes and the report's provenance. */
  readonly command: string
  readonly version: string
  /** Polled between generations (between cells for a map); true stops the search, which still reports its best. */
  readonly shouldStop?: () => boolean
}

export interface SearchJob extends Common {
  readonly spec: SearchSpec
  readonly budget: Budget
  /** Where to write the found scenario (.json); none when undefined. */
  readonly scenarioFile?: string
  /** After each generation, with the seconds since the start. */
  readonly onProgress?: (progress: SearchProgress, seconds: number) => void
}

export interface SearchJobOutcome {
  readonly run: SearchRun
  /** The scenario file written, when one was asked for and a candidate was scored. */
  readonly scenarioFile?: string
  /** The report folder written. */
  readonly reportDir?: string
}

/** One search: run it, verify the reported candidate at 10T, write the scenario and the report. */
export const runSearchJob = async (job: SearchJob): Promise<SearchJobOutcome> => {
  const { spec, budget } = job
  const setting = resolveSpec(spec)
  if (job.scenarioFile !== undefined && !job.scenarioFile.endsWith(".json")) throw new UserError(`out: the scenario file must end in .json, got ${JSON.stringify(job.scenarioFile)}`)
  const player = await startPlayer(job.workers, job.imports)
  try {
    const t0 = performance.now()
    const elapsed = () => (performance.now() - t0) / 1000
    let stopped = false
    const result = await runSearchAsync(spec, (q) => player.evaluate(q), {
      now: () => performance.now() - t0,
      until: (p) => {
        job.onProgress?.(p, elapsed())
        if (job.shouldStop?.() === true) stopped = true
        return stopped || (budget.kind === "time" ? elapsed() * 1000 >= budget.ms : p.evaluations >= budget.n)
      }
    })
    const seconds = elapsed()
    const found = reportedCandidate(result)
    let verification
    let scenarioFile: string | undefined
    if (found !== undefined) {
      verification = verificationOf(spec, found, await player.evaluate(verificationQueries(spec, found, setting)), { id: searchId(spec), command: job.command }, setting)
      // What `regretlab run` will read: a scenario the scenario layer rejects would be a bug here.
      resolveScenario(JSON.parse(JSON.stringify(verification.scenario)), job.scenarioFile ?? "scenario.json")
      if (job.scenarioFile !== undefined) {
        scenarioFile = path.resolve(job.scenarioFile)
        await writeAtomic(scenarioFile, compactJson(verification.scenario) + "\n")
      }
    }
    const run: SearchRun = { spec, setting, result, found, verification, seconds, workers: player.size, budget: budget.text, stopped }
    const reportDir = job.reportDir === undefined ? undefined
      : await (await reportWriters()).writeSearchReport(run, { outDir: job.reportDir, command: job.command, version: job.version, png: job.png !== false && !stopped })
    return { run, ...(scenarioFile !== undefined ? { scenarioFile } : {}), ...(reportDir !== undefined ? { reportDir } : {}) }
  } finally {
    await player.close()
  }
}

export interface RegionJob extends Common {
  readonly plan: RegionPlan
  readonly id: string
  readonly title: string
  readonly description?: string
  readonly notes?: readonly string[]
  /** As each cell finishes (cells finish in any order), with the seconds since the start. */
  readonly onCell?: (outcome: CellOutcome, done: number, total: number, seconds: number) => void
}

export interface RegionJobOutcome {
  readonly run: RegionRun
  readonly reportDir?: string
}

/** A failure-region map: a short search in every cell of the grid, cells on worker threads. */
export const runRegionJob = async (job: RegionJob): Promise<RegionJobOutcome> => {
  const { plan } = job
  if (plan.axes.length === 0) throw new UserError("a region needs a grid: give one or two axes (field=values)")
  const cells = regionCells(plan)
  const base = searchSpecOf(plan.request)
  const player = await startPlayer(job.workers, job.imports)
  const outcomes: CellOutcome[] = []
  const t0 = performance.now()
  let stopped = false
  try {
    const r = await player.runCells(plan.evaluations, cells, (o) => {
      outcomes.push(o)
      job.onCell?.(o, outcomes.length, cells.length, (performance.now() - t0) / 1000)
    }, () => {
      if (job.shouldStop?.() === true) stopped = true
      return stopped
    })
    stopped ||= r.stopped
  } finally {
    await player.close()
  }
  const axes: readonly RegionAxis[] = plan.axes
  const run: RegionRun = {
    id: job.id, title: job.title, description: job.description ?? "", notes: job.notes ?? [], base, axes,
    evaluations: plan.evaluations, cells: outcomes, total: cells.length, seconds: (performance.now() - t0) / 1000, workers: player.size, stopped
  }
  const reportDir = job.reportDir === undefined || outcomes.length === 0 ? undefined
    : await (await reportWriters()).writeRegionReport(run, { outDir: job.reportDir, command: job.command, version: job.version, png: job.png !== false })
  return { run, ...(reportDir !== undefined ? { reportDir } : {}) }
}
