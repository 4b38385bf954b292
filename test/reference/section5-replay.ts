// Reddi et al.'s Section 5 online sequence replayed round by round with the paper's updates
// written out, independently of the game's accounting, and a checker for window extremes.
import { expect } from "vitest"
import type { CheckpointRow } from "../../src/core/types.ts"

/**
 * Section 5's sequence (f_t = 1010x if t mod 101 = 1, else −10x on [−1, 1]) replayed round by
 * round with the paper's updates written out: x_t, R_t/t against the better of the two vertices,
 * and Γ_t = √v̂_t/α_t − √v̂_{t−1}/α_{t−1}.
 */
export const replaySection5 = (kind: "adam" | "amsgrad" | "adagrad", T: number) => {
  const x: number[] = [], r: number[] = [], gamma: number[] = []
  let xt = 0, m = 0, v = 0, vhat = 0, sq = 0, G = 0, lin = 0, prev = 0
  for (let t = 1; t <= T; t++) {
    const g = t % 101 === 1 ? 1010 : -10
    x.push(xt)
    lin += g * xt
    G += g
    r.push((lin - Math.min(-G, G)) / t)
    const alpha = 0.5 / Math.sqrt(t)
    let root: number, step: number
    if (kind === "adagrad") {
      sq += g * g
      root = Math.sqrt(sq / t)
      step = alpha * g / root
    } else {
      m = 0.9 * m + 0.1 * g
      v = 0.99 * v + 0.01 * g * g
      vhat = kind === "amsgrad" ? Math.max(vhat, v) : v
      root = Math.sqrt(vhat)
      step = alpha * m / root
    }
    gamma.push(root / alpha - prev)
    prev = root / alpha
    xt = Math.min(1, Math.max(-1, xt - step))
  }
  return { x, r, gamma }
}

export const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))

/**
 * Every value of rounds (previous t, t] inside [lo, hi], and lo and hi each a value of one of
 * them, for windows given as {t, lo, hi} in rising t (the first from round 1).
 */
export const checkWindows = (windows: readonly { t: number; lo: number; hi: number }[], values: readonly number[], what: string) => {
  const problems: string[] = []
  let from = 1
  for (const { t, lo: l, hi: h } of windows) {
    const window = values.slice(from - 1, t)
    window.forEach((value, k) => {
      if (value < l && !close(value, l)) problems.push(`round ${from + k} = ${value} below ${l} (row ${t})`)
      if (value > h && !close(value, h)) problems.push(`round ${from + k} = ${value} above ${h} (row ${t})`)
    })
    if (!window.some((value) => close(value, l))) problems.push(`the low end ${l} of row ${t} is no round's value`)
    if (!window.some((value) => close(value, h))) problems.push(`the high end ${h} of row ${t} is no round's value`)
    from = t + 1
  }
  expect(problems.slice(0, 5), what).toEqual([])
  expect(from - 1, `${what}: the windows cover every round`).toBe(values.length)
}

/** The windows of rows, through two picks. */
export const rowWindows = (rows: readonly CheckpointRow[], lo: (r: CheckpointRow) => number, hi: (r: CheckpointRow) => number) => rows.map((r) => ({ t: r.t, lo: lo(r), hi: hi(r) }))
