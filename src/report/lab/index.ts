// The charts of full-batch (lab) scenarios, in reading order; none for any other scenario.
import type { ScenarioResult } from "../../scenario/types.ts"
import type { ChartSpec } from "../charts.ts"
import { biasCharts } from "./bias.ts"
import { flowChart } from "./flow.ts"
import { generalizationCharts } from "./generalization.ts"

export const labCharts = (result: ScenarioResult): ChartSpec[] => {
  if (result.scenario.adversary.kind !== "full-batch") return []
  const flow = flowChart(result)
  return [...biasCharts(result), ...(flow === undefined ? [] : [flow]), ...generalizationCharts(result)]
}
