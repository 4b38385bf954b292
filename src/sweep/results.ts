// results.jsonl: one finished job per line, appended and fsync'd as each job ends, so a crash or
// Ctrl-C loses only the jobs in flight. A crash can leave a last line without its newline: readers
// ignore it and a resuming writer cuts it off before appending. sweep.json (the manifest) says
// which sweep the lines belong to; resume, shards and merge refuse results of another sweep.
import { randomBytes } from "node:crypto"
import * as fs from "node:fs"
import * as path from "node:path"
import type { SweepPlan } from "./definition.ts"
import type { JobRecord } from "./execute.ts"
import type { Shard } from "./jobs.ts"
import { fromJson } from "../report/data.ts"
import type { ResolvedScenario } from "../scenario/types.ts"
import { scenarioData, SweepInputError } from "./definition.ts"

export const MANIFEST = "sweep.json"
export const RESULTS = "results.jsonl"

/** results.jsonl, or results.shard-k-of-n.jsonl for a shard (shards may share one folder). */
export const resultsFileName = (shard: Shard | undefined): string => (shard === undefined ? RESULTS : `results.shard-${shard.k}-of-${shard.n}.jsonl`)

const RESULTS_FILE = /^results(\.shard-\d+-of-\d+)?\.jsonl$/

/** Non-finite numbers as {"$nonfinite": "NaN"}, as the report's data files write them. */
const replacer = (_key: string, value: unknown): unknown =>
  typeof value === "number" && !Number.isFinite(value) ? { $nonfinite: String(value) } : value

export const recordLine = (r: JobRecord): string => JSON.stringify(r, replacer) + "\n"

export interface ReadResults {
  readonly records: JobRecord[]
  /** Bytes up to the end of the last complete line. */
  readonly validBytes: number
  /** True when the file ended in a partial line (a crash mid-write), which was ignored. */
  readonly partial: boolean
}

export const readResults = (file: string): ReadResults => {
  if (!fs.existsSync(file)) return { records: [], validBytes: 0, partial: false }
  const buf = fs.readFileSync(file)
  const lastNewline = buf.lastIndexOf(0x0a)
  const validBytes = lastNewline + 1
  const records: JobRecord[] = []
  const text = buf.subarray(0, validBytes).toString("utf8")
  let lineNo = 0
  for (const line of text.split("\n")) {
    lineNo++
    if (line.trim() === "") continue
    let r: unknown
    try {
      r = fromJson(line)
    } catch {
      throw new SweepInputError(`${file}: line ${lineNo} is not valid JSON; the file was changed by something other than regretlab`)
    }
    const rec = r as Partial<JobRecord>
    if (typeof rec.id !== "string" || typeof rec.index !== "number" || (rec.status !== "ok" && rec.status !== "failed")) {
      throw new SweepInputError(`${file}: line ${lineNo} is not a sweep job record`)
    }
    records.push(rec as JobRecord)
  }
  return { records, validBytes, partial: validBytes < buf.length }
}

/** Appending to a results file failed (a full disk, say): the records before it are in the file. */
export class ResultsWriteError extends Error {
  override readonly name = "ResultsWriteError"
  constructor(readonly file: string, override readonly cause: unknown) {
    super(`cannot append to ${file}: ${cause instanceof Error ? cause.message : String(cause)}`)
  }
}

/** Appends records to a results file, each line written whole and fsync'd before the next. */
export class ResultsWriter {
  private constructor(private fd: number | undefined, readonly file: string) {}

  /** Opens for appending; a partial last line left by a crash is cut off first. */
  static open(file: string, validBytes?: number): ResultsWriter {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    if (validBytes !== undefined && fs.existsSync(file) && fs.statSync(file).size > validBytes) fs.truncateSync(file, validBytes)
    return new ResultsWriter(fs.openSync(file, "a"), file)
  }

  append(record: JobRecord): void {
    if (this.fd === undefined) throw new Error(`${this.file} is closed`)
    const bytes = Buffer.from(recordLine(record), "utf8")
    const start = fs.fstatSync(this.fd).size
    try {
      let off = 0
      while (off < bytes.length) off += fs.writeSync(this.fd, bytes, off, bytes.length - off)
      fs.fsyncSync(this.fd)
    } catch (e) {
      // Leave no partial line behind where it can be helped (a resume would cut it off anyway).
      try {
        fs.ftruncateSync(this.fd, start)
      } catch {
        /* the disk refuses even that: the reader drops a partial last line */
      }
      throw new ResultsWriteError(this.file, e)
    }
  }

  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd)
    this.fd = undefined
  }
}

