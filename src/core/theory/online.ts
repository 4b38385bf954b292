// The regret bounds of the learners outside Algorithm 1 (docs/reference/online-learning.md), each
// with the exact configurations it covers. Indexing: x_{t+1} uses η_t, and η_0 := η_1.
import type { EgConfig } from "../learner/eg.ts"
import type { FtrlConfig } from "../learner/ftrl.ts"
import { onsParameters, type OnsConfig } from "../learner/ons.ts"
import type { BoundInputs, Theorem } from "./theorem.ts"
import { minOf } from "../extent.ts"

/** Σ_{t=1}^{T} η_{t−1} with η_0 := η_1 = α: αT for a constant η, α(1 + Σ_{s<T} 1/√s) for α/√t, bounded by 2α√(T−1). */
const etaSumBound = (inverseSqrt: boolean, alpha: number, T: number): number => (inverseSqrt ? alpha * Math.sqrt(Math.max(1, T - 1)) * 2 : alpha * T)

/** ‖u − x_1‖₂ ≤ the farthest a point of the domain can be from x_1, bounded by D₂. */
const radius = (g: BoundInputs): number => g.d2

/**
 * FTRL / dual averaging with ψ_t = ‖x − x_1‖²/(2η_{t−1}) (§2.2–2.3, from (F1)):
 * constant η: D₂²/(2η) + ηG₂²t/2; η_t = α/√t: (D₂²/(2α) + αG₂²)·√max(1, t−1).
 */
export const ftrlOrabona: Theorem<FtrlConfig> = {
  id: "ftrl-dual-averaging",
  family: "ftrl",
  text: "(D₂²/(2α)+α·G₂²)·√max(1,t−1) for α/√t, D₂²/(2α)+α·G₂²·t/2 for a constant α (FTRL, quadratic regulariser)",
  citation: "Orabona 2019, Ch. 7 (FTRL with non-increasing regularisers); McMahan 2017",
  covers: [{ fields: { alpha: "any", stepSchedule: "any" } }],
  bound: (c, g) => {
    const D = radius(g)
    return c.stepSchedule.kind === "inv-sqrt"
      ? (D * D / (2 * c.alpha) + c.alpha * g.g2 * g.g2) * Math.sqrt(Math.max(1, g.t - 1))
      : D * D / (2 * c.alpha) + (c.alpha * g.g2 * g.g2 * g.t) / 2
  }
}

/**
 * Online Newton Step with the theorem's γ and ε (§3.3, (N4)): R_t ≤ max(4GD, 1/α)·(d·log(1 + t/(64d)) + 1),
 * for α-exp-concave losses with ‖∇f‖₂ ≤ G; never for linear losses, which are not exp-concave.
 */
export const onsHazan2007: Theorem<OnsConfig> = {
  id: "ons-hazan2007",
  family: "ons",
  text: "max(4GD, 1/α)·(d·log(1 + t/(64d)) + 1) (ONS, Hazan, Agarwal & Kale 2007; anytime form of 5(1/α+GD)·d·log T)",
  citation: "Hazan, Agarwal & Kale 2007, Theorem 2; docs/reference/online-learning.md §3.3 (N4)",
  covers: [{ fields: { expConcavity: "any", gradientBound: "any", gamma: [undefined], eps: [undefined] } }],
  requires: (c, g) => {
    if (g.lossFamily !== "logistic" && g.lossFamily !== "quadratic") return `${g.lossFamily} losses are not exp-concave`
    if (g.g2 > c.gradientBound * (1 + 1e-12)) return `the run's gradients reach ‖g‖₂ = ${g.g2}, above G = ${c.gradientBound}`
    return undefined
  },
  bound: (c, g) => {
    const { gamma } = onsParameters(c, g.d2)
    return (1 / (2 * gamma)) * (g.dim * Math.log(1 + g.t / (64 * g.dim)) + 1)
  }
}

/**
 * Exponentiated Gradient, lazy form (§4.2, (E1)): KL(u‖x_1)/η_{t−1} + ½Σ η_{s−1}‖g_s‖∞², with
 * KL(u‖x_1) ≤ log(1/min_i x_{1,i}) (log d for the uniform prior).
 */
export const egLazy: Theorem<EgConfig> = {
  id: "eg-hedge",
  family: "eg",
  text: "log(1/min x₁)/η_{t−1} + ½Σ_s η_{s−1}·G∞² (EG/Hedge, lazy form; (log d/α + α·G∞²)·√t for α/√t and a uniform prior)",
  citation: "Freund & Schapire 1997; Kivinen & Warmuth 1997; docs/reference/online-learning.md §4.2 (E1)",
  covers: [{ fields: { alpha: "any", stepSchedule: "any" } }],
  bound: (c, g) => {
    const inverseSqrt = c.stepSchedule.kind === "inv-sqrt"
    const kl = Math.log(1 / minOf(g.start))
    const etaLast = inverseSqrt ? c.alpha / Math.sqrt(Math.max(1, g.t - 1)) : c.alpha
    return kl / etaLast + 0.5 * etaSumBound(inverseSqrt, c.alpha, g.t) * g.gInf * g.gInf
  }
}
