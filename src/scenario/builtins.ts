// The TypeScript scenarios shipped in scenarios/, imported statically (file name → input).
// JSON scenarios need no entry here: the registry reads every scenarios/*.json.
import adamwDecoupled from "../../scenarios/adamw-decoupled.ts"
import bockWeiss from "../../scenarios/bock-weiss-cycle.ts"
import convexRidge from "../../scenarios/convex-ridge.ts"
import lecture from "../../scenarios/lecture-period3.ts"
import biasFlow from "../../scenarios/implicit-bias-flow.ts"
import biasGrid from "../../scenarios/implicit-bias-grid.ts"
import biasStep from "../../scenarios/implicit-bias-step.ts"
import ball100 from "../../scenarios/projection-ball100.ts"
import wilson from "../../scenarios/wilson-overparameterised.ts"
import theorem1 from "../../scenarios/reddi2018-theorem1.ts"
import theorem2 from "../../scenarios/reddi2018-theorem2.ts"
import type { ScenarioInput } from "./types.ts"

export const builtinModules: ReadonlyArray<readonly [string, ScenarioInput]> = [
  ["reddi2018-theorem1.ts", theorem1],
  ["reddi2018-theorem2.ts", theorem2],
  ["lecture-period3.ts", lecture],
  ["bock-weiss-cycle.ts", bockWeiss],
  ["projection-ball100.ts", ball100],
  ["implicit-bias-grid.ts", biasGrid],
  ["implicit-bias-step.ts", biasStep],
  ["implicit-bias-flow.ts", biasFlow],
  ["wilson-overparameterised.ts", wilson],
  ["convex-ridge.ts", convexRidge],
  ["adamw-decoupled.ts", adamwDecoupled]
]
