// The fields of Reddi et al.'s Algorithm 1, x_{t+1} = Π_{F,√V_t}(x_t − α_t m_t/√V_t), with every
// convention on which published implementations disagree as an explicit, named field. This table
// is the one place a field is declared: its type and range (validation, the scenario Schema, the
// JSON Schema for editors), its doc (README, `regretlab describe`), its kernel slot (the round
// kernel's parameter array) and its text in report labels all derive from it, and so does the
// config's TypeScript type.
import type { Fields, ValuesOf } from "../../config/fields.ts"
import { fmt } from "../../config/show.ts"

export const algorithm1Fields = {
  alpha: { type: "number", doc: "Step size α (α_t follows stepSchedule).", min: 0, max: Infinity, minOpen: true, maxOpen: true, slot: "a" },
  stepSchedule: {
    type: "variant",
    doc: "α_t: constant α, α/√t (the paper's theory), α/t^p, α/(1+(t−1)·decay) (torch Adagrad's lr_decay), or a custom function (TypeScript only).",
    variants: {
      "constant": {},
      "inv-sqrt": {},
      "power": { power: { type: "number", doc: "Exponent p of α/t^p.", min: 0, max: 2, minOpen: true, slot: "pow" } },
      "inverse-time": { decay: { type: "number", doc: "Decay of α/(1+(t−1)·decay).", min: 0, max: Infinity, maxOpen: true, slot: "decay" } },
      "custom": {
        name: { type: "text", doc: "Name shown in reports." },
        fn: { type: "function", doc: "t ↦ α_t / α." }
      }
    }
  },
  momentum: { type: "enum", doc: "First moment: none (m = g), ema (m = β1t·m + (1−β1t)·g, Adam), heavy-ball (m = β1t·m + g, torch/optax SGD momentum).", values: ["none", "ema", "heavy-ball"] },
  beta1: {
    type: "number", doc: "β1 of the first moment (0 when momentum is none).", min: 0, max: 1, maxOpen: true, slot: "b1"
  },
  beta1Schedule: {
    type: "variant",
    doc: "β1t: constant β1, β1·λ^{t−1} (Reddi et al. Corollary 1), or β1/t.",
    variants: {
      "constant": {},
      "exponential": { lambda: { type: "number", doc: "λ of β1·λ^{t−1}.", min: 0, max: 1, minOpen: true, slot: "lam" } },
      "inverse": {}
    }
  },
  secondMoment: {
    type: "enum", doc: "Second moment v (the diagonal of V_t): none (V = I), ema (v = β2t·v + (1−β2t)·g², Adam), sum (v₀ + Σg², AdaGrad as Duchi et al. state it), mean (Σg²/t, AdaGrad in Reddi et al.'s form).",
    values: ["none", "ema", "sum", "mean"]
  },
  beta2: {
    type: "number", doc: "β2 of the ema second moment.", min: 0, max: 1, maxOpen: true, slot: "b2"
  },
  beta2Schedule: { type: "enum", doc: "constant β2, or AdamNC's β2t = 1 − 1/t.", values: ["constant", "inverse-t"] },
  amsgrad: {
    type: "enum", doc: "AMSGrad's running max: off, over the raw v (the paper, torch), or over the bias-corrected v (optax's default).",
    values: ["off", "raw", "corrected"]
  },
  biasCorrection1: { type: "boolean", doc: "Divide m by 1 − Π_s β1s." },
  biasCorrection2: { type: "boolean", doc: "Divide v by 1 − Π_s β2s (with amsgrad raw: the max is corrected at the current t, as torch does)." },
  eps: { type: "number", doc: "ε outside the square root: the denominator is √(v̂ + epsRoot) + eps.", min: 0, max: Infinity, maxOpen: true, slot: "eps" },
  epsRoot: { type: "number", doc: "ε inside the square root (the paper's eq. 3; optax's eps_root).", min: 0, max: Infinity, maxOpen: true, slot: "eps2" },
  initialAccumulator: { type: "number", doc: "Initial v₀ of the accumulator (torch/optax Adagrad's initial_accumulator_value).", min: 0, max: Infinity, maxOpen: true },
  weightDecay: {
    type: "number", doc: "Weight decay λ.", min: 0, max: Infinity, maxOpen: true, slot: "wd"
  },
  weightDecayMode: { type: "enum", doc: "l2: g ← g + λx before the moments; decoupled: x ← x − α_t·λ·x (AdamW).", values: ["l2", "decoupled"] },
  sign: { type: "boolean", doc: "Step along sign(m̂) instead of m̂/√v̂ (SignGD, signum)." },
  projection: {
    type: "enum", doc: "Π_{F,√V_t} in the learner's own metric, weights √v̂ + ε (the step's own denominator), as the paper; or the plain Euclidean Π_F. Identical on a box.",
    values: ["weighted", "euclidean"]
  }
} as const satisfies Fields

