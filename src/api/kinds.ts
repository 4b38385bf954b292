// Learner kinds of one's own, from outside the repository: registered under a name, they are
// played, described, swept and searched like the built-in ones (`learner("name")`, a scenario's
// `learners`, `regretlab search --import`).
import type { LearnerKind as CoreLearnerKind } from "../core/learner/learner.ts"
import { registerLearnerKind as register } from "../core/learner/registry.ts"

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
