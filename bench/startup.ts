// (f) Start-up of the compiled command: the median of 10 runs each of `regretlab --version` and
// `regretlab list`, minus the median of `node -e 0` measured in the same rounds (interleaved, so
// all three see the same machine load). The JavaScript in dist/ is rebuilt first so the numbers
// are those of the current sources.
import { spawnSync } from "node:child_process"
import { fileURLToPath } from "node:url"

const root = fileURLToPath(new URL("..", import.meta.url))
const bin = fileURLToPath(new URL("../bin/regretlab.js", import.meta.url))

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2
}

/** Wall seconds of one child process (spawn cost included; it cancels in the differences). */
const timed = (args: readonly string[]): number => {
  const start = process.hrtime.bigint()
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] })
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  if (r.status !== 0) throw new Error(`node ${args.join(" ")} exited ${r.status}: ${r.stderr}`)
  return seconds
}

export interface StartupResult {
  readonly node: number
  readonly version: number
  readonly list: number
}

export const benchStartup = (runs = 10): StartupResult => {
  const build = spawnSync(process.execPath, ["scripts/build.mjs", "--no-types"], { cwd: root, encoding: "utf8" })
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`)
  timed([bin, "--version"]) // warm the file cache
  const node: number[] = [], version: number[] = [], list: number[] = []
  for (let i = 0; i < runs; i++) {
    node.push(timed(["-e", "0"]))
    version.push(timed([bin, "--version"]))
    list.push(timed([bin, "list"]))
  }
  const base = median(node)
  return { node: base, version: median(version) - base, list: median(list) - base }
}

export const startupLine = (r: StartupResult): string =>
  `(f) start-up, median of 10 minus node -e 0 (${r.node.toFixed(3)} s): regretlab --version ${r.version.toFixed(3)} s, regretlab list ${r.list.toFixed(3)} s (target ≤ 0.25 s each)`

// `node --import tsx/esm bench/startup.ts` runs it alone.
if (import.meta.url === `file://${process.argv[1]}`) console.log(startupLine(benchStartup()))
