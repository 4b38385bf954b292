// A learner's full configuration: every knob on which published implementations disagree is an
// explicit, named field, and the whole record is plain serialisable data (optax users asked for
// hyperparameters as inspectable data rather than closures; we keep the record, not the closure).

export type LearnerKind =
  | "ogd" | "momentum" | "adagrad" | "rmsprop" | "adam" | "amsgrad" | "adamnc" | "adamw" | "signgd"

/** Published conventions. `paper` is Reddi et al. (Algorithms 1–2); `duchi` is AdaGrad as Duchi et al. state it. */
export type PresetName = "paper" | "pytorch" | "optax" | "duchi"

/** Step size α_t. */
export type StepSchedule =
  | { readonly kind: "constant" }                         // α_t = α
  | { readonly kind: "inv-sqrt" }                         // α_t = α/√t  (the paper's theory)
  | { readonly kind: "power"; readonly power: number }    // α_t = α/t^p
  | { readonly kind: "inverse-time"; readonly decay: number } // α_t = α/(1 + (t−1)·decay)  (torch Adagrad lr_decay)
  | { readonly kind: "custom"; readonly name: string; readonly fn?: (t: number) => number } // TS scenarios only

/** First-moment coefficient β1t. */
export type Beta1Schedule =
  | { readonly kind: "constant" }                          // β1t = β1
  | { readonly kind: "exponential"; readonly lambda: number } // β1t = β1·λ^{t−1} (Reddi Corollary 1)
  | { readonly kind: "inverse" }                           // β1t = β1/t

/** How the first moment accumulates: EMA m = β1t·m + (1−β1t)·g, or heavy ball m = β1t·m + g (torch/optax SGD momentum). */
export type MomentumForm = "none" | "ema" | "heavy-ball"

/**
 * Second moment v (the diagonal of V_t):
 *  none: V = I (OGD, momentum, SignGD);  ema: v = β2t·v + (1−β2t)·g²  (Adam, RMSProp, AdamNC);
 *  sum: v = v₀ + Σ g² (AdaGrad as Duchi states it);  mean: v = Σ g²/t (AdaGrad in Reddi's Algorithm 1 form).
 */
export type SecondMoment = "none" | "ema" | "sum" | "mean"

export interface LearnerConfig {
  readonly kind: LearnerKind
  readonly preset: PresetName
  readonly alpha: number
  readonly stepSchedule: StepSchedule
  readonly momentum: MomentumForm
  readonly beta1: number
  readonly beta1Schedule: Beta1Schedule
  readonly secondMoment: SecondMoment
  readonly beta2: number
  /** constant β2, or AdamNC's β2t = 1 − 1/t. */
  readonly beta2Schedule: "constant" | "inverse-t"
  /** AMSGrad's running max: off, over raw v (paper, PyTorch), or over bias-corrected v (optax default). */
  readonly amsgrad: "off" | "raw" | "corrected"
  /** Divide m by 1 − Π β1s. */
  readonly biasCorrection1: boolean
  /** Divide v by 1 − Π β2s (for AMSGrad "raw": the max is corrected at the current t, as PyTorch does). */
  readonly biasCorrection2: boolean
  /** ε added outside the square root: denominator √(v + epsRoot) + eps. */
  readonly eps: number
  /** ε added inside the square root (the paper's eq. 3; optax eps_root). */
  readonly epsRoot: number
  /** Initial value of the accumulator v₀ (torch/optax Adagrad initial_accumulator_value). */
  readonly initialAccumulator: number
  readonly weightDecay: number
  /** l2: g ← g + λx before the moments; decoupled: x ← x − α_t·λ·x (AdamW). */
  readonly weightDecayMode: "l2" | "decoupled"
  /** Step along sign(m̂) instead of m̂/√v̂ (SignGD / signum). */
  readonly sign: boolean
  /** Π_{F,√V_t} as in the paper, or plain Euclidean Π_F. Identical on a box. */
  readonly projection: "weighted" | "euclidean"
}

/** What a user writes: a kind, optionally a preset and a label, and any fields to override. */
export type LearnerSpec = { readonly kind: LearnerKind; readonly preset?: PresetName; readonly label?: string } &
  Partial<Omit<LearnerConfig, "kind" | "preset">>

/** A resolved learner with its display label. */
export interface LabelledLearner {
  readonly label: string
  readonly config: LearnerConfig
}

/** JSON form of a config: a custom step schedule keeps its name, not its function. */
export const serialiseLearnerConfig = (config: LearnerConfig): LearnerConfig => {
  if (config.stepSchedule.kind !== "custom") return config
  return { ...config, stepSchedule: { kind: "custom", name: config.stepSchedule.name } }
}
