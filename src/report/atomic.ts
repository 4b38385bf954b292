// Atomic folder writes: everything goes into a hidden sibling folder, which is renamed into place
// only when complete. rename(2) within one filesystem is atomic, so a reader (or a crash) sees the
// old folder or the new one, never a half-written report. An existing folder is renamed away,
// the new one renamed in, then the old one deleted; if the swap fails, the old one is put back.
import { randomBytes } from "node:crypto"
import * as fs from "node:fs/promises"
import * as path from "node:path"
import { UserError } from "../core/config/error.ts"

export type WriteFile = (name: string, content: string | Uint8Array) => Promise<void>

const TMP = ".tmp-"
const OLD = ".old-"

const exists = async (p: string): Promise<boolean> => fs.access(p).then(() => true, () => false)

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM"
  }
}

/** Removes leftovers of writes to the same target whose process died (e.g. killed mid-write). */
const sweepStale = async (parent: string, base: string): Promise<void> => {
  const names = await fs.readdir(parent).catch(() => [] as string[])
  for (const name of names) {
    for (const prefix of [TMP, OLD]) {
      const m = name.startsWith(`${prefix}${base}-`) ? /-(\d+)-[0-9a-f]+$/.exec(name) : null
      if (m && !alive(Number(m[1]))) await fs.rm(path.join(parent, name), { recursive: true, force: true })
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
  await sweepStale(parent, base)
  if ((await exists(target)) && !(await canReplace(target))) {
    throw new UserError(`refusing to replace ${target}: it exists and is not a regretlab report (no run.json). Choose another --out or remove it.`)
  }
  const tag = `${process.pid}-${randomBytes(4).toString("hex")}`
  const tmp = path.join(parent, `${TMP}${base}-${tag}`)
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
  }
}
