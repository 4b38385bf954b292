// From what a user wrote (a parsed JSON file or a defineScenario() object) to a ResolvedScenario:
// the Effect Schema checks structure and types, then the checks that need several fields at once
// (dimensions, start inside the domain, learner ranges, checkpoints within the horizon). Every
// failure is one ScenarioError naming the file, the path, the value and what was expected.
import { Result, Schema } from "effect"
import { createAdversary, describeAdversary, validateAdversary } from "../core/adversary/index.ts"
import { ConfigError } from "../core/config/error.ts"
import { createDomain, describeDomain, validateDomainConfig } from "../core/domain/index.ts"
import { checkLearnerDomain, checkLearnerStart, resolveLearner, type LabelledLearner } from "../core/learner/resolve.ts"
import type { Adversary, DomainConfig } from "../core/types.ts"
import { adversaryFactoryOf } from "./adversary-factory.ts"
import { formatPath, ScenarioError, valueAt } from "./error.ts"
import { firstProblem, scenarioFileSchema } from "./schema.ts"
import { runMetric } from "./run-metrics.ts"
import { metrics as builtinMetricNames } from "./schema-parts.ts"
import type { AdversaryConfig, BuiltinMetric, ResolvedScenario, ScenarioInput } from "./types.ts"

/** The data part of an input: functions (TS factories, custom step schedules) are not schema data. */
const dataView = (input: unknown): unknown => {
  if (Array.isArray(input)) return input.map(dataView)
  if (typeof input !== "object" || input === null) return input
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(input)) if (typeof value !== "function") out[key] = dataView(value)
  return out
}

/** Metrics that need the final x vector recorded in rows. */
export const vectorMetrics: ReadonlySet<string> = new Set<BuiltinMetric>(["x", "xAvg"])

/** The numbers every final row has (Expectation.metric may also name one the adversary reports). */
const builtinMetrics: ReadonlySet<string> = new Set<BuiltinMetric>(builtinMetricNames)

/** Runs a core validator; its ConfigError becomes a ScenarioError at `prefix` inside the file. */
const within = <A>(source: string, prefix: string, f: () => A): A => {
  try {
    return f()
  } catch (e) {
    if (e instanceof ConfigError && !(e instanceof ScenarioError)) throw ScenarioError.from(source, prefix, e)
    throw e
  }
}

