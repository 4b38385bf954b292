// Reddi et al. Theorem 2: for any β1 < √β2 there is a period-C sequence (C·x once, then −x) on
// which Adam has R_T/T ↛ 0. C is the smallest even integer meeting the paper's conditions (i)–(iii),
// computed by the "reddi-theorem2" adversary (table in docs/reference/reddi2018.md §3).
import { theorem2C } from "../src/core/adversary/theorem2.ts"
import type { ScenarioInput } from "../src/scenario/types.ts"

const beta1 = 0
const beta2 = 0.5
const C = theorem2C(beta1, beta2) // 20
const cycles = 5000

export const scenario = {
  id: "reddi2018/theorem2",
  title: `Adam fails for any β1 < √β2 (Reddi et al. Theorem 2; β = (${beta1}, ${beta2}), C = ${C})`,
  citation: "Reddi, Kale & Kumar, On the Convergence of Adam and Beyond, ICLR 2018, Theorem 2",
  description: `f_t(x) = ${C}x if t mod ${C} = 1, else −x, on [−1, 1]; C = ${C} is the smallest even C meeting (i)–(iii) for β1 = ${beta1}, β2 = ${beta2}; α_t = 1/√t (the paper's α_t = 1/√t), x_1 = 1.`,
  notes: [
    "x = +1 at every period start, so R_T/T ≈ 2/C: the failure is small in regret units when C is large, so look at x_t too.",
    `Change β with --set adversary.beta1=… adversary.beta2=… and the learners' betas together.`
  ],
  domain: { kind: "box", lower: [-1], upper: [1] },
  adversary: { kind: "reddi-theorem2", beta1, beta2 },
  learners: [
    { label: "adam", kind: "adam", preset: "paper", alpha: 1, beta1, beta2 },
    { label: "amsgrad", kind: "amsgrad", preset: "paper", alpha: 1, beta1, beta2 }
  ],
  // Ends at a period start, where Theorem 2's Adam sits at +1.
  horizon: cycles * C + 1,
  start: [1],
  expectations: [
    { learner: "adam", metric: "x", over: "all", op: ">=", value: 0.999, why: "Theorem 2: x = +1 at every period start" },
    { learner: "adam", metric: "avgRegret", over: "all", op: ">=", value: 0.9 * (2 / C), why: "R_T/T ≈ 2/C ↛ 0" },
    { learner: "amsgrad", metric: "x", over: "all", op: "<=", value: -0.99, why: "AMSGrad converges to −1" },
    { learner: "amsgrad", metric: "avgRegret", over: "all", op: "<=", value: 0.02 }
  ]
} satisfies ScenarioInput

export default scenario
