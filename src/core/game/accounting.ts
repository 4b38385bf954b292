// The game's accounting, kept apart from any learner: the loss paid, the sums the comparator needs,
// the averaged iterate, the gradient statistics of the bounds, Reddi's Γ_t. One object, its numbers
// in Float64Arrays so a fused round kernel (see Learner.fuse) can keep them in the same places; the
// plain path below is the reference every learner runs through and every fused kernel must match
// bit for bit. Every long sum is compensated: Knuth's TwoSum gives each add's exact rounding error.
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
  /** The arrays in the order fused kernels read them. */
  readonly args: readonly Float64Array[]
  private readonly scale: Float64Array

  constructor(readonly dim: number) {
    this.gs = new Float64Array(dim)
    this.gc = new Float64Array(dim)
    this.xs = new Float64Array(dim)
    this.xc = new Float64Array(dim)
    this.sq = new Float64Array(dim)
    this.lastX = new Float64Array(dim)
    this.eg = new Float64Array(dim + 1)
    this.inv = new Float64Array(dim)
    this.scale = new Float64Array(dim)
    this.args = [this.acc, this.gs, this.gc, this.xs, this.xc, this.sq, this.lastX, this.eg, this.inv, this.gam]
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
    const d = this.dim, acc = this.acc, x = this.lastX
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
    }
    addPair(acc, ACC.cum, f)
    if (shape.expected) addPair(acc, ACC.ecum, ef)
    for (let i = 0; i < d; i++) addCompensated(this.xs, this.xc, i, x[i])
    if (!shape.gradientSums) return
    let n2 = 0, inf = 0
    for (let i = 0; i < d; i++) {
      const gi = g[i]
      if (shape.linear) addCompensated(this.gs, this.gc, i, gi)
      const g2 = gi * gi
      this.sq[i] += g2
      n2 += g2
      const ga = gi < 0 ? -gi : gi
      if (ga > inf) inf = ga
    }
    if (shape.linear) addPair(acc, ACC.cs, c)
    if (n2 > acc[ACC.g2max]) acc[ACC.g2max] = n2
    if (inf > acc[ACC.gInf]) acc[ACC.gInf] = inf
  }
}
