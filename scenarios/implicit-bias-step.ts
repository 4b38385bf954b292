// Cattaneo, Klusowski & Shigida (ICML 2024), Section 4 and Figure 2 (right): the first-order
// correction of full-batch Adam's modified flow is h·(β/(1−β) − ρ/(1−ρ))·∇‖∇E‖_{1,ε} (small ε), so a
// larger step h moves the run to minimisers of larger perturbed one-norm when ρ > β and of smaller
// one-norm when β > ρ. The plain flow (h → 0) lands where oneNormSlope = 4 from (2, 1).
import { trend } from "../src/scenario/trend.ts"
import type { ScenarioInput } from "../src/scenario/types.ts"

const hs = [0.0005, 0.001, 0.002, 0.004]
const pairs = [[0.8, 0.95], [0.95, 0.8]] as const
const label = (beta: number, rho: number, h: number) => `β=${beta}, ρ=${rho}, h=${h}`
/** The plain flow's landing: along the diagonal from (2, 1) to (1.5, 0.5), x(|w1| + |w2|) = 2·2. */
const plainSlope = 4
const tolerance = 1e-3

export const scenario = {
  id: "implicit-bias/bilinear-step",
  title: "Adam's implicit bias grows with the step h, in the direction the sign of β − ρ says (Cattaneo et al. 2024)",
  citation: "M. D. Cattaneo, J. M. Klusowski & B. Shigida, On the Implicit Bias of Adam, ICML 2024 (PMLR 235), Section 4 and Figure 2",
  description: `Full-batch Adam (bias-corrected, ε = 1e-8 inside the root) on E(w) = ½(1.5 − 2·w1·w2)² from (2, 1); (β, ρ) ∈ {(0.8, 0.95), (0.95, 0.8)} × h ∈ {${hs.join(", ")}}, 2000 steps.`,
  notes: [
    "The steps are small enough that h·ρ/(1−ρ) ≤ 0.08: the first-order correction, whose size is h·|β/(1−β) − ρ/(1−ρ)| = 15h here, is what moves the runs.",
    "At larger h (h·ρ/(1−ρ) of order 1) higher-order effects take over and every run drifts to flatter minimisers; docs/implicit-bias.md has the numbers.",
    "oneNormSlope = 4 is the plain flow's landing point (1.5, 0.5): ρ > β ends above it, β > ρ below."
  ],
  domain: { kind: "box", lower: [-10, -10], upper: [10, 10] },
  adversary: { kind: "full-batch", objective: { kind: "bilinear", x: 2, y: 1.5 }, normEpsilon: 1e-8 },
  learners: pairs.flatMap(([beta1, beta2]) => hs.map((alpha) => ({ label: label(beta1, beta2, alpha), kind: "adam" as const, preset: "cattaneo", alpha, beta1, beta2 }))),
  horizon: 2000,
  start: [2, 1],
  checkpoints: { perDecade: 40 },
  expectations: [
    ...trend(hs.map((h) => label(0.8, 0.95, h)), "oneNormSlope", "increasing", tolerance, "ρ > β: larger h, larger ‖∇E‖_{1,ε}"),
    ...trend(hs.map((h) => label(0.95, 0.8, h)), "oneNormSlope", "decreasing", tolerance, "β > ρ: larger h, smaller ‖∇E‖_{1,ε}"),
    ...hs.map((h) => ({ learner: label(0.8, 0.95, h), metric: "oneNormSlope", op: ">=" as const, value: plainSlope, why: "sharper than the plain flow's landing" })),
    ...hs.map((h) => ({ learner: label(0.95, 0.8, h), metric: "oneNormSlope", op: "<=" as const, value: plainSlope, why: "flatter than the plain flow's landing" })),
    ...pairs.flatMap(([b, r]) => hs.map((h) => ({ learner: label(b, r, h), metric: "distToMinimisers", op: "<=" as const, value: 0.01, why: "on the hyperbola" })))
  ]
} satisfies ScenarioInput

export default scenario
