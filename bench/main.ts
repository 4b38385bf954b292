// npm run bench: the framework side by side with hand-written baselines in one process, reported
// as ratios (timings drift between machines and with load; ratios measured together drift less).
//   (a) the 1-D Section-5 problem with Adam, regret tracking on, vs a hand-written scalar loop;
//   (b) one Adam step at d = 10^6 vs a hand-written Float64Array loop;
//   (c) peak memory of a T = 10^9 run (log-spaced checkpoints keep it flat), in its own process;
//   (d) a sweep of 64 jobs on 1 worker vs 2 workers;
//   (e) a learner outside Algorithm 1 (EG on the 100-simplex) through the game's plain accounting
//       vs a hand-written loop;
//   (f) start-up of the compiled `regretlab --version` and `regretlab list`, above `node -e 0`.
// `--quick` shortens every case (CI smoke); the last line is `ratio framework/hand-loop: X.XX` for (a).
//
// Run with `node --import tsx/esm` (npm run bench), not `tsx`: tsx's CommonJS hook parses sources
// with a WebAssembly lexer whose memory growth detaches an ArrayBuffer, and the first detached
// ArrayBuffer in a process makes V8 check every typed-array access in optimised code for
// detachment from then on (case (b) 7.1 → 8.7 ns/coordinate). The CLI and the sweep workers
// register tsx's ESM hooks only, for the same reason.
import { spawnSync } from "node:child_process"
import { fileURLToPath } from "node:url"
import { createAdversary } from "../src/core/adversary/index.ts"
import { logCheckpoints } from "../src/core/checkpoints.ts"
import { createBox, createInterval } from "../src/core/domain/index.ts"
import { Game } from "../src/core/game/game.ts"
import { createLearner } from "../src/core/learner/registry.ts"
import { resolveLearner } from "../src/core/learner/resolve.ts"
import { createRandomSource } from "../src/core/rng.ts"
import { benchPlainPath } from "./plain-path.ts"
import { benchStartup, startupLine } from "./startup.ts"
import { benchSweep } from "./sweep.ts"

const quick = process.argv.includes("--quick")
const now = () => performance.now()
const best = (f: () => void, repeats: number): number => {
  let b = Infinity
  for (let r = 0; r < repeats; r++) {
    const s = now()
    f()
    b = Math.min(b, now() - s)
  }
  return b
}
let sink = 0

// (a) ------------------------------------------------------------------------------------------
const adamSpec = { kind: "adam", alpha: 0.5, beta1: 0.9, beta2: 0.99 } as const
const section5 = { kind: "periodic-linear", C: 101, period: 101, scale: 10 }

/** The framework's paper-form Adam written as one scalar loop, with the bare loss sums. */
const handLoop = (T: number): number => {
  const alpha = 0.5, b1 = 0.9, b2 = 0.99
  let x = 0, m = 0, v = 0, cum = 0, gsum = 0
  for (let t = 1; t <= T; t++) {
    const g = t % 101 === 1 ? 1010 : -10
    cum += g * x
    gsum += g
    m = b1 * m + (1 - b1) * g
    v = b2 * v + (1 - b2) * g * g
    x = x - (alpha / Math.sqrt(t)) * m / Math.sqrt(v)
    x = x < -1 ? -1 : x > 1 ? 1 : x
  }
  return cum + Math.abs(gsum) + x
}

/** The same run through the framework: adversary, learner, exact comparator, every checkpoint metric. */
const framework = (T: number): number => {
  const domain = createInterval(-1, 1)
  const game = new Game({
    domain,
    adversary: createAdversary(section5, 1),
    learner: createLearner(resolveLearner(adamSpec).config, domain),
    horizon: T,
    start: Float64Array.of(0),
    random: createRandomSource(1),
    checkpoints: logCheckpoints(T)
  })
  while (!game.advance(1 << 16)) { /* chunks of 2^16 rounds, as the run layer drives it */ }
  return game.rows.at(-1)!.regret
}

const T = quick ? 2_000_000 : 20_000_000
for (let i = 0; i < 3; i++) { sink += handLoop(1_000_000); sink += framework(1_000_000) }
let handMs = Infinity, fwMs = Infinity
// Interleaved, best of several: both sides see the same machine load.
for (let r = 0; r < (quick ? 3 : 7); r++) {
  handMs = Math.min(handMs, best(() => { sink += handLoop(T) }, 1))
  fwMs = Math.min(fwMs, best(() => { sink += framework(T) }, 1))
}
const ratioA = fwMs / handMs
const rate = (ms: number) => (T / ms * 1e3).toExponential(3)
console.log(`(a) Section-5 Adam, T = ${T.toExponential(0)}: hand loop ${rate(handMs)} rounds/s (${(handMs * 1e6 / T).toFixed(2)} ns/round), framework with regret tracking ${rate(fwMs)} rounds/s (${(fwMs * 1e6 / T).toFixed(2)} ns/round), ratio ${ratioA.toFixed(2)} (target ≤ 1.5)`)

