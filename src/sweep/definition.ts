// What a sweep is: a base scenario, fixed overrides, grid axes, learners, seeds and a verdict.
// It comes from a sweep file ({id, title, citation, scenario, grid, seeds, horizon?, verdict}), a
// `sweep` section in a scenario file, or a plain scenario plus --grid flags. Every source resolves
// to one SweepPlan, whose fingerprint decides whether results (resume, shards, merge) belong together.
import { createHash } from "node:crypto"
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { readFile } from "node:fs/promises"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { Result, Schema } from "effect"
import { serialiseScenario } from "../report/data.ts"
import { formatPath, ScenarioError, valueAt } from "../scenario/error.ts"
import { applyOverrides, getScenario, listScenarios, loadScenario, resolveScenario } from "../scenario/index.ts"
import { importUserModule } from "../scenario/load-module.ts"
import { parseScenarioJson } from "../scenario/registry.ts"
import { firstProblem } from "../scenario/schema.ts"
import type { BuiltinMetric, ResolvedScenario } from "../scenario/types.ts"
import { type Axis, type GridValue, makeAxis, mergeAxes, parseValues, pointCount } from "./grid.ts"
import { Finite, headerFields, Metric, NonNegativeInt, opt, PositiveInt, Text } from "../scenario/schema-parts.ts"
import { UserError } from "../core/config/error.ts"

/** A sweep input problem (unknown id, bad flag, bad file): the CLI turns it into exit 2. */
export class SweepInputError extends UserError {
  override readonly name = "SweepInputError"
}

export type VerdictMetric = BuiltinMetric

/** A job "converged" when metric op threshold holds on its final row (e.g. x ≤ −0.9). */
export interface Verdict {
  readonly metric: VerdictMetric
  readonly op: "<=" | ">="
  readonly threshold: number
  readonly why?: string
}

/** Known points of a boundary in axis units (e.g. RMSProp's β2 threshold per period C). */
export interface ReferenceCurve {
  readonly label: string
  readonly points: readonly Readonly<Record<string, number>>[]
}

export interface SweepPlan {
  readonly id: string
  readonly title: string
  readonly citation: string
  readonly description: string
  readonly notes: readonly string[]
  /** Registry id or absolute file path: what each worker loads. */
  readonly scenarioRef: string
  readonly scenarioId: string
  readonly learners: readonly string[]
  /** Fixed `key=value` overrides applied before each grid point's. */
  readonly set: readonly string[]
  readonly axes: readonly Axis[]
  readonly seeds: readonly number[]
  readonly verdict?: Verdict
  readonly references: readonly ReferenceCurve[]
  /** Hash of everything that changes a number: base scenario, overrides, axes, learners, seeds. */
  readonly fingerprint: string
  readonly jobs: number
}

const GridValues = Schema.Union([
  Schema.Array(Schema.Union([Schema.Number, Schema.String, Schema.Boolean])).check(Schema.isMinLength(1)),
  Schema.String
]).annotate({ expected: 'a non-empty list of values or a range string such as "0:0.95:20" or "0.9:0.9999:4:log1m"' })

const VerdictSchema = Schema.Struct({ metric: Metric, op: opt(Schema.Literals(["<=", ">="]).annotate({ expected: '"<=" or ">="' })), threshold: Finite, why: opt(Text) })

/** The parts a sweep file and a scenario's `sweep` section share. */
const sectionFields = {
  learners: opt(Schema.Array(Text).check(Schema.isMinLength(1))),
  set: opt(Schema.Record(Schema.String, Schema.Unknown)),
  grid: Schema.Record(Schema.String, GridValues),
  seeds: opt(Schema.Union([PositiveInt, Schema.Array(NonNegativeInt).check(Schema.isMinLength(1))]).annotate({ expected: "a positive integer or a non-empty list of seeds" })),
  horizon: opt(PositiveInt),
  verdict: opt(VerdictSchema),
  reference: opt(Schema.Array(Schema.Struct({ label: Text, points: Schema.Array(Schema.Record(Schema.String, Finite)) })))
}

export const SweepSection = Schema.Struct(sectionFields)

export const SweepFile = Schema.Struct({
  ...headerFields,
  scenario: Text,
  ...sectionFields
})

export type SweepFileType = typeof SweepFile.Type
export type SweepSectionType = typeof SweepSection.Type

const decodeWith = <S extends Schema.Top>(schema: S, input: unknown, source: string): S["Type"] => {
  const r = Schema.decodeUnknownResult(schema as never, { onExcessProperty: "error", errors: "first" })(input)
  if (Result.isFailure(r)) {
    const problem = firstProblem((r.failure as { issue: unknown }).issue)
    throw new ScenarioError(source, formatPath(problem.path), valueAt(input, problem.path), problem.expected)
  }
  return r.success as S["Type"]
}

export const decodeSweepFile = (input: unknown, source: string): SweepFileType => decodeWith(SweepFile, input, source)
export const decodeSweepSection = (input: unknown, source: string): SweepSectionType => decodeWith(SweepSection, input, `${source} (sweep section)`)

