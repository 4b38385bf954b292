// The scenario layer: definitions (TS and JSON), validation, the built-in registry, run planning
// and summaries. Other layers import from here only.
export { ScenarioError } from "./error.ts"
export { defineScenario, resolveScenario, toScenarioInput } from "./resolve.ts"
export { planRuns, type RunPlan } from "./plan.ts"
export { summarise, expectationText, spread } from "./summarise.ts"
export { runScenarioSync } from "./run.ts"
export { trend } from "./trend.ts"
export type * from "./types.ts"
export { applyOverrides } from "./overrides.ts"
export { getScenario, listScenarios, loadScenario } from "./registry.ts"
export { scenarioJsonSchema } from "./json-schema.ts"
