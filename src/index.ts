// regretlab's public API: what a user's own project imports from "regretlab". Everything not
// exported here is internal and may change. Every export carries a runnable example (a test
// runs each one, and the package's consumer test type-checks them against the built types).
import type * as Core from "./core/types.ts"
import type * as LearnerTypes from "./core/learner/learner.ts"
import type * as Scenario from "./scenario/types.ts"
import type * as SweepSummaryTypes from "./sweep/summary.ts"

export { ball, box, domain, interval, simplex } from "./api/domains.ts"
export {
  adagrad, adam, adamnc, adamw, amsgrad, eg, ftrl, learner, LearnerSetup, momentum, ogd, ons, rmsprop, signgd,
  type Algorithm1Options, type LearnerOptions, type OnsOptions, type StepSizeOptions
} from "./api/learners.ts"
export { RunningLearner } from "./api/running-learner.ts"
export {
  adversary, bernoulliLinear, farEnd, gaussianLinear, logisticStream, mixture, noisyQuadratic, periodic, periodicLinear,
  quadratic, reddiTheorem2, scripted, switching, type AdversaryOptions, type BuiltinAdversary
} from "./api/adversaries.ts"
export { linearAdversary, type AdversaryContext, type AdversaryParamsData, type GradientFunction, type LinearAdversaryOptions } from "./api/linear-adversary.ts"
export { defineScenario, resolveScenario } from "./api/scenario.ts"
export { play, writeReport, type PlayOptions, type ReportOptions } from "./api/play.ts"
export { sweep, type SweepOptions, type SweepOutcome } from "./api/sweep.ts"
export { search, type SearchOptions, type SearchOutcome, type SearchRequest } from "./api/search.ts"
export { registerAdversaryKind, registerDomainKind, registerLearnerKind, type AdversaryKind, type DomainKind, type LearnerKind } from "./api/kinds.ts"
export { listScenarios, loadScenario } from "./scenario/registry.ts"
export { ConfigError, UserError } from "./core/config/error.ts"
export { LinearLoss, linearFamily } from "./core/loss/linear.ts"

/**
 * What a scenario file or `defineScenario` gives: id, title, domain, adversary, learners,
 * horizon, start, and optionally seeds, checkpoints, expectations, citation, notes.
 *
 * @example
 * ```ts
 * import { adam, interval, periodicLinear, type ScenarioInput } from "regretlab"
 *
 * const input: ScenarioInput = {
 *   id: "my/plain", title: "Typed without defineScenario", domain: interval(-1, 1),
 *   adversary: periodicLinear({ C: 3 }), learners: [adam()], horizon: 1000, start: [0], seeds: 2
 * }
 * ```
 */
export type ScenarioInput = Scenario.ScenarioInput

/**
 * A checked scenario with every default filled in (complete learner configs, the seed list,
 * checkpoints): what `loadScenario` and `resolveScenario` return and a report records.
 *
 * @example
 * ```ts
 * import { loadScenario, type ResolvedScenario } from "regretlab"
 *
 * const s: ResolvedScenario = await loadScenario("reddi2018/online")
 * console.log(s.learners.map((l) => `${l.label}: ${l.config.kind}/${l.config.preset}`))
 * ```
 */
export type ResolvedScenario = Scenario.ResolvedScenario

/**
 * What `play` returns: every run's checkpoint rows, the per-learner summary over seeds, paired
 * differences between learners, and the expectations checked.
 *
 * @example
 * ```ts
 * import { loadScenario, play, type ScenarioResult } from "regretlab"
 *
 * const result: ScenarioResult = play(await loadScenario("reddi2018/theorem1"), { horizon: 3000 })
 * for (const e of result.expectations) console.log(e.holds ? "✓" : "✗", e.text)
 * ```
 */
export type ScenarioResult = Scenario.ScenarioResult

/**
 * One learner × one seed through a scenario: its checkpoint rows and how it ended.
 *
 * @example
 * ```ts
 * import { loadScenario, play, type LearnerRun } from "regretlab"
 *
 * const runs: readonly LearnerRun[] = play(await loadScenario("reddi2018/theorem1"), { horizon: 300 }).runs
 * console.log(runs.map((r) => `${r.learner} seed ${r.seed}: ${r.status.kind}, ${r.rows.length} rows`))
 * ```
 */
export type LearnerRun = Scenario.LearnerRun

/**
 * One learner's final numbers over seeds: x_T (mean), R_T and R_T/T (mean, sd, min, max), diverged runs.
 *
 * @example
 * ```ts
 * import { loadScenario, play, type LearnerSummary } from "regretlab"
 *
 * const [first]: readonly LearnerSummary[] = play(await loadScenario("reddi2018/theorem1"), { horizon: 300 }).summary
 * console.log(first.learner, first.avgRegret.mean)
 * ```
 */
