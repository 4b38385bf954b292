// The flags of `regretlab search`, read into a search request: the learner (kind, preset, --set
// overrides as in `run`), the family, the domain (interval, box:d, ball:d or a JSON config), the
// budget (a time or a number of candidates) and the grid of a failure-region map. A region file
// (scenarios/searches/*.json) holds the same flags as data, so a built-in map is one file.
import { existsSync, readdirSync, readFileSync } from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { UserError } from "../core/config/error.ts"
import type { LearnerSpec } from "../core/learner/resolve.ts"
import type { DomainConfig } from "../core/types.ts"
import { familyNames, type FamilyName } from "../search/families.ts"
import type { RegionAxis } from "../search/region.ts"
import type { SearchRequest } from "../search/request.ts"
import { parseValue, setPath } from "../scenario/overrides.ts"
import type { RegionHeader } from "../search-run/text.ts"
import { parseBudget, type Budget } from "../search-run/run.ts"
import { parseGridFlag } from "../sweep/grid.ts"

/** Flag values as typed (on the command line, or as strings in a region file). */
export interface SearchFlagValues {
  readonly learner?: string
  readonly preset?: string
  readonly set: readonly string[]
  readonly family?: string
  readonly domain?: string
  readonly start?: string
  readonly horizon?: string
  readonly periodMin?: string
  readonly periodMax?: string
  readonly gradientBound?: string
  readonly budget?: string
  readonly seed?: string
  readonly seeds?: string
  readonly grid: readonly string[]
}

const INTEGER = /^[0-9][0-9_]*$|^[0-9](\.[0-9]+)?e[0-9]+$/i

const integer = (flag: string, text: string, min: number): number => {
  const n = INTEGER.test(text.trim()) ? Number(text.trim().replace(/_/g, "")) : NaN
  if (!(Number.isSafeInteger(n) && n >= min)) throw new UserError(`--${flag}: expected an integer ≥ ${min}, got ${JSON.stringify(text)}`)
  return n
}

const positive = (flag: string, text: string): number => {
  const n = text.trim() === "" ? NaN : Number(text.trim())
  if (!(Number.isFinite(n) && n > 0)) throw new UserError(`--${flag}: expected a number > 0, got ${JSON.stringify(text)}`)
  return n
}

/** "interval" ([−1, 1]), "box:d" ([−1, 1]^d), "ball:d" (the unit ball in R^d), or a JSON domain config. */
export const parseDomain = (text: string): DomainConfig => {
  const t = text.trim()
  if (t === "interval") return { kind: "box", lower: [-1], upper: [1] }
  const m = /^(box|ball):([0-9]+)$/.exec(t)
  if (m !== null) {
    const d = integer("domain", m[2], 1)
    return m[1] === "box" ? { kind: "box", lower: new Array<number>(d).fill(-1), upper: new Array<number>(d).fill(1) } : { kind: "ball", center: new Array<number>(d).fill(0), radius: 1 }
  }
  if (t.startsWith("{")) {
    try {
      const v: unknown = JSON.parse(t)
      if (typeof v === "object" && v !== null && !Array.isArray(v)) return v as DomainConfig
    } catch {
      /* reported below */
    }
  }
  throw new UserError(`--domain: expected interval, box:d, ball:d or a JSON domain config like {"kind":"ball","center":[0,0],"radius":2}, got ${JSON.stringify(text)}`)
}

/** "0" or "0.5,-0.25": x_1. */
export const parseStart = (text: string): number[] => {
  const parts = text.split(",").map((s) => s.trim())
  const xs = parts.map(Number)
  if (parts.some((s) => s === "") || !xs.every(Number.isFinite)) throw new UserError(`--start: expected comma-separated numbers (x_1), got ${JSON.stringify(text)}`)
  return xs
}

const parseSeeds = (text: string): number[] => {
  if (text.includes(",")) return text.split(",").filter((s) => s.trim() !== "").map((s) => integer("seeds", s, 0))
  const n = integer("seeds", text, 1)
  return Array.from({ length: n }, (_, i) => i + 1)
}