/** Every field of an Algorithm-1 config but its kind and preset. */
export type Algorithm1Values = ValuesOf<typeof algorithm1Fields>

export type Algorithm1Kind = "ogd" | "momentum" | "adagrad" | "rmsprop" | "adam" | "amsgrad" | "adamnc" | "adamw" | "signgd"

/** A complete Algorithm-1 learner config. */
export type Algorithm1Config = { readonly kind: Algorithm1Kind; readonly preset: string } & Algorithm1Values

const stepText = (c: Algorithm1Values): string => {
  const a = fmt(c.alpha)
  const s = c.stepSchedule
  switch (s.kind) {
    case "constant": return `α=${a}`
    case "inv-sqrt": return `α=${a}/√t`
    case "power": return `α=${a}/t^${fmt(s.power)}`
    case "inverse-time": return s.decay === 0 ? `α=${a}` : `α=${a}/(1+${fmt(s.decay)}(t−1))`
    case "custom": return `α=${a}·${s.name}(t)`
  }
}

/**
 * Each field's piece of the report label (fields in table order, absent pieces skipped), e.g.
 * "α=0.5/√t, β1=0.9, β2=0.99".
 */
export const algorithm1Labels: { readonly [K in keyof typeof algorithm1Fields]?: (c: Algorithm1Values) => string | undefined } = {
  alpha: stepText,
  beta1: (c) => {
    if (c.momentum === "none") return undefined
    const b = c.beta1Schedule
    return `β1=${fmt(c.beta1)}${b.kind === "exponential" ? `·${fmt(b.lambda)}^(t−1)` : b.kind === "inverse" ? "/t" : ""}`
  },
  secondMoment: (c) => (c.secondMoment === "sum" ? "v=Σg²" : c.secondMoment === "mean" ? "v=Σg²/t" : undefined),
  beta2: (c) => (c.secondMoment !== "ema" ? undefined : c.beta2Schedule === "inverse-t" ? "β2=1−1/t" : `β2=${fmt(c.beta2)}`),
  amsgrad: (c) => (c.amsgrad === "off" ? undefined : `max(${c.amsgrad === "raw" ? "v" : "v̂"})`),
  biasCorrection1: (c) => (c.biasCorrection1 ? "m/(1−β1^t)" : undefined),
  biasCorrection2: (c) => (c.biasCorrection2 ? "v/(1−β2^t)" : undefined),
  eps: (c) => (c.eps !== 0 ? `ε=${fmt(c.eps)}` : undefined),
  epsRoot: (c) => (c.epsRoot !== 0 ? `ε√=${fmt(c.epsRoot)}` : undefined),
  initialAccumulator: (c) => (c.initialAccumulator !== 0 ? `v₀=${fmt(c.initialAccumulator)}` : undefined),
  weightDecay: (c) => (c.weightDecay !== 0 ? `λ=${fmt(c.weightDecay)} ${c.weightDecayMode}` : undefined),
  sign: (c) => (c.sign ? "sign" : undefined),
  projection: (c) => (c.projection === "euclidean" && c.secondMoment !== "none" ? "Euclidean Π" : undefined)
}

/** The kernel's parameter slots, in the order of the parameter array (the domain's clip bounds last). */
export const KERNEL_SLOTS = ["a", "pow", "decay", "b1", "lam", "b2", "eps", "eps2", "wd", "lo", "hi"] as const