export type LearnerSummary = Scenario.LearnerSummary

/**
 * A claim a run must show, checked on every seed's final row of one learner.
 *
 * @example
 * ```ts
 * import type { Expectation } from "regretlab"
 *
 * const adamFails: Expectation = { learner: "adam", metric: "x", op: ">=", value: 0.99, why: "Theorem 1" }
 * ```
 */
export type Expectation = Scenario.Expectation

/**
 * An adversary described as data: `{kind, ...params}` (the helpers `periodicLinear`, …, and
 * `linearAdversary` make them).
 *
 * @example
 * ```ts
 * import type { AdversaryConfig } from "regretlab"
 *
 * const online: AdversaryConfig = { kind: "periodic-linear", C: 101, period: 101, scale: 10 }
 * ```
 */
export type AdversaryConfig = Scenario.AdversaryConfig

/**
 * One recorded row of a run at a checkpoint round t: x_t, cumulative loss, the comparator's loss
 * and point, R_t, R_t/t, pseudo-regret, effective step, Reddi's Γ_t, gradient statistics.
 *
 * @example
 * ```ts
 * import { loadScenario, play, type CheckpointRow } from "regretlab"
 *
 * const rows: readonly CheckpointRow[] = play(await loadScenario("reddi2018/theorem1"), { horizon: 300 }).runs[0].rows
 * console.log(rows.map((r) => [r.t, r.avgRegret]))
 * ```
 */
export type CheckpointRow = Core.CheckpointRow

/**
 * A feasible set described as data: `{kind: "box", lower, upper}`, `{kind: "ball", center, radius}`,
 * `{kind: "simplex", dim}` (the helpers `box`, `ball`, `simplex` make them).
 *
 * @example
 * ```ts
 * import type { DomainConfig } from "regretlab"
 *
 * const unitBall: DomainConfig = { kind: "ball", center: [0, 0], radius: 1 }
 * ```
 */
export type DomainConfig = Core.DomainConfig

/**
 * A built feasible set: projections, linear minimisation, centre, diameters (what a learner and
 * an adversary's factory receive).
 *
 * @example
 * ```ts
 * import { adam, ball, type Domain } from "regretlab"
 *
 * const F: Domain = adam().init(ball([0, 0], 1)).domain
 * const out = new Float64Array(2)
 * F.project(Float64Array.of(3, 4), out)
 * console.log(Array.from(out)) // [0.6, 0.8]
 * ```
 */
export type Domain = Core.Domain

/**
 * The adversary contract, for adversaries written as classes (see `linearAdversary` for the short
 * way): `reveal(t, x)` rewrites one reusable loss object and returns it.
 *
 * @example
 * ```ts
 * import { LinearLoss, linearFamily, type Adversary } from "regretlab"
 *
 * class Alternating implements Adversary { // f_t(x) = ±⟨1, x⟩
 *   readonly information = "oblivious" as const
 *   readonly family = linearFamily
 *   private readonly loss: LinearLoss
 *   constructor(readonly dim: number) { this.loss = new LinearLoss(dim) }
 *   reset() {}
 *   reveal(t: number) { this.loss.g.fill(t % 2 === 1 ? 1 : -1); return this.loss }
 * }
 * console.log(new Alternating(2).reveal(1).value(Float64Array.of(0.5, 0.25))) // 0.75
 * ```
 */
export type Adversary = Core.Adversary

/**
 * What an adversary reveals in a round: a convex function with its value and gradient at any x.
 *
 * @example
 * ```ts
 * import { LinearLoss, type Loss } from "regretlab"
 *
 * const f: Loss = new LinearLoss(2, [1, -2], 0.5)
 * console.log(f.value(Float64Array.of(1, 1))) // −0.5
 * ```
 */
export type Loss = Core.Loss

/**
 * A complete learner config: kind, preset and every field of its kind (see `LearnerSetup.config`).
 *
 * @example
 * ```ts
 * import { amsgrad, type LearnerConfig } from "regretlab"
 *
 * const config: LearnerConfig = amsgrad({ preset: "optax" }).config
 * console.log(config.amsgrad, config.eps) // corrected 1e-8
 * ```
 */
export type LearnerConfig = LearnerTypes.LearnerConfig

/**
 * One row of a sweep's summary per (grid point, learner): final R_T/T, R_T and x over seeds,
 * failures, and how many seeds met the verdict.
 *
 * @example
 * ```ts
 * import type { SweepSummary } from "regretlab"
 *
 * const converged = (s: SweepSummary) => s.points.filter((p) => p.converged === p.n).map((p) => p.values)
 * ```
 */
export type SweepSummary = SweepSummaryTypes.SweepSummary
