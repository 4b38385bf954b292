// Loshchilov & Hutter (ICLR 2019): weight decay decoupled from the gradient step (AdamW) is not the L2
// penalty. Here the revealed loss is the data loss L(w) = ½‖Xw − y‖² and each learner brings its own
// weight decay λ: in "l2" mode the learner steps on ∇L + λw, the gradient of L + (λ/2)‖w‖², and so
// reaches its minimiser (XᵀX + λI)⁻¹Xᵀy whatever its preconditioner; in "decoupled" mode the decay
// λw is added after the preconditioned step. For gradient descent the two are the same update; for
// Adam they are not, and AdamW ends elsewhere.
import type { ScenarioInput } from "../src/scenario/types.ts"

const d = 8
const lambda = 5
const schedule = { kind: "power", power: 1 } as const
const toRidge = ["GD, L2", "GD, decoupled", "Adam, L2"]

export const scenario = {
  id: "generalization/adamw-decoupled",
  title: "Decoupled weight decay is not the L2 penalty: AdamW ends away from the ridge solution (Loshchilov & Hutter 2019)",
  citation: "I. Loshchilov & F. Hutter, Decoupled Weight Decay Regularization, ICLR 2019; D. Zou, Y. Cao, Y. Li & Q. Gu, ICLR 2023 (the convex case)",
  description: `L(w) = ½‖Zw − y‖², z ~ N(0, I_${d}), y = sign(⟨w*, z⟩ + 0.5ξ), n = 40; every learner applies weight decay λ = ${lambda}, coupled (l2) or decoupled; distToReference = ‖w_t − (XᵀX + λI)⁻¹Xᵀy‖₂.`,
  notes: [
    "Adam, L2 and AdamW differ only in weightDecayMode. Adam with L2 steps along m̂/√(v̂ + ε) of ∇L + λw, whose only fixed point is ∇L + λw = 0. AdamW's fixed points solve ∂_jL/√((∂_jL)² + ε) = −λw_j coordinate by coordinate.",
    "As ε → 0 AdamW's condition says: ∂_jL = 0 where |w_j| < 1/λ, else |w_j| = 1/λ against the gradient: the minimiser of L over the box ‖w‖∞ ≤ 1/λ = 0.2 (the dashed bounds of the final-weights chart), not the ridge solution.",
    "The regret is against min L, the least-squares fit that no learner here aims at: every R_T grows linearly.",
    "Both Adams use the cattaneo preset's ε = 1e-8 inside the root and α_t = 0.15/t."
  ],
  domain: { kind: "box", lower: Array(d).fill(-10), upper: Array(d).fill(10) },
  adversary: { kind: "full-batch", objective: { kind: "gaussian-least-squares", n: 40, noise: 0.5, testSize: 1000, penalty: 0, referencePenalty: lambda } },
  learners: [
    { label: "GD, L2", kind: "ogd", preset: "pytorch", alpha: 0.01, weightDecay: lambda, weightDecayMode: "l2" },
    { label: "GD, decoupled", kind: "ogd", preset: "pytorch", alpha: 0.01, weightDecay: lambda, weightDecayMode: "decoupled" },
    { label: "Adam, L2", kind: "adam", preset: "cattaneo", alpha: 0.15, stepSchedule: schedule, weightDecay: lambda, weightDecayMode: "l2" },
    { label: "AdamW", kind: "adamw", preset: "pytorch", alpha: 0.15, stepSchedule: schedule, eps: 0, epsRoot: 1e-8, weightDecay: lambda, weightDecayMode: "decoupled" }
  ],
  horizon: 3000,
  start: Array(d).fill(0),
  seeds: 3,
  checkpoints: { perDecade: 20 },
  expectations: [
    ...toRidge.map((learner) => ({ learner, metric: "distToReference", op: "<=" as const, value: 1e-6, why: "the minimiser of L + (λ/2)‖w‖²" })),
    { learner: "AdamW", metric: "distToReference", op: ">=" as const, value: 0.1, why: "decoupled decay is not the gradient of (λ/2)‖w‖²" },
    { learner: "AdamW", metric: "trainLoss", op: ">=" as const, value: 0.05, than: "Adam, L2", why: "a different point: here a worse fit of the training data" }
  ]
} satisfies ScenarioInput

export default scenario
