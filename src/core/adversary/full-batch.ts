// Deterministic full-batch training as a game: the adversary reveals one fixed smooth objective E
// every round (convex or not: a bilinear model, least squares on a seeded data set), so the learner
// is a full-batch optimiser with step α_t, and the regret is Σ_t E(x_t) − t·min E against E's known
// minimum. At checkpoints the rows also carry the numbers these experiments are about (E(x_t),
// ‖∇E‖₂, the perturbed one-norm ‖∇E‖_{1,ε}, the distance to the minimisers, the objective's own).
import { ConfigError } from "../config/error.ts"
import type { Fields } from "../config/fields.ts"
import { objectiveKinds, type ObjectiveConfig } from "../fullbatch/kinds.ts"
import type { FullBatchObjective } from "../fullbatch/objective.ts"
import { ObjectiveLoss, objectiveFamily } from "../loss/fixed-objective.ts"
import type { Adversary, Domain, Loss, LossFamily, MetricInfo, RandomSource } from "../types.ts"
import { fmt, num, type AdversaryKind } from "./kind.ts"

/** The numbers every full-batch run reports, before the objective's own. */
export const fullBatchMetrics = (epsilon: number): readonly MetricInfo[] => [
  { name: "objective", title: "E(x_t), the objective at the point played" },
  { name: "gradNorm2", title: "‖∇E(x_t)‖₂" },
  { name: "gradNorm1Eps", title: `‖∇E(x_t)‖_{1,ε} = Σ_j √((∂_jE)² + ε), ε = ${fmt(epsilon)}` },
  { name: "distToMinimisers", title: "distance from x_t to the set of global minimisers of E" },
  { name: "onBoundary", title: "coordinates of x_t on a face of the box (the projection was active); 0 means full-batch training ran unconstrained" }
]

export class FullBatchAdversary implements Adversary {
  readonly information = "oblivious" as const
  readonly family: LossFamily = objectiveFamily
  readonly metrics: readonly MetricInfo[]
  private current: { readonly objective: FullBatchObjective; readonly loss: ObjectiveLoss } | undefined
  private readonly g: Float64Array

  /**
   * `build` draws the objective for one run (its data from the seeded source); `objectiveMetrics`
   * are the names it will report; `epsilon` is the ε of ‖∇E‖_{1,ε}.
   */
  constructor(
    readonly dim: number,
    private readonly build: (random: RandomSource) => FullBatchObjective,
    objectiveMetrics: readonly MetricInfo[],
    readonly epsilon: number
  ) {
    this.metrics = [...fullBatchMetrics(epsilon), ...objectiveMetrics]
    this.g = new Float64Array(dim)
  }

  /** The objective of the current run. */
  get objective(): FullBatchObjective {
    if (this.current === undefined) throw new Error("FullBatchAdversary.objective before reset()")
    return this.current.objective
  }

  reset(random: RandomSource): void {
    const objective = this.build(random)
    if (objective.dim !== this.dim) throw new Error(`objective of dimension ${objective.dim} for a domain of dimension ${this.dim}`)
    this.current = { objective, loss: new ObjectiveLoss(objective) }
  }

  reveal(): Loss {
    if (this.current === undefined) throw new Error("FullBatchAdversary.reveal() before reset()")
    return this.current.loss
  }

  measure(x: Float64Array, domain: Domain): Readonly<Record<string, number>> {
    const o = this.objective
    const g = this.g
    o.gradient(x, g)
    let two = 0, one = 0
    for (let j = 0; j < this.dim; j++) {
      two += g[j] * g[j]
      one += Math.sqrt(g[j] * g[j] + this.epsilon)
    }
    let faces = NaN
    if (domain.box !== undefined) {
      faces = 0
      for (let j = 0; j < this.dim; j++) if (x[j] <= domain.box.lower[j] || x[j] >= domain.box.upper[j]) faces++
    }
    const out: Record<string, number> = { objective: o.value(x), gradNorm2: Math.sqrt(two), gradNorm1Eps: one, distToMinimisers: o.distanceToMinimisers(x), onBoundary: faces }
    o.measure(x, out)
    return out
  }
}

const objectiveOf = (c: Readonly<Record<string, unknown>>): ObjectiveConfig => c.objective as ObjectiveConfig

const params: Fields = {
  objective: {
    type: "variant",
    doc: "The objective E revealed every round: least squares on Gaussian data, the bilinear model, or Wilson et al.'s over-parameterised least squares (each with its own fields).",
    variants: Object.fromEntries([...objectiveKinds.values()].map((k) => [k.kind, k.fields]))
  },
  normEpsilon: { type: "number", doc: "ε of the perturbed one-norm ‖∇E‖_{1,ε} = Σ_j √((∂_jE)² + ε) in the rows (match the learners' ε inside the root).", min: 0, minOpen: true, default: 1e-8 },
  flowWindow: {
    type: "numbers",
    doc: "Times [t0, T] over which each constant-step Adam learner (ε inside the root) is compared with its plain and modified flows: max ‖θ_k − θ̃(kh)‖∞ over t0 ≤ kh ≤ T (the run metrics flowGapPlain, flowGapModified and their log₂).",
    min: 0,
    optional: true
  }
}

export const fullBatchKind: AdversaryKind = {
  kind: "full-batch",
  title: "Full-batch training: one fixed smooth objective every round",
  citation: "Cattaneo, Klusowski & Shigida 2024 (full-batch Adam); Wilson et al. 2017 (over-parameterised least squares)",
  information: "oblivious",
  family: "objective",
  params,
  check: (c, dim) => {
    const o = objectiveOf(c)
    try {
      objectiveKinds.get(o.kind)!.check(o, dim)
    } catch (e) {
      throw e instanceof ConfigError ? e.within("objective") : e
    }
    const w = c.flowWindow as readonly number[] | undefined
    if (w !== undefined && !(w.length === 2 && w[0] > 0 && w[1] > w[0])) throw new ConfigError("flowWindow", w, "two times [t0, T] with 0 < t0 < T")
    return c
  },
  describe: (c) => `full batch: ${objectiveKinds.get(objectiveOf(c).kind)!.describe(objectiveOf(c))}, revealed every round`,
  // Gaussian least squares fits any dimension; the bilinear model needs 2, Wilson et al.'s data 3 + 5n.
  examples: {
    valid: [
      { kind: "full-batch", objective: { kind: "gaussian-least-squares", n: 6, testSize: 20 } },
      { kind: "full-batch", objective: { kind: "gaussian-least-squares", n: 2, penalty: 0.5, referencePenalty: 2, testSize: 5 }, normEpsilon: 1e-4 }
    ],
    invalid: [
      [{ kind: "full-batch", objective: { kind: "bilinear" } }, "objective.kind: expected an objective of the domain's dimension 1 (the bilinear model has 2 parameters), got \"bilinear\""],
      [{ kind: "full-batch", objective: { kind: "wilson-least-squares", n: 2 } }, "objective.n: expected -0.4 so that 3 + 5n is the domain's dimension 1, got 2"],
      [{ kind: "full-batch", objective: { kind: "gaussian-least-squares" }, flowWindow: [0, 1] }, "flowWindow: expected two times [t0, T] with 0 < t0 < T, got [0,1]"]
    ]
  },
  create: (c, dim) => {
    const o = objectiveOf(c)
    const kind = objectiveKinds.get(o.kind)!
    return new FullBatchAdversary(dim, (random) => kind.create(o, dim, random), kind.metrics(o, dim), num(c, "normEpsilon"))
  }
}
