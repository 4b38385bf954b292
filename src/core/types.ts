// The contracts of the numeric core. Everything here is plain data or plain objects over
// Float64Array: no Effect, no IO, so the core runs unchanged in Node, a worker or a browser.

/**
 * A serialisable description of a feasible set F: a registered kind and its fields, e.g.
 * {kind: "box", lower: [-1], upper: [1]}, {kind: "ball", center, radius}, {kind: "simplex", dim}.
 */
export type DomainConfig = { readonly kind: string; readonly [field: string]: unknown }

/** The feasible set F with its projections and diameters. */
export interface Domain {
  readonly config: DomainConfig;
  readonly dim: number;
  /** ℓ∞ diameter D∞ = max ‖x − y‖∞ over F. */
  readonly diameterInf: number;
  /** ℓ2 diameter D2 = max ‖x − y‖₂ over F. */
  readonly diameter2: number;
  /** A feasible reference point: the centre of a box or ball, the uniform point of a simplex. */
  readonly center: Float64Array;
  /** Membership with an absolute tolerance (default 1e-12 scaled to the domain). */
  contains(x: Float64Array, tol?: number): boolean;
  /** Euclidean projection Π_F(y) into out (out may alias y). No allocation. */
  project(y: Float64Array, out: Float64Array): void;
  /**
   * Weighted projection Π_{F,A}(y) = argmin_{x∈F} Σ_i a_i (x_i − y_i)² for the positive diagonal
   * A = diag(weights), into out (out may alias y). Weights below WEIGHT_FLOOR·max(weights) are
   * raised to that floor (documented choice for zero weights). No allocation in the hot path.
   */
  projectWeighted(y: Float64Array, weights: Float64Array, out: Float64Array): void;
  /** Linear minimisation oracle: out = argmin_{s∈F} ⟨g, s⟩; returns the minimum value. */
  minimizeLinear(g: Float64Array, out: Float64Array): number;
  /** Clipping to [lower, upper] when the domain is a box (fast path), else undefined. */
  readonly box?: { readonly lower: Float64Array; readonly upper: Float64Array };
}

/**
 * What an adversary reveals in a round: a convex function with value and gradient at any x.
 * A loss object is mutable and reused every round (the adversary rewrites its parameters).
 */
export interface Loss {
  readonly family: LossFamilyName;
  readonly dim: number;
  value(x: Float64Array): number;
  /** Writes a (sub)gradient at x into out. */
  gradient(x: Float64Array, out: Float64Array): void;
  /** Copies this loss's current parameters into another loss of the same family. */
  copyTo(target: Loss): void;
}

export type LossFamilyName = "linear" | "quadratic" | "absolute" | "hinge" | "logistic" | "objective";

/** The comparator's result for a prefix of losses: best fixed point in hindsight. */
export interface ComparatorResult {
  /** Σ_{s≤t} f_s(x*) at the point found. */
  readonly value: number;
  /**
   * Certified bound on how far value may be above the true minimum (0 for closed forms):
   * true min ∈ [value − gap, value]. For numeric solves this is a Frank–Wolfe / subgradient duality gap.
   */
  readonly gap: number;
  /** "closed-form" or "numeric". */
  readonly method: "closed-form" | "numeric";
}

/**
 * Running statistics of the revealed losses, enough to compute the best fixed point in hindsight
 * for the prefix seen so far. add() runs every round and must not allocate.
 */
export interface ComparatorStats {
  add(loss: Loss): void;
  /** Best fixed point for the prefix into out; may allocate (runs at checkpoints only). */
  best(domain: Domain, out: Float64Array): ComparatorResult;
  /** Number of losses added. */
  readonly count: number;
}

export interface LossFamily {
  readonly name: LossFamilyName;
  createStats(dim: number): ComparatorStats;
}

/** Running sums of linear losses f_s = ⟨g_s, x⟩ + c_s over rounds 1 … t (see Adversary.linearSums). */
export interface LinearSums {
  /** Σ_s g_s as compensated pairs: coordinate i is gSum[i] + gComp[i]. */
  readonly gSum: Float64Array;
  readonly gComp: Float64Array;
  /** Σ_s g_{s,i}². */
  readonly gSq: Float64Array;
  /** [Σ_s c_s, its compensation, max_s ‖g_s‖∞, max_s ‖g_s‖₂²]. */
  readonly scalars: Float64Array;
}

export const createLinearSums = (dim: number): LinearSums => ({
  gSum: new Float64Array(dim),
  gComp: new Float64Array(dim),
  gSq: new Float64Array(dim),
  scalars: new Float64Array(4)
})

/** How an adversary may choose f_t. */
export type AdversaryInformation = "oblivious" | "stochastic" | "adaptive";

/** Independent seeded random streams, one per purpose (see rng.ts). */
export interface RandomSource {
  /** A uniform [0,1) generator for the named purpose; the same (seed, purpose) gives the same stream. */
  stream(purpose: string): () => number;
}

/**
 * Chooses f_t. reveal() runs every round: it writes the loss parameters into its reusable loss object
 * and returns it. It may read x only when information === "adaptive".
 */