// ---------------------------------------------------------------------------------------------
// Built-in sweeps: scenarios/sweeps/*.json

const sweepsDir = fileURLToPath(new URL("../../scenarios/sweeps/", import.meta.url))

let builtinCache: ReadonlyMap<string, { file: string; def: SweepFileType }> | undefined

export const builtinSweeps = (): ReadonlyMap<string, { file: string; def: SweepFileType }> => {
  if (builtinCache !== undefined) return builtinCache
  const out = new Map<string, { file: string; def: SweepFileType }>()
  const files = existsSync(sweepsDir) ? readdirSync(sweepsDir).filter((f) => f.endsWith(".json")).sort() : []
  for (const f of files) {
    const shown = `scenarios/sweeps/${f}`
    const def = decodeSweepFile(parseScenarioJson(readFileSync(path.join(sweepsDir, f), "utf8"), shown), shown)
    if (out.has(def.id)) throw new Error(`duplicate sweep id "${def.id}" in ${out.get(def.id)!.file} and ${shown}`)
    out.set(def.id, { file: shown, def })
  }
  builtinCache = out
  return out
}

// ---------------------------------------------------------------------------------------------
// Base scenarios (also used inside workers)

const isFileRef = (ref: string): boolean => /\.(json|ts|mts|js|mjs)$/.test(ref)

/**
 * A registry id or a scenario file; a JSON scenario file may carry a `sweep` section, which is
 * not part of the scenario and is left out here.
 */
export const loadBaseScenario = async (ref: string): Promise<ResolvedScenario> => {
  if (ref.endsWith(".json") && existsSync(ref)) {
    const shown = path.relative(process.cwd(), ref) || ref
    const parsed = parseScenarioJson(await readFile(ref, "utf8"), shown)
    if (parsed !== null && typeof parsed === "object" && "sweep" in parsed) {
      const { sweep: _sweep, ...scenario } = parsed as Record<string, unknown>
      return resolveScenario(scenario, shown)
    }
  }
  return loadScenario(ref)
}

/** Where a sweep comes from before flags: its definition (if any) and the scenario reference. */
interface SweepSource {
  readonly scenarioRef: string
  readonly file?: SweepFileType
  readonly section?: SweepSectionType
  readonly where: string
}

const knownIds = (): string =>
  `built-in sweeps: ${[...builtinSweeps().keys()].join(", ")}; scenarios: ${listScenarios().map((s) => s.id).join(", ")}`

const loadSource = async (ref: string): Promise<SweepSource> => {
  const builtin = builtinSweeps().get(ref)
  if (builtin !== undefined) return { scenarioRef: builtin.def.scenario, file: builtin.def, where: builtin.file }
  if (!isFileRef(ref)) {
    if (getScenario(ref) === undefined) throw new SweepInputError(`${JSON.stringify(ref)} is neither a built-in sweep nor a scenario (${knownIds()}), nor a .json/.ts file`)
    return { scenarioRef: ref, where: ref }
  }
  const abs = path.resolve(ref)
  const shown = path.relative(process.cwd(), abs) || ref
  if (!existsSync(abs)) throw new SweepInputError(`${shown}: no such file`)
  if (abs.endsWith(".json")) {
    const parsed = parseScenarioJson(await readFile(abs, "utf8"), shown)
    const obj = (parsed ?? {}) as Record<string, unknown>
    if (typeof obj.scenario === "string" && "grid" in obj) {
      const def = decodeSweepFile(parsed, shown)
      // A scenario path inside a sweep file is relative to that file.
      const scenarioRef = isFileRef(def.scenario) ? path.resolve(path.dirname(abs), def.scenario) : def.scenario
      return { scenarioRef, file: def, where: shown }
    }
    if ("sweep" in obj) return { scenarioRef: abs, section: decodeSweepSection(obj.sweep, shown), where: shown }
    return { scenarioRef: abs, where: shown }
  }
  const mod = await importUserModule(abs, shown)
  if (mod.sweep !== undefined) return { scenarioRef: abs, section: decodeSweepSection(mod.sweep, shown), where: shown }
  return { scenarioRef: abs, where: shown }
}

export interface SweepFlags {
  /** `field=values` axes; they replace the file's axes of the same name. */
  readonly grid?: readonly string[]
  /** Extra fixed `key=value` overrides. */
  readonly set?: readonly string[]
  readonly seeds?: number | readonly number[]
  readonly horizon?: number
  readonly learners?: readonly string[]
  readonly verdict?: Verdict
}

const VERDICT = /^\s*(x|xAvg|avgRegret|regret|pseudoAvgRegret|distToComparator)\s*(<=|>=)\s*(\S+)\s*$/

export const parseVerdict = (text: string): Verdict => {
  const m = VERDICT.exec(text)
  const threshold = m === null ? NaN : Number(m[3])
  if (m === null || !Number.isFinite(threshold)) {
    throw new SweepInputError(`--verdict: expected <metric><=<number> or <metric>>=<number> with metric x, xAvg, avgRegret, regret, pseudoAvgRegret or distToComparator (e.g. "x<=-0.9"), got ${JSON.stringify(text)}`)
  }
  return { metric: m[1] as VerdictMetric, op: m[2] as "<=" | ">=", threshold }
}

