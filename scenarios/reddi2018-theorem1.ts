// Reddi, Kale & Kumar (ICLR 2018), Theorem 1: on F = [−1, 1] the period-3 sequence
// f_t(x) = C·x (t mod 3 = 1), −x otherwise, with C > 2, β1 = 0 and β2 = 1/(1+C²), drives Adam to
// x = +1, the worst point, with R_T/T → (2C − 4)/3; AMSGrad and AdaGrad reach the optimum −1.
import type { ScenarioInput } from "../src/scenario/types.ts"

const C = 3
const beta2 = 1 / (1 + C * C) // = 0.1 for C = 3
const perCycleLoss = (2 * C - 4) / 3

export const scenario = {
  id: "reddi2018/theorem1",
  title: "Adam fails on the period-3 sequence (Reddi et al. Theorem 1)",
  citation: "Reddi, Kale & Kumar, On the Convergence of Adam and Beyond, ICLR 2018, Theorem 1",
  description: `f_t(x) = ${C}x if t mod 3 = 1, else −x, on [−1, 1]; β1 = 0, β2 = 1/(1+C²) = ${beta2}; α_t = 0.5/√t (α < √(1−β2)), x_1 = 1.`,
  notes: [
    "The big gradient C comes once in three rounds and Adam divides it by almost C, so the two −1 rounds win.",
    "x_{3t+1} = 1 at every cycle start; each cycle costs at least 2C − 4, so R_T/T ≥ (2C − 4)/3.",
    "Golden traces for the first 9 rounds are in docs/reference/reddi2018.md §7."
  ],
  domain: { kind: "box", lower: [-1], upper: [1] },
  adversary: { kind: "periodic-linear", C, period: 3 },
  learners: [
    { label: "adam", kind: "adam", preset: "paper", alpha: 0.5, beta1: 0, beta2 },
    { label: "amsgrad", kind: "amsgrad", preset: "paper", alpha: 0.5, beta1: 0, beta2 },
    { label: "adagrad", kind: "adagrad", preset: "paper", alpha: 0.5 }
  ],
  horizon: 30_001,
  start: [1],
  expectations: [
    { learner: "adam", metric: "x", over: "all", op: ">=", value: 0.999, why: "Theorem 1: Adam returns to +1 at every cycle start" },
    { learner: "adam", metric: "avgRegret", over: "all", op: "near", value: perCycleLoss, tolerance: 0.02, why: "R_T/T → (2C−4)/3" },
    { learner: "amsgrad", metric: "x", over: "all", op: "<=", value: -0.99, why: "AMSGrad reaches the optimum −1" },
    { learner: "amsgrad", metric: "avgRegret", over: "all", op: "<=", value: 0.03 },
    { learner: "adagrad", metric: "x", over: "all", op: "<=", value: -0.99, why: "AdaGrad reaches the optimum −1" },
    { learner: "adagrad", metric: "avgRegret", over: "all", op: "<=", value: 0.03 }
  ]
} satisfies ScenarioInput

export default scenario