export interface Adversary {
  readonly information: AdversaryInformation;
  readonly dim: number;
  readonly family: LossFamily;
  /** Prepares a fresh realisation for one run; all randomness comes from the given source. */
  reset(random: RandomSource): void;
  reveal(t: number, x: Float64Array): Loss;
  /**
   * Optional, for oblivious and stochastic linear adversaries: rounds t0 … t0+K−1 at once, the
   * gradients into G (row k at k·dim) and the offsets into C. Must give exactly what K calls of
   * reveal() would (and leave the adversary in the same state); the game then skips the per-round calls.
   */
  revealLinearChunk?(t0: number, K: number, G: Float64Array, C: Float64Array): void;
  /**
   * Optional, for oblivious linear sequences whose running sums have a closed form: the sums over
   * rounds 1 … t into out. The game then takes them from here at checkpoints instead of adding
   * them up every round. They must be at least as accurate as compensated summation.
   */
  linearSums?(t: number, out: LinearSums): void;
  /**
   * Stochastic adversaries may declare E[f_t] (same for every t) so runs also report pseudo-regret
   * Σ E f(x_t) − t·min_F E f. The returned loss is not mutated by reveal().
   */
  expectedLoss?(): Loss;
  /**
   * Optional: numbers about the point played that this adversary can compute (E(x_t), the distance
   * to a known minimiser set, a test error, ...), one entry per name. The game records them in each
   * checkpoint row's `metrics`; it never asks per round.
   */
  readonly metrics?: readonly MetricInfo[];
  /**
   * The values of `metrics` at x_t (keys: their names), called at checkpoints only, so it may
   * allocate. The domain is passed so a metric can speak of it (e.g. x_t on its boundary).
   */
  measure?(x: Float64Array, domain: Domain): Readonly<Record<string, number>>;
}

/** A number an adversary reports at checkpoints (see Adversary.metrics). */
export interface MetricInfo {
  /** Key in CheckpointRow.metrics and in expectations, e.g. "testError". */
  readonly name: string;
  /** What it is, with its formula, for reports and `regretlab describe`. */
  readonly title: string;
}

/** One recorded row of a run, at a checkpoint round t (after f_t was revealed and paid). */
export interface CheckpointRow {
  readonly t: number;
  /** x_t (the point played in round t); present when dim ≤ the run's vector-record limit. */
  readonly x?: readonly number[];
  /** Averaged iterate (1/t)Σ x_s; same presence rule as x. */
  readonly xAvg?: readonly number[];
  /** Comparator point x*_t for the prefix; same presence rule as x. */
  readonly comparatorX?: readonly number[];
  /** ‖x_t − x*_t‖₂. */
  readonly distToComparator: number;
  readonly cumLoss: number;
  readonly comparatorLoss: number;
  readonly comparatorGap: number;
  readonly regret: number;
  readonly avgRegret: number;
  /** Σ E f(x_s) − t·min E f, when the adversary declares its expected loss. */
  readonly pseudoRegret?: number;
  /**
   * Effective per-coordinate step η_{t,i} (min, mean, max over i) of the update made in round t;
   * present for learners with a diagonal preconditioner (Learner.inverseStep), like the next two.
   */
  readonly stepMin?: number;
  readonly stepMean?: number;
  readonly stepMax?: number;
  /** min_i of Reddi's Γ_t = √V_t/α_t − √V_{t−1}/α_{t−1} for the update of round t. */
  readonly gammaMin?: number;
  /** Rounds s ≤ t whose Γ_s had a negative entry. */
  readonly gammaNegativeRounds?: number;
  /** Σ_i ‖g_{1:t,i}‖₂, the quantity in AdaGrad's and AMSGrad's regret bounds. */
  readonly gradNormSum: number;
  /** max_{s≤t} ‖g_s‖∞ (G∞ in the bounds). */
  readonly gradMaxInf: number;
  /** max_{s≤t} ‖g_s‖₂. */
  readonly gradMax2: number;
  /**
   * Extremes over the row's window, the rounds after the previous row up to t (every round from 1
   * for the first row), so charts can show what happened between log-spaced checkpoints. min and
   * max of R_s/s: linear losses only (their comparator is cheap every round).
   */
  readonly avgRegretLo?: number;
  readonly avgRegretHi?: number;
  /** min and max over the window of min_i Γ_{s,i} (learners with inverseStep). */
  readonly gammaMinLo?: number;
  readonly gammaMinHi?: number;
  /** Per coordinate min and max of x_s over the window; same presence rule as x. */
  readonly xLo?: readonly number[];
  readonly xHi?: readonly number[];
  /** The adversary's own numbers about x_t (Adversary.metrics), when it declares any. */
  readonly metrics?: Readonly<Record<string, number>>;
}

export type RunStatus =
  | { readonly kind: "ok" }
  | { readonly kind: "diverged"; readonly round: number; readonly what: "loss" | "gradient" | "iterate" | "state"; readonly value: number }
  | { readonly kind: "interrupted"; readonly round: number };
