// Learner, adversary and domain kinds of one's own, from outside the repository: registered under
// a name, they are played, described, swept and searched like the built-in ones (`learner("name")`,
// a scenario's `learners`, `adversary` and `domain`, `regretlab search --import`).
import type { LearnerKind as CoreLearnerKind } from "../core/learner/learner.ts"
import { registerLearnerKind as register } from "../core/learner/registry.ts"
import type { AdversaryKind as CoreAdversaryKind } from "../core/adversary/kind.ts"
import { registerAdversaryKind as registerAdversary } from "../core/adversary/registry.ts"
import type { DomainKind as CoreDomainKind } from "../core/domain/kind.ts"
import { registerDomainKind as registerDomain } from "../core/domain/registry.ts"
import type { DomainConfig } from "../core/types.ts"

/**
 * A learner kind: its name, fields (with ranges and docs), presets, and how to build a learner on a
 * domain. The learner keeps only its own state; the game does the accounting.
 *
 * @example
 * ```ts
 * import type { LearnerKind } from "regretlab"
 *
 * const kindNames = (kinds: readonly LearnerKind[]) => kinds.map((k) => `${k.kind}: ${k.title}`)
 * ```
 */
export type LearnerKind = CoreLearnerKind

/**
 * Registers a learner kind of your own, so scenarios, `learner(kind)`, sweeps and searches can use
 * it by name. A module that does this is what `regretlab search --import` takes.
 *
 * @throws Error when a kind of that name is already registered.
 * @example
 * ```ts
 * import { learner, registerLearnerKind, type LearnerKind } from "regretlab"
 *
 * // Sign descent with a fixed step: x ← Π_F(x − η·sign(g)), the same step whatever |g|.
 * const fixedSign: LearnerKind = {
 *   kind: "fixed-sign", family: "example", title: "Sign descent, fixed step", citation: "", fields: {},
 *   presets: { default: { preset: "default" } },
 *   describe: () => "η = 0.01",
 *   create: (config, domain) => {
 *     const x = new Float64Array(domain.dim), y = new Float64Array(domain.dim)
 *     return {
 *       config, dim: domain.dim, x, failure: undefined,
 *       reset: (start) => x.set(start),
 *       update: (_t, g) => {
 *         for (let i = 0; i < x.length; i++) y[i] = x[i] - 0.01 * Math.sign(g[i])
 *         domain.project(y, x)
 *         return true
 *       },
 *       snapshot: () => ({ x: Array.from(x) })
 *     }
 *   }
 * }
 * registerLearnerKind(fixedSign)
 * console.log(learner("fixed-sign").describe()) // fixed-sign/default: η = 0.01
 * ```
 */
export const registerLearnerKind = (kind: LearnerKind): void => register(kind)

/**
 * An adversary kind: its name, parameters (with ranges and docs), information model, loss family,
 * and how to build the adversary for a domain's dimension.
 *
 * @example
 * ```ts
 * import type { AdversaryKind } from "regretlab"
 *
 * const kindLines = (kinds: readonly AdversaryKind[]) => kinds.map((k) => `${k.kind} (${k.information}): ${k.title}`)
 * ```
 */
export type AdversaryKind = CoreAdversaryKind

/**
 * Registers an adversary kind of your own, so a scenario's `adversary: { kind: "…" }`, sweeps and
 * `describe` can use it by name. For a one-off sequence, `linearAdversary` is shorter.
 *
 * @throws Error when a kind of that name is already registered.
 * @example
 * ```ts
 * import { adam, defineScenario, interval, LinearLoss, linearFamily, play, registerAdversaryKind, type Adversary, type AdversaryKind } from "regretlab"
 *
 * // f_t(x) = s·x on odd rounds, −s·x on even ones: the gradient's sign alternates.
 * class Alternating implements Adversary {
 *   readonly information = "oblivious" as const
 *   readonly family = linearFamily
 *   private readonly loss: LinearLoss
 *   constructor(readonly dim: number, private readonly scale: number) { this.loss = new LinearLoss(dim) }
 *   reset(): void {}
 *   reveal(t: number) {
 *     this.loss.g[0] = t % 2 === 1 ? this.scale : -this.scale // one loss object, rewritten every round
 *     return this.loss
 *   }
 * }
 * const alternating: AdversaryKind = {
 *   kind: "alternating", title: "Alternating signs", citation: "", information: "oblivious", family: "linear",
 *   params: { scale: { type: "number", doc: "s, the gradient's size.", default: 1, min: 0, minOpen: true } },
 *   examples: { valid: [{ kind: "alternating" }, { kind: "alternating", scale: 3 }] },
 *   describe: (c) => `f_t(x) = ±${c.scale}·x`,
 *   create: (c, dim) => new Alternating(dim, c.scale as number)
 * }
 * registerAdversaryKind(alternating)
 * const s = defineScenario({
 *   id: "my/alternating", title: "Alternating signs", domain: interval(-1, 1),
 *   adversary: { kind: "alternating", scale: 2 }, learners: [adam()], horizon: 1000, start: [0]
 * })
 * console.log(play(s).summary.map((r) => `${r.learner}: R_T/T = ${r.avgRegret.mean}`))
 * ```
 */
export const registerAdversaryKind = (kind: AdversaryKind): void => registerAdversary(kind)

/**
 * A domain kind: its name, fields, dimension and diameters from a config, and how to build the set
 * (projections, the linear oracle, membership).
 *
 * @example
 * ```ts
 * import type { DomainKind } from "regretlab"
 *
 * const titles = (kinds: readonly DomainKind[]) => kinds.map((k) => `${k.kind}: ${k.title}`)
 * ```
 */
export type DomainKind<C extends DomainConfig = DomainConfig> = CoreDomainKind<C>

/**
 * Registers a domain kind of your own, so a scenario's `domain: { kind: "…" }` (and `domain(kind,
 * fields)`) can use it by name.
 *
 * @throws Error when a kind of that name is already registered.
 * @example
 * ```ts
 * import { domain, registerDomainKind, type Domain, type DomainKind } from "regretlab"
 *
 * // The segment [0, w], written out: both projections clamp, the linear oracle picks an end.
 * type SegmentConfig = { readonly kind: "segment"; readonly width: number }
 * const segment: DomainKind<SegmentConfig> = {
 *   kind: "segment", title: "Segment [0, w]",
 *   fields: { width: { type: "number", doc: "Its length w.", min: 0, minOpen: true } },
 *   dim: () => 1,
 *   diameters: (c) => ({ inf: c.width, two: c.width }),
 *   describe: (c) => `[0, ${c.width}]`,
 *   create: (c): Domain => {
 *     const clamp = (v: number) => Math.min(c.width, Math.max(0, v))
 *     return {
 *       config: c, dim: 1, diameterInf: c.width, diameter2: c.width, center: Float64Array.of(c.width / 2),
 *       contains: (x, tol = 1e-12) => x[0] >= -tol && x[0] <= c.width + tol,
 *       project: (y, out) => { out[0] = clamp(y[0]) },
 *       projectWeighted: (y, _weights, out) => { out[0] = clamp(y[0]) },
 *       minimizeLinear: (g, out) => { out[0] = g[0] > 0 ? 0 : c.width; return g[0] * out[0] }
 *     }
 *   },
 *   examples: { valid: [{ kind: "segment", width: 1 }, { kind: "segment", width: 0.25 }] }
 * }
 * registerDomainKind(segment)
 * console.log(domain("segment", { width: 2 })) // { width: 2, kind: "segment" }
 * ```
 */
export const registerDomainKind = <C extends DomainConfig>(kind: DomainKind<C>): void => registerDomain(kind)
