// The adversary search measured, with no hint (random starts), on one core:
//   (a) paper Adam (β1, β2) = (0.9, 0.99), α_t = 0.5/√t on [−1, 1], x₁ = 0: family `periodic`,
//       P ≤ 200, T = 10⁵, 60 s; the best certificate replayed through the framework's game;
//       then the time to a first certificate for three more search seeds;
//   (b) Theorem 1's setting, β1 = 0, β2 = 0.1 (RMSProp): `periodic` (P ≤ 200, and P ≤ 3 at the
//       suite test's budget) and `periodic-linear` (P ≤ 200);
//   (c) AMSGrad and AdaGrad as targets, where theory says no sequence exists: the best score found.
// node --import tsx/esm bench/search.ts [--quick] [--seconds N]
import type { LearnerConfig } from "../src/core/learner/learner.ts"
import { resolveLearner } from "../src/core/learner/resolve.ts"
import { createEngineEvaluator, createEvaluator } from "../src/search/evaluate.ts"
import { periodGradients, type FoundAdversary } from "../src/search/families.ts"
import { runSearch, verifyCandidate, type Certified, type SearchResult, type SearchSpec } from "../src/search/search.ts"

const args = process.argv.slice(2)
const quick = args.includes("--quick")
const secondsArg = args.indexOf("--seconds")
const budget = secondsArg >= 0 ? Number(args[secondsArg + 1]) : quick ? 10 : 60
const evaluate = createEvaluator()

const learner = (spec: Record<string, unknown>): LearnerConfig => resolveLearner(spec as never).config
const adam = learner({ kind: "adam", alpha: 0.5, beta2: 0.99 })
const rmsprop = learner({ kind: "rmsprop", alpha: 0.5, beta2: 0.1 })
const amsgrad = learner({ kind: "amsgrad", alpha: 0.5, beta2: 0.99 })
const adagrad = learner({ kind: "adagrad", alpha: 0.5 })

interface Timed extends SearchResult {
  readonly seconds: number
  /** Seconds to the first certificate. */
  readonly firstSeconds: number | undefined
}

/** A search for `seconds` of wall clock (or `evaluations`), stopping at the first certificate when asked. */
const timed = (spec: SearchSpec, stop: { seconds?: number; evaluations?: number; atFirst?: boolean }): Timed => {
  const t0 = performance.now()
  let firstSeconds: number | undefined, done = false
  const result = runSearch(spec, evaluate, {
    until: (p) => done || (stop.evaluations !== undefined && p.evaluations >= stop.evaluations) || (stop.seconds !== undefined && performance.now() - t0 > stop.seconds * 1000),
    onCertified: () => {
      firstSeconds ??= (performance.now() - t0) / 1000
      if (stop.atFirst === true) done = true
    }
  })
  return { ...result, seconds: (performance.now() - t0) / 1000, firstSeconds }
}

const f = (v: number, d = 4) => v.toFixed(d)

/** A sequence in words: its period, mean gradient, and its sign runs (or how many there are). */
const shape = (a: FoundAdversary): string => {
  if (a.kind === "two-point-linear") return `a = ${f(a.a[0])}, b = ${f(a.b[0])}, p = ${f(a.p)}`
  const g = Array.from(periodGradients(a))
  const runs: string[] = []
  for (let i = 0; i < g.length;) {
    let j = i
    while (j < g.length && Math.sign(g[j]) === Math.sign(g[i])) j++
    const part = g.slice(i, j).map(Math.abs)
    const lo = Math.min(...part), hi = Math.max(...part)
    runs.push(`${Math.sign(g[i]) >= 0 ? "+" : "−"}${j - i}×${f(lo, 2) === f(hi, 2) ? f(lo, 2) : `[${f(lo, 2)}, ${f(hi, 2)}]`}`)
    i = j
  }
  const mean = g.reduce((s, v) => s + v, 0) / g.length
  const detail = a.kind === "periodic-linear" ? `C = ${f(a.C, 3)}, ` : ""
  return `P = ${g.length}, ${detail}mean g/G = ${f(mean)}, ${runs.length <= 8 ? `sign runs ${runs.join(" ")}` : `${runs.length} sign runs`}`
}

const describeCertificate = (c: Certified): string => {
  const { target, contrast } = c.certificate
  return `R_t/t/(G·D): target ${f(target.atT)} at T → ${f(target.at10T)} at 10T (×${f(target.ratio, 3)}), AMSGrad ${f(contrast.atT)} → ${f(contrast.at10T)} (×${f(contrast.ratio, 3)})`
}