/** Writes a file by temp + rename, so readers (and other shards) never see half of it. */
export const writeFileAtomic = (file: string, content: string): void => {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`
  fs.writeFileSync(tmp, content)
  fs.renameSync(tmp, file)
}

/** sweep.json: the plan and the base scenario as data. No time or shard, so every shard writes the same bytes. */
export interface Manifest {
  readonly tool: "regretlab"
  readonly kind: "sweep"
  readonly plan: SweepPlan
  readonly scenario: unknown
}

export const makeManifest = (plan: SweepPlan, base: ResolvedScenario): Manifest => ({ tool: "regretlab", kind: "sweep", plan, scenario: scenarioData(base) })

export const readManifest = (dir: string): Manifest | undefined => {
  const file = path.join(dir, MANIFEST)
  if (!fs.existsSync(file)) return undefined
  let m: Manifest
  try {
    m = JSON.parse(fs.readFileSync(file, "utf8")) as Manifest
  } catch (e) {
    throw new SweepInputError(`${file} is not valid JSON: ${(e as Error).message}`)
  }
  if (m?.tool !== "regretlab" || m.kind !== "sweep" || typeof m.plan?.fingerprint !== "string") throw new SweepInputError(`${file} is not a regretlab sweep manifest`)
  return m
}

/** Result files in a sweep folder (the merged file and any shard files). */
export const resultFiles = (dir: string): string[] =>
  fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => RESULTS_FILE.test(f)).sort().map((f) => path.join(dir, f)) : []

/**
 * Prepares a sweep folder: checks or writes the manifest and opens this run's results file.
 * Returns the ids already finished (resume) so they are skipped.
 */
export const openSweepDir = (
  dir: string,
  plan: SweepPlan,
  base: ResolvedScenario,
  options: { readonly shard?: Shard; readonly resume: boolean; readonly force: boolean }
): { writer: ResultsWriter; done: Set<string>; repaired: boolean } => {
  const file = path.join(dir, resultsFileName(options.shard))
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw new SweepInputError(`${dir} is a file; a sweep writes a folder (choose another --out)`)
  const existing = readManifest(dir)
  if (existing !== undefined && existing.plan.fingerprint !== plan.fingerprint && !options.force) {
    throw new SweepInputError(
      `${dir} holds results of a different sweep (${existing.plan.id}, another grid, seeds or scenario). ` +
        "Choose another --out, or pass --force to discard them."
    )
  }
  if (options.force) {
    // A shard starts its own file again; the other shards' results (maybe being written now) stay.
    for (const f of options.shard === undefined ? resultFiles(dir) : [file]) fs.rmSync(f, { force: true })
  }
  const prior = readResults(file)
  if (prior.records.length > 0 && !options.resume && !options.force) {
    throw new SweepInputError(`${file} already holds ${prior.records.length} finished job${prior.records.length === 1 ? "" : "s"}. Pass --resume to continue this sweep, or --force to start again.`)
  }
  if (existing === undefined || existing.plan.fingerprint !== plan.fingerprint) writeFileAtomic(path.join(dir, MANIFEST), JSON.stringify(makeManifest(plan, base), null, 1) + "\n")
  const done = new Set(prior.records.map((r) => r.id))
  return { writer: ResultsWriter.open(file, prior.validBytes), done, repaired: prior.partial }
}

export interface Merged {
  readonly manifest: Manifest
  /** One record per job, sorted by job index. */
  readonly records: JobRecord[]
  readonly missing: number
  readonly sources: readonly string[]
}

/**
 * Combines the results of shards (folders or results files; each folder's or file's sweep.json
 * must carry the same fingerprint). Duplicate jobs (a shard run twice) are kept once.
 */
export const collectResults = (inputs: readonly string[]): Merged => {
  if (inputs.length === 0) throw new SweepInputError("merge: give one or more sweep folders or results files")
  let manifest: Manifest | undefined
  let manifestFrom = ""
  const byId = new Map<string, JobRecord>()
  const sources: string[] = []
  for (const input of inputs) {
    if (!fs.existsSync(input)) throw new SweepInputError(`merge: ${input}: no such file or folder`)
    const isDir = fs.statSync(input).isDirectory()
    const dir = isDir ? input : path.dirname(input)
    const m = readManifest(dir)
    if (m === undefined) throw new SweepInputError(`merge: ${dir} has no ${MANIFEST}; it is not a sweep folder`)
    if (manifest === undefined) {
      manifest = m
      manifestFrom = dir
    } else if (m.plan.fingerprint !== manifest.plan.fingerprint) {
      throw new SweepInputError(`merge: ${dir} belongs to a different sweep than ${manifestFrom} (${m.plan.id} vs ${manifest.plan.id}, fingerprints differ)`)
    }
    const files = isDir ? resultFiles(input) : [input]
    for (const f of files) {
      sources.push(f)
      for (const r of readResults(f).records) if (!byId.has(r.id)) byId.set(r.id, r)
    }
  }
  const records = [...byId.values()].sort((a, b) => a.index - b.index)
  return { manifest: manifest!, records, missing: manifest!.plan.jobs - records.length, sources }
}

/** Writes the merged results.jsonl (sorted by job index) and sweep.json into dir, atomically each. */
export const writeMerged = (dir: string, merged: Merged): string => {
  const file = path.join(dir, RESULTS)
  writeFileAtomic(path.join(dir, MANIFEST), JSON.stringify(merged.manifest, null, 1) + "\n")
  writeFileAtomic(file, merged.records.map(recordLine).join(""))
  return file
}
