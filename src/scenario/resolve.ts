// From what a user wrote (a parsed JSON file or a defineScenario() object) to a ResolvedScenario:
// the Effect Schema checks structure and types, then the checks that need several fields at once
// (dimensions, start inside the domain, learner ranges, checkpoints within the horizon). Every
// failure is one ScenarioError naming the file, the path, the value and what was expected.
import { Result, Schema } from "effect"
import { AdversaryConfigError, adversaryKinds, createAdversary, validateAdversary } from "../core/adversary/index.ts"
import { createDomain, validateDomainConfig } from "../core/domain/index.ts"
import { LearnerConfigError, resolveLearner } from "../core/learner/resolve.ts"
import type { LabelledLearner, LearnerSpec } from "../core/learner/config.ts"
import type { Adversary, DomainConfig } from "../core/types.ts"
import { formatPath, ScenarioError, valueAt } from "./error.ts"
import { firstProblem, ScenarioFile } from "./schema.ts"
import type { AdversaryConfig, Expectation, ResolvedScenario, ScenarioInput } from "./types.ts"

export { defineScenario } from "./define.ts"

const decode = Schema.decodeUnknownResult(ScenarioFile, { onExcessProperty: "error", errors: "first" })

/** The data part of an input: functions (TS factories, custom step schedules) are not schema data. */
const dataView = (input: unknown): unknown => {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return input
  const { createAdversary: _factory, ...rest } = input as Record<string, unknown>
  if (!Array.isArray(rest.learners)) return rest
  return {
    ...rest,
    learners: rest.learners.map((l) => {
      const s = (l as Record<string, unknown> | null)?.stepSchedule as Record<string, unknown> | undefined
      if (s?.kind !== "custom") return l
      const { fn: _fn, ...named } = s
      return { ...(l as object), stepSchedule: named }
    })
  }
}

/** Metrics that need the final x vector recorded in rows. */
export const vectorMetrics: ReadonlySet<Expectation["metric"]> = new Set(["x", "xAvg"])

export const resolveScenario = (input: unknown, source: string): ResolvedScenario => {
  const decoded = decode(dataView(input))
  if (Result.isFailure(decoded)) {
    const problem = firstProblem(decoded.failure.issue)
    throw new ScenarioError(source, formatPath(problem.path), valueAt(input, problem.path), problem.expected)
  }
  const s = input as ScenarioInput
  const fail = (path: string, value: unknown, expected: string): never => {
    throw new ScenarioError(source, path, value, expected)
  }

  // Domain, then everything whose dimension must agree with it.
  let domainConfig: DomainConfig
  try {
    domainConfig = validateDomainConfig(s.domain)
  } catch (e) {
    const m = /^(domain[^:]*): expected (.*), got .*$/s.exec((e as Error).message)
    if (m === null) throw e
    const path = m[1]
    return fail(path, valueAt({ domain: s.domain }, path.replace(/\[(\d+)\]/g, ".$1").split(".")), m[2])
  }
  const domain = createDomain(domainConfig)
  const dim = domain.dim
  if (s.start.length !== dim) fail("start", s.start, `an array of ${dim} number${dim === 1 ? "" : "s"} (the domain dimension)`)
  if (!domain.contains(Float64Array.from(s.start))) fail("start", s.start, `a point inside the domain ${describeDomain(domainConfig)}`)

  let adversary: AdversaryConfig = s.adversary
  let sample: Adversary
  try {
    if (s.createAdversary !== undefined) sample = s.createAdversary(s.adversary, dim)
    else {
      adversary = validateAdversary(s.adversary, dim)
      sample = createAdversary(adversary, dim)
    }
  } catch (e) {
    if (e instanceof AdversaryConfigError) return fail(`adversary.${e.path}`, e.value, e.expected)
    return fail("adversary", s.adversary, `an adversary that can be built (${(e as Error).message})`)
  }
  if (sample.dim !== dim) fail("adversary", s.adversary, `an adversary of dimension ${dim} (the domain dimension), not ${sample.dim}`)

  const labels = new Set<string>()
  const learners: LabelledLearner[] = s.learners.map((spec, i) => {
    if (labels.has(spec.label)) fail(`learners[${i}].label`, spec.label, "a label no other learner uses")
    labels.add(spec.label)
    try {
      return resolveLearner(spec as LearnerSpec)
    } catch (e) {
      if (!(e instanceof LearnerConfigError)) throw e
      return fail(`learners[${i}].${e.field}`, e.value, e.expected)
    }
  })

  const horizon = s.horizon
  const seeds = s.seeds === undefined ? [1] : typeof s.seeds === "number" ? Array.from({ length: s.seeds }, (_, i) => i + 1) : [...s.seeds]
  if (new Set(seeds).size !== seeds.length) fail("seeds", s.seeds, "distinct seeds")
  const extra = s.checkpoints?.extra ?? []
  extra.forEach((t, i) => {
    if (t < 1 || t > horizon) fail(`checkpoints.extra[${i}]`, t, `a round in [1, ${horizon}] (the horizon)`)
  })

  const expectations = s.expectations ?? []
  expectations.forEach((x, i) => {
    if (!labels.has(x.learner)) fail(`expectations[${i}].learner`, x.learner, `one of the learner labels ${[...labels].map((l) => JSON.stringify(l)).join(", ")}`)
    if (x.coordinate !== undefined && x.coordinate >= dim) fail(`expectations[${i}].coordinate`, x.coordinate, `a coordinate in [0, ${dim - 1}]`)
    if (x.op === "near" && !(x.tolerance !== undefined && x.tolerance > 0)) fail(`expectations[${i}].tolerance`, x.tolerance, "a positive tolerance for \"near\"")
    if (x.metric === "pseudoAvgRegret" && sample.expectedLoss === undefined) {
      fail(`expectations[${i}].metric`, x.metric, "a metric this adversary reports (it declares no expected loss, so no pseudo-regret)")
    }
  })

  const entry = adversaryKinds.get(adversary.kind)
  return {
    id: s.id,
    title: s.title,
    citation: s.citation ?? "",
    description: s.description ?? (s.createAdversary === undefined && entry !== undefined ? entry.describe(adversary) : ""),
    notes: s.notes ?? [],
    domain: domainConfig,
    adversary,
    learners,
    horizon,
    start: [...s.start],
    seeds,
    checkpoints: { perDecade: s.checkpoints?.perDecade ?? 20, extra: [...extra] },
    expectations,
    ...(s.createAdversary !== undefined ? { createAdversary: s.createAdversary } : {}),
    source
  }
}

const describeDomain = (d: DomainConfig): string => {
  switch (d.kind) {
    case "box": return d.lower.length === 1 ? `[${d.lower[0]}, ${d.upper[0]}]` : `box [${d.lower.join(", ")}] to [${d.upper.join(", ")}]`
    case "ball": return `ball of radius ${d.radius} around [${d.center.length <= 4 ? d.center.join(", ") : `${d.center.length} coordinates`}]`
    case "simplex": return `probability simplex of dimension ${d.dim}`
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
