// The objectives a full-batch experiment can train on, as a table: each kind's fields (the
// `objective` field of the full-batch adversary), the dimension it needs, the metrics it reports,
// its description, and how to build it from a seed.
import { ConfigError } from "../config/error.ts"
import type { Fields } from "../config/fields.ts"
import type { MetricInfo, RandomSource } from "../types.ts"
import { bilinearObjective } from "./bilinear.ts"
import { gaussianData, wilsonData, type DataSet } from "./datasets.ts"
import { leastSquaresMetrics, LeastSquaresObjective, ridgeSolution, type ReferencePoint } from "./least-squares.ts"
import type { FullBatchObjective } from "./objective.ts"

/** A validated objective config: its kind and fields with defaults filled in. */
export type ObjectiveConfig = { readonly kind: string; readonly [field: string]: unknown }

export interface ObjectiveKind {
  readonly kind: string
  readonly title: string
  readonly citation: string
  readonly fields: Fields
  /** Checks the config against the domain dimension; throws ConfigError with a path inside the config. */
  check(config: ObjectiveConfig, dim: number): void
  /** The objective's own metrics (known before any data are drawn). */
  metrics(config: ObjectiveConfig, dim: number): readonly MetricInfo[]
  describe(config: ObjectiveConfig): string
  /** Builds the objective for one run; data sets come from the given seeded source. */
  create(config: ObjectiveConfig, dim: number, random: RandomSource): FullBatchObjective
}

const num = (c: ObjectiveConfig, k: string): number => c[k] as number
const short = (v: number): string => String(Number(v.toPrecision(6)))

const bilinearKind: ObjectiveKind = {
  kind: "bilinear",
  title: "Bilinear model ½(y − x·w1·w2)²: a hyperbola of minimisers",
  citation: "Barrett & Dherin 2021; Cattaneo, Klusowski & Shigida 2024, Section 4",
  fields: {
    x: { type: "number", doc: "The input x (non-zero).", default: 2 },
    y: { type: "number", doc: "The target y; the minimisers are the hyperbola w1·w2 = y/x.", default: 1.5 }
  },
  check: (c, dim) => {
    if (num(c, "x") === 0) throw new ConfigError("x", 0, "a non-zero number")
    if (dim !== 2) throw new ConfigError("kind", c.kind, `an objective of the domain's dimension ${dim} (the bilinear model has 2 parameters)`)
  },
  metrics: () => bilinearObjective().metrics,
  describe: (c) => `E(w) = ½(${short(num(c, "y"))} − ${short(num(c, "x"))}·w1·w2)², minimisers w1·w2 = ${short(num(c, "y") / num(c, "x"))}`,
  create: (c) => bilinearObjective({ x: num(c, "x"), y: num(c, "y") })
}

/** The interpolant along sign(Xᵀy): c·sign(Xᵀy) with c fitted by least squares (exact in Wilson et al.'s construction). */
export const signSolution = (data: DataSet): Float64Array => {
  const { X, y, n, dim: d } = data
  const s = new Float64Array(d)
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) s[j] += X[i * d + j] * y[i]
  for (let j = 0; j < d; j++) s[j] = Math.sign(s[j])
  let num = 0, den = 0
  for (let i = 0; i < n; i++) {
    let z = 0
    for (let j = 0; j < d; j++) z += X[i * d + j] * s[j]
    num += z * y[i]
    den += z * z
  }
  const c = den > 0 ? num / den : 0
  for (let j = 0; j < d; j++) s[j] *= c
  return s
}

const signTitle = "‖w − w_s‖₂, distance to the interpolant along sign(Xᵀy) that Wilson et al. show adaptive methods reach"

