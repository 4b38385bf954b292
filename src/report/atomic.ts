// Atomic folder writes: everything goes into a hidden sibling folder, which is renamed into place
// only when complete. rename(2) within one filesystem is atomic, so a reader (or a crash) sees the
// old folder or the new one, never a half-written report. An existing folder is renamed away,
// the new one renamed in, then the old one deleted; if the swap fails, the old one is put back.
// A process that exits part-way (a second Ctrl-C) removes its temporary folder on exit; one that
// is killed outright leaves it for the next write into the same parent folder to remove.
import { randomBytes } from "node:crypto"
import { existsSync, renameSync, rmSync } from "node:fs"
import * as fs from "node:fs/promises"
import * as path from "node:path"
import { UserError } from "../core/config/error.ts"

export type WriteFile = (name: string, content: string | Uint8Array) => Promise<void>

const TMP = ".tmp-"
const OLD = ".old-"

const exists = async (p: string): Promise<boolean> => fs.access(p).then(() => true, () => false)

/** Whether a process of this machine is running (EPERM: it is, under another user). */
export const processAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM"
  }
}

const LEFTOVER = /^\.(tmp|old)-(.+)-(\d+)-[0-9a-f]{8}$/

/**
 * Removes leftovers in `parent` of writes whose process died (killed mid-write: SIGKILL, a
 * crash), whatever folder they were for. A previous report that was moved aside and never
 * replaced (the process died between the two renames) is put back instead.
 */
const sweepStale = async (parent: string): Promise<void> => {
  const names = await fs.readdir(parent).catch(() => [] as string[])
  for (const name of names) {
    const m = LEFTOVER.exec(name)
    if (m === null || processAlive(Number(m[3]))) continue
    const leftover = path.join(parent, name)
    if (m[1] === "old" && !(await exists(path.join(parent, m[2])))) await fs.rename(leftover, path.join(parent, m[2])).catch(() => {})
    else await fs.rm(leftover, { recursive: true, force: true })
  }
}

/** Writes in progress in this process: an exit without finishing (a second Ctrl-C) cleans them up. */
const inProgress = new Map<string, { readonly target: string; old?: string }>()
let exitHook = false
const cleanUpOnExit = (): void => {
  for (const [tmp, w] of inProgress) {
    try {
      rmSync(tmp, { recursive: true, force: true })
      if (w.old !== undefined && existsSync(w.old)) {
        if (existsSync(w.target)) rmSync(w.old, { recursive: true, force: true })
        else renameSync(w.old, w.target)
      }
    } catch {
      /* exiting: nothing more can be done; the next write in this folder removes what is left */
    }
  }
}

/**
 * Runs fill() against a fresh temporary folder, then moves it to target. `canReplace` decides
 * whether an existing target may be replaced (so a typo'd --out never deletes someone's folder).
 */
export const writeDirAtomic = async (
  target: string,
  fill: (write: WriteFile, dir: string) => Promise<void>,
  canReplace: (existing: string) => Promise<boolean>
): Promise<void> => {
  const parent = path.dirname(target)
  const base = path.basename(target)
  await fs.mkdir(parent, { recursive: true })
  await sweepStale(parent)
  if ((await exists(target)) && !(await canReplace(target))) {
    throw new UserError(`refusing to replace ${target}: it exists and is not a regretlab report (no run.json). Choose another --out or remove it.`)
  }
  const tag = `${process.pid}-${randomBytes(4).toString("hex")}`
  const tmp = path.join(parent, `${TMP}${base}-${tag}`)
  const progress: { readonly target: string; old?: string } = { target }
  inProgress.set(tmp, progress)
  if (!exitHook) {
    exitHook = true
    process.on("exit", cleanUpOnExit)
  }
  await fs.mkdir(tmp)
  try {
    const write: WriteFile = async (name, content) => {
      const file = path.join(tmp, name)
      await fs.mkdir(path.dirname(file), { recursive: true })
      await fs.writeFile(file, content)
    }
    await fill(write, tmp)
    if (await exists(target)) {
      const old = path.join(parent, `${OLD}${base}-${tag}`)
      progress.old = old
      await fs.rename(target, old)
      try {
        await fs.rename(tmp, target)
      } catch (e) {
        await fs.rename(old, target)
        throw e
      }
      await fs.rm(old, { recursive: true, force: true })
    } else {
      await fs.rename(tmp, target)
    }
  } catch (e) {
    await fs.rm(tmp, { recursive: true, force: true })
    throw e
  } finally {
    inProgress.delete(tmp)
  }
}
