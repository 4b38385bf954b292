// The online game: round t, the learner plays x_t, the adversary reveals f_t (seeing x_t only if
// adaptive), the learner pays f_t(x_t) and updates with ∇f_t(x_t). advance() plays chunks of
// rounds with no allocation and no Effect (the run layer wraps chunks for progress and
// interruption); the paying, stepping and accounting of a chunk is one call of the round kernel.
import { compensated, FAILURES, type Kernel, type KernelState } from "./kernel.ts"
import type { Learner } from "./learner/learner.ts"
import { LinearLoss, linearComparator } from "./loss/linear.ts"
import { createLinearSums, type Adversary, type CheckpointRow, type ComparatorResult, type ComparatorStats, type Domain, type LinearSums, type Loss, type RandomSource, type RunStatus } from "./types.ts"

export interface GameSpec {
  readonly domain: Domain
  readonly adversary: Adversary
  readonly learner: Learner
  readonly horizon: number
  readonly start: Float64Array
  readonly random: RandomSource
  /** Ascending rounds in [1, horizon] to record; the horizon is always recorded. */
  readonly checkpoints: readonly number[]
  /** Record x, x̄ and x* vectors in rows when dim ≤ this (default 8). */
  readonly recordVectorsUpTo?: number
}

export interface RunResult {
  readonly rows: readonly CheckpointRow[]
  readonly status: RunStatus
}

/** Rounds per chunk on the fast path; bounds the chunk buffers (K·d doubles each). */
const CHUNK_ROUNDS = 4096