const wilsonKind: ObjectiveKind = {
  kind: "wilson-least-squares",
  title: "Over-parameterised least squares on Wilson et al.'s data (dimension 3 + 5n)",
  citation: "Wilson, Roelofs, Stern, Srebro & Recht, The Marginal Value of Adaptive Gradient Methods in Machine Learning, NeurIPS 2017, §3.3",
  fields: {
    n: { type: "number", doc: "Training points n; the dimension is 3 + 5n.", integer: true, min: 1 },
    // p > ½ gives ⌈p·n⌉ > n/2: more positive than negative training points, as the construction needs.
    positiveShare: { type: "number", doc: "Share p > ½ of positive labels: exactly ⌈p·n⌉ training points, and each test label independently.", min: 0.5, max: 1, minOpen: true, default: 0.6 },
    testSize: { type: "number", doc: "Held-out test points.", integer: true, min: 1, default: 1000 },
    penalty: { type: "number", doc: "L2 penalty λ of (λ/2)‖w‖² in the objective.", min: 0, default: 0 }
  },
  check: (c, dim) => {
    const n = num(c, "n")
    if (3 + 5 * n !== dim) throw new ConfigError("n", n, `${(dim - 3) / 5} so that 3 + 5n is the domain's dimension ${dim}`)
  },
  // d = 3 + 5n > n: without a penalty the minimisers are all the interpolants.
  metrics: (c) => leastSquaresMetrics(num(c, "penalty") === 0, [{ name: "distToSignSolution", title: signTitle }]),
  describe: (c) => `E(w) = ½‖Xw − y‖²${num(c, "penalty") > 0 ? ` + (${short(num(c, "penalty"))}/2)‖w‖²` : ""} on Wilson et al.'s data: n = ${num(c, "n")}, d = ${3 + 5 * num(c, "n")}, p = ${short(num(c, "positiveShare"))}, ${num(c, "testSize")} test points`,
  create: (c, _dim, random) => {
    const data = wilsonData(num(c, "n"), num(c, "positiveShare"), num(c, "testSize"), random)
    return new LeastSquaresObjective(data, num(c, "penalty"), [{ name: "distToSignSolution", title: signTitle, point: signSolution(data.train) }])
  }
}

const referenceTitle = (lambda: number): string => `‖w − w_λ‖₂, distance to the minimiser w_λ of ½‖Xw − y‖² + (λ/2)‖w‖² with λ = ${short(lambda)}`

const gaussianKind: ObjectiveKind = {
  kind: "gaussian-least-squares",
  title: "Least squares on Gaussian features with noisy ±1 labels",
  citation: "",
  fields: {
    n: { type: "number", doc: "Training points n (the dimension is the domain's).", integer: true, min: 1, default: 40 },
    noise: { type: "number", doc: "Label noise σ: y = sign(⟨w*, z⟩ + σξ), ξ ~ N(0, 1), ‖w*‖ = 1.", min: 0, default: 0.5 },
    testSize: { type: "number", doc: "Held-out test points.", integer: true, min: 1, default: 1000 },
    penalty: { type: "number", doc: "L2 penalty λ of (λ/2)‖w‖² in the objective.", min: 0, default: 0.1 },
    referencePenalty: { type: "number", doc: "Also report distToReference, the distance to the minimiser of the objective with this penalty instead.", min: 0, optional: true }
  },
  check: () => {},
  metrics: (c, dim) => leastSquaresMetrics(num(c, "penalty") === 0 && dim > num(c, "n"), c.referencePenalty !== undefined ? [{ name: "distToReference", title: referenceTitle(num(c, "referencePenalty")) }] : []),
  describe: (c) => `E(w) = ½‖Zw − y‖²${num(c, "penalty") > 0 ? ` + (${short(num(c, "penalty"))}/2)‖w‖²` : ""}, z ~ N(0, I), y = sign(⟨w*, z⟩ + ${short(num(c, "noise"))}ξ), n = ${num(c, "n")}, ${num(c, "testSize")} test points`,
  create: (c, dim, random) => {
    const data = gaussianData(num(c, "n"), dim, num(c, "noise"), num(c, "testSize"), random)
    const refs: ReferencePoint[] = c.referencePenalty === undefined ? [] : [{ name: "distToReference", title: referenceTitle(num(c, "referencePenalty")), point: ridgeSolution(data.train, num(c, "referencePenalty")) }]
    return new LeastSquaresObjective(data, num(c, "penalty"), refs)
  }
}

/** Every objective kind by name; the first fits any dimension (a form switching to full-batch starts there). */
export const objectiveKinds: ReadonlyMap<string, ObjectiveKind> = new Map([gaussianKind, bilinearKind, wilsonKind].map((k) => [k.kind, k]))
