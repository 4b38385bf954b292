// The regret bounds proved for Algorithm-1 configurations (docs/reference/reddi2018.md §5), each
// with the exact configurations it covers.
import type { Algorithm1Config } from "../learner/algorithm1/fields.ts"
import type { Theorem } from "./theorem.ts"

/**
 * AdaGrad, Duchi, Hazan & Singer 2011, Theorem 5 with δ = 0: R_T ≤ (D∞²/(2α) + α)·Σ_i‖g_{1:T,i}‖₂.
 * Reddi et al.'s form (mean of g² with α/√t) takes the same steps as Duchi's (sum with constant α).
 * Duchi et al. project in the learner's metric; on a box that is clipping, like the Euclidean one.
 */
export const adagradDuchi2011: Theorem<Algorithm1Config> = {
  id: "adagrad-duchi2011",
  family: "algorithm1",
  text: "(D∞²/(2α)+α)·Σ_i‖g_{1:t,i}‖₂ (Duchi et al. 2011; √2·D∞·Σ_i‖g_{1:t,i}‖₂ at α = D∞/√2)",
  citation: "Duchi, Hazan & Singer 2011, Theorem 5 (δ = 0)",
  covers: ((): Theorem<Algorithm1Config>["covers"] => {
    const base = {
      alpha: "any", momentum: ["none"], beta1: [0], beta1Schedule: "any", beta2: "any", beta2Schedule: ["constant"], amsgrad: ["off"],
      biasCorrection1: [false], biasCorrection2: [false], eps: [0], epsRoot: [0], initialAccumulator: [0], weightDecay: [0],
      weightDecayMode: "any", sign: [false]
    } as const
    const duchi = { secondMoment: ["sum"], stepSchedule: (s: Algorithm1Config["stepSchedule"]) => s.kind === "constant" || (s.kind === "inverse-time" && s.decay === 0) } as const
    const reddi = { secondMoment: ["mean"], stepSchedule: [{ kind: "inv-sqrt" }] } as const
    return [
      { fields: { ...base, ...duchi, projection: ["weighted"] } },
      { fields: { ...base, ...reddi, projection: ["weighted"] } },
      { fields: { ...base, ...duchi, projection: ["euclidean"] }, domains: ["box"] },
      { fields: { ...base, ...reddi, projection: ["euclidean"] }, domains: ["box"] }
    ]
  })(),
  bound: (c, g) => ((g.dInf * g.dInf) / (2 * c.alpha) + c.alpha) * g.normSum
}

/**
 * Projected online gradient descent with α_t = α/√t, Zinkevich 2003:
 * R_T ≤ D₂²√T/(2α) + (√T − ½)·α·G₂² ≤ (D₂²/(2α) + α·G₂²)·√T.
 */
export const ogdZinkevich2003: Theorem<Algorithm1Config> = {
  id: "ogd-zinkevich2003",
  family: "algorithm1",
  text: "(D₂²/(2α)+α·G₂²)·√t (Zinkevich 2003)",
  citation: "Zinkevich 2003, Theorem 1",
  covers: [{
    fields: {
      alpha: "any", stepSchedule: [{ kind: "inv-sqrt" }], momentum: ["none"], beta1: [0], beta1Schedule: "any",
      // With V = I the second-moment fields and ε take no part in the step.
      secondMoment: ["none"], beta2: "any", beta2Schedule: ["constant"], amsgrad: ["off"], biasCorrection1: [false], biasCorrection2: [false],
      eps: "any", epsRoot: [0], initialAccumulator: [0], weightDecay: [0], weightDecayMode: "any", sign: [false], projection: "any"
    }
  }],
  bound: (c, g) => (g.d2 * g.d2 / (2 * c.alpha) + c.alpha * g.g2 * g.g2) * Math.sqrt(g.t)
}

/**
 * AMSGrad, Reddi et al. 2018 Theorem 4 with Corollary 1's β1t = β1·λ^{t−1} (λ < 1). With a
 * constant β1 the middle term grows like T^{3/2}, so it is not drawn then. √v̂_{T,i} ≤ G∞, so
 * d·G∞ stands in for Σ_i √v̂_{T,i}: still an upper bound.
 */
export const amsgradReddi2018: Theorem<Algorithm1Config> = {
  id: "amsgrad-reddi2018",
  family: "algorithm1",
  text: "Reddi et al. Thm 4 + Cor. 1 with Σ_i√v̂_{t,i} ≤ d·G∞ (proof disputed by Tran & Phong 2019)",
  citation: "Reddi, Kale & Kumar 2018, Theorem 4 and Corollary 1",
  covers: [{
    fields: {
      alpha: "any", stepSchedule: [{ kind: "inv-sqrt" }], momentum: ["ema"], beta1: "any",
      beta1Schedule: (b) => b.kind === "exponential" && b.lambda < 1,
      secondMoment: ["ema"], beta2: "any", beta2Schedule: ["constant"], amsgrad: ["raw"], biasCorrection1: [false], biasCorrection2: [false],
      eps: [0], epsRoot: [0], initialAccumulator: [0], weightDecay: [0], weightDecayMode: "any", sign: [false], projection: ["weighted"]
    }
  }],
  where: (c) => c.beta1 / Math.sqrt(c.beta2) < 1,
  whereText: "γ = β1/√β2 < 1",
  bound: (c, g) => {
    const { alpha, beta1: b1, beta2: b2 } = c
    const lambda = c.beta1Schedule.kind === "exponential" ? c.beta1Schedule.lambda : 1
    const gamma = b1 / Math.sqrt(b2)
    return (g.dInf * g.dInf * Math.sqrt(g.t) / (alpha * (1 - b1))) * g.dim * g.gInf +
      (b1 * g.dInf * g.dInf * g.dim * g.gInf) / (2 * (1 - b1) * (1 - lambda) ** 2) +
      (alpha * Math.sqrt(1 + Math.log(g.t)) / ((1 - b1) ** 2 * (1 - gamma) * Math.sqrt(1 - b2))) * g.normSum
  }
}
