// npm run bench: the framework side by side with hand-written baselines in one process, reported
// as ratios (timings drift between machines; ratios measured together do not drift much).
// (a) the 1-D Section-5 problem with Adam, regret tracking on, vs a hand-written scalar loop;
// (b) one Adam step at d = 10^6 vs a hand-written Float64Array loop;
// (c) peak memory of a T = 10^9 run (log-spaced checkpoints keep it flat).
import { createInterval, createBox } from "../src/core/domain/index.ts"
import { Game } from "../src/core/game.ts"
import { createLearner } from "../src/core/learner/adaptive.ts"
import { resolveLearner } from "../src/core/learner/resolve.ts"
import { logCheckpoints } from "../src/core/checkpoints.ts"
import { createRandomSource } from "../src/core/rng.ts"
import { createAdversary } from "../src/core/adversary/index.ts"

const args = new Set(process.argv.slice(2))
const quick = args.has("--quick")
const now = () => performance.now()

const adamSpec = { kind: "adam", alpha: 0.5, beta1: 0.9, beta2: 0.99 } as const
const section5 = { kind: "periodic-linear", C: 101, period: 101, scale: 10 }

/** The same algorithm as the framework's paper-form Adam, written as one scalar loop, tracking the loss sum. */
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
  // Chunks of 2^16 rounds, as the run layer drives it.
  while (!game.advance(1 << 16)) { /* next chunk */ }
  return game.rows.at(-1)!.regret
}

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
const T = quick ? 2_000_000 : 20_000_000
// Warm both paths so each is measured optimised.
for (let i = 0; i < 3; i++) { sink += handLoop(1_000_000); sink += framework(1_000_000) }
const handMs = best(() => { sink += handLoop(T) }, 5)
const fwMs = best(() => { sink += framework(T) }, 5)
const ratioA = fwMs / handMs
console.log(`(a) Section-5 Adam, T = ${T.toExponential(0)}: hand loop ${(T / handMs * 1e3).toExponential(3)} rounds/s (${(handMs * 1e6 / T).toFixed(2)} ns/round), framework ${(T / fwMs * 1e3).toExponential(3)} rounds/s (${(fwMs * 1e6 / T).toFixed(2)} ns/round)`)

// (b) one Adam step at d = 10^6.
const d = 1_000_000
const lower = new Array(d).fill(-1), upper = new Array(d).fill(1)
const box = createBox(lower, upper)
const learner = createLearner(resolveLearner({ kind: "adam", preset: "pytorch", alpha: 1e-3 }).config, box)
learner.reset(new Float64Array(d))
const grad = new Float64Array(d)
for (let i = 0; i < d; i++) grad[i] = Math.sin(i) * 3
const hx = new Float64Array(d), hm = new Float64Array(d), hv = new Float64Array(d)
let ht = 0
const handStep = () => {
  ht++
  const lr = 1e-3, b1 = 0.9, b2 = 0.999, eps = 1e-8
  const bc1 = 1 - Math.pow(b1, ht), bc2 = 1 - Math.pow(b2, ht)
  const step = lr / bc1, bc2s = Math.sqrt(bc2)
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
for (let i = 0; i < 20; i++) { handStep(); fwStep() }
const steps = quick ? 20 : 60
const handStepMs = best(handStep, steps)
const fwStepMs = best(fwStep, steps)
const ratioB = fwStepMs / handStepMs
console.log(`(b) Adam step at d = 10^6: hand loop ${(handStepMs * 1e6 / d).toFixed(2)} ns/coordinate, framework ${(fwStepMs * 1e6 / d).toFixed(2)} ns/coordinate, ratio ${ratioB.toFixed(2)}`)

// (c) peak memory of a T = 10^9 run (quick mode: 10^8), measured as the RSS high-water mark.
const bigT = quick ? 100_000_000 : 1_000_000_000
const rssBefore = process.memoryUsage().rss
let peak = rssBefore
const domain1 = createInterval(-1, 1)
const bigGame = new Game({
  domain: domain1, adversary: createAdversary(section5, 1), learner: createLearner(resolveLearner(adamSpec).config, domain1),
  horizon: bigT, start: Float64Array.of(0), random: createRandomSource(1), checkpoints: logCheckpoints(bigT)
})
const s0 = now()
while (!bigGame.advance(1 << 22)) peak = Math.max(peak, process.memoryUsage().rss)
const bigMs = now() - s0
peak = Math.max(peak, process.memoryUsage().rss)
const last = bigGame.rows.at(-1)!
console.log(`(c) T = ${bigT.toExponential(0)} run: ${(bigMs / 1000).toFixed(1)} s, ${bigGame.rows.length} checkpoint rows, peak RSS ${(peak / 2 ** 20).toFixed(0)} MB (x_T = ${last.x![0]}, R_T/T = ${last.avgRegret.toFixed(4)})`)
if (sink === 42) console.log("")
console.log(`ratio framework/hand-loop: ${ratioA.toFixed(2)}`)
