#!/usr/bin/env node
// The `regretlab` command: the compiled CLI in dist/ (built by `npm run build`, which `prepare`
// runs on npm ci, on a git install and on npm pack). No TypeScript is compiled at start-up; a
// user's .ts scenario is compiled when it is loaded.
import { existsSync } from "node:fs"

const cli = new URL("../dist/lib/cli.js", import.meta.url)
if (!existsSync(cli)) {
  process.stderr.write("regretlab: the compiled CLI (dist/lib/cli.js) is missing; run `npm run build` in the package folder\n")
  process.exit(2)
}
// Stack traces of internal errors then point into src/ (shown with REGRETLAB_DEBUG=1).
if (process.env.REGRETLAB_DEBUG) process.setSourceMapsEnabled(true)
await import(cli.href)
