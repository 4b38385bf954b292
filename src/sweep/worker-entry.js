// Worker thread entry. Node 20 cannot load .ts, and `execArgv: ["--import", "tsx"]` does not reach
// a worker's loader (ERR_UNKNOWN_FILE_EXTENSION under `npx tsx`), so this plain-JS entry registers
// tsx's ESM loader inside the worker, then loads the TypeScript worker. effect is imported first,
// by Node's own loader: through tsx's hooks its hundreds of modules take ~3 s per worker, this
// way ~0.8 s (later imports of "effect" from .ts files hit the module cache).
import "effect"
import { register } from "tsx/esm/api"

register()
await import("./worker.ts")
