// d = 100 on the unit ℓ2 ball: Gaussian linear losses whose noise differs by coordinate (σ_i from
// 0.1 to 10), so Adam's second moments differ and the paper's weighted projection Π_{F,√V_t} is not
// the radial (Euclidean) one. Same learner, two projections, visibly different outcomes.
import type { ScenarioInput } from "../src/scenario/types.ts"

const d = 100
const mean = Array.from({ length: d }, () => 1)
const sd = Array.from({ length: d }, (_, i) => 0.1 * Math.pow(100, i / (d - 1)))
const adam = { kind: "adam", preset: "paper", alpha: 0.1, beta1: 0.9, beta2: 0.99 } as const

export const scenario = {
  id: "projection/ball-100",
  title: "Weighted vs Euclidean projection for Adam on a 100-dimensional ball",
  citation: "Reddi, Kale & Kumar 2018, Algorithm 1 (projection Π_{F,√V_t}); docs/reference/reddi2018.md §2",
  description: "i.i.d. f_t(x) = ⟨g_t, x⟩, g_t = 1 + σ ⊙ z_t with σ_i log-spaced from 0.1 to 10, on the unit ball in R^100; x_1 = 0.",
  notes: [
    "On a box the two projections coincide (clipping); on a ball the weighted one moves low-variance coordinates less per unit of distance, so the iterates differ.",
    "The optimum of E f is −1/‖1‖ = −0.1 in every coordinate."
  ],
  domain: { kind: "ball", center: Array.from({ length: d }, () => 0), radius: 1 },
  adversary: { kind: "gaussian-linear", mean, sd },
  learners: [
    { label: "adam-weighted", ...adam, projection: "weighted" },
    { label: "adam-euclidean", ...adam, projection: "euclidean" },
    { label: "ogd", kind: "ogd", preset: "paper", alpha: 0.1 }
  ],
  horizon: 5000,
  start: Array.from({ length: d }, () => 0),
  checkpoints: { perDecade: 10 },
  expectations: [
    { learner: "adam-weighted", metric: "pseudoAvgRegret", over: "all", op: "<=", value: 0.3, why: "the paper's Π_{F,√V_t}" },
    { learner: "adam-euclidean", metric: "pseudoAvgRegret", over: "all", op: ">=", value: 0.8, why: "radial projection: same updates, a different outcome" }
  ]
} satisfies ScenarioInput

export default scenario
