// Worker thread entry of `regretlab search`. Node 20 cannot load .ts, so this plain-JS entry
// registers tsx's ESM loader inside the worker, then loads the TypeScript worker (the same shim as
// the sweep's worker; the search worker loads only the numeric core and src/search).
import { register } from "tsx/esm/api"

register()
await import("./search-worker.ts")