const seedList = (s: number | readonly number[]): number[] => (typeof s === "number" ? Array.from({ length: s }, (_, i) => i + 1) : [...s])

const sha = (value: unknown): string => createHash("sha256").update(JSON.stringify(value)).digest("hex")

/** A scenario as data without where it was read from (so machines with other paths agree). */
export const scenarioData = (s: ResolvedScenario): unknown => {
  const { source: _source, ...rest } = serialiseScenario(s)
  return rest
}

/** Resolves a sweep reference plus flags into a plan; input problems throw SweepInputError/ScenarioError. */
export const resolveSweep = async (ref: string, flags: SweepFlags = {}): Promise<{ plan: SweepPlan; base: ResolvedScenario }> => {
  const src = await loadSource(ref)
  const def = src.file ?? src.section
  const base = await loadBaseScenario(src.scenarioRef)

  const fileAxes = Object.entries(def?.grid ?? {}).map(([name, values]) =>
    makeAxis(name, typeof values === "string" ? parseValues(values, `${src.where}: grid.${name}`) : (values as GridValue[]), `${src.where}: grid.${name}`)
  )
  const flagAxes = (flags.grid ?? []).map((g) => {
    const eq = g.indexOf("=")
    if (eq <= 0) throw new SweepInputError(`--grid: expected field=values (e.g. learners.adam.beta2=0.9,0.99,0.999), got ${JSON.stringify(g)}`)
    const name = g.slice(0, eq).trim()
    return makeAxis(name, parseValues(g.slice(eq + 1), `--grid ${name}`), `--grid ${name}`)
  })
  const axes = mergeAxes(fileAxes, flagAxes)
  if (axes.length === 0) throw new SweepInputError(`${src.where}: no grid; give at least one --grid field=values (e.g. --grid learners.${base.learners[0]?.label ?? "adam"}.beta2=0.9,0.99,0.999)`)

  const set = [
    ...Object.entries(def?.set ?? {}).map(([k, v]) => `${k}=${JSON.stringify(v)}`),
    ...(flags.set ?? []),
    ...(flags.horizon !== undefined ? [`horizon=${flags.horizon}`] : def?.horizon !== undefined ? [`horizon=${def.horizon}`] : [])
  ]
  for (const s of set) if (!s.includes("=")) throw new SweepInputError(`--set: expected key=value, got ${JSON.stringify(s)}`)
  const fixed = set.length > 0 ? applyOverrides(base, set) : base

  const learners = [...(flags.learners ?? def?.learners ?? fixed.learners.map((l) => l.label))]
  const labels = fixed.learners.map((l) => l.label)
  for (const l of learners) {
    if (!labels.includes(l)) throw new SweepInputError(`learners: no learner labelled ${JSON.stringify(l)} in ${fixed.id}; expected some of ${labels.join(", ")}`)
  }
  if (new Set(learners).size !== learners.length) throw new SweepInputError(`learners: a label is repeated in ${learners.join(",")}`)

  // Every axis value must be a valid override on its own (a bad field or value is an input error,
  // reported once here, not as hundreds of failed jobs).
  for (const axis of axes) {
    for (const v of axis.values) applyOverrides(fixed, axis.fields.map((f) => `${f}=${JSON.stringify(v)}`))
  }

  const seeds = flags.seeds !== undefined ? seedList(flags.seeds) : def?.seeds !== undefined ? seedList(def.seeds) : [...fixed.seeds]
  if (new Set(seeds).size !== seeds.length) throw new SweepInputError(`seeds: expected distinct seeds, got ${seeds.join(",")}`)

  const verdictDef = flags.verdict ?? (def?.verdict ? { metric: def.verdict.metric, op: def.verdict.op ?? "<=", threshold: def.verdict.threshold, ...(def.verdict.why ? { why: def.verdict.why } : {}) } : undefined)
  const references = (def?.reference ?? []).map((r) => ({ label: r.label, points: r.points.map((p) => ({ ...p })) }))

  const id = src.file?.id ?? `${base.id}-sweep`
  const fingerprint = sha({ scenario: scenarioData(base), set, axes: axes.map((a) => ({ fields: a.fields, values: a.values })), learners, seeds }).slice(0, 32)
  const plan: SweepPlan = {
    id,
    title: src.file?.title ?? `${fixed.title}: sweep over ${axes.map((a) => a.name).join(" × ")}`,
    citation: src.file?.citation ?? fixed.citation,
    description: src.file?.description ?? fixed.description,
    notes: src.file?.notes ?? [],
    scenarioRef: src.scenarioRef,
    scenarioId: base.id,
    learners,
    set,
    axes,
    seeds,
    ...(verdictDef !== undefined ? { verdict: verdictDef } : {}),
    references,
    fingerprint,
    jobs: pointCount(axes) * learners.length * seeds.length
  }
  return { plan, base: fixed }
}
