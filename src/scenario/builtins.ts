// The built-in scenarios: exactly the files listed here (TS modules and JSON files in scenarios/),
// bundled with the package. Nothing else in scenarios/ is read, so a draft saved there cannot
// break a run; a test checks that every scenario file in the folder is listed.
import adamwDecoupled from "../../scenarios/adamw-decoupled.ts"
import bockWeiss from "../../scenarios/bock-weiss-cycle.ts"
import convexRidge from "../../scenarios/convex-ridge.ts"
import dereich from "../../scenarios/dereich-asymmetric-noise.json" with { type: "json" }
import egExperts from "../../scenarios/eg-experts.json" with { type: "json" }
import ftrlLazyGreedy from "../../scenarios/ftrl-lazy-vs-greedy.json" with { type: "json" }
import biasFlow from "../../scenarios/implicit-bias-flow.ts"
import biasGrid from "../../scenarios/implicit-bias-grid.ts"
import biasStep from "../../scenarios/implicit-bias-step.ts"
import lecture from "../../scenarios/lecture-period3.ts"
import logistic from "../../scenarios/logistic-online.json" with { type: "json" }
import onsLogistic from "../../scenarios/ons-logistic.json" with { type: "json" }
import ball100 from "../../scenarios/projection-ball100.ts"
import online from "../../scenarios/reddi2018-online.json" with { type: "json" }
import stochastic from "../../scenarios/reddi2018-stochastic.json" with { type: "json" }
import theorem1 from "../../scenarios/reddi2018-theorem1.ts"
import theorem2 from "../../scenarios/reddi2018-theorem2.ts"
import theorem3 from "../../scenarios/reddi2018-theorem3.json" with { type: "json" }
import wilson from "../../scenarios/wilson-overparameterised.ts"
import type { ScenarioInput } from "./types.ts"

/** The TypeScript built-ins: file name in scenarios/ → the module's default export. */
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

/** The JSON built-ins, by file name: file name in scenarios/ → the parsed document. */
export const builtinJson: ReadonlyArray<readonly [string, unknown]> = [
  ["dereich-asymmetric-noise.json", dereich],
  ["eg-experts.json", egExperts],
  ["ftrl-lazy-vs-greedy.json", ftrlLazyGreedy],
  ["logistic-online.json", logistic],
  ["ons-logistic.json", onsLogistic],
  ["reddi2018-online.json", online],
  ["reddi2018-stochastic.json", stochastic],
  ["reddi2018-theorem3.json", theorem3]
]

/** Every built-in in the registry's order: the TS modules, then the JSON files. */
export const builtinFiles: ReadonlyArray<readonly [string, unknown]> = [...builtinModules, ...builtinJson]
