// Worker thread entry of a search, in src/ (under tsx or vitest): Node 20 cannot load .ts, so this
// plain-JS entry registers tsx's ESM loader inside the worker, then loads the TypeScript worker.
// The build compiles search-worker.ts itself to dist/lib/search-worker-entry.js, the name the pool starts.
import { register } from "tsx/esm/api"

register()
await import("./search-worker.ts")
