// A new adversary in a few lines: a function from the round (and, for an adaptive adversary, the
// learner's point) to the gradient of a linear loss f_t(x) = ⟨g_t, x⟩ + c_t. linearAdversary()
// wraps it in the Adversary contract (one reusable loss object, randomness from the seed's named
// stream, x hidden unless adaptive) and returns a config a scenario's `adversary` takes.
import { UserError } from "../core/config/error.ts"
import { LinearLoss, linearFamily } from "../core/loss/linear.ts"
import type { Adversary, AdversaryInformation, Loss, LossFamily, RandomSource } from "../core/types.ts"
import { withAdversaryFactory } from "../scenario/adversary-factory.ts"
import type { AdversaryConfig } from "../scenario/types.ts"

/**
 * Parameters of a user adversary: plain data (shown in reports, changed with `--set adversary.<name>=…`).
 *
 * @example
 * ```ts
 * import { linearAdversary, type AdversaryParamsData } from "regretlab"
 *
 * const params = { k: 1000, high: 1, low: -0.5 } satisfies AdversaryParamsData
 * const flip = linearAdversary("flip", (t, _x, { params: p }) => (Math.floor((t - 1) / p.k) % 2 === 0 ? p.high : p.low), { params })
 * ```
 */
export type AdversaryParamsData = { readonly [name: string]: unknown }

/**
 * What the gradient function sees besides t and x.
 *
 * @example
 * ```ts
 * import { linearAdversary, type AdversaryContext } from "regretlab"
 *
 * // A Gaussian gradient around params.mean, drawn from the seed's stream.
 * const gradient = (_t: number, _x: Float64Array, { params, random }: AdversaryContext<{ mean: number }>) =>
 *   params.mean + Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
 * const noisy = linearAdversary("noisy", gradient, { information: "stochastic", params: { mean: 0.1 } })
 * ```
 */
export interface AdversaryContext<P extends AdversaryParamsData> {
  /** The adversary's parameters, with any `--set adversary.<name>` override applied. */
  readonly params: P
  /** The dimension of the domain. */
  readonly dim: number
  /** Uniform [0, 1) draws from the seed's "adversary" stream: the same for every learner of a seed. */
  readonly random: () => number
}

/**
 * g_t as a function of the round t, the learner's point x_t (adaptive adversaries only: for the
 * others x is empty) and the context. A number is taken for every coordinate. Returning a number
 * or reusing one array keeps the run free of per-round allocation.
 *
 * @example
 * ```ts
 * import { linearAdversary, type GradientFunction } from "regretlab"
 *
 * // Adaptive: always push x_t towards the boundary it is nearer to.
 * const g = new Float64Array(1)
 * const push: GradientFunction<{}> = (_t, x) => { g[0] = x[0] >= 0 ? -1 : 1; return g }
 * const pusher = linearAdversary("push", push, { information: "adaptive" })
 * ```
 */
export type GradientFunction<P extends AdversaryParamsData> = (t: number, x: Float64Array, context: AdversaryContext<P>) => number | ArrayLike<number>

/**
 * The options of {@link linearAdversary}.
 *
 * @example
 * ```ts
 * import { linearAdversary, type LinearAdversaryOptions } from "regretlab"
 *
 * const options: LinearAdversaryOptions<{ p: number }> = {
 *   information: "stochastic", params: { p: 0.01 }, expectedGradient: ({ params }) => 101 * params.p - (1 - params.p)
 * }
 * const rare = linearAdversary("rare", (_t, _x, { params, random }) => (random() < params.p ? 100 : -1), options)
 * ```
 */
export interface LinearAdversaryOptions<P extends AdversaryParamsData> {
  /**
   * "oblivious" (g_t depends on t and the seed only; the default), "stochastic" (i.i.d. draws from
   * `context.random`) or "adaptive" (may read x, the learner's point).
   */
  readonly information?: AdversaryInformation
  /** Parameters passed to the functions as `context.params`. */
  readonly params?: P
  /** c_t, the loss's offset (default 0): it changes the losses paid, not the learners' steps. */
  readonly offset?: (t: number, context: AdversaryContext<P>) => number
  /** E g_t, for a stochastic adversary: runs then also report pseudo-regret against E f. */
  readonly expectedGradient?: (context: Omit<AdversaryContext<P>, "random">) => number | ArrayLike<number>
}

const NO_POINT = new Float64Array(0)

class FunctionLinearAdversary<P extends AdversaryParamsData> implements Adversary {
  readonly family: LossFamily = linearFamily
  private readonly loss: LinearLoss
  private readonly context: { params: P; dim: number; random: () => number }

  constructor(
    private readonly kind: string,
    readonly dim: number,
    readonly information: AdversaryInformation,
    params: P,
    private readonly gradient: GradientFunction<P>,
    private readonly offset: ((t: number, context: AdversaryContext<P>) => number) | undefined,
    private readonly expected: LinearLoss | undefined
  ) {
    this.loss = new LinearLoss(dim)
    this.context = { params, dim, random: () => { throw new UserError(`adversary "${kind}": random() before the run started`) } }
  }

