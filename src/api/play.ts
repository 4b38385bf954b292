// Running scenarios from code: play() takes what defineScenario() returns (or a resolved or
// loaded scenario), resolves it, plays every learner × seed and summarises; writeReport() writes
// the same report folder `regretlab run` does.
import { applyOverrides } from "../scenario/overrides.ts"
import { asResolvedScenario } from "../scenario/resolve.ts"
import { runScenarioSync } from "../scenario/run.ts"
import type { ResolvedScenario, ScenarioInput, ScenarioResult } from "../scenario/types.ts"
import { version } from "../report/version.ts"

/**
 * What {@link play} may change about a scenario before playing it (checked like `--set`).
 *
 * @example
 * ```ts
 * import { loadScenario, play, type PlayOptions } from "regretlab"
 *
 * const quick: PlayOptions = { learners: ["adam"], horizon: 1000, seeds: [7] }
 * const result = play(await loadScenario("reddi2018/stochastic"), quick)
 * ```
 */
export interface PlayOptions {
  /** Play only these learners (labels). */
  readonly learners?: readonly string[]
  /** Seeds 1..N, or a list of seeds, instead of the scenario's. */
  readonly seeds?: number | readonly number[]
  /** Rounds per run instead of the scenario's horizon. */
  readonly horizon?: number
}

/**
 * Plays a scenario to the end in this thread: every learner against the adversary, for every
 * seed (each learner faces the same realised losses for a seed), and summarises the runs: final
 * R_T and R_T/T per learner (mean and spread over seeds), paired differences, expectations.
 *
 * @param scenario - What `defineScenario` returns, or a scenario from `loadScenario`.
 * @param options - Learners, seeds or horizon to use instead of the scenario's, validated like `--set`.
 * @returns The runs (checkpoint rows per learner and seed), the summary and the expectations checked.
 * @throws ConfigError (a ScenarioError) naming the field, the value and what was expected.
 * @example
 * ```ts
 * import { adagrad, adam, amsgrad, defineScenario, interval, periodicLinear, play } from "regretlab"
 *
 * const result = play(defineScenario({
 *   id: "my/online", title: "Reddi et al. Section 5, shorter",
 *   domain: interval(-1, 1), adversary: periodicLinear({ C: 101, period: 101, scale: 10 }),
 *   learners: [adam({ alpha: 0.5, beta1: 0.9, beta2: 0.99 }), amsgrad({ alpha: 0.5, beta1: 0.9, beta2: 0.99 }), adagrad({ alpha: 0.5 })],
 *   horizon: 20_000, start: [0]
 * }))
 * for (const s of result.summary) console.log(s.learner, s.x?.[0], s.avgRegret.mean)
 * ```
 */
export const play = (scenario: ScenarioInput | ResolvedScenario, options: PlayOptions = {}): ScenarioResult => {
  let s = asResolvedScenario(scenario)
  const sets = [
    ...(options.horizon !== undefined ? [`horizon=${JSON.stringify(options.horizon)}`] : []),
    ...(options.seeds !== undefined ? [`seeds=${JSON.stringify(options.seeds)}`] : [])
  ]
  if (sets.length > 0) s = applyOverrides(s, sets)
  return runScenarioSync(s, options.learners === undefined ? undefined : { learners: options.learners })
}

/**
 * Where and how {@link writeReport} writes.
 *
 * @example
 * ```ts
 * import { join } from "node:path"
 * import { tmpdir } from "node:os"
 * import type { ReportOptions } from "regretlab"
 *
 * const options: ReportOptions = { outDir: join(tmpdir(), "my-report"), png: false, command: "node my-script.js" }
 * ```
 */
export interface ReportOptions {
  /** The report folder; replaced whole if it already holds a report (or is empty), else an error. */
  readonly outDir: string
  /** Also write a PNG per chart (default true; the slow part). */
  readonly png?: boolean
  /** How to regenerate the report, recorded in it (default: a note that it came from the API). */
  readonly command?: string
}

/**
 * Writes the report of a result: index.html (summary, interactive charts, config, provenance;
 * works offline), an SVG and a PNG per chart, the Vega-Lite specs, data.csv, data.json,
 * summary.md and run.json. The folder appears whole or not at all.
 *
 * @returns The folder written and the files in it.
 * @example
 * ```ts
 * import { mkdtempSync } from "node:fs"
 * import { tmpdir } from "node:os"
 * import { join } from "node:path"
 * import { loadScenario, play, writeReport } from "regretlab"
 *
 * const result = play(await loadScenario("reddi2018/theorem1"), { horizon: 3000 })
 * const { dir, files } = await writeReport(result, { outDir: join(mkdtempSync(join(tmpdir(), "report-")), "theorem1"), png: false })
 * console.log(dir, files.length)
 * ```
 */
export const writeReport = async (result: ScenarioResult, options: ReportOptions): Promise<{ readonly dir: string; readonly files: readonly string[] }> => {
  // Loaded on first use: the chart renderer (vega, resvg) is the heaviest part of the package.
  const { writeReport: write } = await import("../report/write.ts")
  return write(result, {
    outDir: options.outDir,
    command: options.command ?? `regretlab API: play(${JSON.stringify(result.scenario.id)}) then writeReport()`,
    version,
    ...(options.png !== undefined ? { png: options.png } : {})
  })
}
