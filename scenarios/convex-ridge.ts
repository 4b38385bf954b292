// Zou, Cao, Li & Gu (ICLR 2023), the convex counterpart of their result: with weight decay in the
// objective, E(w) = ½‖Xw − y‖² + (λ/2)‖w‖² is strongly convex, so every algorithm that converges
// reaches its unique minimiser (XᵀX + λI)⁻¹Xᵀy, and all have the same test error. Gradient descent,
// AdaGrad and Adam (with a decaying step under which it converges) do.
import type { ScenarioInput } from "../src/scenario/types.ts"

const d = 8
const penalty = 5
const learners = ["gd", "adagrad", "adam"]

export const scenario = {
  id: "generalization/convex-ridge",
  title: "With an L2 penalty the objective is strongly convex: GD, AdaGrad and Adam reach the same minimiser (Zou et al. 2023)",
  citation: "D. Zou, Y. Cao, Y. Li & Q. Gu, Understanding the Generalization of Adam in Learning Neural Networks with Proper Regularization, ICLR 2023 (the convex case)",
  description: `E(w) = ½‖Zw − y‖² + (${penalty}/2)‖w‖², z ~ N(0, I_${d}), y = sign(⟨w*, z⟩ + 0.5ξ), n = 40 training and 1000 test points; 3000 full-batch steps from 0.`,
  notes: [
    "distToMinimisers is ‖w_t − (XᵀX + λI)⁻¹Xᵀy‖₂, the closed form solved by Cholesky; the regret is against its value, min E.",
    "Adam is the cattaneo preset (ε = 1e-8 inside the root) with α_t = 0.15/t. With a constant α (or α/√t past about 10^4 steps) Adam does not settle: as the gradient vanishes, v̂ decays, the step α/√(v̂ + ε) grows past the stability limit and the iterates spike (docs/generalization.md).",
    "The non-convex two-layer CNN result of the same paper (Adam and GD reach different global solutions) is out of scope."
  ],
  domain: { kind: "box", lower: Array(d).fill(-10), upper: Array(d).fill(10) },
  adversary: { kind: "full-batch", objective: { kind: "gaussian-least-squares", n: 40, noise: 0.5, testSize: 1000, penalty } },
  learners: [
    { label: "gd", kind: "ogd", preset: "pytorch", alpha: 0.01 },
    { label: "adagrad", kind: "adagrad", preset: "pytorch", alpha: 0.1 },
    { label: "adam", kind: "adam", preset: "cattaneo", alpha: 0.15, stepSchedule: { kind: "power", power: 1 } }
  ],
  horizon: 3000,
  start: Array(d).fill(0),
  seeds: 3,
  checkpoints: { perDecade: 20 },
  expectations: [
    ...learners.map((learner) => ({ learner, metric: "distToMinimisers", op: "<=" as const, value: 1e-6, why: "the unique minimiser (XᵀX + λI)⁻¹Xᵀy" })),
    ...learners.slice(1).map((learner) => ({ learner, metric: "testLoss", op: "near" as const, value: 0, tolerance: 1e-6, than: "gd", why: "the same point, the same test loss" })),
    ...learners.map((learner) => ({ learner, metric: "avgRegret", op: "<=" as const, value: 0.05 }))
  ]
} satisfies ScenarioInput

export default scenario
