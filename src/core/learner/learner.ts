// The learner contract. A learner kind (registry entry) turns a config into a Learner for one
// domain; a Learner owns only its own state: it plays x, takes ∇f_t(x_t) and moves. The game owns
// the accounting (losses, comparator, checkpoints, divergence), so any update rule plugs in.
import type { Fields } from "../config/fields.ts"
import type { Domain } from "../types.ts"
import type { Accounting } from "../game/accounting.ts"

/** A complete learner config: its kind, its preset and every field of its family's table. */
export interface LearnerConfig {
  readonly kind: string
  readonly preset: string
  readonly [field: string]: unknown
}

/** What stopped a run: a non-finite gradient, state or iterate (or, in a fused kernel, loss). */
export type LearnerFailure = { readonly what: "loss" | "gradient" | "state" | "iterate"; readonly value: number }

/**
 * Rounds t0 … t0+K−1 of the learner's update fused with the game's accounting (see Accounting):
 * G holds K gradient rows (row k at k·d), C the K offsets of linear losses, F the K losses paid
 * otherwise, E the K expected losses when given. Returns the rounds completed: K, or the index of
 * the round whose loss, gradient or state was not finite (failure() then says which).
 */
export type FusedRounds = (t0: number, K: number, G: Float64Array, C: Float64Array, F: Float64Array, E: Float64Array) => number

/** What the game asks a fused kernel to account for, besides what every round pays. */
export interface FusedAccounting {
  /** Linear losses: f_t = ⟨g_t, x_t⟩ + c_t from G and C, and Σg, Σc kept for the comparator. */
  readonly linear: boolean
  /** Pseudo-regret: E f_t(x_t) with a linear expected loss (in the accounting's eg) or given per round in E. */
  readonly expected: "none" | "linear" | "given"
  /** Accumulate the sums that depend on the losses only (false when the adversary gives them in closed form). */
  readonly gradientSums: boolean
  /** Keep each coordinate's min and max of x_t between checkpoints (Accounting.win). */
  readonly windowX: boolean
  /** Linear losses: keep R_t/t's min and max between checkpoints (Σg and Σc then summed every round). */
  readonly windowRegret: boolean
}

/** One learner playing one run. */
export interface Learner {
  readonly config: LearnerConfig
  readonly dim: number
  /** The point the learner plays next (x_t before update(t), x_{t+1} after). */
  readonly x: Float64Array
  /** Starts a new run from x_1 = start (feasible). */
  reset(start: Float64Array): void
  /**
   * Round t's update with g = ∇f_t(x_t). Returns false when the gradient, the step or the state
   * became non-finite (the run is then reported as diverged with `failure`). Allocates nothing.
   */
  update(t: number, g: Float64Array): boolean
  readonly failure: LearnerFailure | undefined
  /**
   * Optional, for learners with a diagonal preconditioner: √V_t/α_t of the update made in round t,
   * per coordinate, into out (the inverse of the effective step). The game derives the effective
   * step and Reddi's Γ_t = √V_t/α_t − √V_{t−1}/α_{t−1} from it.
   */
  inverseStep?(t: number, out: Float64Array): void
  /**
   * Optional fast path: the update fused with the game's accounting in one generated loop. It
   * must give bit for bit what update() plus the plain accounting give (a property test checks).
   */
  fuse?(accounting: Accounting, shape: FusedAccounting): FusedRounds
  /** Copy of the internal state for inspection and tests (allocates). */
  snapshot(): Readonly<Record<string, readonly number[]>>
}

/** A registered learner kind: its family's fields, its presets, and how to build it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface LearnerKind<C extends LearnerConfig = any> {
  readonly kind: string
  /** The family the kind belongs to ("algorithm1" for Reddi et al.'s generic adaptive method). */
  readonly family: string
  readonly title: string
  readonly citation: string
  /** Every field a config of this kind has, with its range and doc (kind and preset excluded). */
  readonly fields: Fields
  /** Complete configs by preset name; the first is the default. */
  readonly presets: Readonly<Record<string, Omit<C, "kind">>>
  /** Domain kinds it can play on (all when absent). */
  readonly domains?: readonly string[]
  /** Checks that span several fields (after each field passed its spec); throws ConfigError. */
  check?(config: C): void
  /** Checks that need the domain and the start point (e.g. a start inside the simplex); throws ConfigError. */
  checkStart?(config: C, domain: Domain, start: readonly number[]): void
  /**
   * Configs the shared contract battery plays (each must learn a fixed quadratic on a domain it
   * supports) and configs it must reject with exactly this message, beyond the per-field range
   * checks the battery derives from `fields` itself. Overrides of the default preset.
   */
  readonly examples?: {
    readonly valid?: readonly Readonly<Record<string, unknown>>[]
    readonly invalid?: readonly (readonly [Readonly<Record<string, unknown>>, string])[]
  }
  /** "α=0.5/√t, β1=0.9, β2=0.99": the hyperparameters a reader needs to tell runs apart. */
  describe(config: C): string
  create(config: C, domain: Domain): Learner
}
