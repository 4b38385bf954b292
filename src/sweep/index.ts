// Sweeps: parameter grids over a scenario, run on worker threads, streamed to results.jsonl,
// shardable across machines and merged back; heatmaps and line charts in a report.
export { type Axis, GridError, type GridValue, makeAxis, parseGridFlag, parseValues, pointCount } from "./grid.ts"
export { builtinSweeps, loadBaseScenario, parseVerdict, resolveSweep, SweepFile, SweepInputError, SweepSection } from "./definition.ts"
export type { ReferenceCurve, SweepFlags, SweepPlan, Verdict } from "./definition.ts"
export { inShard, type Job, jobAt, jobId, parseShard, pendingJobs, type Shard, shardSize } from "./jobs.ts"
export { type JobRecord, runJob } from "./execute.ts"
export { defaultWorkers, runInline, WorkerPool } from "./pool.ts"
export { collectResults, type Manifest, type Merged, readManifest, readResults, ResultsWriter, writeMerged } from "./results.ts"
export { runSweep, type RunSweepOptions, type RunSweepOutcome } from "./run.ts"
export { type PointSummary, summariseSweep, type SweepSummary } from "./summary.ts"
export { buildSweepCharts } from "./charts.ts"
export { writeSweepReport } from "./report.ts"
