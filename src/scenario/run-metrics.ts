// Numbers computed from a whole run after it ends (all its rows and its learner's config), where a
// checkpoint metric (Adversary.metrics) sees one point only. Expectations and summaries use them by
// name like any other metric; each says for which learners of which scenarios it is defined.
import { flowGaps, adamHyperOf, flowWindowOf, type FlowGapOutcome } from "./flow-gaps.ts"
import type { LearnerRun, ResolvedScenario } from "./types.ts"

export interface RunMetric {
  readonly name: string
  readonly title: string
  /** Defined for this learner of this scenario (decided from the configs alone). */
  applies(s: Pick<ResolvedScenario, "adversary" | "learners">, learner: string): boolean
  /** Its value for one finished run (NaN when the run cannot give it). */
  compute(s: ResolvedScenario, run: LearnerRun): number
}

const gapCache = new WeakMap<LearnerRun, FlowGapOutcome>()
const gapsOf = (s: ResolvedScenario, run: LearnerRun): FlowGapOutcome => {
  let g = gapCache.get(run)
  if (g === undefined) gapCache.set(run, (g = flowGaps(s, run)))
  return g
}

const flowMetric = (name: string, title: string, pick: (o: { plainMax: number; modifiedMax: number }) => number): RunMetric => ({
  name,
  title,
  applies: (s, learner) => {
    const config = s.learners.find((l) => l.label === learner)?.config
    return flowWindowOf(s) !== undefined && config !== undefined && adamHyperOf(config) !== undefined
  },
  compute: (s, run) => {
    const o = gapsOf(s, run)
    return o.ok ? pick(o.gaps) : NaN
  }
})

export const runMetrics: readonly RunMetric[] = [
  flowMetric("flowGapPlain", "max ‖θ_k − θ̃(kh)‖∞ over the flow window against the plain flow (O(h))", (g) => g.plainMax),
  flowMetric("flowGapModified", "max ‖θ_k − θ̃(kh)‖∞ over the flow window against the modified flow (O(h²))", (g) => g.modifiedMax),
  flowMetric("log2FlowGapPlain", "log₂ of flowGapPlain: halving h lowers it by the order, 1", (g) => Math.log2(g.plainMax)),
  flowMetric("log2FlowGapModified", "log₂ of flowGapModified: halving h lowers it by the order, 2", (g) => Math.log2(g.modifiedMax))
]

const byName = new Map(runMetrics.map((m) => [m.name, m]))

/** The run metric of this name, if there is one. */
export const runMetric = (name: string): RunMetric | undefined => byName.get(name)

/** The run metrics defined for a learner of a scenario. */
export const runMetricsFor = (s: Pick<ResolvedScenario, "adversary" | "learners">, learner: string): readonly RunMetric[] => runMetrics.filter((m) => m.applies(s, learner))
