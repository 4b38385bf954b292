// Seeded synthetic data sets for full-batch least squares: a training set the objective is built
// from and a held-out test set, each drawn from its own named random stream, so the same seed gives
// the same data and the test draws never shift the training ones.
import { gaussian } from "../rng.ts"
import type { RandomSource } from "../types.ts"

/** Labelled points: row i of X (length dim, row-major) has label y[i] ∈ {−1, +1}. */
export interface DataSet {
  readonly n: number
  readonly dim: number
  readonly X: Float64Array
  readonly y: Float64Array
}

/** The data an objective is trained on and the data it is tested on. */
export interface TrainTest {
  readonly train: DataSet
  readonly test: DataSet
}

/** Number of positive training points in Wilson et al.'s construction: ⌈p·n⌉. */
export const wilsonPositives = (n: number, positiveShare: number): number => Math.ceil(positiveShare * n - 1e-12)

/** Writes one point of Wilson et al.'s construction into row `o` of X (zeroed): label, bias pair, own block. */
const wilsonRow = (X: Float64Array, o: number, label: number, block: number | undefined): void => {
  X[o] = label
  X[o + 1] = 1
  X[o + 2] = 1
  // A positive point owns one feature of its block of five, a negative point all five.
  if (block !== undefined) for (let j = 0; j < (label > 0 ? 1 : 5); j++) X[o + 3 + 5 * block + j] = 1
}

/**
 * Wilson et al. (2017, §3.3)'s over-parameterised classification data: n training points in
 * dimension 3 + 5n. Point i has x_1 = y_i (its label), x_2 = x_3 = 1, and its own block of five
 * features (coordinates 4 + 5(i−1) …): one set to 1 if y_i = +1, all five if y_i = −1. Exactly
 * ⌈p·n⌉ training labels are +1 (the construction needs more positives than negatives), in a seeded
 * random order; test labels are +1 with probability p, independently. A test point's own features
 * are fresh coordinates no training point has: every learner started at 0 leaves those weights at
 * 0 (their gradient is always 0), so test rows keep only x_1, x_2, x_3.
 */
export const wilsonData = (n: number, positiveShare: number, testSize: number, random: RandomSource): TrainTest => {
  const dim = 3 + 5 * n
  const positives = wilsonPositives(n, positiveShare)
  const labels: number[] = Array.from({ length: n }, (_, i) => (i < positives ? 1 : -1))
  const shuffle = random.stream("adversary/train")
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(shuffle() * (i + 1))
    ;[labels[i], labels[j]] = [labels[j], labels[i]]
  }
  const X = new Float64Array(n * dim)
  labels.forEach((label, i) => wilsonRow(X, i * dim, label, i))
  const draw = random.stream("adversary/test")
  const Xt = new Float64Array(testSize * dim)
  const yt = new Float64Array(testSize)
  for (let i = 0; i < testSize; i++) {
    yt[i] = draw() < positiveShare ? 1 : -1
    wilsonRow(Xt, i * dim, yt[i], undefined)
  }
  return { train: { n, dim, X, y: Float64Array.from(labels) }, test: { n: testSize, dim, X: Xt, y: yt } }
}

/**
 * Linear classification with label noise: a hidden unit vector w* (its own stream), features
 * z ~ N(0, I_dim), labels y = sign(⟨w*, z⟩ + noise·ξ) with ξ ~ N(0, 1) (sign(0) = +1). Training
 * and test points come from separate streams.
 */
export const gaussianData = (n: number, dim: number, noise: number, testSize: number, random: RandomSource): TrainTest => {
  const truthStream = random.stream("adversary/truth")
  const truth = Float64Array.from({ length: dim }, () => gaussian(truthStream))
  const norm = Math.hypot(...truth)
  for (let j = 0; j < dim; j++) truth[j] /= norm
  const sample = (count: number, purpose: string): DataSet => {
    const draw = random.stream(purpose)
    const X = new Float64Array(count * dim)
    const y = new Float64Array(count)
    for (let i = 0; i < count; i++) {
      let z = 0
      for (let j = 0; j < dim; j++) {
        const v = gaussian(draw)
        X[i * dim + j] = v
        z += v * truth[j]
      }
      y[i] = z + noise * gaussian(draw) >= 0 ? 1 : -1
    }
    return { n: count, dim, X, y }
  }
  return { train: sample(n, "adversary/train"), test: sample(testSize, "adversary/test") }
}
