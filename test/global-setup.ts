// Before the suite: rebuild the JavaScript in dist/ from the current sources, so the tests that
// spawn bin/regretlab.js (as `npx regretlab` runs it) test what this checkout would ship.
import { spawnSync } from "node:child_process"
import { fileURLToPath } from "node:url"

export default function setup(): void {
  const root = fileURLToPath(new URL("..", import.meta.url))
  const r = spawnSync(process.execPath, ["scripts/build.mjs", "--no-types"], { cwd: root, encoding: "utf8" })
  if (r.status !== 0) throw new Error(`npm run build failed:\n${r.stdout}${r.stderr}`)
}
