// The game's accounting, kept apart from any learner: the loss paid, the sums the comparator needs,
// the averaged iterate, the gradient statistics of the bounds, Reddi's Γ_t. One object, its numbers
// in Float64Arrays so a fused round kernel (see Learner.fuse) can keep them in the same places; the
// plain path below is the reference every learner runs through and every fused kernel must match
// bit for bit. Every long sum is compensated: Knuth's TwoSum gives each add's exact rounding error.
//
// Between two checkpoints it also keeps each window's extremes: the min and max of R_t/t, of
// min_i Γ_{t,i} and of each recorded coordinate of x_t, so a chart can draw what happened between
// its log-spaced samples (a periodic signal sampled at arbitrary phases otherwise aliases).
// R_t/t needs the comparator every round: min_F ⟨G_t, x⟩ for linear losses (one call of the
// domain's linear minimisation oracle, O(d)); other loss families would need a numeric solve per
// round, so their rows carry no R_t/t window.
import { twoSumError } from "../sum.ts"

/** (sum[i], comp[i]) += v, compensated. */
const addCompensated = (sum: Float64Array, comp: Float64Array, i: number, v: number): void => {
  const s = sum[i], t = s + v
  comp[i] += twoSumError(s, v, t)
  sum[i] = t
}

/** (a[i], a[i + 1]) += v, compensated: a sum and its compensation side by side. */
const addPair = (a: Float64Array, i: number, v: number): void => {
  const s = a[i], t = s + v
  a[i + 1] += twoSumError(s, v, t)
  a[i] = t
}

/** The value of a compensated pair, as NeumaierSum reads it. */
export const compensated = (sum: number, comp: number): number => (Number.isFinite(sum) ? sum + comp : sum)

/** Slots of `acc`: Σf and its compensation, Σc and its, Σ E f and its, max ‖g‖∞, max ‖g‖₂². */
export const ACC = { cum: 0, cs: 2, ecum: 4, gInf: 6, g2max: 7 } as const

/**
 * Slots of `win`, the extremes over the rounds since the last checkpoint: R_t/t (min, max),
 * min_i Γ_{t,i} (min, max), the window's running Σ_s ⟨g_s, x_s⟩ (see Accounting.gt), then per
 * coordinate i of x_t (min at WIN.x + 2i, max at WIN.x + 2i + 1). R_t/t is compared as R_t
 * against min·t and divided only when it is a new extreme: a division every round would load the
 * round kernel's divider, which already does two square roots and two divisions.
 */
export const WIN = { rLo: 0, rHi: 1, gLo: 2, gHi: 3, lin: 4, x: 5 } as const

/** What the window extremes cover. */
export interface WindowOptions {
  /** Keep each coordinate's min and max of x_t. */
  readonly x: boolean
  /**
   * Linear losses: min_{x∈F} ⟨G, x⟩, which gives R_t/t every round. The kernel of a 1-D box
   * inlines it; on a box this must compute the same (boxLinearMin does).
   */
  readonly linearMin?: (G: Float64Array) => number
}

const NO_WINDOWS: WindowOptions = { x: false }

/**
 * min_{x∈F} ⟨G, x⟩ on a box: per coordinate G_i·(G_i < 0 ? upper_i : lower_i), or −upper_i·|G_i|
 * where lower_i = −upper_i, summed from −0 so that in 1-D it is exactly the scalar kernel's term.
 */
export const boxLinearMin = (lower: Float64Array, upper: Float64Array) => (G: Float64Array): number => {
  let value = -0
  for (let i = 0; i < G.length; i++) {
    const g = G[i]
    value += lower[i] === -upper[i] ? -(upper[i] * Math.abs(g)) : g * (g < 0 ? upper[i] : lower[i])
  }
  return value
}

export class Accounting {
  /** See ACC. */
  readonly acc = new Float64Array(8)
  /** Per coordinate: Σg and its compensation (linear losses: the comparator's G). */
  readonly gs: Float64Array
  readonly gc: Float64Array
  /** Per coordinate: Σx_s and its compensation (the averaged iterate). */
  readonly xs: Float64Array
  readonly xc: Float64Array
  /** Per coordinate: Σg² (the bounds' ‖g_{1:t,i}‖₂). */
  readonly sq: Float64Array
  /** The point played in the last round accounted. */
  readonly lastX: Float64Array
  /** The expected linear loss E f(x) = ⟨ḡ, x⟩ + c̄: ḡ, then c̄ at index dim. */
  readonly eg: Float64Array
  /** √V_t/α_t of the last update per coordinate (learners that expose it): Γ_t is this round's minus it. */
  readonly inv: Float64Array
  /** [min_i Γ_{t,i} of the last round, rounds with a negative Γ entry]. */
  readonly gam = Float64Array.of(Infinity, 0)
  /** Window extremes since the last checkpoint (see WIN); reset by resetWindow(). */
  readonly win: Float64Array
  /**
   * The window's running G = Σ_s g_s per coordinate, for R_t = Σ_s ⟨g_s, x_s⟩ − min_F ⟨G, x⟩ every
   * round (the offsets cancel). Plain sums, cheap in the round kernel: anchor() sets them (and
   * WIN.lin) to the exact compensated values at every checkpoint, so they drift over one window only.
   */
  readonly gt: Float64Array
  /** min_{x∈F} ⟨G, x⟩, when R_t/t's window is kept (linear losses). */
  readonly linearMin: ((G: Float64Array) => number) | undefined
  readonly windowX: boolean
  /** The arrays (and the per-round comparator) in the order fused kernels read them. */
  readonly args: readonly unknown[]
  private readonly scale: Float64Array

