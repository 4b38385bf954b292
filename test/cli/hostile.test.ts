// Runs every row of the hostile-input database (hostile-inputs.ts) through the CLI in-process:
// the exit code, stderr as exactly one line naming what was wrong (or nothing at all), no stack
// trace, stdout as expected (empty for an input error), and nothing left behind — no temporary
// folder, no lock, no half-written report, no file the case did not ask for.
import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import * as path from "node:path"
import { describe, expect, it } from "vitest"
import { hostileInputs } from "./hostile-inputs.ts"
import { invoke } from "./in-process.ts"

/** Every entry under dir, as relative paths. */
const listing = (dir: string, prefix = ""): string[] =>
  readdirSync(dir).flatMap((name) => {
    const rel = prefix === "" ? name : `${prefix}/${name}`
    const full = path.join(dir, name)
    return statSync(full).isDirectory() ? [rel, ...listing(full, rel)] : [rel]
  })

const withEnv = async <A>(env: Readonly<Record<string, string | undefined>> | undefined, f: () => Promise<A>): Promise<A> => {
  if (env === undefined) return f()
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]))
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k]; else process.env[k] = v
  try {
    return await f()
  } finally {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v
  }
}

describe("the hostile-input database", () => {
  it("has at least 80 cases across every command and file kind, with distinct names", () => {
    expect(hostileInputs.length).toBeGreaterThanOrEqual(80)
    expect(new Set(hostileInputs.map((c) => c.name)).size).toBe(hostileInputs.length)
    expect(new Set(hostileInputs.map((c) => c.area))).toEqual(new Set(["cli", "run", "describe", "sweep", "merge", "report", "scenario file", "sweep file"]))
  })

  for (const c of hostileInputs) {
    it(`${c.area}: ${c.name}`, async () => {
      const dir = mkdtempSync(path.join(tmpdir(), "regretlab-hostile-"))
      for (const [name, content] of Object.entries(c.files ?? {})) {
        mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
        writeFileSync(path.join(dir, name), content)
      }
      await c.setup?.(dir)
      const before = listing(dir)
      const args = c.args.map((a) => a.replaceAll("{dir}", dir))
      const r = await withEnv(c.env, () => invoke(args))
      const shown = `${args.join(" ")}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`
      expect(r.code, shown).toBe(c.code)
      if (c.stderr === "") expect(r.stderr, shown).toBe("")
      else {
        expect(r.stderr, shown).toMatch(/^[^\n]+\n$/)
        expect(r.stderr.trimEnd(), shown).toMatch(c.stderr)
      }
      expect(r.stderr).not.toMatch(/\n\s+at |internal error|this is a bug/)
      if (c.stdout !== undefined) expect(r.stdout, shown).toMatch(c.stdout)
      else if (c.code === 2) expect(r.stdout, shown).toBe("")
      const after = listing(dir)
      const added = after.filter((p) => !before.includes(p))
      const allowed = (p: string) => (c.leaves ?? []).some((l) => p === l || p.startsWith(`${l}/`))
      expect(added.filter((p) => !allowed(p)), shown).toEqual([])
      expect(after.filter((p) => /(^|\/)\.(tmp|old)-|\.lock$/.test(p) && !before.includes(p)), shown).toEqual([])
    })
  }
})
