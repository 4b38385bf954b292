// Runs the real CLI (bin/regretlab.js, as `npx regretlab` does) in a child process.
import { spawn, type ChildProcess } from "node:child_process"
import * as path from "node:path"
import { fileURLToPath } from "node:url"

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")
export const bin = path.join(repo, "bin", "regretlab.js")
export const fixture = (name: string) => path.join("test", "cli", "fixtures", name)

export interface CliResult {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
}

export interface Spawned {
  readonly child: ChildProcess
  readonly done: Promise<CliResult>
  /** Resolves when stderr has contained `text`. */
  readonly stderrIncludes: (text: string) => Promise<void>
}

export const start = (args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Spawned => {
  const env = { ...process.env, ...options.env }
  // A test must not inherit a forced bar from the shell that runs vitest.
  if (options.env?.REGRETLAB_PROGRESS === undefined) delete env.REGRETLAB_PROGRESS
  const child = spawn(process.execPath, [bin, ...args], { cwd: options.cwd ?? repo, env, stdio: ["ignore", "pipe", "pipe"] })
  let stdout = ""
  let stderr = ""
  const waiters: { text: string; resolve: () => void }[] = []
  child.stdout!.setEncoding("utf8").on("data", (d: string) => { stdout += d })
  child.stderr!.setEncoding("utf8").on("data", (d: string) => {
    stderr += d
    for (const w of waiters.splice(0)) if (stderr.includes(w.text)) w.resolve(); else waiters.push(w)
  })
  const done = new Promise<CliResult>((resolve, reject) => {
    child.on("error", reject)
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }))
  })
  const stderrIncludes = (text: string) =>
    new Promise<void>((resolve) => (stderr.includes(text) ? resolve() : waiters.push({ text, resolve })))
  return { child, done, stderrIncludes }
}

export const cli = (args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> =>
  start(args, options).done
