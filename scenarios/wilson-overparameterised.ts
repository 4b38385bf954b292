// Wilson, Roelofs, Stern, Srebro & Recht (NeurIPS 2017), Section 3.3: on over-parameterised least
// squares (n points, 3 + 5n features) every interpolant has zero training loss, and which one an
// algorithm reaches decides the test error. Gradient descent from 0 stays in the row space of X and
// reaches the minimum-norm interpolant w† = Xᵀ(XXᵀ)⁻¹y, which classifies every new point by its
// first feature (its label); adaptive methods move along sign(Xᵀy) and reach the interpolant
// ¼·sign(Xᵀy), which predicts +1 for every new point: test error = the share of negative labels.
import type { ScenarioInput } from "../src/scenario/types.ts"

const n = 20
const d = 3 + 5 * n
const positiveShare = 0.6
const adaptive = ["adagrad", "adam"]
const plain = ["gd", "heavy-ball"]

export const scenario = {
  id: "generalization/wilson-overparameterised",
  title: "Adaptive methods reach other interpolants, with worse test error (Wilson et al. 2017)",
  citation: "A. C. Wilson, R. Roelofs, M. Stern, N. Srebro & B. Recht, The Marginal Value of Adaptive Gradient Methods in Machine Learning, NeurIPS 2017, Section 3.3",
  description: `E(w) = ½‖Xw − y‖² on Wilson et al.'s data: n = ${n} training points (⌈${positiveShare}·n⌉ positive), d = ${d}, 1000 held-out test points; every learner starts at 0; ${3000} full-batch steps.`,
  notes: [
    "Training labels: exactly ⌈p·n⌉ = 12 of 20 positive, so every seed has the same training set up to the order of the points; the seed draws the test set.",
    "Gradient descent and heavy-ball momentum move in the row space of X and reach the minimum-norm interpolant (distToMinNorm); AdaGrad and Adam reach Wilson et al.'s ¼·sign(Xᵀy) (distToSignSolution).",
    "Adam is the cattaneo preset (ε = 1e-8 inside the root) with α_t = 0.15/t; AdaGrad is torch's (ε = 1e-10 outside the root, constant α = 0.1).",
    "The regret is against min E = 0; the domain [−10, 10]^103 is never touched (onBoundary = 0)."
  ],
  domain: { kind: "box", lower: Array(d).fill(-10), upper: Array(d).fill(10) },
  adversary: { kind: "full-batch", objective: { kind: "wilson-least-squares", n, positiveShare, testSize: 1000 } },
  learners: [
    { label: "gd", kind: "ogd", preset: "pytorch", alpha: 0.01 },
    { label: "heavy-ball", kind: "momentum", preset: "pytorch", alpha: 0.002, beta1: 0.9 },
    { label: "adagrad", kind: "adagrad", preset: "pytorch", alpha: 0.1 },
    { label: "adam", kind: "adam", preset: "cattaneo", alpha: 0.15, stepSchedule: { kind: "power", power: 1 } }
  ],
  horizon: 3000,
  start: Array(d).fill(0),
  seeds: 2,
  checkpoints: { perDecade: 20 },
  expectations: [
    ...[...plain, ...adaptive].map((learner) => ({ learner, metric: "trainLoss", op: "<=" as const, value: 1e-20, why: "interpolates the training set" })),
    ...plain.map((learner) => ({ learner, metric: "distToMinNorm", op: "<=" as const, value: 1e-6, why: "the minimum-norm interpolant Xᵀ(XXᵀ)⁻¹y" })),
    ...plain.map((learner) => ({ learner, metric: "testError", op: "<=" as const, value: 0, why: "every test point classified by its first feature" })),
    ...adaptive.map((learner) => ({ learner, metric: "distToSignSolution", op: "<=" as const, value: 1e-6, why: "the interpolant ¼·sign(Xᵀy)" })),
    ...adaptive.map((learner) => ({ learner, metric: "distToMinNorm", op: ">=" as const, value: 1, why: "another interpolant" })),
    ...adaptive.map((learner) => ({ learner, metric: "testError", op: ">=" as const, value: 0.3, than: "gd", why: "predicts +1 everywhere: test error = share of negatives ≈ 1 − p" }))
  ]
} satisfies ScenarioInput

export default scenario
