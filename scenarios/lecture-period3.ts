// The course slides' version of the period-3 failure (Lim, "Adam and its variants", UNIST):
// gradient C once, then −1 twice, β1 = 0 and a small β2, a constant step γ. Adam's denominator
// tracks the latest |g|, so the C step moves it by about −γ and each −1 step by +γ: a net +γ per
// cycle towards +1. AMSGrad's running max keeps the denominator near C and it goes to −1.
import type { ScenarioInput } from "../src/scenario/types.ts"

const gamma = 0.01
const step = { alpha: gamma, stepSchedule: { kind: "constant" } } as const

export const scenario = {
  id: "lecture/period3",
  title: "Period-3 counterexample as taught: Adam drifts +γ per cycle, AMSGrad fixes it",
  citation: "D.-Y. Lim, Advanced Optimization Algorithms for AI, Ch. 4 Part I (slides on AMSGrad), after Reddi et al. 2018",
  description: "f_t(x) = 3x if t mod 3 = 1, else −x, on [−1, 1]; β1 = 0, β2 = 0.01, constant γ = 0.01, x_1 = 0.",
  notes: [
    "The failure needs the paper's β's: with (β1, β2) = (0.9, 0.99) Adam does reach −1 on this sequence (C = 3); learner adam-0.9-0.99 shows it.",
    "The slides write the step as θ ← θ − γ g/√(v + ε); here ε = 0 (paper form)."
  ],
  domain: { kind: "box", lower: [-1], upper: [1] },
  adversary: { kind: "periodic-linear", C: 3, period: 3 },
  learners: [
    { label: "adam", kind: "adam", preset: "paper", ...step, beta1: 0, beta2: 0.01 },
    { label: "amsgrad", kind: "amsgrad", preset: "paper", ...step, beta1: 0, beta2: 0.01 },
    { label: "adam-0.9-0.99", kind: "adam", preset: "paper", ...step, beta1: 0.9, beta2: 0.99 }
  ],
  horizon: 30_000,
  start: [0],
  expectations: [
    { learner: "adam", metric: "x", over: "all", op: ">=", value: 0.98, why: "about +γ per cycle towards +1" },
    { learner: "adam", metric: "avgRegret", over: "all", op: ">=", value: 0.6 },
    { learner: "amsgrad", metric: "x", over: "all", op: "<=", value: -0.97, why: "the running max of v keeps the big gradient's weight" },
    { learner: "adam-0.9-0.99", metric: "x", over: "all", op: "<=", value: -0.97, why: "with (0.9, 0.99) Adam converges on this sequence" }
  ]
} satisfies ScenarioInput

export default scenario
