// Every example shown by --help works when pasted: each runs (in a fresh folder, in the order
// help lists them, so `report` finds the run before it) and exits 0.
import { execFile } from "node:child_process"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import * as path from "node:path"
import { describe, expect, it } from "vitest"
import { cli as tree } from "../../src/cli/commands.ts"
import { bin } from "./run-cli.ts"

const examples = [...new Set([tree, ...tree.subcommands.flatMap((g) => g.commands)].flatMap((c) => c.examples.map((e) => e.command)))]
const cwd = mkdtempSync(path.join(tmpdir(), "regretlab-examples-"))

const paste = (line: string) =>
  new Promise<{ code: number; stderr: string }>((resolve) => {
    // `npx regretlab` is this checkout's bin, as it is after the README's install command.
    const command = line.replace(/^npx regretlab /, `${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} `)
    const env = { ...process.env }
    delete env.REGRETLAB_PROGRESS
    execFile("sh", ["-c", command], { cwd, env, maxBuffer: 1 << 28 }, (error, _stdout, stderr) =>
      resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : -1, stderr })
    )
  })

describe("--help examples", () => {
  it("exist for every command and start with npx regretlab", () => {
    expect(examples.length).toBeGreaterThanOrEqual(6)
    for (const line of examples) expect(line).toMatch(/^npx regretlab /)
  })

  for (const line of examples) {
    it(line, async () => {
      const r = await paste(line)
      expect(r.code, r.stderr).toBe(0)
    })
  }
})
