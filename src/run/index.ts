// The run layer: Effect services that execute plans (Runner), report progress (Progress) and
// accept a stop request (StopSignal).
export { RunInputError, Runner, runnerLayer, RunSetupError } from "./runner.ts"
export type { Completion, ExecuteOptions, RunBatch, RunnablePlan, RunnerShape } from "./runner.ts"
export { Progress, recordingProgress, silentProgressLayer, snapshotAt } from "./progress.ts"
export type { ProgressShape, ProgressSnapshot } from "./progress.ts"
export { progressBarLayer, renderProgressLine } from "./progress-bar.ts"
export { makeStopFlag, neverStopLayer, StopSignal, stopSignalLayer } from "./stop.ts"
export type { StopFlag, StopSignalShape } from "./stop.ts"
