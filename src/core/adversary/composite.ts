// Adversaries built from others. Each part draws from its own named streams ("<purpose>/part<i>"),
// so adding a part or reordering rounds never shifts another part's realised sequence.
import type { Adversary, AdversaryInformation, Loss, LossFamily, RandomSource } from "../types.ts"

/** The most permissive information among the parts (adaptive > stochastic > oblivious). */
export const combinedInformation = (parts: readonly Adversary[]): AdversaryInformation =>
  parts.some((p) => p.information === "adaptive") ? "adaptive" : parts.some((p) => p.information === "stochastic") ? "stochastic" : "oblivious"

export const partRandom = (random: RandomSource, index: number): RandomSource => ({
  stream: (purpose) => random.stream(`${purpose}/part${index}`)
})

const checkParts = (parts: readonly Adversary[]): void => {
  if (parts.length === 0) throw new RangeError("a composite adversary needs at least one part")
  for (const p of parts) {
    if (p.family !== parts[0].family) throw new TypeError(`composite parts must share a loss family, got ${parts[0].family.name} and ${p.family.name}`)
    if (p.dim !== parts[0].dim) throw new RangeError(`composite parts must share a dimension, got ${parts[0].dim} and ${p.dim}`)
  }
}

/** Plays parts[k] from round at[k−1] on (parts[0] before at[0]); `at` is ascending. */
export class SwitchingAdversary implements Adversary {
  readonly information: AdversaryInformation
  readonly dim: number
  readonly family: LossFamily
  private index = 0
  private lastT = 0

  constructor(private readonly parts: readonly Adversary[], private readonly at: readonly number[]) {
    checkParts(parts)
    if (at.length !== parts.length - 1) throw new RangeError(`switching needs ${parts.length - 1} switch rounds for ${parts.length} parts, got ${at.length}`)
    this.information = combinedInformation(parts)
    this.dim = parts[0].dim
    this.family = parts[0].family
  }

  reset(random: RandomSource): void {
    this.parts.forEach((p, i) => p.reset(partRandom(random, i)))
    this.index = 0
    this.lastT = 0
  }

  reveal(t: number, x: Float64Array): Loss {
    if (t < this.lastT) this.index = 0
    this.lastT = t
    while (this.index < this.at.length && t >= this.at[this.index]) this.index++
    return this.parts[this.index].reveal(t, x)
  }
}

/** Each round plays part i with probability weights[i] (i.i.d. choice from the "adversary/mixture" stream). */
export class MixtureAdversary implements Adversary {
  readonly information: AdversaryInformation
  readonly dim: number
  readonly family: LossFamily
  private readonly cumulative: Float64Array
  private uniform: () => number = () => {
    throw new Error("MixtureAdversary.reveal() before reset()")
  }

  constructor(private readonly parts: readonly Adversary[], weights: readonly number[]) {
    checkParts(parts)
    if (weights.length !== parts.length) throw new RangeError(`mixture needs one weight per part, got ${weights.length} for ${parts.length}`)
    const total = weights.reduce((a, b) => a + b, 0)
    if (!(total > 0) || weights.some((w) => !(w >= 0))) throw new RangeError("mixture weights must be ≥ 0 with a positive sum")
    this.cumulative = new Float64Array(weights.length)
    let acc = 0
    weights.forEach((w, i) => (this.cumulative[i] = acc += w / total))
    this.cumulative[weights.length - 1] = 1
    this.information = combinedInformation(parts) === "adaptive" ? "adaptive" : "stochastic"
    this.dim = parts[0].dim
    this.family = parts[0].family
  }

  reset(random: RandomSource): void {
    this.parts.forEach((p, i) => p.reset(partRandom(random, i)))
    this.uniform = random.stream("adversary/mixture")
  }

  reveal(t: number, x: Float64Array): Loss {
    const u = this.uniform()
    let i = 0
    while (u >= this.cumulative[i]) i++
    return this.parts[i].reveal(t, x)
  }
}
