// Peak memory of one long run: the Section-5 problem with Adam for T rounds, driven in chunks as
// the run layer drives it. Prints one JSON line. Run by bench/main.ts in a process of its own.
import { logCheckpoints } from "../src/core/checkpoints.ts"
import { createAdversary } from "../src/core/adversary/index.ts"
import { createInterval } from "../src/core/domain/index.ts"
import { Game } from "../src/core/game/game.ts"
import { createLearner } from "../src/core/learner/registry.ts"
import { resolveLearner } from "../src/core/learner/resolve.ts"
import { createRandomSource } from "../src/core/rng.ts"

const T = Number(process.argv[2] ?? 1e9)
const domain = createInterval(-1, 1)
const game = new Game({
  domain,
  adversary: createAdversary({ kind: "periodic-linear", C: 101, period: 101, scale: 10 }, 1),
  learner: createLearner(resolveLearner({ kind: "adam", alpha: 0.5, beta1: 0.9, beta2: 0.99 }).config, domain),
  horizon: T,
  start: Float64Array.of(0),
  random: createRandomSource(1),
  checkpoints: logCheckpoints(T)
})
let peak = process.memoryUsage().rss
const start = performance.now()
while (!game.advance(1 << 22)) peak = Math.max(peak, process.memoryUsage().rss)
peak = Math.max(peak, process.memoryUsage().rss)
const last = game.rows.at(-1)!
console.log(JSON.stringify({ seconds: (performance.now() - start) / 1000, rows: game.rows.length, peakMB: peak / 2 ** 20, x: last.x![0], avgRegret: last.avgRegret }))
