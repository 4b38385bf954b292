// Prints the measurements docs/implicit-bias.md and docs/generalization.md quote, from the shipped
// lab scenarios (and a few variants of them that the docs discuss).
// Run: node --import tsx/esm scripts/lab-measurements.ts
import { FullBatchAdam } from "../src/core/flow/adam-flow.ts"
import { bilinear } from "../src/core/flow/objectives.ts"
import { flowGaps } from "../src/scenario/flow-gaps.ts"
import { getScenario, resolveScenario, runScenarioSync, toScenarioInput, type ScenarioResult } from "../src/scenario/index.ts"
import { measuredOrders } from "../src/report/lab/flow.ts"

const e3 = (v: number) => v.toExponential(2)
const f4 = (v: number) => v.toFixed(4)

const run = (id: string, changes: Record<string, unknown> = {}): ScenarioResult => {
  const s = getScenario(id)!
  return runScenarioSync(Object.keys(changes).length === 0 ? s : resolveScenario({ ...toScenarioInput(s), ...changes }, s.source))
}

const finals = (r: ScenarioResult, metric: string) => r.summary.map((s) => [s.learner, s.metrics?.[metric]] as const)

const perSeed = (r: ScenarioResult, metric: string, fmt: (v: number) => string) =>
  r.scenario.learners.map((l) => `| ${l.label} | ${r.runs.filter((x) => x.learner === l.label).map((x) => fmt(x.rows.at(-1)!.metrics![metric])).join(" · ")} |`)

// --- Flow orders ---------------------------------------------------------------------------
{
  const r = run("implicit-bias/flow-order")
  console.log("\n### implicit-bias/flow-order: gaps max over 0.1 ≤ kh ≤ 0.4\n\n| learner | plain | modified |\n|---|---|---|")
  const gaps = r.runs.map((x) => flowGaps(r.scenario, x)).flatMap((o) => (o.ok ? [o.gaps] : []))
  for (const g of gaps) console.log(`| β=${g.hyper.beta}, ρ=${g.hyper.rho}, h=${g.hyper.h} | ${e3(g.plainMax)} | ${e3(g.modifiedMax)} |`)
  for (const o of measuredOrders(gaps)) console.log(`orders ${o.family}: plain ${o.plain.map((v) => v.toFixed(2)).join(", ")}; modified ${o.modified.map((v) => v.toFixed(2)).join(", ")}`)
}

// --- The (β, ρ) grid -----------------------------------------------------------------------
const grid = (r: ScenarioResult, metric: string, fmt: (v: number) => string) => {
  const betas = [...new Set(r.scenario.learners.map((l) => Number(l.config.beta1)))]
  const rhos = [...new Set(r.scenario.learners.map((l) => Number(l.config.beta2)))]
  const value = new Map(finals(r, metric).map(([l, s]) => [l, s?.mean ?? NaN]))
  console.log(`| β \\ ρ | ${rhos.join(" | ")} |\n|---|${rhos.map(() => "---").join("|")}|`)
  for (const b of betas) console.log(`| ${b} | ${rhos.map((rho) => fmt(value.get(`β=${b}, ρ=${rho}`)!)).join(" | ")} |`)
}
for (const horizon of [300, 1000, 20_000]) {
  const r = run("implicit-bias/bilinear-grid", horizon === 300 ? {} : { horizon })
  console.log(`\n### implicit-bias/bilinear-grid at T = ${horizon}: oneNormSlope\n`)
  grid(r, "oneNormSlope", f4)
  console.log(`\nfinal ‖∇E‖_{1,ε}:\n`)
  grid(r, "gradNorm1Eps", e3)
  console.log(`expectations: ${r.expectations.filter((e) => e.holds).length} of ${r.expectations.length} hold`)
}

