// The online game: round t, the learner plays x_t, the adversary reveals f_t (seeing x_t only if
// adaptive), the learner pays f_t(x_t) and updates with ∇f_t(x_t). advance() runs a chunk of
// rounds with no allocation and no Effect; the run layer wraps chunks for progress and interruption.
import type { Learner } from "./learner/learner.ts"
import { LinearLoss, LinearStats } from "./loss/linear.ts"
import { NeumaierSum, NeumaierVector } from "./sum.ts"
import type { Adversary, CheckpointRow, ComparatorStats, Domain, Loss, RandomSource, RunStatus } from "./types.ts"

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
  /** Chunk buffers: gradients, played points (K×d), offsets and losses (K). */
  private readonly G: Float64Array
  private readonly X: Float64Array
  private readonly C: Float64Array
  private readonly F: Float64Array
  private readonly chunk: number
  /** Oblivious linear losses on a box: reveal a whole chunk, then step it in one learner call. */
  private readonly linear: LinearStats | undefined
  private readonly comparatorX: Float64Array
  private readonly stepScratch: Float64Array
  private readonly rowScratch: Float64Array
  private readonly cumLoss = new NeumaierSum()
  private readonly expectedCumLoss = new NeumaierSum()
  private readonly iterateSum: NeumaierVector
  /** Per-coordinate Σ_t g_{t,i}² (all terms ≥ 0, so a plain sum loses nothing to cancellation), and the running max of ‖g_t‖∞ and ‖g_t‖₂². */
  private readonly gradSquares: Float64Array
  private readonly gradMax = new Float64Array(2)
  private readonly stats: ComparatorStats
  private readonly expected: Loss | undefined
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
    this.stats = adversary.family.createStats(d)
    this.linear = adversary.information !== "adaptive" && domain.box !== undefined && this.stats instanceof LinearStats ? this.stats : undefined
    // Keep chunk buffers around a megabyte whatever the dimension.
    this.chunk = this.linear === undefined ? 1 : Math.max(1, Math.min(CHUNK_ROUNDS, Math.floor(131072 / d)))
    this.G = new Float64Array(this.chunk * d)
    this.X = new Float64Array(this.chunk * d)
    this.C = new Float64Array(this.chunk)
    this.F = new Float64Array(this.chunk)
    this.comparatorX = new Float64Array(d)
    this.stepScratch = new Float64Array(d)
    this.rowScratch = new Float64Array(d)
    this.iterateSum = new NeumaierVector(d)
    this.gradSquares = new Float64Array(d)
    this.recordVectors = d <= (spec.recordVectorsUpTo ?? 8)
    this.expected = adversary.expectedLoss?.()
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
        // A checkpoint always ends a chunk, so x_t is the chunk's last row of X.
        this.record(this.t, (K - 1) * this.spec.domain.dim)
        this.nextIndex++
      }
    }
    return this.done
  }

  /**
   * Rounds t0 … t0+K−1: reveal, step, account. Returns how many rounds completed (fewer than K
   * when the run diverged, with status set). Numbers are identical whatever the chunking: every sum
   * takes its terms in round order.
   */
  private playChunk(t0: number, K: number): number {
    const { adversary, learner } = this.spec
    const d = learner.dim
    const G = this.G, X = this.X, C = this.C, F = this.F, x = learner.x
    const linear = this.linear
    for (let k = 0; k < K; k++) {
      // Oblivious adversaries ignore x; an adaptive one plays with K = 1 and sees the true x_t.
      const loss = adversary.reveal(t0 + k, x)
      if (linear !== undefined) {
        const g = (loss as LinearLoss).g
        for (let i = 0; i < d; i++) G[k * d + i] = g[i]
        C[k] = (loss as LinearLoss).c
      } else {
        F[k] = loss.value(x)
        loss.gradient(x, this.rowScratch)
        G.set(this.rowScratch, k * d)
        this.stats.add(loss)
      }
    }
    const failedAt = learner.steps(t0, K, G, X)
    const stepped = failedAt < 0 ? K : failedAt
    const cum = this.cumLoss, xsum = this.iterateSum, expected = this.expected, sq = this.gradSquares, gmax = this.gradMax
    for (let k = 0; k < K; k++) {
      const off = k * d
      let f: number
      if (linear !== undefined) {
        // f_t(x_t) = ⟨g_t, x_t⟩ + c_t, computed as LinearLoss.value does.
        let s = 0
        for (let i = 0; i < d; i++) s += G[off + i] * X[off + i]
        f = s + C[k]
      } else f = F[k]
      if (f - f !== 0) {
        this.status = { kind: "diverged", round: t0 + k, what: "loss", value: f }
        return k
      }
      if (k === stepped) {
        const failure = learner.failure!
        this.status = { kind: "diverged", round: t0 + k, what: failure.what, value: failure.value }
        return k
      }
      cum.add(f)
      let norm2 = 0, normInf = 0
      for (let i = 0; i < d; i++) {
        const g = G[off + i], g2 = g * g
        sq[i] += g2
        norm2 += g2
        const a = g < 0 ? -g : g
        if (a > normInf) normInf = a
      }
      if (normInf > gmax[0]) gmax[0] = normInf
      if (norm2 > gmax[1]) gmax[1] = norm2
      if (linear !== undefined) linear.addRow(G, off, C[k])
      xsum.addRow(X, off)
      if (expected !== undefined) {
        for (let i = 0; i < d; i++) this.rowScratch[i] = X[off + i]
        this.expectedCumLoss.add(expected.value(this.rowScratch))
      }
    }
    return K
  }

  /** Plays to the end. */
  run(): RunResult {
    while (!this.advance(1 << 20)) { /* chunks keep the loop body small */ }
    return this.result()
  }

  result(): RunResult {
    return { rows: this.rows, status: this.status }
  }

  /** Row for round t, which has just completed; its played point x_t is X[xOffset …]. */
  private record(t: number, xOffset: number): void {
    const { domain, learner } = this.spec
    const d = domain.dim
    const best = this.stats.best(domain, this.comparatorX)
    const cumLoss = this.cumLoss.value
    const regret = cumLoss - best.value
    const xt = Array.from(this.X.subarray(xOffset, xOffset + d))
    let dist = 0
    for (let i = 0; i < d; i++) dist += (xt[i] - this.comparatorX[i]) ** 2
    learner.effectiveStep(this.stepScratch)
    let smin = Infinity, smax = -Infinity, ssum = 0
    for (let i = 0; i < d; i++) {
      const s = this.stepScratch[i]
      if (s < smin) smin = s
      if (s > smax) smax = s
      ssum += s
    }
    let gradNormSum = 0
    for (let i = 0; i < d; i++) gradNormSum += Math.sqrt(this.gradSquares[i])
    const avg = new Float64Array(d)
    this.iterateSum.valueInto(avg)
    for (let i = 0; i < d; i++) avg[i] /= t
    const row: CheckpointRow = {
      t,
      ...(this.recordVectors ? { x: xt, xAvg: Array.from(avg), comparatorX: Array.from(this.comparatorX) } : {}),
      distToComparator: Math.sqrt(dist),
      cumLoss,
      comparatorLoss: best.value,
      comparatorGap: best.gap,
      regret,
      avgRegret: regret / t,
      ...(this.expected !== undefined ? { pseudoRegret: this.expectedCumLoss.value - t * this.expectedMin } : {}),
      stepMin: smin,
      stepMean: ssum / d,
      stepMax: smax,
      gammaMin: learner.gammaMin,
      gammaNegativeRounds: learner.gammaNegativeRounds,
      gradNormSum,
      gradMaxInf: this.gradMax[0],
      gradMax2: Math.sqrt(this.gradMax[1])
    }
    this.rows.push(row)
  }
}

export const playGame = (spec: GameSpec): RunResult => new Game(spec).run()