/** The learner spec: kind, preset, and each --set key=value (JSON values; a.b sets a nested field; "learner." may prefix the key). */
export const learnerSpecOf = (kind: string, preset: string | undefined, sets: readonly string[]): LearnerSpec => {
  let spec: Record<string, unknown> = { kind, ...(preset !== undefined ? { preset } : {}) }
  for (const s of sets) {
    const eq = s.indexOf("=")
    const key = s.slice(0, Math.max(eq, 0)).trim().replace(/^learner\./, "")
    if (eq <= 0 || key === "" || key.split(".").some((k) => k === "")) throw new UserError(`--set: expected field=value for a field of the learner (e.g. beta2=0.99), got ${JSON.stringify(s)}`)
    if (key === "kind" || key === "preset") throw new UserError(`--set ${s}: give the learner's ${key} with --${key === "kind" ? "learner" : "preset"}`)
    spec = setPath(spec, key.split("."), parseValue(s.slice(eq + 1).trim())) as Record<string, unknown>
  }
  return spec as LearnerSpec
}

export interface ParsedFlags {
  readonly request: SearchRequest
  readonly budget: Budget
  /** Failure-region axes (empty for a single search). */
  readonly axes: readonly RegionAxis[]
}

/** Reads the flag values into a request (the learner still unresolved), a budget and the grid. */
export const parseSearchFlags = (v: SearchFlagValues): ParsedFlags => {
  if (v.learner === undefined || v.learner.trim() === "") throw new UserError("--learner: give the learner to search against, e.g. --learner adam (see `regretlab list`)")
  const family = (v.family ?? "periodic").trim()
  if (!familyNames.includes(family as FamilyName)) throw new UserError(`--family: expected one of ${familyNames.join(", ")}, got ${JSON.stringify(v.family)}`)
  const axes: RegionAxis[] = v.grid.map((g) => {
    const axis = parseGridFlag(g)
    if (axis.fields.length > 1) throw new UserError(`--grid ${axis.name}: one field per axis in a search grid`)
    return { name: axis.fields[0], values: axis.values }
  })
  if (axes.length > 2) throw new UserError(`--grid: at most two axes (a map), got ${axes.length}`)
  if (new Set(axes.map((a) => a.name)).size !== axes.length) throw new UserError("--grid: the same field on two axes")
  const budget = parseBudget(v.budget ?? (axes.length > 0 ? "2000" : "60s"))
  if (axes.length > 0 && budget.kind !== "candidates") throw new UserError(`--budget: a grid needs a number of candidates per cell (so every cell's outcome is reproducible), got ${JSON.stringify(budget.text)}`)
  const request: SearchRequest = {
    learner: learnerSpecOf(v.learner.trim(), v.preset?.trim(), v.set),
    family: family as FamilyName,
    ...(v.domain !== undefined ? { domain: parseDomain(v.domain) } : {}),
    ...(v.start !== undefined ? { start: parseStart(v.start) } : {}),
    horizon: v.horizon !== undefined ? integer("horizon", v.horizon, 10) : 100_000,
    ...(v.periodMin !== undefined ? { periodMin: integer("period-min", v.periodMin, 1) } : {}),
    ...(v.periodMax !== undefined ? { periodMax: integer("period-max", v.periodMax, 1) } : {}),
    ...(v.gradientBound !== undefined ? { gradientBound: positive("gradient-bound", v.gradientBound) } : {}),
    ...(v.seed !== undefined ? { seed: integer("seed", v.seed, 0) } : {}),
    ...(v.seeds !== undefined ? { seeds: parseSeeds(v.seeds) } : {})
  }
  return { request, budget, axes }
}

/** A failure-region map as a file: its header and the flags it runs with. */
export interface RegionFile extends RegionHeader {
  readonly flags: SearchFlagValues
  readonly source: string
}

const regionDir = fileURLToPath(new URL("../../scenarios/searches/", import.meta.url))

