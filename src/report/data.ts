// The report's data files: data.json (the whole ScenarioResult minus functions, every double at
// full precision), data.csv (one line per checkpoint row) and run.json (config and provenance).
// JSON has no NaN or ±Infinity, and a diverged run has them, so they are written as
// {"$nonfinite": "NaN"} and read back as numbers.
import * as fs from "node:fs/promises"
import * as path from "node:path"
import { serialiseLearnerConfig } from "../core/learner/resolve.ts"
import type { ResolvedScenario, ScenarioResult } from "../scenario/types.ts"
import { csvField } from "./format.ts"
import { ConfigError, UserError } from "../core/config/error.ts"
import { checkResultShape } from "./result-shape.ts"
import { MAX_JSON_DEPTH, tooDeepAt } from "../scenario/json-depth.ts"
import { maxOf } from "../core/extent.ts"

const replacer = (_key: string, value: unknown): unknown =>
  typeof value === "number" && !Number.isFinite(value) ? { $nonfinite: String(value) } : value

const reviver = (_key: string, value: unknown): unknown => {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const keys = Object.keys(value)
    const v = (value as { $nonfinite?: unknown }).$nonfinite
    if (keys.length === 1 && (v === "NaN" || v === "Infinity" || v === "-Infinity")) return Number(v)
  }
  return value
}

export const toJson = (value: unknown): string => JSON.stringify(value, replacer, 1) + "\n"
export const fromJson = (text: string): unknown => JSON.parse(text, reviver)

/** The scenario as data: no adversary factory, custom step schedules by name only. */
export const serialiseScenario = (s: ResolvedScenario): Omit<ResolvedScenario, "createAdversary"> => {
  const { createAdversary: _factory, ...rest } = s
  return { ...rest, learners: s.learners.map((l) => ({ label: l.label, config: serialiseLearnerConfig(l.config) })) }
}

export const serialiseResult = (r: ScenarioResult): ScenarioResult => ({ ...r, scenario: serialiseScenario(r.scenario) })

export interface RunInfo {
  readonly tool: "regretlab"
  readonly version: string
  /** The exact command that regenerates this report. */
  readonly command: string
  readonly node: string
  readonly timestamp: string
  readonly scenario: Omit<ResolvedScenario, "createAdversary">
  readonly seeds: readonly number[]
  readonly completion: ScenarioResult["completion"]
}

export const runInfo = (r: ScenarioResult, command: string, version: string): RunInfo => ({
  tool: "regretlab",
  version,
  command,
  node: process.version,
  timestamp: new Date().toISOString(),
  scenario: serialiseScenario(r.scenario),
  seeds: r.scenario.seeds,
  completion: r.completion
})

const SCALARS = ["t", "cumLoss", "comparatorLoss", "comparatorGap", "regret", "avgRegret", "pseudoRegret", "distToComparator", "stepMin", "stepMean", "stepMax", "gammaMin", "gammaNegativeRounds"] as const
const VECTORS = ["x", "xAvg", "comparatorX"] as const

/**
 * Long-format CSV: learner, seed, status, then every row field; vectors as <name>_<i> columns, the
 * adversary's own metrics as metrics.<name> columns.
 */
export const rowsCsv = (r: ScenarioResult): string => {
  const width = (k: (typeof VECTORS)[number]) => maxOf(r.runs.flatMap((run) => run.rows.map((row) => row[k]?.length ?? 0)), 0)
  const widths = VECTORS.map(width)
  const named = [...new Set(r.runs.flatMap((run) => run.rows.flatMap((row) => Object.keys(row.metrics ?? {}))))]
  const head = ["learner", "seed", "status", ...SCALARS, ...VECTORS.flatMap((k, j) => Array.from({ length: widths[j] }, (_, i) => `${k}_${i}`)), ...named.map((m) => `metrics.${m}`)]
  const lines = [head.join(",")]
  for (const run of r.runs) {
    for (const row of run.rows) {
      const cells: (string | number | undefined)[] = [run.learner, run.seed, run.status.kind, ...SCALARS.map((k) => row[k])]
      VECTORS.forEach((k, j) => {
        for (let i = 0; i < widths[j]; i++) cells.push(row[k]?.[i])
      })
      for (const m of named) cells.push(row.metrics?.[m])
      lines.push(cells.map(csvField).join(","))
    }
  }
  return lines.join("\n") + "\n"
}

/** Reads back a report folder written by writeReport, for re-rendering without re-running. */
export const readReportData = async (dir: string): Promise<{ result: ScenarioResult; run: unknown }> => {
  const read = async (name: string): Promise<unknown> => {
    const file = path.join(dir, name)
    let text: string
    try {
      text = await fs.readFile(file, "utf8")
    } catch (e) {
      throw new UserError(`${dir} is not a regretlab report folder: cannot read ${name} (${(e as NodeJS.ErrnoException).code ?? String(e)})`)
    }
    const deep = tooDeepAt(text, MAX_JSON_DEPTH)
    if (deep >= 0) throw new UserError(`${file} is not a regretlab report file: its JSON nests more than ${MAX_JSON_DEPTH} levels deep (at offset ${deep})`)
    try {
      return fromJson(text)
    } catch (e) {
      throw new UserError(`${file} is not valid JSON: ${(e as Error).message.replace(/\s*\n\s*/g, " ")}`)
    }
  }
  const result = (await read("data.json")) as ScenarioResult
  try {
    checkResultShape(result)
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e
    throw new UserError(`${path.join(dir, "data.json")} does not hold a scenario result as regretlab writes it: ${e.message}`)
  }
  return { result, run: await read("run.json") }
}
