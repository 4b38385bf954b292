// Small deterministic ScenarioResults built by hand for the report tests: a scalar simulation of
// Reddi's Section 5 online sequence (f_t = 1010x if t mod 101 = 1, else −10x on [−1, 1]), so the
// curves look like the real thing without depending on the scenario layer.
import { logCheckpoints } from "../../src/core/checkpoints.ts"
import type { LearnerSpec } from "../../src/core/learner/resolve.ts"
import { resolveLearner } from "../../src/core/learner/resolve.ts"
import type { Algorithm1Config } from "../../src/core/learner/algorithm1/fields.ts"
import type { CheckpointRow } from "../../src/core/types.ts"
import type { Expectation, ExpectationResult, LearnerRun, LearnerSummary, ScenarioResult, Spread } from "../../src/scenario/types.ts"

export const XSS = "<img src=x onerror=alert(1)>"

export interface FixtureOptions {
  readonly horizon?: number
  readonly seeds?: readonly number[]
  readonly dim?: number
  /** Labels for Adam, AMSGrad, AdaGrad (in that order). */
  readonly labels?: readonly [string, string, string]
  readonly id?: string
}

const grad = (t: number): number => ((t - 1) % 101 === 0 ? 1010 : -10)

/** One scalar run; seed shifts the start so seeds differ (spread bands have width). */
const simulate = (spec: LearnerSpec, horizon: number, seed: number, dim: number): CheckpointRow[] => {
  const c = resolveLearner(spec).config as Algorithm1Config
  const marks = new Set(logCheckpoints(horizon, 10))
  let x = (seed - 1) * 0.25
  let m = 0
  let v = 0
  let vhat = 0
  let sumG2 = 0
  let regret = 0
  let cum = 0
  let xSum = 0
  let prevRatio = 0
  let negRounds = 0
  let sumSq = 0
  const rows: CheckpointRow[] = []
  for (let t = 1; t <= horizon; t++) {
    const g = grad(t)
    sumSq += g * g
    cum += g * x
    regret += g * (x + 1)
    xSum += x
    const played = x
    const alpha = c.stepSchedule.kind === "inv-sqrt" ? c.alpha / Math.sqrt(t) : c.alpha
    let denom: number
    if (c.secondMoment === "mean") {
      sumG2 += g * g
      denom = Math.sqrt(sumG2 / t)
      m = g
    } else {
      m = c.beta1 * m + (1 - c.beta1) * g
      v = c.beta2 * v + (1 - c.beta2) * g * g
      vhat = c.amsgrad === "off" ? v : Math.max(vhat, v)
      denom = Math.sqrt(vhat)
    }
    const ratio = denom / alpha
    const gamma = t === 1 ? ratio : ratio - prevRatio
    if (gamma < 0) negRounds++
    prevRatio = ratio
    const step = alpha / denom
    x = Math.min(1, Math.max(-1, x - step * m))
    if (marks.has(t)) {
      const vec = (a: number) => Array.from({ length: dim }, (_, i) => a + i * 0.01)
      const comparatorLoss = cum - regret
      rows.push({
        t,
        x: vec(played),
        xAvg: vec(xSum / t),
        comparatorX: vec(-1),
        distToComparator: Math.abs(played + 1) * Math.sqrt(dim),
        cumLoss: cum,
        comparatorLoss,
        comparatorGap: 0,
        regret,
        avgRegret: regret / t,
        stepMin: step,
        stepMean: step * 1.1,
        stepMax: step * 1.2,
        gammaMin: gamma,
        gammaNegativeRounds: negRounds,
        // Every coordinate shows the same 1-D sequence.
        gradNormSum: dim * Math.sqrt(sumSq),
        gradMaxInf: 1010,
        gradMax2: 1010 * Math.sqrt(dim)
      })
    }
  }
  return rows
}

const spread = (vs: readonly number[]): Spread => {
  const mean = vs.reduce((a, b) => a + b, 0) / vs.length
  const sd = vs.length > 1 ? Math.sqrt(vs.reduce((a, b) => a + (b - mean) ** 2, 0) / (vs.length - 1)) : 0
  return { mean, sd, min: Math.min(...vs), max: Math.max(...vs), n: vs.length }
}

export const makeResult = (o: FixtureOptions = {}): ScenarioResult => {
  const horizon = o.horizon ?? 3000
  const seeds = o.seeds ?? [1, 2]
  const dim = o.dim ?? 1
  const [adam, ams, ada] = o.labels ?? ["Adam", "AMSGrad", "AdaGrad"]
  const specs: LearnerSpec[] = [
    { kind: "adam", preset: "paper", label: adam, alpha: 0.5, beta1: 0.9, beta2: 0.99 },
    { kind: "amsgrad", preset: "paper", label: ams, alpha: 0.5, beta1: 0.9, beta2: 0.99 },
    { kind: "adagrad", preset: "paper", label: ada, alpha: 0.5 }
  ]
  const learners = specs.map(resolveLearner)
  const runs: LearnerRun[] = learners.flatMap((l, i) =>
    seeds.map((seed) => ({ learner: l.label, seed, rows: simulate(specs[i], horizon, seed, dim), status: { kind: "ok" as const } }))
  )
  const finals = (label: string) => runs.filter((r) => r.learner === label).map((r) => r.rows[r.rows.length - 1])
  const summary: LearnerSummary[] = learners.map((l) => {
    const f = finals(l.label)
    return {
      learner: l.label,
      t: horizon,
      x: Array.from({ length: dim }, (_, i) => f.reduce((a, r) => a + r.x![i], 0) / f.length),
      regret: spread(f.map((r) => r.regret)),
      avgRegret: spread(f.map((r) => r.avgRegret)),
      diverged: 0
    }
  })
  const expectations: Expectation[] = [
    { learner: adam, metric: "x", op: ">=", value: 0.9, why: "Adam is drawn to +1" },
    { learner: ams, metric: "x", op: "<=", value: -0.9 },
    { learner: ada, metric: "avgRegret", op: "<=", value: 0.001 }
  ]
  const checked: ExpectationResult[] = expectations.map((e) => {
    const observed = finals(e.learner).map((r) => (e.metric === "x" ? r.x![0] : r.avgRegret))
    const holds = observed.every((v) => (e.op === ">=" ? v >= e.value : v <= e.value))
    return { expectation: e, text: `${e.learner}: ${e.metric} ${e.op} ${e.value}`, holds, observed }
  })
  return {
    scenario: {
      id: o.id ?? "test/reddi-online",
      title: "Reddi et al. Section 5, online (test fixture)",
      citation: "Reddi, Kale & Kumar, ICLR 2018",
      description: "f_t(x) = 1010x if t mod 101 = 1, else −10x, on F = [−1, 1]",
      notes: [],
      domain: { kind: "box", lower: Array(dim).fill(-1), upper: Array(dim).fill(1) },
      adversary: { kind: "periodic-linear", C: 101, period: 101, scale: 10, direction: 1 },
      learners,
      horizon,
      start: Array(dim).fill(0),
      seeds,
      checkpoints: { perDecade: 10, extra: [] },
      expectations,
      source: "test fixture"
    },
    runs,
    summary,
    paired: [],
    expectations: checked,
    completion: { kind: "complete" }
  }
}
