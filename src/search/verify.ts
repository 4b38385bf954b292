// Before a found sequence is reported it is played again to 10T through the framework's game — the
// code `regretlab run` runs — by the target, AMSGrad (the contrast) and AdaGrad, and the certificate
// is read from those runs. The same runs give the scenario file: the adversary, the three learners,
// horizon 10T, and expectations that encode the certificate (the target's R_t/t at 10T at least
// decay × its value at T and above the floor; AMSGrad's at most its value at T over contrastDrop).
// When the search itself played the scalar loop, its certificate is cross-checked against the game's.
import { logCheckpoints } from "../core/checkpoints.ts"
import type { LearnerConfig } from "../core/learner/learner.ts"
import { describeLearner } from "../core/learner/registry.ts"
import { serialiseLearnerConfig } from "../core/learner/resolve.ts"
import type { Expectation, ScenarioInput } from "../scenario/types.ts"
import { adagradFor } from "./contrast.ts"
import type { Evaluate, GameQuery, Rows } from "./evaluate.ts"
import { periodOf } from "./families.ts"
import { averageRegretAt, regretAt, type Certificate } from "./objective.ts"
import { certificateOf, resolveSpec, type Certified, type Found, type ResolvedSetting, type SearchSpec } from "./search.ts"

/** A learner of the verification run and its part in it. */
export interface Contender {
  readonly label: string
  readonly config: LearnerConfig
  readonly role: "target" | "contrast" | "comparison"
}

/** One contender's runs (one per seed), rows at the scenario's checkpoints up to 10T. */
export interface ContenderRuns {
  readonly label: string
  readonly role: Contender["role"]
  readonly runs: readonly Rows[]
}

export interface CheckedExpectation {
  readonly expectation: Expectation
  /** The value of each seed's final row. */
  readonly observed: readonly number[]
  readonly holds: boolean
}

export interface Verification {
  /** The scenario file (`regretlab run` takes it as it is): expectations only when certified. */
  readonly scenario: ScenarioInput
  readonly runs: readonly ContenderRuns[]
  /** The certificate read from the game's runs. */
  readonly certificate: Certificate
  /** The certificate holds, and so do the expectations written for it. */
  readonly certified: boolean
  readonly expectations: readonly CheckedExpectation[]
  /** When the search certified the sequence: whether its numbers (scalar loop or game) agree with the game's here. */
  readonly crossCheck?: { readonly agrees: boolean; readonly maxRelativeDifference: number }
}

export interface VerifyOptions {
  /** Scenario id; default search/<kind>-<family>-seed<seed>. */
  readonly id?: string
  /** The command that found it, for the scenario's notes. */
  readonly command?: string
}

/** The same learner: kind and every field (the preset's name aside). */
const sameLearner = (a: LearnerConfig, b: LearnerConfig): boolean => {
  if (a.kind !== b.kind) return false
  const sa = serialiseLearnerConfig(a) as Record<string, unknown>, sb = serialiseLearnerConfig(b) as Record<string, unknown>
  const keys = new Set([...Object.keys(sa), ...Object.keys(sb)].filter((k) => k !== "preset"))
  return [...keys].every((k) => JSON.stringify(sa[k]) === JSON.stringify(sb[k]))
}

/**
 * The target (labelled by its kind, or "target" when a comparison has that label), AMSGrad and
 * AdaGrad; a comparison identical to the target is not played twice.
 */
export const contendersFor = (spec: SearchSpec, setting: ResolvedSetting = resolveSpec(spec)): Contender[] => {
  const comparisons: Contender[] = [
    { label: "amsgrad", config: setting.contrast, role: "contrast" },
    { label: "adagrad", config: adagradFor(spec.learner), role: "comparison" }
  ].filter((c) => !sameLearner(c.config, spec.learner)) as Contender[]
  const label = comparisons.some((c) => c.label === spec.learner.kind) ? "target" : spec.learner.kind
  return [{ label, config: spec.learner, role: "target" }, ...comparisons]
}

/** The seeds the scenario runs: the search's i.i.d. seeds, or seed 1 for an oblivious sequence. */
const scenarioSeeds = (setting: ResolvedSetting): readonly number[] => (setting.seeds.length > 0 ? setting.seeds : [1])

/** The rounds recorded: 20 per decade up to 10T, and T/10 and T. */
export const verificationRounds = (horizon: number): number[] => logCheckpoints(10 * horizon, 20, [Math.round(horizon / 10), horizon])

/** The games of the verification: one per contender, through the framework's game. */
export const verificationQueries = (spec: SearchSpec, found: Found, setting: ResolvedSetting = resolveSpec(spec)): GameQuery[] =>
  contendersFor(spec, setting).map((c) => ({
    learner: c.config, adversary: found.adversary, domain: setting.domain, start: setting.start,
    rounds: verificationRounds(spec.horizon), seeds: scenarioSeeds(setting), engine: true
  }))

const short = (v: number): string => String(Number(v.toPrecision(4)))

const relativeDifference = (a: number, b: number): number => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)))

const holdsFor = (e: Expectation, v: number): boolean => (e.op === ">=" ? v >= e.value : e.op === "<=" ? v <= e.value : Math.abs(v - e.value) <= (e.tolerance ?? 0))

