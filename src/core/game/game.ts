// The online game: round t, the learner plays x_t, the adversary reveals f_t (seeing x_t only if
// adaptive), the learner pays f_t(x_t) and updates with ∇f_t(x_t). The game owns the accounting
// (accounting.ts): any learner runs through the plain path below, written to be read; a learner
// that offers a fused round kernel (Algorithm-1 learners do) runs through that instead, which must
// give the same numbers bit for bit (a property test checks). advance() plays chunks of rounds with
// no allocation and no Effect; the run layer wraps chunks for progress and interruption.
import { LinearLoss, linearComparator } from "../loss/linear.ts"
import type { FusedRounds, Learner, LearnerFailure } from "../learner/learner.ts"
import { createLinearSums, type Adversary, type CheckpointRow, type ComparatorResult, type ComparatorStats, type Domain, type LinearSums, type Loss, type RandomSource, type RunStatus } from "../types.ts"
import { ACC, Accounting, WIN, boxLinearMin, compensated } from "./accounting.ts"

export interface GameSpec {
  readonly domain: Domain
  readonly adversary: Adversary
  readonly learner: Learner
  readonly horizon: number
  readonly start: Float64Array
  readonly random: RandomSource
  /** Rounds in [1, horizon] to record (sorted and deduplicated here); the horizon is always recorded. */
  readonly checkpoints: readonly number[]
  /** Record x, x̄ and x* vectors in rows when dim ≤ this (default 8). */
  readonly recordVectorsUpTo?: number
  /** "plain" plays every round through the plain accounting even when the learner offers a fused kernel. */
  readonly path?: "fastest" | "plain"
  /**
   * Keep the extremes between checkpoints (default true): rows then carry the min and max over
   * their window of R_t/t (linear losses), of min_i Γ_{t,i} and of each recorded coordinate of x_t.
   */
  readonly windows?: boolean
}

export interface RunResult {
  readonly rows: readonly CheckpointRow[]
  readonly status: RunStatus
}

/** Rounds per chunk on the fused path; bounds the chunk buffers (K·d doubles each). */
const CHUNK_ROUNDS = 4096

export class Game {
  /** Rounds completed. */
  t = 0
  readonly rows: CheckpointRow[] = []
  status: RunStatus = { kind: "ok" }
  readonly accounting: Accounting
  private readonly horizon: number
  private readonly checkpoints: Float64Array
  private nextIndex = 0
  /** Fused-path chunk buffers: gradients (K×d), offsets of linear losses, losses paid, expected losses (K). */
  private readonly G: Float64Array
  private readonly C: Float64Array
  private readonly F: Float64Array
  private readonly E: Float64Array
  private readonly chunk: number
  /** Linear losses: f_t = ⟨g, x⟩ + c, and the comparator's sums are kept in the accounting. */
  private readonly linear: boolean
  /** Oblivious (or stochastic) linear losses on a box: reveal a chunk, then play it in one kernel call. */
  private readonly chunked: boolean
  /** The adversary's closed-form sums of the losses (Σg, Σc, Σg², maxima), when it has them. */
  private readonly sums: LinearSums | undefined
  private readonly fused: FusedRounds | undefined
  private readonly inverseStep: ((t: number, out: Float64Array) => void) | undefined
  private readonly plainShape: { readonly linear: boolean; readonly expected: boolean; readonly gradientSums: boolean }
  private readonly comparatorX: Float64Array
  private readonly scratch: Float64Array
  private readonly stats: ComparatorStats
  private readonly expected: Loss | undefined
  private readonly expectedGiven: boolean
  private readonly expectedMin: number
  private readonly recordVectors: boolean