export const resolveScenario = (input: unknown, source: string): ResolvedScenario => {
  const decoded = Schema.decodeUnknownResult(scenarioFileSchema(), { onExcessProperty: "error", errors: "first" })(dataView(input))
  if (Result.isFailure(decoded)) {
    const problem = firstProblem(decoded.failure.issue)
    throw new ScenarioError(source, formatPath(problem.path), valueAt(input, problem.path), problem.expected)
  }
  const given = input as ScenarioInput
  // A config built by linearAdversary() (or another factory helper) carries its own factory.
  const factory = given.createAdversary ?? adversaryFactoryOf(given.adversary)
  const s: ScenarioInput = factory === undefined ? given : { ...given, createAdversary: factory }
  const fail = (path: string, value: unknown, expected: string): never => {
    throw new ScenarioError(source, path, value, expected)
  }

  // Domain, then everything whose dimension must agree with it.
  const domainConfig: DomainConfig = within(source, "domain", () => validateDomainConfig(s.domain))
  const domain = createDomain(domainConfig)
  const dim = domain.dim
  if (s.start.length !== dim) fail("start", s.start, `an array of ${dim} number${dim === 1 ? "" : "s"} (the domain dimension)`)
  if (!domain.contains(Float64Array.from(s.start))) fail("start", s.start, `a point inside the domain ${describeDomain(domainConfig)}`)

  let adversary: AdversaryConfig = s.adversary
  let sample: Adversary
  if (s.createAdversary !== undefined) {
    try {
      sample = s.createAdversary(s.adversary, dim)
    } catch (e) {
      if (e instanceof ConfigError) throw ScenarioError.from(source, "adversary", e)
      return fail("adversary", s.adversary, `an adversary that can be built (${(e as Error).message})`)
    }
  } else {
    adversary = within(source, "adversary", () => validateAdversary(s.adversary, dim))
    sample = createAdversary(adversary, dim)
  }
  if (sample.dim !== dim) fail("adversary", s.adversary, `an adversary of dimension ${dim} (the domain dimension), not ${sample.dim}`)

  const labels = new Set<string>()
  const learners: LabelledLearner[] = s.learners.map((spec, i) => {
    if (labels.has(spec.label)) fail(`learners[${i}].label`, spec.label, "a label no other learner uses")
    labels.add(spec.label)
    const learner = within(source, `learners[${i}]`, () => {
      const resolved = resolveLearner(spec)
      checkLearnerDomain(resolved.config, domain)
      return resolved
    })
    within(source, "", () => checkLearnerStart(learner.config, domain, s.start))
    return learner
  })

  const horizon = s.horizon
  const seeds = s.seeds === undefined ? [1] : typeof s.seeds === "number" ? Array.from({ length: s.seeds }, (_, i) => i + 1) : [...s.seeds]
  if (new Set(seeds).size !== seeds.length) fail("seeds", s.seeds, "distinct seeds")
  const extra = s.checkpoints?.extra ?? []
  extra.forEach((t, i) => {
    if (t < 1 || t > horizon) fail(`checkpoints.extra[${i}]`, t, `a round in [1, ${horizon}] (the horizon)`)
  })

  const expectations = s.expectations ?? []
  const labelList = [...labels].map((l) => JSON.stringify(l)).join(", ")
  const reported = new Set((sample.metrics ?? []).map((m) => m.name))
  const partial = { adversary, learners }
  expectations.forEach((x, i) => {
    if (!labels.has(x.learner)) fail(`expectations[${i}].learner`, x.learner, `one of the learner labels ${labelList}`)
    if (x.than !== undefined && (!labels.has(x.than) || x.than === x.learner)) fail(`expectations[${i}].than`, x.than, `another learner's label (one of ${labelList}, not ${JSON.stringify(x.learner)})`)
    const derived = runMetric(x.metric)
    if (derived !== undefined) {
      for (const who of [x.learner, ...(x.than !== undefined ? [x.than] : [])]) {
        if (!derived.applies(partial, who)) fail(`expectations[${i}].metric`, x.metric, `a metric defined for ${JSON.stringify(who)} (${x.metric}: ${derived.title})`)
      }
    } else if (!builtinMetrics.has(x.metric) && !reported.has(x.metric)) {
      fail(`expectations[${i}].metric`, x.metric, `a built-in metric (${[...builtinMetrics].join(", ")})${reported.size > 0 ? ` or one this adversary reports (${[...reported].join(", ")})` : "; this adversary reports no metrics of its own"}`)
    }
    if (x.coordinate !== undefined && x.coordinate >= dim) fail(`expectations[${i}].coordinate`, x.coordinate, `a coordinate in [0, ${dim - 1}]`)
    if (x.op === "near" && !(x.tolerance !== undefined && x.tolerance > 0)) fail(`expectations[${i}].tolerance`, x.tolerance, "a positive tolerance for \"near\"")
    if (x.metric === "pseudoAvgRegret" && sample.expectedLoss === undefined) {
      fail(`expectations[${i}].metric`, x.metric, "a metric this adversary reports (it declares no expected loss, so no pseudo-regret)")
    }
  })

  return {
    id: s.id,
    title: s.title,
    citation: s.citation ?? "",
    description: s.description ?? (s.createAdversary === undefined ? describeAdversary(adversary) : ""),
    notes: s.notes ?? [],
    domain: domainConfig,
    adversary,
    learners,
    horizon,
    start: [...s.start],
    seeds,
    checkpoints: { perDecade: s.checkpoints?.perDecade ?? 20, extra: [...extra] },
    // Every resolved claim says which seeds it is about: on every seed unless the file says "mean".
    expectations: expectations.map((e) => ({ ...e, over: e.over ?? "all" })),
    ...(s.createAdversary !== undefined ? { createAdversary: s.createAdversary } : {}),
    source
  }
}

/** A resolved scenario back in input form (full learner configs), e.g. to apply overrides or replay. */
export const toScenarioInput = (s: ResolvedScenario): ScenarioInput => ({
  id: s.id,
  title: s.title,
  citation: s.citation,
  description: s.description,
  notes: s.notes,
  domain: s.domain,
  adversary: s.adversary,
  ...(s.createAdversary !== undefined ? { createAdversary: s.createAdversary } : {}),
  learners: s.learners.map((l) => ({ ...l.config, label: l.label })),
  horizon: s.horizon,
  start: s.start,
  seeds: s.seeds,
  checkpoints: s.checkpoints,
  expectations: s.expectations
})

/** Identity with types: what a TypeScript scenario file exports (`export default defineScenario({...})`). */
export const defineScenario = <const S extends ScenarioInput>(input: S): S => input

/** True for what resolveScenario returns (every learner resolved, seeds listed, source known). */
export const isResolvedScenario = (s: ScenarioInput | ResolvedScenario): s is ResolvedScenario =>
  "source" in s && typeof s.source === "string" && Array.isArray(s.seeds) && s.learners.every((l) => "config" in l)

/** A scenario as given (resolved, or an input to resolve now with `source` naming it in errors). */
export const asResolvedScenario = (s: ScenarioInput | ResolvedScenario, source?: string): ResolvedScenario =>
  isResolvedScenario(s) ? s : resolveScenario(s, source ?? (typeof s?.id === "string" ? s.id : "scenario"))
