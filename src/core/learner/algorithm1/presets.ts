// Every Algorithm-1 learner kind with its published presets, written out in full so a reader can
// compare conventions field by field (docs/reference/reddi2018.md §1a). A preset is a complete config.
import type { LearnerKind } from "../learner.ts"
import type { Algorithm1Config, Algorithm1Kind } from "./fields.ts"

type Preset = Omit<Algorithm1Config, "kind">

const paperBase: Preset = {
  preset: "paper",
  alpha: 0.1,
  stepSchedule: { kind: "inv-sqrt" },
  momentum: "none",
  beta1: 0,
  beta1Schedule: { kind: "constant" },
  secondMoment: "none",
  beta2: 0,
  beta2Schedule: "constant",
  amsgrad: "off",
  biasCorrection1: false,
  biasCorrection2: false,
  eps: 0,
  epsRoot: 0,
  initialAccumulator: 0,
  weightDecay: 0,
  weightDecayMode: "l2",
  sign: false,
  projection: "weighted"
}

/** torch.optim conventions: constant lr, ε outside the root, bias correction on for Adam-type. */
const pytorchBase: Preset = {
  ...paperBase,
  preset: "pytorch",
  alpha: 1e-3,
  stepSchedule: { kind: "constant" }
}

/** optax conventions: like torch, but AMSGrad takes the max over the bias-corrected ν. */
const optaxBase: Preset = { ...pytorchBase, preset: "optax" }

const adamPaper = { ...paperBase, momentum: "ema", beta1: 0.9, secondMoment: "ema", beta2: 0.999 } as const
const adamLib = { momentum: "ema", beta1: 0.9, secondMoment: "ema", beta2: 0.999, biasCorrection1: true, biasCorrection2: true, eps: 1e-8 } as const

export interface Algorithm1Entry {
  readonly kind: Algorithm1Kind
  readonly title: string
  readonly citation: string
  /** Complete configs by preset name; the first is the default. */
  readonly presets: Readonly<Record<string, Preset>>
  /** Configs the contract battery plays and rejects (see LearnerKind.examples). */
  readonly examples: LearnerKind["examples"]
}