  reset(random: RandomSource): void {
    this.context.random = random.stream("adversary")
  }

  reveal(t: number, x: Float64Array): Loss {
    let g: number | ArrayLike<number>
    let c = 0
    try {
      g = this.gradient(t, this.information === "adaptive" ? x : NO_POINT, this.context)
      if (this.offset !== undefined) c = this.offset(t, this.context)
    } catch (e) {
      // The user's function failed, not regretlab: say whose and when.
      if (e instanceof UserError) throw e
      throw new UserError(`adversary "${this.kind}": its function threw in round ${t}: ${e instanceof Error ? e.message : String(e)}`)
    }
    fill(this.loss.g, g, this.kind, `the gradient of round ${t}`)
    this.loss.c = c
    return this.loss
  }

  expectedLoss?(): Loss
}

const fill = (out: Float64Array, value: number | ArrayLike<number>, kind: string, what: string): void => {
  if (typeof value === "number") {
    out.fill(value)
    return
  }
  if (value === null || typeof value !== "object" || value.length !== out.length) {
    const got = value === null || typeof value !== "object" ? String(value) : `${value.length} numbers`
    const expected = out.length === 1 ? "a number or an array of 1 number" : `a number or ${out.length} numbers`
    throw new UserError(`adversary "${kind}": ${what} must be ${expected} (the domain dimension), got ${got}`)
  }
  for (let i = 0; i < out.length; i++) out[i] = value[i]
}

/**
 * A linear adversary from a function: f_t(x) = ⟨g_t, x⟩ + c_t with g_t = gradient(t, x, context).
 * Returns the config for a scenario's `adversary`: `{kind, ...params}`, which carries the function
 * along; parameters can be changed from the command line (`--set adversary.k=2000`).
 *
 * The best fixed point in hindsight is computed in closed form (linear losses). Randomness must
 * come from `context.random` only, so every learner faces the same sequence for a seed.
 *
 * @param kind - The name reports show, e.g. "flip".
 * @param gradient - g_t from (t, x, context); x is the learner's point for an adaptive adversary, empty otherwise.
 * @param options - `information`, `params`, `offset`, `expectedGradient`.
 * @example
 * ```ts
 * import { adam, amsgrad, defineScenario, interval, linearAdversary, play } from "regretlab"
 *
 * // f_t(x) = x for k rounds, then −x/2 for k rounds, and so on.
 * const flip = linearAdversary("flip", (t, _x, { params }) => (Math.floor((t - 1) / params.k) % 2 === 0 ? 1 : -0.5), {
 *   params: { k: 100 }
 * })
 * const scenario = defineScenario({
 *   id: "my/flip", title: "Sign flips every k rounds", domain: interval(-1, 1), adversary: flip,
 *   learners: [adam(), amsgrad()], horizon: 2000, start: [0]
 * })
 * console.log(play(scenario).summary.map((s) => `${s.learner} ${s.avgRegret.mean}`))
 * ```
 * @example
 * ```ts
 * import { adagrad, defineScenario, interval, linearAdversary, play } from "regretlab"
 *
 * // Stochastic: +1 with probability p, else −1 (the same draws for every learner of a seed).
 * const coin = linearAdversary("coin", (_t, _x, { params, random }) => (random() < params.p ? 1 : -1), {
 *   information: "stochastic", params: { p: 0.3 }, expectedGradient: ({ params }) => 2 * params.p - 1
 * })
 * const result = play(defineScenario({
 *   id: "my/coin", title: "A biased coin", domain: interval(-1, 1), adversary: coin,
 *   learners: [adagrad()], horizon: 1000, start: [0], seeds: 3
 * }))
 * ```
 */
export const linearAdversary = <P extends AdversaryParamsData = Record<never, never>>(
  kind: string,
  gradient: GradientFunction<P>,
  options: LinearAdversaryOptions<P> = {}
): AdversaryConfig & { readonly kind: string } & P => {
  if (typeof kind !== "string" || kind === "") throw new UserError(`linearAdversary: the kind must be a non-empty string, got ${JSON.stringify(kind)}`)
  if (typeof gradient !== "function") throw new UserError(`linearAdversary("${kind}"): the gradient must be a function (t, x, context) => g`)
  const information = options.information ?? "oblivious"
  if (!["oblivious", "stochastic", "adaptive"].includes(information)) {
    throw new UserError(`linearAdversary("${kind}"): information must be "oblivious", "stochastic" or "adaptive", got ${JSON.stringify(information)}`)
  }
  const config = { ...(options.params ?? {}), kind } as AdversaryConfig & { readonly kind: string } & P
  return withAdversaryFactory(config, (current, dim) => {
    const { kind: _kind, ...params } = current
    let expected: LinearLoss | undefined
    if (options.expectedGradient !== undefined) {
      expected = new LinearLoss(dim)
      fill(expected.g, options.expectedGradient({ params: params as P, dim }), kind, "expectedGradient")
    }
    const adversary = new FunctionLinearAdversary(kind, dim, information, params as P, gradient, options.offset, expected)
    if (expected !== undefined) adversary.expectedLoss = () => expected
    return adversary
  })
}
