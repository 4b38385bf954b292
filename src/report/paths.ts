// Where a report goes. The default is <reportsRoot>/<scenario-id>; a relative --out is taken inside
// the reports folder too. Anything that would land outside that folder (`../../x`, an id with
// `..`) is refused, because writeReport replaces the target folder whole: only an absolute path the
// user typed may point elsewhere.
import * as fs from "node:fs/promises"
import * as path from "node:path"
import { UserError } from "../core/config/error.ts"

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/

const inside = (root: string, target: string): boolean => {
  const rel = path.relative(root, target)
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel)
}

export const resolveReportDir = (id: string, out: string | undefined, reportsRoot: string): string => {
  const root = path.resolve(reportsRoot)
  if (out !== undefined && out !== "") {
    if (out.includes("\0")) throw new UserError(`refusing --out ${JSON.stringify(out)}: it contains a NUL character`)
    if (path.isAbsolute(out)) {
      const target = path.resolve(out)
      if (target === path.parse(target).root) throw new UserError(`refusing --out ${JSON.stringify(out)}: a report cannot replace the filesystem root`)
      return target
    }
    const target = path.resolve(root, out)
    if (target === root) {
      throw new UserError(`refusing --out ${JSON.stringify(out)}: that is the reports folder ${root} itself, which holds every report; give a folder inside it (e.g. --out my-run) or an absolute path`)
    }
    if (!inside(root, target)) {
      throw new UserError(
        `refusing --out ${JSON.stringify(out)}: it resolves to ${target}, outside the reports folder ${root}. ` +
          "Give an absolute path if you really mean a folder elsewhere."
      )
    }
    return target
  }
  const segments = id.split("/")
  for (const s of segments) {
    if (!SEGMENT.test(s) || s.includes("..")) {
      throw new UserError(
        `refusing scenario id ${JSON.stringify(id)} as a report folder name: each "/"-separated part must start with a letter or digit ` +
          `and use only letters, digits, ".", "_" and "-" (no "..", no absolute path), so the report stays inside ${root}. Use --out to choose the folder.`
      )
    }
  }
  const target = path.resolve(root, ...segments)
  if (!inside(root, target)) throw new UserError(`refusing scenario id ${JSON.stringify(id)}: it resolves outside the reports folder ${root}`)
  return target
}

/** Marker file of a run report: an existing folder may be replaced only when it holds one (or nothing). */
export const RUN_REPORT_MARKER = "run.json"

/** An existing folder may be replaced only if it is a report we wrote (it holds `marker`), or empty. */
export const isReplaceable = (marker: string) => async (dir: string): Promise<boolean> => {
  const stat = await fs.stat(dir)
  if (!stat.isDirectory()) return false
  const names = await fs.readdir(dir)
  return names.length === 0 || names.includes(marker)
}

/**
 * Checked before a run starts, so a bad --out fails in a second rather than after the run: a
 * report folder that exists must be a regretlab report (or empty), and not a file.
 */
export const checkReportTarget = async (dir: string, marker = RUN_REPORT_MARKER): Promise<void> => {
  const stat = await fs.stat(dir).catch(() => undefined)
  if (stat === undefined) return
  if (!stat.isDirectory()) throw new UserError(`refusing --out ${dir}: it is a file; a report is a folder. Choose another --out.`)
  if (!(await isReplaceable(marker)(dir))) {
    throw new UserError(`refusing to replace ${dir}: it exists and is not a regretlab report (no ${marker}). Choose another --out or remove it.`)
  }
}
