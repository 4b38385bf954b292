// Sweeps from code: the same plan, worker pool, results file and report as `regretlab sweep`.
import * as path from "node:path"
import { parseVerdict, resolveSweep, type SweepFlags } from "../sweep/definition.ts"
import type { GridValue } from "../sweep/grid.ts"
import { defaultWorkers } from "../sweep/pool.ts"
import { readManifest, readResults } from "../sweep/results.ts"
import { runSweep } from "../sweep/run.ts"
import { summariseSweep, type SweepSummary } from "../sweep/summary.ts"
import { UserError } from "../core/config/error.ts"
import { version } from "../report/version.ts"

/**
 * The grid and the settings of a {@link sweep}.
 *
 * @example
 * ```ts
 * import { tmpdir } from "node:os"
 * import type { SweepOptions } from "regretlab"
 *
 * const phase: SweepOptions = {
 *   grid: { "learners.adam.beta1": "0:0.9:4", "learners.adam.beta2": "0.9:0.9999:4:log1m" },
 *   learners: ["adam"], seeds: 2, verdict: "x<=-0.9", outDir: `${tmpdir()}/phase`
 * }
 * ```
 */
export interface SweepOptions {
  /** Axes: a field (`learners.adam.beta2`, `adversary.C`, tied fields `a+b`) and its values, a list or a range string ("0:0.95:20", "1e-3:1:4:log", "0.9:0.9999:4:log1m"). */
  readonly grid?: Readonly<Record<string, readonly GridValue[] | string>>
  /** The sweep folder (results.jsonl, manifest.json and report/). */
  readonly outDir: string
  /** Fixed overrides for every job, e.g. `{ horizon: 10000, "learners.adam.beta1": 0 }`. */
  readonly set?: Readonly<Record<string, unknown>>
  /** Seeds 1..N or a list. */
  readonly seeds?: number | readonly number[]
  /** Rounds per job. */
  readonly horizon?: number
  /** Sweep only these learners (labels). */
  readonly learners?: readonly string[]
  /** When a job counts as converged, e.g. "x<=-0.9" or "avgRegret<=0.01". */
  readonly verdict?: string
  /** Worker threads (default: one per core; 0 runs the jobs in this thread). */
  readonly workers?: number
  /** Skip the jobs already in the folder's results file. */
  readonly resume?: boolean
  /** Discard earlier results in the folder and start again. */
  readonly force?: boolean
  /** Write the report folder (default true) and its PNGs (default true). */
  readonly report?: boolean
  readonly png?: boolean
}

/**
 * What {@link sweep} returns: the summary per (grid point, learner) and where the files are.
 *
 * @example
 * ```ts
 * import type { SweepOutcome } from "regretlab"
 *
 * const report = (o: SweepOutcome) => `${o.summary.finished}/${o.summary.total} jobs in ${o.results}${o.report ? `, report ${o.report}` : ""}`
 * ```
 */
export interface SweepOutcome {
  /** One row per (grid point, learner): mean and spread over seeds, failures, verdict counts. */
  readonly summary: SweepSummary
  /** The results file (one JSON record per job). */
  readonly results: string
  /** The report's index.html, when written. */
  readonly report?: string
}

/**
 * Runs a scenario over a grid of parameters, one job per (grid point, learner, seed), on worker
 * threads; each finished job is appended to the results file at once. Numbers are identical
 * whatever the number of workers.
 *
 * @param scenario - A built-in sweep id (`reddi2018/phase`), a sweep file, a scenario id or a scenario file (.ts or .json).
 * @throws UserError (ConfigError, ScenarioError) for a bad grid, field, value or reference.
 * @example
 * ```ts
 * import { mkdtempSync } from "node:fs"
 * import { tmpdir } from "node:os"
 * import { join } from "node:path"
 * import { sweep } from "regretlab"
 *
 * const { summary } = await sweep("reddi2018/online", {
 *   grid: { "learners.adam.beta2": [0.9, 0.99, 0.999] }, learners: ["adam"], horizon: 2000,
 *   verdict: "x<=-0.9", workers: 0, report: false, outDir: mkdtempSync(join(tmpdir(), "sweep-"))
 * })
 * for (const p of summary.points) console.log(p.values, p.avgRegret.mean, p.converged)
 * ```
 */
export const sweep = async (scenario: string, options: SweepOptions): Promise<SweepOutcome> => {
  if (options.resume === true && options.force === true) throw new UserError("sweep: resume and force: give one or the other")
  const flags: SweepFlags = {
    grid: Object.entries(options.grid ?? {}).map(([field, values]) => `${field}=${typeof values === "string" ? values : values.join(",")}`),
    set: Object.entries(options.set ?? {}).map(([key, value]) => `${key}=${JSON.stringify(value)}`),
    ...(options.seeds !== undefined ? { seeds: options.seeds } : {}),
    ...(options.horizon !== undefined ? { horizon: options.horizon } : {}),
    ...(options.learners !== undefined ? { learners: options.learners } : {}),
    ...(options.verdict !== undefined ? { verdict: parseVerdict(options.verdict) } : {})
  }
  const { plan, base } = await resolveSweep(scenario, flags)
  const outDir = path.resolve(options.outDir)
  const outcome = await runSweep({
    plan, base, outDir, workers: options.workers ?? defaultWorkers(), resume: options.resume ?? false, force: options.force ?? false
  })
  const summary = summariseSweep(plan, readResults(outcome.file).records)
  if (options.report === false) return { summary, results: outcome.file }
  const { writeSweepReport } = await import("../sweep/report.ts")
  const written = await writeSweepReport(readManifest(outDir)!, summary, {
    outDir: path.join(outDir, "report"),
    command: `regretlab API: sweep(${JSON.stringify(scenario)})`,
    version,
    png: options.png ?? true
  })
  return { summary, results: outcome.file, report: path.join(written.dir, "index.html") }
}