  constructor(private readonly spec: GameSpec) {
    const { domain, adversary, learner } = spec
    const d = domain.dim
    if (adversary.dim !== d) throw new Error(`adversary dimension ${adversary.dim} does not match domain dimension ${d}`)
    if (learner.dim !== d) throw new Error(`learner dimension ${learner.dim} does not match domain dimension ${d}`)
    if (spec.start.length !== d) throw new Error(`start has dimension ${spec.start.length}, domain has ${d}`)
    if (!domain.contains(spec.start)) throw new Error(`start [${Array.from(spec.start).join(", ")}] is outside the domain`)
    if (!Number.isInteger(spec.horizon) || spec.horizon < 1) throw new Error(`horizon must be an integer ≥ 1, got ${spec.horizon}`)
    this.horizon = spec.horizon
    // Ascending and distinct whatever the caller gave (a repeated or out-of-order round would stall advance()).
    const cps = [...new Set(spec.checkpoints.filter((t) => Number.isInteger(t) && t >= 1 && t <= spec.horizon))].sort((a, b) => a - b)
    if (cps[cps.length - 1] !== spec.horizon) cps.push(spec.horizon)
    this.checkpoints = Float64Array.from(cps)
    adversary.reset(spec.random)
    learner.reset(spec.start)
    this.stats = adversary.family.createStats(d)
    this.linear = adversary.family.name === "linear"
    this.comparatorX = new Float64Array(d)
    this.scratch = new Float64Array(d)
    this.recordVectors = d <= (spec.recordVectorsUpTo ?? 8)
    const windows = spec.windows ?? true
    const vertex = new Float64Array(d)
    // The comparator of linear losses is one oracle call; other families would need a solve per round.
    const linearMin = domain.box !== undefined ? boxLinearMin(domain.box.lower, domain.box.upper) : (G: Float64Array) => domain.minimizeLinear(G, vertex)
    this.accounting = new Accounting(d, { x: windows && this.recordVectors, ...(windows && this.linear ? { linearMin } : {}) })
    this.expected = adversary.expectedLoss?.()
    this.expectedGiven = this.expected !== undefined && !(this.expected instanceof LinearLoss)
    if (this.expected instanceof LinearLoss) {
      this.accounting.eg.set(this.expected.g)
      this.accounting.eg[d] = this.expected.c
    }
    this.sums = this.linear && adversary.linearSums !== undefined ? createLinearSums(d) : undefined
    const shape = {
      linear: this.linear,
      expected: this.expected === undefined ? "none" as const : this.expectedGiven ? "given" as const : "linear" as const,
      gradientSums: this.sums === undefined,
      windowX: this.accounting.windowX,
      windowRegret: this.accounting.linearMin !== undefined
    }
    this.plainShape = { linear: shape.linear, expected: this.expected !== undefined, gradientSums: shape.gradientSums }
    this.fused = spec.path !== "plain" ? learner.fuse?.(this.accounting, shape) : undefined
    this.inverseStep = learner.inverseStep?.bind(learner)
    this.chunked = this.fused !== undefined && this.linear && adversary.information !== "adaptive" && domain.box !== undefined
    // Keep chunk buffers around a megabyte whatever the dimension.
    const buffered = this.chunked ? Math.max(1, Math.min(CHUNK_ROUNDS, Math.floor(131072 / d))) : 1
    // The plain path needs no buffers: it plays whole chunks round by round.
    this.chunk = this.fused === undefined ? CHUNK_ROUNDS : buffered
    this.G = new Float64Array(buffered * d)
    this.C = new Float64Array(buffered)
    this.F = new Float64Array(buffered)
    this.E = new Float64Array(buffered)
    if (this.expected !== undefined) {
      const one = adversary.family.createStats(d)
      one.add(this.expected)
      this.expectedMin = one.best(domain, new Float64Array(d)).value
    } else this.expectedMin = 0
  }

  get done(): boolean {
    return this.t >= this.horizon || this.status.kind !== "ok"
  }

  /** Plays up to `rounds` more rounds; returns true when the run is finished (horizon or divergence). */
  advance(rounds: number): boolean {
    const end = Math.min(this.horizon, this.t + rounds)
    while (!this.done && this.t < end) {
      const next = this.checkpoints[this.nextIndex]
      const K = Math.min(this.chunk, end - this.t, next - this.t)
      const played = this.fused !== undefined ? this.playFused(this.t + 1, K) : this.playPlain(this.t + 1, K)
      this.t += played
      if (played < K) return true
      if (this.t === next) {
        this.record(this.t)
        this.nextIndex++
      }
    }
    return this.done
  }

