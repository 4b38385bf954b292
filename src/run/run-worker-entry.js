// Run-thread entry, under the TypeScript sources (tests, development). Node 20 cannot load .ts, so
// this plain-JS file registers tsx's ESM loader inside the thread, then loads the TypeScript run
// worker; effect is imported first, by Node's own loader (through tsx's hooks its modules load
// several times slower). In the compiled build, dist/lib/run-worker-entry.js is the run worker
// itself (scripts/build.mjs), so thread-runner.ts starts the same file name either way.
import "effect"
import { register } from "tsx/esm/api"

register()
await import("./thread-worker.ts")
