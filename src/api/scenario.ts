// Scenarios written in TypeScript: defineScenario() for the types, resolveScenario() to check one
// and see every default filled in, as `regretlab describe` shows it.
import { asResolvedScenario } from "../scenario/resolve.ts"
import type { ResolvedScenario, ScenarioInput } from "../scenario/types.ts"

/**
 * A scenario, typed: what a scenario file exports (`export default defineScenario({...})`) and
 * what {@link play} takes. It returns its input unchanged; checking happens when the scenario is
 * loaded or played, where errors can name the file.
 *
 * @example
 * ```ts
 * // my-scenarios/theorem1.ts — run it with: npx regretlab run my-scenarios/theorem1.ts
 * import { adagrad, adam, amsgrad, defineScenario, interval, periodicLinear } from "regretlab"
 *
 * export default defineScenario({
 *   id: "my/theorem1",
 *   title: "Reddi et al. Theorem 1 with C = 5",
 *   domain: interval(-1, 1),
 *   adversary: periodicLinear({ C: 5, period: 3 }),
 *   learners: [
 *     adam({ alpha: 0.5, beta1: 0, beta2: 1 / 26 }),
 *     amsgrad({ alpha: 0.5, beta1: 0, beta2: 1 / 26 }),
 *     adagrad({ alpha: 0.5 })
 *   ],
 *   horizon: 30_000,
 *   start: [1],
 *   expectations: [{ learner: "adam", metric: "x", op: ">=", value: 0.99, why: "Theorem 1" }]
 * })
 * ```
 */
export const defineScenario = <const S extends ScenarioInput>(scenario: S): S => scenario

/**
 * Checks a scenario and fills in every default (learner presets, seeds, checkpoints): the config
 * a run uses and a report records.
 *
 * @param source - How errors name the scenario (a file name, say); default its id.
 * @throws ScenarioError (a ConfigError) naming the source, the field's path, the value and what was expected.
 * @example
 * ```ts
 * import { adam, defineScenario, interval, periodicLinear, resolveScenario } from "regretlab"
 *
 * const s = resolveScenario(defineScenario({
 *   id: "my/check", title: "Check me", domain: interval(-1, 1), adversary: periodicLinear({ C: 3 }),
 *   learners: [adam()], horizon: 100, start: [0]
 * }))
 * console.log(s.learners[0].config.beta2, s.seeds, s.checkpoints) // 0.999 [ 1 ] { perDecade: 20, extra: [] }
 * ```
 */
export const resolveScenario = (scenario: ScenarioInput | ResolvedScenario, source?: string): ResolvedScenario => asResolvedScenario(scenario, source)