  /**
   * The plain path, round by round: reveal f_t at x_t, pay it, let the learner step, account.
   * Returns the rounds completed (fewer than K when the run diverged, with status set).
   */
  private playPlain(t0: number, K: number): number {
    const { adversary, learner } = this.spec
    const a = this.accounting
    for (let k = 0; k < K; k++) {
      const t = t0 + k
      const x = learner.x
      const loss = adversary.reveal(t, x)
      const f = loss.value(x)
      // A linear loss's gradient is its g, whatever x: read it in place rather than copy it.
      const g = this.linear ? (loss as LinearLoss).g : this.scratch
      if (!this.linear) loss.gradient(x, g)
      const ef = this.expected !== undefined ? this.expected.value(x) : 0
      if (!this.linear) this.stats.add(loss)
      if (!Number.isFinite(f)) return this.diverge(t, k, { what: "loss", value: f })
      a.play(x)
      if (!learner.update(t, g)) return this.diverge(t, k, learner.failure ?? { what: "state", value: NaN })
      a.round(t, f, g, this.linear ? (loss as LinearLoss).c : 0, ef, this.plainShape, this.inverseStep)
    }
    return K
  }

  /**
   * The fused path: reveal rounds t0 … t0+K−1 (a whole chunk at once for oblivious linear losses
   * on a box), then one kernel call that pays, steps and accounts. Numbers are identical whatever
   * the chunking: every sum takes its terms in round order.
   */
  private playFused(t0: number, K: number): number {
    const { adversary, learner } = this.spec
    const d = this.spec.domain.dim
    const G = this.G, x = learner.x
    if (this.chunked && adversary.revealLinearChunk !== undefined) adversary.revealLinearChunk(t0, K, G, this.C)
    else for (let k = 0; k < K; k++) {
      // Oblivious adversaries ignore x; everything else plays with K = 1 and sees the true x_t.
      const loss = adversary.reveal(t0 + k, x)
      if (this.linear) {
        const g = (loss as LinearLoss).g
        for (let i = 0; i < d; i++) G[k * d + i] = g[i]
        this.C[k] = (loss as LinearLoss).c
      } else {
        this.F[k] = loss.value(x)
        loss.gradient(x, this.scratch)
        G.set(this.scratch, k * d)
        this.stats.add(loss)
        if (this.expectedGiven) this.E[k] = this.expected!.value(x)
      }
    }
    const played = this.fused!(t0, K, G, this.C, this.F, this.E)
    if (played < K) {
      return this.diverge(t0 + played, played, learner.failure ?? { what: "state", value: NaN })
    }
    return played
  }

  private diverge(round: number, played: number, failure: LearnerFailure): number {
    this.status = { kind: "diverged", round, what: failure.what, value: failure.value }
    return played
  }

  /** Plays to the end. */
  run(): RunResult {
    while (!this.advance(1 << 20)) { /* chunks keep the loop body small */ }
    return this.result()
  }

  result(): RunResult {
    return { rows: this.rows, status: this.status }
  }

