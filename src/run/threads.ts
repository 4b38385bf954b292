// Starting worker threads: every regretlab thread starts from thread-entry.js, which registers the
// TypeScript loader and then imports the module given here (a sweep worker, a run worker).
import { Worker } from "node:worker_threads"

const entry = new URL("./thread-entry.js", import.meta.url)

/** A worker thread running `module` (a .ts file URL); `data` arrives as workerData.data. */
export const startThread = (module: URL, data?: unknown, transferList?: readonly Transferable[]): Worker =>
  new Worker(entry, { workerData: { module: module.href, data }, ...(transferList ? { transferList: [...transferList] as never } : {}) })
