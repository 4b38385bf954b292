// A sweep folder is written by one sweep at a time. Each results file (results.jsonl, or a shard's
// results.shard-k-of-n.jsonl) has a lock file next to it, created exclusively (O_EXCL), holding
// the owner's pid, host, start time and command. A second sweep into the same file is refused with
// a message naming the holder; shards of one sweep (same n) may share a folder, but an unsharded
// sweep and shards, or shards of different n, may not. A lock is stale, and taken over, when its
// process is gone: on this host, when no process has its pid (a crash, a SIGKILL); from another
// host (a shared file system: a cluster node, a Kubernetes pod), when it has not been refreshed
// for STALE_AFTER_MS — the owner touches it every HEARTBEAT_MS. Locks are removed on release and,
// for a process that exits without releasing (a second Ctrl-C), by an exit handler.
import * as fs from "node:fs"
import { hostname } from "node:os"
import * as path from "node:path"
import { processAlive } from "../report/atomic.ts"
import { SweepInputError } from "./definition.ts"

export interface LockOwner {
  readonly pid: number
  readonly host: string
  readonly started: string
  readonly command: string
}

const LOCK = /^(results(?:\.shard-\d+-of-(\d+))?\.jsonl)\.lock$/

/** How often a holder refreshes its lock's modification time. */
export const HEARTBEAT_MS = 15_000
/** A lock from another host not refreshed for this long belongs to a process that is gone. */
export const STALE_AFTER_MS = 120_000

/** The lock file of a results file. */
export const lockFileOf = (resultsFile: string): string => `${resultsFile}.lock`

const readOwner = (file: string): LockOwner | undefined => {
  try {
    const o = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<LockOwner>
    return typeof o.pid === "number" && typeof o.host === "string" ? { pid: o.pid, host: o.host, started: String(o.started ?? "?"), command: String(o.command ?? "?") } : undefined
  } catch {
    return undefined
  }
}

/** Gone: on this host, no process with its pid; from another host, not refreshed for STALE_AFTER_MS. */
const isStale = (o: LockOwner | undefined, file: string): boolean => {
  if (o !== undefined && o.host === hostname()) return !processAlive(o.pid)
  const mtime = fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs
  return mtime !== undefined && Date.now() - mtime > STALE_AFTER_MS
}

const describeOwner = (o: LockOwner | undefined): string =>
  o === undefined ? "a process whose lock file cannot be read" : `pid ${o.pid} on ${o.host}, since ${o.started} (${o.command})`

/** Lock files still in force, by the results file they guard. */
const liveLocks = (dir: string): { file: string; results: string; n?: number; owner: LockOwner | undefined }[] => {
  const names = fs.existsSync(dir) ? fs.readdirSync(dir) : []
  return names.flatMap((name) => {
    const m = LOCK.exec(name)
    if (m === null) return []
    const file = path.join(dir, name)
    const owner = readOwner(file)
    if (isStale(owner, file)) {
      fs.rmSync(file, { force: true })
      return []
    }
    return [{ file, results: m[1], ...(m[2] !== undefined ? { n: Number(m[2]) } : {}), owner }]
  })
}

const held = new Set<string>()
let exitHook = false

/** A lock held by this process, refreshed while held, released once. */
export class SweepLock {
  private released = false
  private readonly heartbeat: NodeJS.Timeout
  private constructor(readonly file: string) {
    this.heartbeat = setInterval(() => {
      const now = new Date()
      try {
        fs.utimesSync(file, now, now)
      } catch {
        /* gone or unwritable: the next sweep decides from what is there */
      }
    }, HEARTBEAT_MS)
    // The heartbeat never keeps a finished process alive.
    this.heartbeat.unref()
  }

  /**
   * Takes the lock of `resultsFile` in `dir` for this process. `shards` is n for a shard (its
   * siblings of the same n may run alongside), undefined for an unsharded sweep or a merge.
   */
  static acquire(dir: string, resultsFile: string, shards?: number): SweepLock {
    fs.mkdirSync(dir, { recursive: true })
    const file = path.join(dir, lockFileOf(resultsFile))
    const me: LockOwner = { pid: process.pid, host: hostname(), started: new Date().toISOString(), command: ["regretlab", ...process.argv.slice(2)].join(" ") }
    for (let attempt = 0; ; attempt++) {
      try {
        fs.writeFileSync(file, JSON.stringify(me) + "\n", { flag: "wx" })
        break
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e
        const owner = readOwner(file)
        if (isStale(owner, file) && attempt === 0) {
          fs.rmSync(file, { force: true })
          continue
        }
        throw new SweepInputError(
          `${dir} is being written by another sweep (${describeOwner(owner)}); wait for it to finish or choose another --out. ` +
            `If that process is gone, delete ${file}.`
        )
      }
    }
    const lock = new SweepLock(file)
    held.add(file)
    if (!exitHook) {
      exitHook = true
      // A process that ends without releasing (process.exit on a second Ctrl-C) still removes its locks.
      process.on("exit", () => {
        for (const f of held) if (readOwner(f)?.pid === process.pid) fs.rmSync(f, { force: true })
      })
    }
    // Shards of one n may share the folder; anything else writing it conflicts.
    const others = liveLocks(dir).filter((l) => l.file !== file)
    const conflict = others.find((l) => shards === undefined || l.n !== shards)
    if (conflict !== undefined) {
      lock.release()
      throw new SweepInputError(
        `${dir} is being written by another sweep (${describeOwner(conflict.owner)}, writing ${conflict.results}); wait for it to finish or choose another --out. ` +
          `If that process is gone, delete ${conflict.file}.`
      )
    }
    return lock
  }

  release(): void {
    if (this.released) return
    this.released = true
    clearInterval(this.heartbeat)
    held.delete(this.file)
    if (readOwner(this.file)?.pid === process.pid) fs.rmSync(this.file, { force: true })
  }
}

/** Refuses when any sweep is still writing one of these folders (merge reads them whole). */
export const assertNotBeingWritten = (dirs: readonly string[]): void => {
  for (const dir of dirs) {
    const live = liveLocks(dir).filter((l) => !held.has(l.file))
    if (live.length > 0) {
      throw new SweepInputError(`${dir} is still being written (${describeOwner(live[0].owner)}, writing ${live[0].results}); merge when it has finished. If that process is gone, delete ${live[0].file}.`)
    }
  }
}
