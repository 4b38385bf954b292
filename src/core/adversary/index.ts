// The registry of built-in adversary kinds: kind → {params (with docs), describe, create}.
// JSON scenarios name a kind and its parameters; TS scenarios may also pass their own factory.
import type { Adversary, AdversaryInformation } from "../types.ts"
import { BernoulliLinearAdversary } from "./bernoulli-linear.ts"
import { MixtureAdversary, SwitchingAdversary } from "./composite.ts"
import { FarEndAdversary } from "./far-end.ts"
import { FixedQuadraticAdversary } from "./fixed-quadratic.ts"
import { GaussianLinearAdversary } from "./gaussian-linear.ts"
import { LogisticStreamAdversary } from "./logistic-stream.ts"
import { NoisyQuadraticAdversary } from "./noisy-quadratic.ts"
import { AdversaryConfigError, checkParams, checkVector, checkVectors, type AdversaryParams, type ParamSpec } from "./params.ts"
import { PeriodicLinearAdversary } from "./periodic-linear.ts"
import { SequenceAdversary, type SequenceMode } from "./sequence.ts"
import { theorem2C } from "./theorem2.ts"

export { AdversaryConfigError, showValue, type AdversaryParams, type ParamSpec } from "./params.ts"
export { BernoulliLinearAdversary } from "./bernoulli-linear.ts"
export { MixtureAdversary, SwitchingAdversary, partRandom } from "./composite.ts"
export { FarEndAdversary } from "./far-end.ts"
export { FixedQuadraticAdversary } from "./fixed-quadratic.ts"
export { GaussianLinearAdversary } from "./gaussian-linear.ts"
export { LogisticStreamAdversary } from "./logistic-stream.ts"
export { NoisyQuadraticAdversary } from "./noisy-quadratic.ts"
export { PeriodicLinearAdversary } from "./periodic-linear.ts"
export { SequenceAdversary } from "./sequence.ts"
export { theorem2C, theorem2Holds } from "./theorem2.ts"

export interface AdversaryKind {
  readonly kind: string
  readonly title: string
  readonly citation: string
  readonly information: AdversaryInformation | "parts"
  /** Loss family of the revealed losses ("parts": that of the nested adversaries). */
  readonly family: "linear" | "quadratic" | "logistic" | "parts"
  readonly params: Readonly<Record<string, ParamSpec>>
  /** One line for reports, with the parameters filled in. Takes a validated config. */
  describe(config: AdversaryParams): string
  /** Builds the adversary from a validated config (defaults filled in) for a domain of dimension dim. */
  create(config: AdversaryParams, dim: number): Adversary
}

const num = (c: AdversaryParams, k: string): number => c[k] as number
const vec = (c: AdversaryParams, k: string, dim: number): Float64Array => checkVector(k, c[k], dim)
const parts = (c: AdversaryParams, dim: number): Adversary[] =>
  (c.parts as AdversaryParams[]).map((p) => createAdversary(p, dim))

const direction: ParamSpec = { type: "vector", doc: "Direction u of the gradient (a number is broadcast to every coordinate).", default: 1 }
const scale: ParamSpec = { type: "number", doc: "Scale s of every loss.", default: 1, min: 0, minOpen: true }

