// The adversary search measured as `regretlab search` runs it: worker threads (default 2), a
// wall-clock budget, no hint (random starts), paper-form learners with α_t = α/√t (the preset's
// α = 0.1 unless said), x₁ = 0 on [−1, 1], T = 10⁵, and every reported sequence verified at 10T
// through the framework's game.
//   (a) Adam (β1, β2) = (0.9, 0.99), family periodic, P ≤ 200: 60 s, then the time to a first
//       certificate for search seeds 2, 3, 4;
//   (b) RMSProp β2 = 0.99, the same;
//   (c) Theorem 1's setting, β1 = 0, β2 = 1/(1 + C²) = 0.1 (C = 3): periodic and periodic-linear;
//   (d) AMSGrad and AdaGrad, where theory says there is nothing to find: the best score;
//   (e) the stochastic family against Adam (0.9, 0.99).
// node --import tsx/esm bench/search.ts [--seconds N] [--workers N] [--only a,b,…]
import { loadavg } from "node:os"
import { SearchPool } from "../src/search-run/pool.ts"
import { shapeText } from "../src/search-run/text.ts"
import { periodOf } from "../src/search/families.ts"
import { reportedCandidate, searchSpecOf, type SearchRequest } from "../src/search/request.ts"
import { resolveSpec, runSearchAsync, type SearchResult, type SearchSpec } from "../src/search/search.ts"
import { verificationOf, verificationQueries, type Verification } from "../src/search/verify.ts"

const args = process.argv.slice(2)
const arg = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined)
const budget = Number(arg("--seconds") ?? 60)
const workers = Number(arg("--workers") ?? 2)
const only = arg("--only")?.split(",")
const f = (v: number | undefined, d = 4) => (v === undefined || !Number.isFinite(v) ? String(v) : v.toPrecision(d))
const load = () => loadavg().map((l) => l.toFixed(1)).join(", ")

const pool = await SearchPool.start(workers)
console.log(`adversary search bench: ${workers} worker threads, ${budget} s budgets, T = 10⁵; load average ${load()} (1, 5, 15 min)`)

interface Timed {
  readonly spec: SearchSpec
  readonly result: SearchResult
  readonly seconds: number
  /** Seconds to the first certificate. */
  readonly first: number | undefined
  readonly verification: Verification | undefined
}

const search = async (request: SearchRequest, seconds: number, atFirst = false): Promise<Timed> => {
  const spec = searchSpecOf(request)
  const t0 = performance.now()
  const result = await runSearchAsync(spec, (q) => pool.evaluate(q), {
    now: () => performance.now() - t0,
    until: (p) => (atFirst && p.bestCertified !== undefined) || performance.now() - t0 >= seconds * 1000
  })
  const elapsed = (performance.now() - t0) / 1000
  const firstEntry = result.history.find((h) => h.certified)
  const found = reportedCandidate(result)
  const setting = resolveSpec(spec)
  const verification = found === undefined ? undefined : verificationOf(spec, found, await pool.evaluate(verificationQueries(spec, found, setting)), {}, setting)
  return { spec, result, seconds: elapsed, first: firstEntry?.time === undefined ? undefined : firstEntry.time / 1000, verification }
}

const report = (name: string, t: Timed): void => {
  const { result, verification: v } = t
  console.log(`\n${name}\n  ${result.evaluations} candidates in ${t.seconds.toFixed(1)} s (${Math.round(result.evaluations / t.seconds)}/s), ${result.verifications} verified at 10T`)
  if (result.firstCertified !== undefined) console.log(`  first certificate after ${f(t.first, 3)} s (candidate ${result.firstCertified.evaluation}): ${shapeText(result.firstCertified.adversary)}, score ${f(result.firstCertified.score.value)}`)
  const found = reportedCandidate(result)
  if (found === undefined || v === undefined) return
  const c = v.certificate
  console.log(`  reported (${v.certified ? "CERTIFIED" : "not certified"}): ${shapeText(found.adversary)}`)
  console.log(`    score ${f(found.score.value)} = R_T/T/(G·D) ${f(found.score.late)} × min(1, ratio/0.9), ratio T/10 → T ${f(found.score.ratio, 3)}`)
  console.log(`    at 10T through the game, R_t/t/(G·D): target ${f(c.target.atT)} → ${f(c.target.at10T)} (×${f(c.target.ratio, 3)}), AMSGrad ${f(c.contrast.atT)} → ${f(c.contrast.at10T)} (×${f(c.contrast.ratio, 3)})${v.crossCheck ? `; cross-check ${v.crossCheck.agrees ? "agrees" : "DISAGREES"}` : ""}`)
  if (found.adversary.kind === "periodic" && found.adversary.gradients.length <= 12) console.log(`    gradients/G: ${found.adversary.gradients.map((g) => f(g[0], 3)).join(" ")}`)
}

const run = (key: string) => only === undefined || only.includes(key)
const adam = { kind: "adam", beta1: 0.9, beta2: 0.99 }

if (run("a")) {
  report("(a) paper Adam (0.9, 0.99), family periodic, P ≤ 200", await search({ learner: adam }, budget))
  const more = []
  for (const seed of [2, 3, 4]) more.push(await search({ learner: adam, seed }, budget, true))
  console.log(`  first certificate with search seeds 2, 3, 4: ${more.map((m) => (m.first === undefined ? `none in ${budget} s` : `${f(m.first, 3)} s (P = ${periodOf(m.result.firstCertified!.adversary)})`)).join(", ")}`)
}
if (run("b")) report("(b) paper RMSProp β2 = 0.99 (β1 = 0), family periodic, P ≤ 200", await search({ learner: { kind: "rmsprop", beta2: 0.99 } }, budget))
if (run("c")) {
  const rms = { kind: "rmsprop", beta2: 0.1 }
  report("(c) Theorem 1's setting, β1 = 0, β2 = 0.1 = 1/(1+3²): family periodic, P ≤ 200", await search({ learner: rms }, Math.min(budget, 20)))
  report("(c) the same, family periodic-linear, P ≤ 200", await search({ learner: rms, family: "periodic-linear" }, Math.min(budget, 20)))
}
if (run("d")) {
  report("(d) AMSGrad (0.9, 0.99), family periodic, P ≤ 200", await search({ learner: { kind: "amsgrad", beta2: 0.99 } }, budget))
  report("(d) AdaGrad (paper: v = Σg²/t, α = 0.5), family periodic, P ≤ 200", await search({ learner: { kind: "adagrad" } }, budget))
}
if (run("e")) report("(e) paper Adam (0.9, 0.99), family stochastic-linear, 8 seeds", await search({ learner: adam, family: "stochastic-linear" }, budget))

console.log(`\nload average at the end ${load()}`)
await pool.close()
