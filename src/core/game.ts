// The online game: round t, the learner plays x_t, the adversary reveals f_t (seeing x_t only if
// adaptive), the learner pays f_t(x_t) and updates with ∇f_t(x_t). advance() runs a chunk of
// rounds with no allocation and no Effect; the run layer wraps chunks for progress and interruption.
import type { Learner } from "./learner/learner.ts"
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

export class Game {
  /** Rounds completed. */
  t = 0
  readonly rows: CheckpointRow[] = []
  status: RunStatus = { kind: "ok" }
  private readonly horizon: number
  private readonly checkpoints: Float64Array
  private nextIndex = 0
  private readonly gradient: Float64Array
  private readonly playedCopy: Float64Array
  private readonly comparatorX: Float64Array
  private readonly stepScratch: Float64Array
  private readonly cumLoss = new NeumaierSum()
  private readonly expectedCumLoss = new NeumaierSum()
  private readonly iterateSum: NeumaierVector
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
    this.horizon = spec.horizon
    const cps = spec.checkpoints.filter((t) => t >= 1 && t <= spec.horizon)
    if (cps[cps.length - 1] !== spec.horizon) cps.push(spec.horizon)
    this.checkpoints = Float64Array.from(cps)
    this.gradient = new Float64Array(d)
    this.playedCopy = new Float64Array(d)
    this.comparatorX = new Float64Array(d)
    this.stepScratch = new Float64Array(d)
    this.iterateSum = new NeumaierVector(d)
    this.recordVectors = d <= (spec.recordVectorsUpTo ?? 8)
    adversary.reset(spec.random)
    learner.reset(spec.start)
    this.stats = adversary.family.createStats(d)
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
    if (this.done) return true
    const { adversary, learner } = this.spec
    const x = learner.x
    const g = this.gradient
    const cum = this.cumLoss, stats = this.stats, xsum = this.iterateSum
    const expected = this.expected, ecum = this.expectedCumLoss
    const end = Math.min(this.horizon, this.t + rounds)
    let next = this.checkpoints[this.nextIndex]
    for (let t = this.t + 1; t <= end; t++) {
      const loss = adversary.reveal(t, x)
      const f = loss.value(x)
      loss.gradient(x, g)
      if (f - f !== 0) {
        this.t = t - 1
        this.status = { kind: "diverged", round: t, what: "loss", value: f }
        return true
      }
      cum.add(f)
      stats.add(loss)
      xsum.add(x)
      if (expected !== undefined) ecum.add(expected.value(x))
      const isCheckpoint = t === next
      if (isCheckpoint) this.playedCopy.set(x)
      if (!learner.update(t, g)) {
        this.t = t - 1
        const failure = learner.failure!
        this.status = { kind: "diverged", round: t, what: failure.what, value: failure.value }
        return true
      }
      if (isCheckpoint) {
        this.record(t)
        next = this.checkpoints[++this.nextIndex]
      }
    }
    this.t = end
    return this.done
  }

  /** Plays to the end. */
  run(): RunResult {
    while (!this.advance(1 << 20)) { /* chunks keep the loop body small */ }
    return this.result()
  }

  result(): RunResult {
    return { rows: this.rows, status: this.status }
  }

  private record(t: number): void {
    const { domain, learner } = this.spec
    const d = domain.dim
    const best = this.stats.best(domain, this.comparatorX)
    const cumLoss = this.cumLoss.value
    const regret = cumLoss - best.value
    const xt = this.playedCopy
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
    const avg = new Float64Array(d)
    this.iterateSum.valueInto(avg)
    for (let i = 0; i < d; i++) avg[i] /= t
    const row: CheckpointRow = {
      t,
      ...(this.recordVectors ? { x: Array.from(xt), xAvg: Array.from(avg), comparatorX: Array.from(this.comparatorX) } : {}),
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
      gammaNegativeRounds: learner.gammaNegativeRounds
    }
    this.rows.push(row)
  }
}

export const playGame = (spec: GameSpec): RunResult => new Game(spec).run()