export class Game {
  /** Rounds completed. */
  t = 0
  readonly rows: CheckpointRow[] = []
  status: RunStatus = { kind: "ok" }
  private readonly horizon: number
  private readonly checkpoints: Float64Array
  private nextIndex = 0
  /** Chunk buffers: gradients (K×d), offsets of linear losses, losses paid, expected losses (K). */
  private readonly G: Float64Array
  private readonly C: Float64Array
  private readonly F: Float64Array
  private readonly E: Float64Array
  private readonly chunk: number
  /** Linear losses: f_t = ⟨g, x⟩ + c and the comparator's sums are kept by the kernel. */
  private readonly linear: boolean
  /** Oblivious (or stochastic) linear losses on a box: reveal a chunk, then play it in one kernel call. */
  private readonly chunked: boolean
  /** The adversary's closed-form sums of the losses (Σg, Σc, Σg², maxima), when it has them; else the kernel adds them up. */
  private readonly sums: LinearSums | undefined
  private readonly kernel: Kernel
  private readonly S: KernelState
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
    const cps = spec.checkpoints.filter((t) => t >= 1 && t <= spec.horizon)
    if (cps[cps.length - 1] !== spec.horizon) cps.push(spec.horizon)
    this.checkpoints = Float64Array.from(cps)
    adversary.reset(spec.random)
    learner.reset(spec.start)
    this.S = learner.state
    this.stats = adversary.family.createStats(d)
    this.linear = adversary.family.name === "linear"
    this.chunked = this.linear && adversary.information !== "adaptive" && domain.box !== undefined
    // Keep chunk buffers around a megabyte whatever the dimension.
    this.chunk = this.chunked ? Math.max(1, Math.min(CHUNK_ROUNDS, Math.floor(131072 / d))) : 1
    this.G = new Float64Array(this.chunk * d)
    this.C = new Float64Array(this.chunk)
    this.F = new Float64Array(this.chunk)
    this.E = new Float64Array(this.chunk)
    this.comparatorX = new Float64Array(d)
    this.scratch = new Float64Array(d)
    this.recordVectors = d <= (spec.recordVectorsUpTo ?? 8)
    this.expected = adversary.expectedLoss?.()
    this.expectedGiven = this.expected !== undefined && !(this.expected instanceof LinearLoss)
    if (this.expected instanceof LinearLoss) {
      this.S.eg.set(this.expected.g)
      this.S.eg[d] = this.expected.c
    }
    this.sums = this.linear && adversary.linearSums !== undefined ? createLinearSums(d) : undefined
    this.kernel = learner.kernel({
      linear: this.linear,
      expected: this.expected === undefined ? "none" : this.expectedGiven ? "given" : "linear",
      gradientSums: this.sums === undefined
    })
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
      const played = this.playChunk(this.t + 1, K)
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
   * Rounds t0 … t0+K−1: reveal, then one kernel call that pays, steps and accounts. Returns how
   * many rounds completed (fewer than K when the run diverged, with status set). Numbers are
   * identical whatever the chunking: every sum takes its terms in round order.
   */
  private playChunk(t0: number, K: number): number {
    const { adversary } = this.spec
    const d = this.spec.domain.dim
    const S = this.S, G = this.G, x = S.x
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
    const played = this.kernel(S.args, t0, K, G, this.C, this.F, this.E)
    if (played < K) {
      const what = FAILURES[S.fail[0]]
      this.status = { kind: "diverged", round: t0 + played, what: what === "none" ? "state" : what, value: S.fail[1] }
    }
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

  /** Row for round t, which has just completed; its played point x_t is S.lastX. */
  private record(t: number): void {
    const { domain, adversary } = this.spec
    const d = domain.dim
    const S = this.S
    if (this.sums !== undefined) {
      // Where the kernel would have left them (it neither reads nor changes them in this mode).
      const sums = this.sums
      adversary.linearSums!(t, sums)
      S.gs.set(sums.gSum)
      S.gc.set(sums.gComp)
      S.sq.set(sums.gSq)
      S.acc[2] = sums.scalars[0]
      S.acc[3] = sums.scalars[1]
      S.acc[6] = sums.scalars[2]
      S.acc[7] = sums.scalars[3]
    }
    let best: ComparatorResult
    if (this.linear) {
      for (let i = 0; i < d; i++) this.scratch[i] = compensated(S.gs[i], S.gc[i])
      best = linearComparator(domain, this.scratch, compensated(S.acc[2], S.acc[3]), this.comparatorX)
    } else best = this.stats.best(domain, this.comparatorX)
    const cumLoss = compensated(S.acc[0], S.acc[1])
    const regret = cumLoss - best.value
    const xt = Array.from(S.lastX)
    let dist = 0
    for (let i = 0; i < d; i++) dist += (xt[i] - this.comparatorX[i]) ** 2
    // The effective step α_t/√v̂_{t,i} of round t's update is the inverse of the kernel's √v̂/α_t.
    let smin = Infinity, smax = -Infinity, ssum = 0
    for (let i = 0; i < d; i++) {
      const s = S.inv[i] > 0 ? 1 / S.inv[i] : Infinity
      if (s < smin) smin = s
      if (s > smax) smax = s
      ssum += s
    }
    let gradNormSum = 0
    for (let i = 0; i < d; i++) gradNormSum += Math.sqrt(S.sq[i])
    const avg = Array.from(S.xs, (s, i) => compensated(s, S.xc[i]) / t)
    const row: CheckpointRow = {
      t,
      ...(this.recordVectors ? { x: xt, xAvg: avg, comparatorX: Array.from(this.comparatorX) } : {}),
      distToComparator: Math.sqrt(dist),
      cumLoss,
      comparatorLoss: best.value,
      comparatorGap: best.gap,
      regret,
      avgRegret: regret / t,
      ...(this.expected !== undefined ? { pseudoRegret: compensated(S.acc[4], S.acc[5]) - t * this.expectedMin } : {}),
      stepMin: smin,
      stepMean: ssum / d,
      stepMax: smax,
      gammaMin: S.sc[3],
      gammaNegativeRounds: S.sc[4],
      gradNormSum,
      gradMaxInf: S.acc[6],
      gradMax2: Math.sqrt(S.acc[7])
    }
    this.rows.push(row)
  }
}

export const playGame = (spec: GameSpec): RunResult => new Game(spec).run()
