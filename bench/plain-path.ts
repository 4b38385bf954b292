// The plain-path case of `npm run bench`: a learner outside Algorithm 1 (Exponentiated Gradient on
// the 100-simplex) runs through the game's plain accounting (reveal, pay, update, account: no
// fused kernel), against a hand-written loop doing the same learner update, loss and comparator
// sums over the same gradients. Target ratio ≤ 2.
import { createAdversary } from "../src/core/adversary/index.ts"
import { createDomain } from "../src/core/domain/index.ts"
import { Game } from "../src/core/game/game.ts"
import { createLearner } from "../src/core/learner/registry.ts"
import { resolveLearner } from "../src/core/learner/resolve.ts"
import { createRandomSource } from "../src/core/rng.ts"

const d = 100
const period = 64
/** A fixed period of dense gradients (no random draws in either loop: the loops themselves are timed). */
const table: number[][] = Array.from({ length: period }, (_, k) => Array.from({ length: d }, (_, i) => 0.5 + 0.4 * Math.sin(1.7 * k + 0.37 * i)))

/** EG (lazy form, η_t = α/√t) written out: θ += g, x ∝ x_1·exp(−η_t θ); cumulative loss and Σg for the comparator. */
const handLoop = (T: number): number => {
  const alpha = 1
  const theta = new Float64Array(d), x = new Float64Array(d).fill(1 / d), w = new Float64Array(d), G = new Float64Array(d)
  const logPrior = Math.log(1 / d)
  const flat = Float64Array.from(table.flat())
  let cum = 0
  for (let t = 1; t <= T; t++) {
    const o = ((t - 1) % period) * d
    const eta = alpha / Math.sqrt(t)
    let loss = 0, max = -Infinity
    for (let i = 0; i < d; i++) {
      const g = flat[o + i]
      loss += g * x[i]
      G[i] += g
      theta[i] += g
      const wi = logPrior - eta * theta[i]
      w[i] = wi
      if (wi > max) max = wi
    }
    cum += loss
    let sum = 0
    for (let i = 0; i < d; i++) sum += x[i] = Math.exp(w[i] - max)
    const inv = 1 / sum
    for (let i = 0; i < d; i++) x[i] *= inv
  }
  let best = Infinity
  for (let i = 0; i < d; i++) best = Math.min(best, G[i])
  return cum - best
}

const framework = (T: number): number => {
  const domain = createDomain({ kind: "simplex", dim: d })
  const game = new Game({
    domain,
    adversary: createAdversary({ kind: "periodic", gradients: table }, d),
    learner: createLearner(resolveLearner({ kind: "eg", alpha: 1 }).config, domain),
    horizon: T,
    start: new Float64Array(d).fill(1 / d),
    random: createRandomSource(1),
    checkpoints: [T]
  })
  while (!game.advance(1 << 14)) { /* chunks, as the run layer drives it */ }
  return game.rows.at(-1)!.regret
}

export const benchPlainPath = (quick: boolean): { handNs: number; frameworkNs: number; ratio: number; T: number } => {
  const T = quick ? 50_000 : 300_000
  let sink = 0
  for (let i = 0; i < 2; i++) { sink += handLoop(20_000); sink += framework(20_000) }
  let hand = Infinity, fw = Infinity
  for (let r = 0; r < (quick ? 3 : 5); r++) {
    let s = performance.now()
    sink += handLoop(T)
    hand = Math.min(hand, performance.now() - s)
    s = performance.now()
    sink += framework(T)
    fw = Math.min(fw, performance.now() - s)
  }
  if (sink === 42) console.log("")
  return { handNs: (hand * 1e6) / T, frameworkNs: (fw * 1e6) / T, ratio: fw / hand, T }
}