const kinds: readonly AdversaryKind[] = [
  {
    kind: "periodic-linear",
    title: "Periodic linear sequence",
    citation: "Reddi, Kale & Kumar 2018, Theorems 1–2 and Section 5",
    information: "oblivious",
    family: "linear",
    params: {
      C: { type: "number", doc: "Gradient multiplier C of the first round of each period." },
      period: { type: "number", doc: "Period P: f_t = s·C·⟨u, x⟩ when t mod P = 1.", default: 3, min: 1, integer: true },
      scale,
      direction
    },
    describe: (c) => `f_t(x) = ${fmt(num(c, "scale") * num(c, "C"))}·x if t mod ${num(c, "period")} = 1, else −${fmt(num(c, "scale"))}·x`,
    create: (c, dim) => new PeriodicLinearAdversary(dim, num(c, "C"), num(c, "period"), num(c, "scale"), vec(c, "direction", dim))
  },
  {
    kind: "reddi-theorem2",
    title: "Reddi et al. Theorem 2 sequence (C computed from β1, β2)",
    citation: "Reddi, Kale & Kumar 2018, Theorem 2",
    information: "oblivious",
    family: "linear",
    params: {
      beta1: { type: "number", doc: "Adam's β1 the sequence is built against.", min: 0, max: 1, maxOpen: true },
      beta2: { type: "number", doc: "Adam's β2 (needs β1 < √β2).", min: 0, max: 1, minOpen: true, maxOpen: true },
      scale,
      direction
    },
    describe: (c) => {
      const C = theorem2C(num(c, "beta1"), num(c, "beta2"))
      return `f_t(x) = ${C}·x if t mod ${C} = 1, else −x (C = ${C}: smallest even C meeting (i)–(iii) for β1 = ${num(c, "beta1")}, β2 = ${num(c, "beta2")})`
    },
    create: (c, dim) => {
      const C = theorem2C(num(c, "beta1"), num(c, "beta2"))
      return new PeriodicLinearAdversary(dim, C, C, num(c, "scale"), vec(c, "direction", dim))
    }
  },
  {
    kind: "periodic",
    title: "Periodic sequence of linear losses",
    citation: "",
    information: "oblivious",
    family: "linear",
    params: { gradients: { type: "vectors", doc: "One gradient per round of the period; f_t(x) = ⟨gradients[(t−1) mod P], x⟩." } },
    describe: (c) => `periodic linear, period ${(c.gradients as unknown[]).length}`,
    create: (c, dim) => new SequenceAdversary(dim, checkVectors("gradients", c.gradients, dim), "cycle")
  },
  {
    kind: "scripted",
    title: "Scripted sequence of linear losses",
    citation: "",
    information: "oblivious",
    family: "linear",
    params: {
      gradients: { type: "vectors", doc: "The gradient of round t = 1, 2, …" },
      after: { type: "enum", doc: "What follows the script: hold the last gradient, reveal 0, or cycle.", values: ["hold-last", "zero", "cycle"], default: "hold-last" }
    },
    describe: (c) => `scripted linear, ${(c.gradients as unknown[]).length} rounds, then ${String(c.after)}`,
    create: (c, dim) => new SequenceAdversary(dim, checkVectors("gradients", c.gradients, dim), c.after === "cycle" ? "cycle" : (c.after as SequenceMode))
  },
  {
    kind: "bernoulli-linear",
    title: "i.i.d. linear: s·C·x with probability p, else −s·x",
    citation: "Reddi, Kale & Kumar 2018, Theorem 3 and Section 5 (stochastic)",
    information: "stochastic",
    family: "linear",
    params: {
      C: { type: "number", doc: "Gradient multiplier of the rare round." },
      p: { type: "number", doc: "Optional: probability of the rare round (give p or delta).", min: 0, max: 1 },
      delta: { type: "number", doc: "Optional: Theorem 3's δ; sets p = (1+δ)/(C+1), so E f(x) = s·δ·x.", min: 0, minOpen: true },
      scale,
      direction
    },
    describe: (c) => `f_t(x) = ${fmt(num(c, "scale") * num(c, "C"))}·x with probability ${fmt(bernoulliP(c))}, else −${fmt(num(c, "scale"))}·x`,
    create: (c, dim) => new BernoulliLinearAdversary(dim, num(c, "C"), bernoulliP(c), num(c, "scale"), vec(c, "direction", dim))
  },
  {
    kind: "gaussian-linear",
    title: "i.i.d. linear with Gaussian gradients μ + σ ⊙ z",
    citation: "",
    information: "stochastic",
    family: "linear",
    params: {
      mean: { type: "vector", doc: "Mean gradient μ." },
      sd: { type: "vector", doc: "Per-coordinate standard deviation σ.", default: 1, min: 0 }
    },
    describe: () => "i.i.d. linear, g_t = μ + σ ⊙ z_t",
    create: (c, dim) => new GaussianLinearAdversary(dim, vec(c, "mean", dim), vec(c, "sd", dim))
  },
  {
    kind: "quadratic",
    title: "Fixed quadratic Σ (a_i/2)(x_i − b_i)²",
    citation: "Bock & Weiß 2019 (batch Adam limit cycles)",
    information: "oblivious",
    family: "quadratic",
    params: {
      curvature: { type: "vector", doc: "Curvatures a_i ≥ 0.", default: 1, min: 0 },
      center: { type: "vector", doc: "Centres b_i.", default: 0 }
    },
    describe: () => "f_t(x) = Σ (a_i/2)(x_i − b_i)² every round",
    create: (c, dim) => new FixedQuadraticAdversary(dim, vec(c, "curvature", dim), vec(c, "center", dim))
  },
  {
    kind: "noisy-quadratic",
    title: "i.i.d. quadratic with random centre ξ",
    citation: "Dereich et al. 2024–2025 (Adam vector field)",
    information: "stochastic",
    family: "quadratic",
    params: {
      curvature: { type: "vector", doc: "Curvatures a_i ≥ 0.", default: 1, min: 0 },
      noise: { type: "enum", doc: "Distribution of each ξ_i: bernoulli (low/high with P(high) = p) or gaussian (mean, sd).", values: ["bernoulli", "gaussian"], default: "bernoulli" },
      p: { type: "number", doc: "bernoulli: P(ξ = high).", default: 0.5, min: 0, max: 1 },
      low: { type: "number", doc: "bernoulli: the value with probability 1 − p.", default: 0 },
      high: { type: "number", doc: "bernoulli: the value with probability p.", default: 1 },
      mean: { type: "number", doc: "gaussian: mean of ξ.", default: 0 },
      sd: { type: "number", doc: "gaussian: standard deviation of ξ.", default: 1, min: 0 }
    },
    describe: (c) => c.noise === "bernoulli"
      ? `f_t(x) = ½(x − ξ_t)², ξ_t = ${fmt(num(c, "high"))} with probability ${fmt(num(c, "p"))} else ${fmt(num(c, "low"))}`
      : `f_t(x) = ½(x − ξ_t)², ξ_t ~ N(${fmt(num(c, "mean"))}, ${fmt(num(c, "sd"))}²)`,
    create: (c, dim) => new NoisyQuadraticAdversary(dim, vec(c, "curvature", dim), c.noise === "bernoulli"
      ? { kind: "bernoulli", p: num(c, "p"), low: num(c, "low"), high: num(c, "high") }
      : { kind: "gaussian", mean: num(c, "mean"), sd: num(c, "sd") })
  },
  {
    kind: "far-end",
    title: "Adaptive: pushes x_t towards the far end of the domain",
    citation: "",
    information: "adaptive",
    family: "linear",
    params: {
      center: { type: "vector", doc: "Centre c the learner is pushed through.", default: 0 },
      scale
    },
    describe: (c) => `f_t(x) = ${fmt(num(c, "scale"))}·⟨(x_t − c)/‖x_t − c‖, x⟩ (adaptive)`,
    create: (c, dim) => new FarEndAdversary(dim, vec(c, "center", dim), num(c, "scale"))
  },
  {
    kind: "logistic-stream",
    title: "Online logistic regression on seeded synthetic data",
    citation: "",
    information: "stochastic",
    family: "logistic",
    params: {
      featureScale: { type: "number", doc: "Standard deviation σ of every feature.", default: 1, min: 0, minOpen: true },
      signal: { type: "number", doc: "‖w*‖ of the hidden weights (larger: cleaner labels).", default: 2, min: 0 }
    },
    describe: (c) => `logistic loss on z_t ~ N(0, ${fmt(num(c, "featureScale"))}²I), y_t ~ sigmoid(⟨w*, z_t⟩), ‖w*‖ = ${fmt(num(c, "signal"))}`,
    create: (c, dim) => new LogisticStreamAdversary(dim, num(c, "featureScale"), num(c, "signal"))
  },
  {
    kind: "switching",
    title: "Switches between adversaries at given rounds",
    citation: "",
    information: "parts",
    family: "parts",
    params: {
      parts: { type: "adversaries", doc: "The adversaries, in order of play." },
      at: { type: "numbers", doc: "Ascending rounds at which the next part takes over (one fewer than parts).", min: 1, integer: true }
    },
    describe: (c) => `switching at rounds ${(c.at as number[]).join(", ")} between: ${(c.parts as AdversaryParams[]).map(describeAdversary).join(" | ")}`,
    create: (c, dim) => new SwitchingAdversary(parts(c, dim), c.at as number[])
  },
  {
    kind: "mixture",
    title: "Each round an i.i.d. choice among adversaries",
    citation: "",
    information: "parts",
    family: "parts",
    params: {
      parts: { type: "adversaries", doc: "The adversaries to choose from." },
      weights: { type: "numbers", doc: "Choice probabilities (normalised), one per part.", min: 0 }
    },
    describe: (c) => `mixture with weights ${(c.weights as number[]).join(", ")} of: ${(c.parts as AdversaryParams[]).map(describeAdversary).join(" | ")}`,
    create: (c, dim) => new MixtureAdversary(parts(c, dim), c.weights as number[])
  }
]