export const algorithm1Kinds: Readonly<Record<Algorithm1Kind, Algorithm1Entry>> = {
  ogd: {
    kind: "ogd",
    title: "Projected online gradient descent",
    citation: "Zinkevich 2003; torch.optim.SGD; optax.sgd",
    presets: {
      paper: paperBase,
      pytorch: pytorchBase,
      optax: optaxBase
    },
    examples: { valid: [{ alpha: 0.5 }, { preset: "pytorch", alpha: 0.1 }], invalid: [[{ beta1: 0.9 }, "beta1: expected 0 when momentum is \"none\", got 0.9"]] }
  },
  momentum: {
    kind: "momentum",
    title: "Heavy-ball momentum (m = μm + g)",
    citation: "Polyak 1964; torch.optim.SGD(momentum); optax.sgd(momentum)",
    presets: {
      paper: { ...paperBase, momentum: "heavy-ball", beta1: 0.9 },
      pytorch: { ...pytorchBase, momentum: "heavy-ball", beta1: 0.9 },
      optax: { ...optaxBase, momentum: "heavy-ball", beta1: 0.9 }
    },
    examples: { valid: [{ alpha: 0.1 }, { preset: "optax", alpha: 0.05, beta1: 0.5 }] }
  },
  adagrad: {
    kind: "adagrad",
    title: "AdaGrad (diagonal)",
    citation: "Duchi, Hazan & Singer 2011; Reddi et al. 2018 Algorithm 1; torch.optim.Adagrad; optax.adagrad",
    presets: {
      // Reddi's framework: ψ_t = diag(Σg²)/t with α_t = α/√t (equals Duchi's form up to rounding).
      paper: { ...paperBase, alpha: 0.5, secondMoment: "mean" },
      duchi: { ...paperBase, preset: "duchi", alpha: 0.5, secondMoment: "sum", stepSchedule: { kind: "constant" } },
      pytorch: { ...pytorchBase, alpha: 0.01, secondMoment: "sum", eps: 1e-10, stepSchedule: { kind: "inverse-time", decay: 0 } },
      optax: { ...optaxBase, alpha: 0.01, secondMoment: "sum", eps: 0, epsRoot: 1e-7, initialAccumulator: 0.1 }
    },
    examples: { valid: [{}, { preset: "duchi" }, { preset: "pytorch", alpha: 0.5 }, { preset: "optax", alpha: 0.5 }] }
  },
  rmsprop: {
    kind: "rmsprop",
    title: "RMSProp (Adam with β1 = 0)",
    citation: "Tieleman & Hinton 2012; torch.optim.RMSprop; optax.rmsprop",
    presets: {
      paper: { ...paperBase, secondMoment: "ema", beta2: 0.9 },
      pytorch: { ...pytorchBase, alpha: 0.01, secondMoment: "ema", beta2: 0.99, eps: 1e-8 },
      optax: { ...optaxBase, alpha: 1e-3, secondMoment: "ema", beta2: 0.9, epsRoot: 1e-8 }
    },
    examples: { valid: [{ alpha: 0.5 }, { preset: "pytorch", alpha: 0.05 }, { preset: "optax", alpha: 0.05 }] }
  },
  adam: {
    kind: "adam",
    title: "Adam",
    citation: "Kingma & Ba 2015; Reddi et al. 2018 (paper form: no bias correction, no ε); torch.optim.Adam; optax.adam; Cattaneo et al. 2024 (cattaneo: ε inside the root)",
    presets: {
      paper: adamPaper,
      pytorch: { ...pytorchBase, ...adamLib },
      optax: { ...optaxBase, ...adamLib },
      // Cattaneo, Klusowski & Shigida's Definition 1.1: bias-corrected, ε inside the square root.
      cattaneo: { ...pytorchBase, preset: "cattaneo", ...adamLib, eps: 0, epsRoot: 1e-8 }
    },
    examples: {
      valid: [
        { alpha: 0.5 }, { preset: "pytorch", alpha: 0.05 }, { preset: "optax", alpha: 0.05 }, { preset: "cattaneo", alpha: 0.01, beta1: 0.8, beta2: 0.95 },
        { alpha: 0.5, beta1Schedule: { kind: "exponential", lambda: 0.999 } }, { alpha: 0.5, beta1Schedule: { kind: "inverse" } },
        { alpha: 0.05, stepSchedule: { kind: "constant" }, epsRoot: 1e-8 }
      ],
      invalid: [[{ stepSchedule: { kind: "custom", name: "mine" } }, "stepSchedule.fn: expected a function t => number (only a TypeScript scenario can give one) (required), got nothing (missing)"]]
    }
  },
  amsgrad: {
    kind: "amsgrad",
    title: "AMSGrad",
    citation: "Reddi, Kale & Kumar 2018 Algorithm 2; torch.optim.Adam(amsgrad=True); optax.amsgrad",
    presets: {
      paper: { ...adamPaper, amsgrad: "raw" },
      pytorch: { ...pytorchBase, ...adamLib, amsgrad: "raw" },
      optax: { ...optaxBase, ...adamLib, amsgrad: "corrected" }
    },
    examples: {
      valid: [{ alpha: 0.5 }, { preset: "pytorch", alpha: 0.05 }, { preset: "optax", alpha: 0.05 }],
      invalid: [[{ secondMoment: "sum" }, "amsgrad: expected \"off\" unless secondMoment is \"ema\", got \"raw\""]]
    }
  },
  adamnc: {
    kind: "adamnc",
    title: "AdamNC (β2t = 1 − 1/t)",
    citation: "Reddi, Kale & Kumar 2018 Algorithm 3",
    presets: { paper: { ...adamPaper, beta2: 0, beta2Schedule: "inverse-t" } },
    examples: { valid: [{ alpha: 0.5 }], invalid: [[{ biasCorrection2: true }, "biasCorrection2: expected false with beta2Schedule \"inverse-t\" (v_t is already the mean of g²), got true"]] }
  },
  adamw: {
    kind: "adamw",
    title: "AdamW (decoupled weight decay)",
    citation: "Loshchilov & Hutter 2019; torch.optim.AdamW; optax.adamw",
    presets: {
      paper: { ...adamPaper, weightDecay: 0.01, weightDecayMode: "decoupled" },
      pytorch: { ...pytorchBase, ...adamLib, weightDecay: 0.01, weightDecayMode: "decoupled" },
      optax: { ...optaxBase, ...adamLib, weightDecay: 1e-4, weightDecayMode: "decoupled" }
    },
    examples: {
      valid: [{ alpha: 0.5 }, { preset: "pytorch", alpha: 0.05 }, { preset: "optax", alpha: 0.05 }, { alpha: 0.5, weightDecayMode: "l2" }],
      invalid: [[{ momentum: "none" }, "beta1: expected 0 when momentum is \"none\", got 0.9"]]
    }
  },
  signgd: {
    kind: "signgd",
    title: "SignGD (signum with β1 > 0)",
    citation: "Bernstein et al. 2018",
    presets: { paper: { ...paperBase, alpha: 0.01, stepSchedule: { kind: "constant" }, momentum: "ema", sign: true } },
    examples: {
      valid: [{ alpha: 0.01 }, { alpha: 0.3, stepSchedule: { kind: "inv-sqrt" }, beta1: 0.9 }],
      invalid: [[{ secondMoment: "ema" }, "sign: expected false unless secondMoment is \"none\", got true"], [{ biasCorrection1: true, momentum: "heavy-ball" }, "biasCorrection1: expected false unless momentum is \"ema\", got true"]]
    }
  }
}