// --- The step h ------------------------------------------------------------------------------
{
  const r = run("implicit-bias/bilinear-step")
  console.log("\n### implicit-bias/bilinear-step: oneNormSlope at T = 2000\n")
  for (const [l, s] of finals(r, "oneNormSlope")) console.log(`| ${l} | ${f4(s!.mean)} |`)
  // Larger steps, where h·ρ/(1−ρ) is of order 1: the drift to flat minimisers takes over.
  const E = bilinear()
  const m = new Float64Array(2)
  console.log("\nlarger h (β, ρ) = (0.9, 0.999), 2000 steps:")
  for (const h of [0.0025, 0.005, 0.01, 0.02, 0.04]) {
    const a = new FullBatchAdam(E, { h, beta: 0.9, rho: 0.999, epsilon: 1e-8 }, Float64Array.of(2, 1))
    for (let k = 0; k < 2000; k++) a.step()
    E.nearestMinimiser(a.theta, m)
    console.log(`h = ${h}: oneNormSlope ${f4(2 * (Math.abs(m[0]) + Math.abs(m[1])))}`)
  }
}

// --- Generalization --------------------------------------------------------------------------
{
  const r = run("generalization/wilson-overparameterised")
  for (const metric of ["testError", "trainLoss", "distToMinNorm", "distToSignSolution"]) {
    console.log(`\n### wilson-overparameterised: ${metric} per seed\n`)
    for (const line of perSeed(r, metric, metric === "testError" ? (v) => v.toFixed(3) : e3)) console.log(line)
  }
}
{
  const r = run("generalization/convex-ridge")
  for (const metric of ["distToMinimisers", "testError", "testLoss"]) {
    console.log(`\n### convex-ridge: ${metric} per seed\n`)
    for (const line of perSeed(r, metric, metric === "distToMinimisers" ? e3 : (v) => v.toFixed(4))) console.log(line)
  }
  // Adam without a decaying step: it gets close, then the step α/√(v̂ + ε) outgrows stability.
  const s = getScenario("generalization/convex-ridge")!
  const input = toScenarioInput(s)
  for (const schedule of [{ kind: "constant" }, { kind: "inv-sqrt" }]) {
    const variant = resolveScenario({
      ...input,
      horizon: 30_000,
      learners: [{ label: "adam", kind: "adam", preset: "cattaneo", alpha: 0.1, stepSchedule: schedule }],
      expectations: []
    }, "variant")
    const res = runScenarioSync(variant)
    for (const x of res.runs) {
      const d = x.rows.map((row) => row.metrics!.distToMinimisers)
      const best = Math.min(...d)
      const late = Math.max(...x.rows.filter((row) => row.t >= 10_000).map((row) => row.metrics!.distToMinimisers))
      console.log(`Adam α = 0.1, ${schedule.kind}, seed ${x.seed}: smallest distance ${e3(best)}; largest after round 10^4 ${e3(late)}`)
    }
  }
}
{
  const r = run("generalization/adamw-decoupled")
  for (const metric of ["distToReference", "trainLoss", "testError"]) {
    console.log(`\n### adamw-decoupled: ${metric} per seed\n`)
    for (const line of perSeed(r, metric, metric === "distToReference" ? e3 : (v) => v.toFixed(4))) console.log(line)
  }
  // AdamW against the minimiser of the data loss over ‖w‖∞ ≤ 1/λ (projected GD, run to convergence).
  const s = getScenario("generalization/adamw-decoupled")!
  const input = toScenarioInput(s)
  const d = s.start.length
  const adamw = input.learners.find((l) => l.label === "AdamW")!
  const x = { learner: "AdamW", metric: "x", op: ">=" as const, value: -100 }
  for (const horizon of [3000, 30_000]) {
    const a = runScenarioSync(resolveScenario({ ...input, horizon, learners: [adamw], expectations: [x] }, "variant"))
    const box = runScenarioSync(resolveScenario({
      ...input,
      horizon: 20_000,
      domain: { kind: "box", lower: Array(d).fill(-0.2), upper: Array(d).fill(0.2) },
      learners: [{ label: "AdamW", kind: "ogd", preset: "pytorch", alpha: 0.01 }],
      expectations: [x]
    }, "variant"))
    const dist = a.runs.map((run, i) => {
      const xa = run.rows.at(-1)!.x!, xb = box.runs[i].rows.at(-1)!.x!
      return e3(Math.hypot(...xa.map((v, j) => v - xb[j])))
    })
    console.log(`AdamW at T = ${horizon}: distance to the minimiser of L over ‖w‖∞ ≤ 0.2, per seed: ${dist.join(" · ")}`)
  }
}