const fmt = (v: number): string => String(Number(v.toPrecision(6)))

const bernoulliP = (c: AdversaryParams): number =>
  c.p !== undefined ? num(c, "p") : (1 + num(c, "delta")) / (num(c, "C") + 1)

/** The built-in kinds by id. */
export const adversaryKinds: ReadonlyMap<string, AdversaryKind> = new Map(kinds.map((k) => [k.kind, k]))

export const registerAdversaryKind = (kind: AdversaryKind): void => {
  if (adversaryKinds.has(kind.kind)) throw new Error(`adversary kind "${kind.kind}" is already registered`)
  ;(adversaryKinds as Map<string, AdversaryKind>).set(kind.kind, kind)
}

/**
 * Validates a config for a domain of dimension dim and returns it with defaults filled in.
 * Throws AdversaryConfigError naming the parameter path (e.g. "parts[1].C").
 */
export const validateAdversary = (config: unknown, dim: number, prefix = ""): AdversaryParams => {
  if (typeof config !== "object" || config === null || Array.isArray(config)) {
    throw new AdversaryConfigError(prefix.replace(/\.$/, "") || "kind", config, "an adversary config object with a \"kind\"")
  }
  const c = config as AdversaryParams
  const entry = adversaryKinds.get(c.kind)
  if (entry === undefined) throw new AdversaryConfigError(`${prefix}kind`, c.kind, `one of ${[...adversaryKinds.keys()].join(", ")}`)
  const out = checkParams(c, entry.params, dim, prefix) as Record<string, unknown>
  switch (entry.kind) {
    case "bernoulli-linear":
      if ((c.p === undefined) === (c.delta === undefined)) throw new AdversaryConfigError(`${prefix}p`, c.p, "exactly one of p and delta")
      if (c.delta !== undefined && bernoulliP(c) > 1) throw new AdversaryConfigError(`${prefix}delta`, c.delta, `a δ with (1+δ)/(C+1) ≤ 1`)
      break
    case "reddi-theorem2":
      if (!(num(c, "beta1") < Math.sqrt(num(c, "beta2")))) {
        throw new AdversaryConfigError(`${prefix}beta1`, c.beta1, `a number < √β2 = ${fmt(Math.sqrt(num(c, "beta2")))} (Theorem 2 needs β1 < √β2)`)
      }
      break
    case "switching":
    case "mixture": {
      const ps = (c.parts as unknown[]).map((p, i) => validateAdversary(p, dim, `${prefix}parts[${i}].`))
      const families = ps.map((p) => familyOf(p))
      families.forEach((f, i) => {
        if (f !== families[0]) throw new AdversaryConfigError(`${prefix}parts[${i}].kind`, ps[i].kind, `an adversary with ${families[0]} losses like parts[0] (got ${f})`)
      })
      out.parts = ps
      const list = (entry.kind === "switching" ? c.at : c.weights) as number[]
      const key = entry.kind === "switching" ? "at" : "weights"
      const want = entry.kind === "switching" ? ps.length - 1 : ps.length
      if (list.length !== want) throw new AdversaryConfigError(`${prefix}${key}`, list, `an array of ${want} numbers (${entry.kind === "switching" ? "one fewer than" : "one per"} part)`)
      if (entry.kind === "switching") list.forEach((t, i) => {
        if (i > 0 && !(t > list[i - 1])) throw new AdversaryConfigError(`${prefix}at[${i}]`, t, `a round > at[${i - 1}] = ${list[i - 1]} (ascending)`)
      })
      else if (!(list.reduce((a, b) => a + b, 0) > 0)) throw new AdversaryConfigError(`${prefix}weights`, list, "weights with a positive sum")
      break
    }
  }
  return out as AdversaryParams
}

/** The loss family a (validated) config reveals. */
export const familyOf = (config: AdversaryParams): string => {
  const entry = adversaryKinds.get(config.kind)
  if (entry === undefined) return "unknown"
  if (entry.family !== "parts") return entry.family
  return familyOf((config.parts as AdversaryParams[])[0])
}

export const describeAdversary = (config: AdversaryParams): string => {
  const entry = adversaryKinds.get(config.kind)
  return entry === undefined ? config.kind : entry.describe(config)
}

/** Validates then builds a built-in adversary for a domain of dimension dim. */
export const createAdversary = (config: AdversaryParams, dim: number): Adversary => {
  const valid = validateAdversary(config, dim)
  return adversaryKinds.get(valid.kind)!.create(valid, dim)
}
