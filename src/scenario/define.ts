// defineScenario lives in a module of its own: the built-in scenarios import it, and the registry
// imports them, so it must not sit behind index.ts (that would be an import cycle).
import type { ScenarioInput } from "./types.ts"

/** Identity, for type checking and editor help in scenarios/*.ts. */
export const defineScenario = (input: ScenarioInput): ScenarioInput => input
