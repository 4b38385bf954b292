// A learner driven by hand, the way torch.optim and optax are: read x, compute a gradient there,
// step. It wraps the core's Learner (the same update the game runs) and adds the round counter,
// gradients as plain arrays, and checks that name what went wrong.
import { ConfigError } from "../core/config/error.ts"
import type { Learner, LearnerConfig, LearnerFailure } from "../core/learner/learner.ts"
import { createLearner } from "../core/learner/registry.ts"
import type { Domain } from "../core/types.ts"

/**
 * One learner playing on a domain, driven round by round: `x` is the point to play, `step(g)`
 * takes the gradient at it and moves (projected into the domain). Made by
 * {@link LearnerSetup.init}.
 *
 * @example
 * ```ts
 * import { amsgrad, box } from "regretlab"
 *
 * // f_t(x) = ⟨g_t, x⟩ with g_t alternating between (1, −2) and (−1, 1) on [−1, 1]².
 * const opt = amsgrad({ alpha: 0.5 }).init(box([-1, -1], [1, 1]))
 * for (let t = 1; t <= 1000; t++) opt.update(t, t % 2 === 1 ? [1, -2] : [-1, 1])
 * console.log(Array.from(opt.x), opt.t) // x near (0, 1) after 1000 rounds
 * ```
 */
export class RunningLearner {
  readonly #learner: Learner
  readonly #g: Float64Array
  #start: Float64Array
  #t = 0

  /** Use {@link LearnerSetup.init}. */
  constructor(config: LearnerConfig, readonly domain: Domain, start: Float64Array) {
    this.#learner = createLearner(config, domain)
    this.#g = new Float64Array(domain.dim)
    this.#start = Float64Array.from(start)
    this.#learner.reset(this.#start)
  }

  /** The complete learner config (kind, preset, every field). */
  get config(): LearnerConfig {
    return this.#learner.config
  }

  /** The point to play next: x_t before round t's update, x_{t+1} after. A live view: copy it to keep it. */
  get x(): Float64Array {
    return this.#learner.x
  }

  /** Rounds played so far (the last t given to update). */
  get t(): number {
    return this.#t
  }

  /** What stopped the learner (a non-finite gradient, state or iterate), or undefined. */
  get failure(): LearnerFailure | undefined {
    return this.#learner.failure
  }

  /**
   * Round t's update with g = ∇f_t(x_t). Rounds go 1, 2, 3, … (schedules and bias corrections
   * depend on t). Returns false when the gradient or the new state is not finite; `failure` then
   * says which, and the learner stays stopped until reset.
   *
   * @throws ConfigError when t is not the next round or g has the wrong length.
   * @example
   * ```ts
   * import { adagrad, interval } from "regretlab"
   *
   * const opt = adagrad().init(interval(-1, 1), [0])
   * opt.update(1, [1])
   * opt.update(2, Float64Array.of(-0.5))
   * console.log(opt.x[0])
   * ```
   */
  update(t: number, g: ArrayLike<number>): boolean {
    if (t !== this.#t + 1) throw new ConfigError("t", t, `round ${this.#t + 1} (rounds go 1, 2, 3, …; reset() starts again)`)
    if (this.#learner.failure !== undefined) return false
    const dim = this.#g.length
    if (g.length !== dim) throw new ConfigError("g", Array.from(g), `a gradient of ${dim} number${dim === 1 ? "" : "s"} (the domain dimension)`)
    const grad = g instanceof Float64Array ? g : (this.#g.set(g), this.#g)
    this.#t = t
    return this.#learner.update(t, grad)
  }

  /**
   * The next round's update: `update(t + 1, g)`.
   *
   * @example
   * ```ts
   * import { adam, interval } from "regretlab"
   *
   * const opt = adam({ preset: "pytorch", alpha: 0.1 }).init(interval(-1, 1), [0.5])
   * while (opt.t < 200) opt.step([opt.x[0] > 0 ? 1 : -1]) // f(x) = |x|
   * ```
   */
  step(g: ArrayLike<number>): boolean {
    return this.update(this.#t + 1, g)
  }

  /**
   * Starts again from `start` (default: where the last reset or init started), with fresh state.
   *
   * @example
   * ```ts
   * import { rmsprop, interval } from "regretlab"
   *
   * const opt = rmsprop().init(interval(0, 1), [0.5])
   * opt.step([1])
   * opt.reset([0.25])
   * console.log(opt.t, opt.x[0]) // 0 0.25
   * ```
   */
  reset(start?: ArrayLike<number>): void {
    const x1 = start === undefined ? this.#start : Float64Array.from(start)
    if (x1.length !== this.#g.length || !this.domain.contains(x1)) throw new ConfigError("start", Array.from(x1), `a point of ${this.#g.length} coordinates inside the domain`)
    this.#start = x1
    this.#learner.reset(x1)
    this.#t = 0
  }

  /**
   * A copy of the internal state (moments, accumulators) for inspection.
   *
   * @example
   * ```ts
   * import { adam, interval } from "regretlab"
   *
   * const opt = adam().init(interval(-1, 1))
   * opt.step([1])
   * console.log(opt.snapshot())
   * ```
   */
  snapshot(): Readonly<Record<string, readonly number[]>> {
    return this.#learner.snapshot()
  }
}
