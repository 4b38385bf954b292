// Bock & Weiß (ICANN 2019): in batch mode Adam has 2-limit-cycles on convex quadratics. For
// f(x) = ½λx² (no bias correction, ε = 0, constant α) the orbit x_k = (−1)^k·a with
// a = α(1−β1)/(2(1+β1)) is exact whatever λ and β2; with β1 = 0, β2 = 0.9, α = 0.1 it attracts.
import type { ScenarioInput } from "../src/scenario/types.ts"

const alpha = 0.1
const beta1 = 0
const amplitude = (alpha * (1 - beta1)) / (2 * (1 + beta1)) // 0.05

export const scenario = {
  id: "bock-weiss/cycle",
  title: "Adam's 2-limit-cycle on a quadratic (Bock & Weiß 2019)",
  citation: "S. Bock & M. Weiß, Non-convergence and limit cycles in the Adam optimizer, ICANN 2019 (LNCS 11728), arXiv 2210.02070",
  description: `f_t(x) = ½x² every round on [−1, 1]; Adam (paper form) with β1 = ${beta1}, β2 = 0.9, constant α = ${alpha}; amplitude α(1−β1)/(2(1+β1)) = ${amplitude}.`,
  notes: [
    "Online play against a fixed loss is batch optimisation: the regret of the cycle is ½a² per round, so R_T/T does not go to 0.",
    "OGD with the same constant step converges to 0 (learner ogd)."
  ],
  domain: { kind: "box", lower: [-1], upper: [1] },
  adversary: { kind: "quadratic", curvature: 1, center: 0 },
  learners: [
    { label: "adam", kind: "adam", preset: "paper", alpha, stepSchedule: { kind: "constant" }, beta1, beta2: 0.9 },
    { label: "ogd", kind: "ogd", preset: "paper", alpha, stepSchedule: { kind: "constant" } }
  ],
  horizon: 20_000,
  start: [amplitude],
  expectations: [
    { learner: "adam", metric: "distToComparator", over: "all", op: "near", value: amplitude, tolerance: 1e-6, why: "|x_T| = a on the 2-cycle" },
    { learner: "adam", metric: "avgRegret", over: "all", op: "near", value: 0.5 * amplitude ** 2, tolerance: 1e-4, why: "½a² per round" },
    { learner: "ogd", metric: "distToComparator", over: "all", op: "<=", value: 1e-6 }
  ]
} satisfies ScenarioInput

export default scenario