  /** Row for round t, which has just completed; its played point x_t is the accounting's lastX. */
  private record(t: number): void {
    const { domain, adversary } = this.spec
    const d = domain.dim
    const a = this.accounting, acc = a.acc
    if (this.sums !== undefined) {
      // The closed form the adversary knows, where the accounting would have added the sums up.
      const sums = this.sums
      adversary.linearSums!(t, sums)
      a.gs.set(sums.gSum)
      a.gc.set(sums.gComp)
      a.sq.set(sums.gSq)
      acc[ACC.cs] = sums.scalars[0]
      acc[ACC.cs + 1] = sums.scalars[1]
      acc[ACC.gInf] = sums.scalars[2]
      acc[ACC.g2max] = sums.scalars[3]
    }
    let best: ComparatorResult
    if (this.linear) {
      for (let i = 0; i < d; i++) this.scratch[i] = compensated(a.gs[i], a.gc[i])
      best = linearComparator(domain, this.scratch, compensated(acc[ACC.cs], acc[ACC.cs + 1]), this.comparatorX)
    } else best = this.stats.best(domain, this.comparatorX)
    const cumLoss = compensated(acc[ACC.cum], acc[ACC.cum + 1])
    const regret = cumLoss - best.value
    if (this.linear) a.anchor(this.scratch, cumLoss - compensated(acc[ACC.cs], acc[ACC.cs + 1]))
    const xt = Array.from(a.lastX)
    let dist = 0
    for (let i = 0; i < d; i++) dist += (xt[i] - this.comparatorX[i]) ** 2
    let gradNormSum = 0
    for (let i = 0; i < d; i++) gradNormSum += Math.sqrt(a.sq[i])
    const avg = Array.from(a.xs, (s, i) => compensated(s, a.xc[i]) / t)
    const row: CheckpointRow = {
      t,
      ...(this.recordVectors ? { x: xt, xAvg: avg, comparatorX: Array.from(this.comparatorX) } : {}),
      distToComparator: Math.sqrt(dist),
      cumLoss,
      comparatorLoss: best.value,
      comparatorGap: best.gap,
      regret,
      avgRegret: regret / t,
      ...(this.expected !== undefined ? { pseudoRegret: compensated(acc[ACC.ecum], acc[ACC.ecum + 1]) - t * this.expectedMin } : {}),
      ...(this.fused !== undefined || this.inverseStep !== undefined ? this.stepDiagnostics() : {}),
      gradNormSum,
      gradMaxInf: acc[ACC.gInf],
      gradMax2: Math.sqrt(acc[ACC.g2max]),
      ...this.windowExtremes(regret / t),
      ...(adversary.measure !== undefined ? { metrics: adversary.measure(a.lastX, domain) } : {})
    }
    a.resetWindow()
    this.rows.push(row)
  }

  /**
   * The window's extremes for the row of round t. The row's own R_t/t is widened in: it comes from
   * the exact compensated sums, the per-round values from the window's plain running sums, which
   * may differ from them in the last bits.
   */
  private windowExtremes(avgRegret: number) {
    if (this.spec.windows === false) return {}
    const a = this.accounting, w = a.win, d = this.spec.domain.dim
    const out: { avgRegretLo?: number; avgRegretHi?: number; gammaMinLo?: number; gammaMinHi?: number; xLo?: number[]; xHi?: number[] } = {}
    if (a.linearMin !== undefined) {
      const lo = w[WIN.rLo], hi = w[WIN.rHi]
      out.avgRegretLo = avgRegret < lo ? avgRegret : lo
      out.avgRegretHi = avgRegret > hi ? avgRegret : hi
    }
    if (this.fused !== undefined || this.inverseStep !== undefined) {
      out.gammaMinLo = w[WIN.gLo]
      out.gammaMinHi = w[WIN.gHi]
    }
    if (a.windowX) {
      out.xLo = Array.from({ length: d }, (_, i) => w[WIN.x + 2 * i])
      out.xHi = Array.from({ length: d }, (_, i) => w[WIN.x + 2 * i + 1])
    }
    return out
  }

  /** The effective step α_t/√v̂_{t,i} of round t's update (the inverse of √v̂/α_t) and Γ_t's record. */
  private stepDiagnostics() {
    const a = this.accounting, d = this.spec.domain.dim
    let smin = Infinity, smax = -Infinity, ssum = 0
    for (let i = 0; i < d; i++) {
      const s = a.inv[i] > 0 ? 1 / a.inv[i] : Infinity
      if (s < smin) smin = s
      if (s > smax) smax = s
      ssum += s
    }
    return { stepMin: smin, stepMean: ssum / d, stepMax: smax, gammaMin: a.gam[0], gammaNegativeRounds: a.gam[1] }
  }
}

export const playGame = (spec: GameSpec): RunResult => new Game(spec).run()
