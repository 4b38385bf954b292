// Adversaries built from others. Each part draws from its own named streams ("<purpose>/part<i>"),
// so adding a part or reordering rounds never shifts another part's realised sequence.
import type { Adversary, AdversaryInformation, Loss, LossFamily, RandomSource } from "../types.ts"
import { ConfigError } from "../config/error.ts"
import type { AdversaryKind, Nested } from "./kind.ts"
import type { AdversaryParams } from "./params.ts"

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

/** Validates the parts (same loss family) and the per-part list (`at` or `weights`). */
const checkComposite = (c: AdversaryParams, dim: number, nested: Nested, key: "at" | "weights"): AdversaryParams => {
  const parts = (c.parts as unknown[]).map((p, i) => {
    try {
      return nested.validate(p, dim)
    } catch (e) {
      throw e instanceof ConfigError ? e.within(`parts[${i}]`) : e
    }
  })
  const families = parts.map((p) => nested.familyOf(p))
  families.forEach((f, i) => {
    if (f !== families[0]) throw new ConfigError(`parts[${i}].kind`, parts[i].kind, `an adversary with ${families[0]} losses like parts[0] (got ${f})`)
  })
  const list = c[key] as number[]
  const want = key === "at" ? parts.length - 1 : parts.length
  if (list.length !== want) throw new ConfigError(key, list, `an array of ${want} numbers (${key === "at" ? "one fewer than" : "one per"} part)`)
  if (key === "at") list.forEach((t, i) => {
    if (i > 0 && !(t > list[i - 1])) throw new ConfigError(`at[${i}]`, t, `a round > at[${i - 1}] = ${list[i - 1]} (ascending)`)
  })
  else if (!(list.reduce((a, b) => a + b, 0) > 0)) throw new ConfigError("weights", list, "weights with a positive sum")
  return { ...c, parts }
}

const partsOf = (c: AdversaryParams, dim: number, nested: Nested): Adversary[] =>
  (c.parts as AdversaryParams[]).map((p) => nested.create(p, dim))

export const switchingKind = {
  kind: "switching",
  title: "Switches between adversaries at given rounds",
  citation: "",
  information: "parts",
  family: "parts",
  params: {
    parts: { type: "adversaries", doc: "The adversaries, in order of play." },
    at: { type: "numbers", doc: "Ascending rounds at which the next part takes over (one fewer than parts).", min: 1, integer: true }
  },
  check: (c, dim, nested) => checkComposite(c, dim, nested, "at"),
  examples: {
    valid: [{ kind: "switching", at: [5], parts: [{ kind: "periodic-linear", C: 3 }, { kind: "bernoulli-linear", C: 5, p: 0.3 }] }],
    invalid: [
      [{ kind: "switching", at: [5], parts: [{ kind: "periodic-linear", C: 3 }, { kind: "quadratic" }] }, "parts[1].kind: expected an adversary with linear losses like parts[0] (got quadratic), got \"quadratic\""],
      [{ kind: "switching", at: [5, 3], parts: [{ kind: "periodic-linear", C: 3 }, { kind: "periodic-linear", C: 4 }, { kind: "periodic-linear", C: 5 }] }, "at[1]: expected a round > at[0] = 5 (ascending), got 3"]
    ]
  },
  describe: (c, nested) => `switching at rounds ${(c.at as number[]).join(", ")} between: ${(c.parts as AdversaryParams[]).map((p) => nested.describe(p)).join(" | ")}`,
  create: (c, dim, nested) => new SwitchingAdversary(partsOf(c, dim, nested), c.at as number[])
} satisfies AdversaryKind

export const mixtureKind = {
  kind: "mixture",
  title: "Each round an i.i.d. choice among adversaries",
  citation: "",
  information: "parts",
  family: "parts",
  params: {
    parts: { type: "adversaries", doc: "The adversaries to choose from." },
    weights: { type: "numbers", doc: "Choice probabilities (normalised), one per part.", min: 0 }
  },
  check: (c, dim, nested) => checkComposite(c, dim, nested, "weights"),
  examples: {
    valid: [{ kind: "mixture", weights: [1, 3], parts: [{ kind: "periodic-linear", C: 3 }, { kind: "gaussian-linear", mean: 0.2 }] }],
    invalid: [[{ kind: "mixture", weights: [1], parts: [{ kind: "periodic-linear", C: 3 }, { kind: "periodic-linear", C: 4 }] }, "weights: expected an array of 2 numbers (one per part), got [1]"]]
  },
  describe: (c, nested) => `mixture with weights ${(c.weights as number[]).join(", ")} of: ${(c.parts as AdversaryParams[]).map((p) => nested.describe(p)).join(" | ")}`,
  create: (c, dim, nested) => new MixtureAdversary(partsOf(c, dim, nested), c.weights as number[])
} satisfies AdversaryKind