/** The found sequence's certificate through the framework's game (the search played the scalar loop). */
const replay = (spec: SearchSpec, a: FoundAdversary): string => {
  const c = verifyCandidate(spec, a, createEngineEvaluator())
  return `target ${f(c.target.atT)} → ${f(c.target.at10T)}, AMSGrad ${f(c.contrast.atT)} → ${f(c.contrast.at10T)}`
}

const T = 100_000
console.log(`budget ${budget} s per search, one core, T = ${T}`)

// (a) ------------------------------------------------------------------------------------------
{
  const spec: SearchSpec = { family: "periodic", learner: adam, horizon: T, maxPeriod: 200 }
  const r = timed(spec, { seconds: budget })
  console.log(`\n(a) paper Adam (0.9, 0.99), α = 0.5/√t, family periodic, P ≤ 200: ${r.evaluations} evaluations in ${f(r.seconds, 1)} s (${f(r.evaluations / r.seconds, 0)}/s), ${r.verifications} verified at 10T`)
  if (r.firstCertified === undefined) console.log(`    nothing certified; best score ${f(r.best!.score.value)} (ratio ${f(r.best!.score.ratio, 3)})`)
  else {
    const first = r.firstCertified, best = r.bestCertified!
    console.log(`    first certificate after ${f(r.firstSeconds!, 2)} s (${first.evaluation} evaluations): ${shape(first.adversary)}`)
    console.log(`      ${describeCertificate(first)}`)
    console.log(`    best certificate (evaluation ${best.evaluation}): score ${f(best.score.value)} = R_T/T/(G·D); ${describeCertificate(best)}`)
    console.log(`      ${shape(best.adversary)}`)
    if (best.adversary.kind === "periodic") console.log(`      gradients/G: ${best.adversary.gradients.map((g) => f(g[0], 2)).join(" ")}`)
    console.log(`      replayed in the framework's game, R_t/t/(G·D) at T → 10T: ${replay(spec, best.adversary)}`)
  }
  const more = [2, 3, 4].map((seed) => timed({ ...spec, seed }, { seconds: budget, atFirst: true }))
  console.log(`    first certificate with search seeds 2, 3, 4: ${more.map((m) => (m.firstSeconds === undefined ? `none in ${budget} s` : `${f(m.firstSeconds, 2)} s (P = ${periodGradients(m.firstCertified!.adversary as never).length})`)).join(", ")}`)
}

// (b) ------------------------------------------------------------------------------------------
{
  console.log(`\n(b) Theorem 1's setting: RMSProp β2 = 0.1 (= 1/(1+C²) at C = 3), α = 0.5/√t`)
  const cases: [string, SearchSpec, { seconds?: number; evaluations?: number }][] = [
    ["periodic, P ≤ 200", { family: "periodic", learner: rmsprop, horizon: T, maxPeriod: 200 }, { seconds: Math.min(budget, 20) }],
    ["periodic-linear, P ≤ 200", { family: "periodic-linear", learner: rmsprop, horizon: T, maxPeriod: 200 }, { seconds: Math.min(budget, 20) }],
    ["periodic, P ≤ 3, T = 10⁴, 300 evaluations (the suite test)", { family: "periodic", learner: rmsprop, horizon: 10_000, maxPeriod: 3 }, { evaluations: 300 }]
  ]
  for (const [name, spec, stop] of cases) {
    const r = timed(spec, stop)
    const best = r.bestCertified
    console.log(`    ${name}: first certificate after ${r.firstSeconds === undefined ? "—" : `${f(r.firstSeconds, 3)} s (${r.firstCertified!.evaluation} evaluations)`}; ${r.evaluations} evaluations in ${f(r.seconds, 2)} s`)
    if (best !== undefined) console.log(`      best: score ${f(best.score.value)}, ${shape(best.adversary)}; ${describeCertificate(best)}`)
  }
}

// (c) ------------------------------------------------------------------------------------------
{
  console.log(`\n(c) learners with a regret bound (AMSGrad (0.9, 0.99), AdaGrad; α = 0.5/√t), family periodic, P ≤ 200`)
  for (const learner of [amsgrad, adagrad]) {
    const r = timed({ family: "periodic", learner, horizon: T, maxPeriod: 200 }, { seconds: budget })
    const b = r.best!
    console.log(`    ${learner.kind}: ${r.firstCertified === undefined ? "nothing certified" : "CERTIFIED (unexpected)"}, ${r.verifications} verified; ${r.evaluations} evaluations; best score ${f(b.score.value)} (R_T/T/(G·D) ${f(b.score.late)}, T/10 → T ratio ${f(b.score.ratio, 3)}), ${shape(b.adversary)}`)
  }
}