/** The built-in region files by id. */
export const builtinRegions = (): RegionFile[] =>
  existsSync(regionDir) ? readdirSync(regionDir).filter((f) => f.endsWith(".json")).sort().map((f) => readRegion(path.join(regionDir, f), `scenarios/searches/${f}`)) : []

const FLAG_KEYS: Record<string, keyof SearchFlagValues> = {
  learner: "learner", preset: "preset", set: "set", family: "family", domain: "domain", start: "start", horizon: "horizon",
  "period-min": "periodMin", "period-max": "periodMax", "gradient-bound": "gradientBound", budget: "budget", seed: "seed", seeds: "seeds", grid: "grid"
}

const readRegion = (file: string, shown: string): RegionFile => {
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(file, "utf8"))
  } catch (e) {
    throw new UserError(`${shown}: not a JSON region file (${e instanceof Error ? e.message : String(e)})`)
  }
  const o = raw as Record<string, unknown>
  const text = (k: string, required: boolean): string | undefined => {
    const v = o[k]
    if (v === undefined && !required) return undefined
    if (typeof v !== "string" || v === "") throw new UserError(`${shown}: ${k}: expected a non-empty string, got ${JSON.stringify(v)}`)
    return v
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new UserError(`${shown}: expected an object with id, title and flags`)
  for (const k of Object.keys(o)) if (!["id", "title", "description", "notes", "flags"].includes(k)) throw new UserError(`${shown}: unknown field ${JSON.stringify(k)} (expected id, title, description, notes, flags)`)
  const flagsRaw = o.flags
  if (typeof flagsRaw !== "object" || flagsRaw === null || Array.isArray(flagsRaw)) throw new UserError(`${shown}: flags: expected an object of search flags (learner, set, grid, budget, …)`)
  const flags: Record<string, unknown> = { set: [], grid: [] }
  for (const [k, v] of Object.entries(flagsRaw)) {
    const key = FLAG_KEYS[k]
    if (key === undefined) throw new UserError(`${shown}: flags.${k}: not a flag of regretlab search (expected one of ${Object.keys(FLAG_KEYS).join(", ")})`)
    if (key === "set" || key === "grid") {
      if (!Array.isArray(v) || !v.every((x) => typeof x === "string")) throw new UserError(`${shown}: flags.${k}: expected an array of strings`)
      flags[key] = v
    } else if (typeof v === "string" || typeof v === "number") flags[key] = String(v)
    else throw new UserError(`${shown}: flags.${k}: expected a string or a number, got ${JSON.stringify(v)}`)
  }
  const notes = o.notes
  if (notes !== undefined && !(Array.isArray(notes) && notes.every((n) => typeof n === "string"))) throw new UserError(`${shown}: notes: expected an array of strings`)
  return { id: text("id", true)!, title: text("title", true)!, description: text("description", false) ?? "", notes: (notes as string[] | undefined) ?? [], flags: flags as unknown as SearchFlagValues, source: shown }
}

/** A built-in region id or a path to a region file. */
export const loadRegion = (ref: string): RegionFile => {
  if (ref.endsWith(".json")) {
    const file = path.resolve(ref)
    if (!existsSync(file)) throw new UserError(`${ref}: no such region file`)
    return readRegion(file, path.relative(process.cwd(), file) || ref)
  }
  const all = builtinRegions()
  const found = all.find((r) => r.id === ref)
  if (found === undefined) throw new UserError(`region: expected a built-in region (${all.map((r) => r.id).join(", ") || "none"}) or a path to a .json region file, got ${JSON.stringify(ref)}`)
  return found
}

/** The region file's flags with the command line's on top (--set adds, --grid replaces the grid). */
export const mergeFlags = (file: SearchFlagValues, cli: SearchFlagValues): SearchFlagValues => {
  const out: Record<string, unknown> = { ...file }
  for (const [k, v] of Object.entries(cli)) {
    if (k === "set") out.set = [...file.set, ...(v as string[])]
    else if (k === "grid") out.grid = (v as string[]).length > 0 ? v : file.grid
    else if (v !== undefined) out[k] = v
  }
  return out as unknown as SearchFlagValues
}
