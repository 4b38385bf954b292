// The report's data files: data.json (the whole ScenarioResult minus functions, every double at
// full precision), data.csv (one line per checkpoint row) and run.json (config and provenance).
// JSON has no NaN or ±Infinity, and a diverged run has them, so they are written as
// {"$nonfinite": "NaN"} and read back as numbers.
import * as fsSync from "node:fs"
import * as fs from "node:fs/promises"
import * as path from "node:path"
import { serialiseLearnerConfig } from "../core/learner/resolve.ts"
import type { ResolvedScenario, ScenarioResult } from "../scenario/types.ts"
import { csvField } from "./format.ts"
import { UserError } from "../core/config/error.ts"

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

/** When and with what a report was drawn again from its saved data (`regretlab report`). */
export interface Rendering {
  readonly timestamp: string
  readonly version: string
  readonly node: string
}

export interface RunInfo {
  readonly tool: "regretlab"
  /** regretlab's version, Node and the time of the run that made the data. */
  readonly version: string
  /** The exact command that regenerates this report. */
  readonly command: string
  readonly node: string
  readonly timestamp: string
  readonly scenario: Omit<ResolvedScenario, "createAdversary">
  readonly seeds: readonly number[]
  readonly completion: ScenarioResult["completion"]
  /** The last time the report was re-rendered from this data, if it was. */
  readonly rerendered?: Rendering
}

export const rendering = (version: string): Rendering => ({ timestamp: new Date().toISOString(), version, node: process.version })

/**
 * run.json: for a new run, this run's provenance; when re-rendering, the original run's (its
 * command, time, version and Node) with the re-rendering recorded beside it.
 */
export const runInfo = (r: ScenarioResult, command: string, version: string, previous?: unknown): RunInfo => {
  const p = (previous ?? {}) as Partial<Record<keyof RunInfo, unknown>>
  const text = (v: unknown, fallback: string) => (typeof v === "string" ? v : fallback)
  return {
    tool: "regretlab",
    version: text(p.version, version),
    command: text(p.command, command),
    node: text(p.node, process.version),
    timestamp: text(p.timestamp, new Date().toISOString()),
    scenario: serialiseScenario(r.scenario),
    seeds: r.scenario.seeds,
    completion: r.completion,
    ...(previous !== undefined ? { rerendered: rendering(version) } : {})
  }
}

const SCALARS = ["t", "cumLoss", "comparatorLoss", "comparatorGap", "regret", "avgRegret", "avgRegretLo", "avgRegretHi", "pseudoRegret", "distToComparator", "stepMin", "stepMean", "stepMax", "gammaMin", "gammaMinLo", "gammaMinHi", "gammaNegativeRounds"] as const
const VECTORS = ["x", "xLo", "xHi", "xAvg", "comparatorX"] as const

/**
 * Long-format CSV: learner, seed, status, then every row field; vectors as <name>_<i> columns, the
 * adversary's own metrics as metrics.<name> columns.
 */
export const rowsCsv = (r: ScenarioResult): string => {
  const width = (k: (typeof VECTORS)[number]) => Math.max(0, ...r.runs.flatMap((run) => run.rows.map((row) => row[k]?.length ?? 0)))
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
export const readReportData = async (dir: string): Promise<{ result: ScenarioResult; run: unknown; companions: readonly ScenarioResult[] }> => {
  const read = async (name: string): Promise<unknown> => {
    const file = path.join(dir, name)
    let text: string
    try {
      text = await fs.readFile(file, "utf8")
    } catch (e) {
      throw new UserError(`${dir} is not a regretlab report folder: cannot read ${name} (${(e as NodeJS.ErrnoException).code ?? String(e)})`)
    }
    try {
      return fromJson(text)
    } catch (e) {
      throw new UserError(`${file} is not valid JSON: ${(e as Error).message}`)
    }
  }
  const result = (await read("data.json")) as ScenarioResult
  if (!result || typeof result !== "object" || !result.scenario || !Array.isArray(result.runs) || !Array.isArray(result.summary)) {
    throw new UserError(`${path.join(dir, "data.json")} does not hold a scenario result (expected scenario, runs and summary)`)
  }
  const companions = fsSync.existsSync(path.join(dir, COMPANIONS)) ? ((await read(COMPANIONS)) as ScenarioResult[]) : []
  return { result, run: await read("run.json"), companions }
}

/** The other scenarios' results a report's paper figures drew on (see figures.ts). */
export const COMPANIONS = "companions.json"