// (b) ------------------------------------------------------------------------------------------
const d = 1_000_000
const box = createBox(new Array(d).fill(-1), new Array(d).fill(1))
const learner = createLearner(resolveLearner({ kind: "adam", preset: "pytorch", alpha: 1e-3 }).config, box)
learner.reset(new Float64Array(d))
const grad = new Float64Array(d)
for (let i = 0; i < d; i++) grad[i] = Math.sin(i) * 3
const hx = new Float64Array(d), hm = new Float64Array(d), hv = new Float64Array(d)
let ht = 0
/** torch.optim.Adam's step on a box, written out by hand. */
const handStep = () => {
  ht++
  const lr = 1e-3, b1 = 0.9, b2 = 0.999, eps = 1e-8
  const step = lr / (1 - Math.pow(b1, ht)), bc2s = Math.sqrt(1 - Math.pow(b2, ht))
  for (let i = 0; i < d; i++) {
    const g = grad[i]
    const m = (hm[i] = b1 * hm[i] + (1 - b1) * g)
    const v = (hv[i] = b2 * hv[i] + (1 - b2) * g * g)
    let x = hx[i] - step * m / (Math.sqrt(v) / bc2s + eps)
    x = x < -1 ? -1 : x > 1 ? 1 : x
    hx[i] = x
  }
}
let ft = 0
const fwStep = () => { learner.update(++ft, grad) }
for (let i = 0; i < 10; i++) { handStep(); fwStep() }
let handStepMs = Infinity, fwStepMs = Infinity
for (let r = 0; r < (quick ? 10 : 40); r++) {
  handStepMs = Math.min(handStepMs, best(handStep, 1))
  fwStepMs = Math.min(fwStepMs, best(fwStep, 1))
}
const ratioB = fwStepMs / handStepMs
console.log(`(b) Adam step at d = 10^6 (learner.update; a game adds its diagnostics such as Γ_t in its own kernel): hand loop ${(handStepMs * 1e6 / d).toFixed(2)} ns/coordinate, framework ${(fwStepMs * 1e6 / d).toFixed(2)} ns/coordinate, ratio ${ratioB.toFixed(2)} (target ≤ 1.25)`)

// (c) ------------------------------------------------------------------------------------------
const bigT = quick ? 100_000_000 : 1_000_000_000
const child = spawnSync(process.execPath, ["--import", "tsx/esm", fileURLToPath(new URL("./memory.ts", import.meta.url)), String(bigT)], { encoding: "utf8" })
if (child.status !== 0) throw new Error(`bench/memory.ts failed: ${child.stderr}`)
const memory = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as { seconds: number; rows: number; peakMB: number; x: number; avgRegret: number }
console.log(`(c) T = ${bigT.toExponential(0)} run: ${memory.seconds.toFixed(1)} s, ${memory.rows} checkpoint rows, peak RSS ${memory.peakMB.toFixed(0)} MB (target < 200 MB; x_T = ${memory.x}, R_T/T = ${memory.avgRegret.toFixed(4)})`)

// (d) ------------------------------------------------------------------------------------------
const sweep = await benchSweep()
console.log(`(d) sweep of 64 jobs: 1 worker ${(sweep.oneWorkerMs / 1000).toFixed(2)} s, 2 workers ${(sweep.twoWorkerMs / 1000).toFixed(2)} s, speedup ${sweep.speedup.toFixed(2)} (target ≥ 1.8)`)

// (e) ------------------------------------------------------------------------------------------
const plain = benchPlainPath(quick)
console.log(`(e) EG on the 100-simplex through the plain accounting path, T = ${plain.T.toExponential(0)}: hand loop ${plain.handNs.toFixed(0)} ns/round, framework ${plain.frameworkNs.toFixed(0)} ns/round, ratio ${plain.ratio.toFixed(2)} (target ≤ 2)`)

// (f) ------------------------------------------------------------------------------------------
console.log(startupLine(benchStartup()))

if (sink === 42) console.log("")
console.log(`ratio framework/hand-loop: ${ratioA.toFixed(2)}`)