/** The verification from the rows of verificationQueries (in the same order). */
export const verificationOf = (spec: SearchSpec, found: Found | Certified, results: readonly (readonly Rows[])[], options: VerifyOptions = {}, setting: ResolvedSetting = resolveSpec(spec)): Verification => {
  const contenders = contendersFor(spec, setting)
  const T = spec.horizon, GD = setting.G * setting.D
  const runs: ContenderRuns[] = contenders.map((c, i) => ({ label: c.label, role: c.role, runs: results[i] }))
  const target = runs[0]
  // An AMSGrad target is its own contrast.
  const contrast = runs.find((r) => r.role === "contrast") ?? target
  const certificate = certificateOf(spec, setting, target.runs, contrast.runs)
  const measure = setting.measure
  const metric = measure === "regret" ? "avgRegret" : "pseudoAvgRegret"
  const decay = spec.decay ?? 0.9, floor = spec.floor ?? 1e-5, drop = spec.contrastDrop ?? 2
  const words = measure === "regret" ? "R_t/t" : "pseudo-regret/t"

  const expectations: Expectation[] = []
  if (certificate.holds) {
    const targetAtT = averageRegretAt(target.runs, T, measure), contrastAtT = averageRegretAt(contrast.runs, T, measure)
    expectations.push(
      { learner: target.label, metric, op: ">=", value: decay * targetAtT, why: `no decay: ${words} was ${short(targetAtT)} at t = ${T}; at 10T it stays ≥ ${decay}× that (the search's certificate)` },
      { learner: target.label, metric, op: ">=", value: floor * GD, why: `bounded away from 0: ≥ ${floor}·G·D` },
      { learner: contrast.label, metric, op: "<=", value: contrastAtT / drop, why: `${contrast.label}'s ${words} was ${short(contrastAtT)} at t = ${T}; at 10T it has fallen ≥ ${drop}×` }
    )
  }
  const checked: CheckedExpectation[] = expectations.map((e) => {
    const r = runs.find((x) => x.label === e.learner)!
    const observed = regretAt(r.runs, 10 * T, measure)
    return { expectation: e, observed, holds: observed.every((v) => holdsFor(e, v)) }
  })
  const certified = certificate.holds && checked.every((c) => c.holds)

  let crossCheck: Verification["crossCheck"]
  if ("certificate" in found) {
    const a = found.certificate, b = certificate
    const pairs: [number, number][] = [[a.target.atT, b.target.atT], [a.target.at10T, b.target.at10T], [a.contrast.atT, b.contrast.atT], [a.contrast.at10T, b.contrast.at10T]]
    const maxRelativeDifference = Math.max(...pairs.map(([x, y]) => relativeDifference(x, y)))
    crossCheck = { agrees: maxRelativeDifference <= 1e-9 && a.holds === b.holds, maxRelativeDifference }
  }

  const family = spec.family, period = periodOf(found.adversary)
  const c = certificate
  const notes = [
    `Found by \`regretlab search\`: family ${family}${period !== undefined ? `, period ${period}` : ""}, horizon T = ${T} (scored at T/10 and T), search seed ${spec.seed ?? 1}, after ${found.evaluation} candidates${options.command !== undefined ? `: ${options.command}` : ""}.`,
    `Score ${short(found.score.value)}: ${words}/(G·D) ${short(found.score.late)} at T, ${short(found.score.ratio)}× its value at T/10 (G = ${setting.G}, D = ${short(setting.D)}, the ℓ1 diameter).`,
    certified
      ? `Certified: ${target.label}'s ${words}/(G·D) goes ${short(c.target.atT)} → ${short(c.target.at10T)} from T to 10T (×${short(c.target.ratio)}), ${contrast.label}'s ${short(c.contrast.atT)} → ${short(c.contrast.at10T)} (×${short(c.contrast.ratio)}).`
      : `Not certified: ${c.failures.length > 0 ? c.failures.join("; ") : "an expectation written for the certificate does not hold"}.`
  ]
  const scenario: ScenarioInput = {
    id: options.id ?? `search/${spec.learner.kind}-${family}-seed${spec.seed ?? 1}`,
    title: `${certified ? "A" : "Best (not certified)"} ${family} sequence against ${describeLearner(spec.learner)}`,
    citation: "Found by regretlab search (adversary search with a non-convergence certificate, docs/search.md)",
    description: `${target.label} (${describeLearner(spec.learner)}) against the sequence the search found, played to 10T = ${10 * T} with AMSGrad and AdaGrad for comparison.`,
    notes,
    domain: setting.domain,
    adversary: found.adversary,
    learners: contenders.map((x) => ({ label: x.label, ...serialiseLearnerConfig(x.config) })),
    horizon: 10 * T,
    start: setting.start,
    seeds: scenarioSeeds(setting),
    checkpoints: { perDecade: 20, extra: [Math.round(T / 10), T] },
    ...(expectations.length > 0 ? { expectations } : {})
  }
  return { scenario, runs, certificate, certified, expectations: checked, ...(crossCheck !== undefined ? { crossCheck } : {}) }
}

/** The verification played in this thread. */
export const verifyFound = (spec: SearchSpec, found: Found | Certified, evaluate: Evaluate, options: VerifyOptions = {}): Verification => {
  const setting = resolveSpec(spec)
  return verificationOf(spec, found, verificationQueries(spec, found, setting).map(evaluate), options, setting)
}