  constructor(readonly dim: number, windows: WindowOptions = NO_WINDOWS) {
    this.gs = new Float64Array(dim)
    this.gc = new Float64Array(dim)
    this.xs = new Float64Array(dim)
    this.xc = new Float64Array(dim)
    this.sq = new Float64Array(dim)
    this.lastX = new Float64Array(dim)
    this.eg = new Float64Array(dim + 1)
    this.inv = new Float64Array(dim)
    this.scale = new Float64Array(dim)
    this.windowX = windows.x
    this.linearMin = windows.linearMin
    this.win = new Float64Array(WIN.x + 2 * dim)
    this.gt = new Float64Array(dim)
    this.resetWindow()
    // A function where a kernel that keeps no R_t/t window never calls it: one element shape always.
    const linearMin = this.linearMin ?? (() => NaN)
    this.args = [this.acc, this.gs, this.gc, this.xs, this.xc, this.sq, this.lastX, this.eg, this.inv, this.gam, this.win, this.gt, linearMin]
  }

  /** Starts a new window: every min +∞, every max −∞. */
  resetWindow(): void {
    const w = this.win
    w[WIN.rLo] = Infinity
    w[WIN.rHi] = -Infinity
    w[WIN.gLo] = Infinity
    w[WIN.gHi] = -Infinity
    for (let i = WIN.x; i < w.length; i += 2) {
      w[i] = Infinity
      w[i + 1] = -Infinity
    }
  }

  /** The window's running sums from exact values: G = Σg per coordinate and Σ_s ⟨g_s, x_s⟩ = Σf − Σc. */
  anchor(G: Float64Array, lin: number): void {
    this.gt.set(G)
    this.win[WIN.lin] = lin
  }

  /** Remembers x_t (as lastX) before the learner moves: the plain path's first step of a round. */
  play(x: Float64Array): void {
    this.lastX.set(x)
  }

  /**
   * Accounts round t after the learner's update: f = f_t(x_t), g = ∇f_t(x_t), c = the linear
   * offset, ef = E f_t(x_t). `inverseStep` gives √V_t/α_t for Γ_t (learners that have it).
   */
  round(
    t: number,
    f: number,
    g: Float64Array,
    c: number,
    ef: number,
    shape: { readonly linear: boolean; readonly expected: boolean; readonly gradientSums: boolean },
    inverseStep: ((t: number, out: Float64Array) => void) | undefined
  ): void {
    const d = this.dim, acc = this.acc, x = this.lastX, win = this.win
    if (inverseStep !== undefined) {
      inverseStep(t, this.scale)
      let gmin = Infinity
      for (let i = 0; i < d; i++) {
        const gamma = this.scale[i] - this.inv[i]
        if (gamma < gmin) gmin = gamma
        this.inv[i] = this.scale[i]
      }
      this.gam[0] = gmin
      if (gmin < 0) this.gam[1]++
      if (gmin < win[WIN.gLo]) win[WIN.gLo] = gmin
      if (gmin > win[WIN.gHi]) win[WIN.gHi] = gmin
    }
    addPair(acc, ACC.cum, f)
    if (shape.expected) addPair(acc, ACC.ecum, ef)
    // One pass over the coordinates for every per-coordinate sum: each sum keeps its own order of
    // operations, so the numbers (and the fused kernels' agreement) are unchanged, and one loop
    // instead of four took a tenth off a round of EG on the 100-simplex.
    const windowX = this.windowX, sums = shape.gradientSums, linear = shape.linear
    const linearMin = linear ? this.linearMin : undefined
    const R_t = linearMin !== undefined
    const xs = this.xs, xc = this.xc, gs = this.gs, gc = this.gc, sq = this.sq, gt = this.gt
    let n2 = 0, inf = 0, lin = -0
    for (let i = 0; i < d; i++) {
      const xi = x[i]
      addCompensated(xs, xc, i, xi)
      if (windowX) {
        const j = WIN.x + 2 * i
        if (xi < win[j]) win[j] = xi
        if (xi > win[j + 1]) win[j + 1] = xi
      }
      const gi = g[i]
      if (sums) {
        if (linear) addCompensated(gs, gc, i, gi)
        const g2 = gi * gi
        sq[i] += g2
        n2 += g2
        const ga = gi < 0 ? -gi : gi
        if (ga > inf) inf = ga
      }
      if (R_t) {
        // R_t = Σ_s ⟨g_s, x_s⟩ − min_F ⟨G, x⟩, in the kernels' order of operations.
        lin += gi * xi
        gt[i] += gi
      }
    }
    if (sums) {
      if (linear) addPair(acc, ACC.cs, c)
      if (n2 > acc[ACC.g2max]) acc[ACC.g2max] = n2
      if (inf > acc[ACC.gInf]) acc[ACC.gInf] = inf
    }
    if (R_t) {
      win[WIN.lin] += lin
      const R = win[WIN.lin] - linearMin(gt)
      if (R < win[WIN.rLo] * t) win[WIN.rLo] = R / t
      if (R > win[WIN.rHi] * t) win[WIN.rHi] = R / t
    }
  }
}
