// The round kernel of Algorithm-1 learners: for a chunk of rounds, the update (Reddi et al.'s
// Algorithm 1 with every field of algorithm1Fields) and, on the game's fast path, the game's
// accounting (loss paid, compensated sums for the comparator and the averaged iterate, gradient
// statistics, Γ_t, the window extremes between checkpoints; see ../../game/accounting.ts, whose
// plain path it must match bit for bit),
// generated as one specialised function per configuration.
//
// Why generated: V8 re-checks the type of every field and module constant used inside a loop, and
// a generic loop pays each round for every knob's branch. Leaving out the branches a configuration
// does not take, with its numbers read into locals once per call (kernelParams), gives a loop as
// tight as a hand-written one (npm run bench, cases (a) and (b)). The update itself is written
// once, in the template below; no user text (and no number) enters the generated source.
//
// Two loop shapes share that template: d = 1 keeps the whole state in locals (registers) across
// the chunk; d > 1 runs round by round over the state arrays, as a hand-written vector loop would.
import type { Algorithm1Config } from "./fields.ts"
import { KERNEL_SLOTS, algorithm1Fields } from "./fields.ts"
import type { Field } from "../../config/fields.ts"
import { Accounting, WIN } from "../../game/accounting.ts"

export interface KernelShape {
  readonly config: Algorithm1Config
  readonly dim: number
  /** Box with the same bounds on every coordinate (read once per call from the params), any box, or another domain (projected by the state's project() after each round). */
  readonly bounds: "uniform" | "box" | "projected"
  readonly lo: number
  readonly hi: number
  /** A box with lower = −upper on every coordinate: min_F ⟨G, x⟩ = −Σ upper_i·|G_i|, no branch. */
  readonly symmetric: boolean
  /** Do the game's accounting (otherwise a bare learner update). */
  readonly accounting: boolean
  /** Linear losses: f_t = ⟨g_t, x_t⟩ + c_t from G and C, and the comparator's sums Σg, Σc kept here. Otherwise f_t comes in F. */
  readonly linear: boolean
  /** Pseudo-regret: accumulate E f_t(x_t), linear (the state's eg holds ḡ then c̄: E f = ⟨ḡ, x⟩ + c̄) or given per round in E. */
  readonly expected: "none" | "linear" | "given"
  /**
   * Accumulate the sums that depend on the losses only (Σg and Σc of linear losses, Σg², the
   * gradient maxima). False when the adversary gives them in closed form (Adversary.linearSums):
   * then the round pays, steps and sums only what depends on the learner.
   */
  readonly gradientSums: boolean
  /** Keep each coordinate's min and max of x_t over the window (Accounting.win). */
  readonly windowX: boolean
  /**
   * Linear losses: R_t/t every round, for its window min and max, from the window's own plain
   * running sums (Accounting.win, gt; exact again at every checkpoint). The comparator
   * min_F ⟨G, x⟩ is inlined on a box of dimension 1, otherwise the accounting's linearMin.
   */
  readonly windowRegret: boolean
}

/** What the game asks of a kernel's accounting (the rest of a shape comes from the learner). */
export type KernelAccounting = Pick<KernelShape, "linear" | "expected" | "gradientSums" | "windowX" | "windowRegret">

/** The learner's own state, which every kernel reads and writes; one factory so every instance has one shape. */
export interface KernelState {
  readonly x: Float64Array
  readonly m: Float64Array
  readonly v: Float64Array
  readonly vmax: Float64Array
  /** √V_t of the last update: the weights of the projection Π_{F,√V_t}. */
  readonly weights: Float64Array
  readonly lower: Float64Array
  readonly upper: Float64Array
  /** Π β1s, Π β2s, λ^{t−1}. */
  readonly sc: Float64Array
  /** What stopped a run: [code, value], code 0 none, 1 loss, 2 gradient, 3 state, 4 iterate (numbers, so the state's shape never changes). */
  readonly fail: Float64Array
  readonly fn: ((t: number) => number) | undefined
  /** Non-box domains: projects x in place with the weights; false when the result is not finite. */
  readonly project: () => boolean
  /** The configuration's numbers (kernelParams). */
  readonly params: Float64Array
  /**
   * The fields above in one plain array, which is what a kernel reads. A kernel that loaded them as
   * fields would depend on V8's field-type tracking of this object's map; the next state created
   * generalises those types, and the kernel was then deoptimised for good (31 → 66 ns/round).
   * Array elements carry no such dependency, so one compiled kernel serves every game.
   */
  readonly args: readonly unknown[]
}

export const FAILURES = ["none", "loss", "gradient", "state", "iterate"] as const

/** One factory, every field set once: kernels are optimised for one object shape. */
export const createKernelState = (
  dim: number,
  lower: Float64Array,
  upper: Float64Array,
  fn: ((t: number) => number) | undefined,
  makeProject: (x: Float64Array, weights: Float64Array) => () => boolean,
  params: Float64Array
): KernelState => {
  const x = new Float64Array(dim)
  const weights = new Float64Array(dim)
  const state = {
    x,
    m: new Float64Array(dim),
    v: new Float64Array(dim),
    vmax: new Float64Array(dim),
    weights,
    lower,
    upper,
    sc: Float64Array.of(1, 1, 1),
    fail: new Float64Array(2),
    fn,
    project: makeProject(x, weights),
    params
  }
  const { m, v, vmax, sc, fail, project } = state
  return { ...state, args: [x, m, v, vmax, weights, lower, upper, sc, fail, fn, project, params] }
}

/**
 * Rounds t0 … t0+K−1 with the learner's state L and the game's accounting A (Accounting.args).
 * G holds K gradient rows (row k at k·d), C the K offsets of linear losses, F the K losses paid
 * otherwise, E the K expected losses when given. Returns the number of rounds completed: K, or the
 * index of the round that produced a non-finite loss, gradient or state (then the state's fail
 * array says which; that round is not accounted).
 */
export type Kernel = (L: KernelState["args"], A: readonly unknown[], t0: number, K: number, G: Float64Array, C: Float64Array, F: Float64Array, E: Float64Array) => number

/**
 * The numbers of a shape, in the slots the generated source reads them from (P[0], P[1], …; the
 * fields table says which field fills which slot): the source holds only the structure (which
 * terms and branches), so every configuration of one structure shares one compiled kernel. A sweep
 * over β1 and β2 compiles once per worker, not once per job (V8's optimising compiler competed with
 * the jobs for the cores). Read once before the loop, they are as fast as literals (npm run bench (a)).
 */
export const kernelParams = (shape: Pick<KernelShape, "config" | "lo" | "hi">): Float64Array => {
  const values: Record<string, number> = { lo: shape.lo, hi: shape.hi }
  const take = (record: Readonly<Record<string, unknown>>, fields: Readonly<Record<string, Field>>) => {
    for (const [name, field] of Object.entries(fields)) {
      const value = record[name]
      if (field.slot !== undefined && typeof value === "number") values[field.slot] = value
      if (field.type === "variant" && typeof value === "object" && value !== null) {
        const variant = field.variants[(value as { kind: string }).kind]
        if (variant !== undefined) take(value as Record<string, unknown>, variant)
      }
    }
  }
  take(shape.config, algorithm1Fields)
  return Float64Array.from(KERNEL_SLOTS, (slot) => values[slot] ?? 0)
}

// Derived numbers are computed from the slots in the prologue, as the caller would compute them.
const paramLocals = `const ${KERNEL_SLOTS.map((name, i) => `P${name} = P[${i}]`).join(", ")}
const Pia = 1 / Pa, Pc1 = 1 - Pb1, Pc2 = 1 - Pb2`

/**
 * Neumaier's compensated add of `value` into (sum, comp), the same arithmetic as NeumaierSum.add:
 * the rounding error of s + v by Knuth's branch-free TwoSum, which in a loop is cheaper than
 * Neumaier's branch on |s| ≥ |v| and gives the same (exact) error term.
 */
const neumaier = (sum: string, comp: string, value: string): string =>
  `{ const s_ = ${sum}, v_ = ${value}, t_ = s_ + v_, b_ = t_ - s_; ${comp} += (s_ - (t_ - b_)) + (v_ - b_); ${sum} = t_ }`

/** α_t and 1/α_t of round t. */
const stepScalars = (c: Algorithm1Config, onBad: string): string[] => {
  const s = c.stepSchedule
  if (s.kind === "constant") return [`const at = Pa, invAt = Pia`]
  if (s.kind === "inv-sqrt") return [`const rt = Math.sqrt(t), at = Pa / rt, invAt = rt * Pia`]
  if (s.kind === "power") return [`const at = Pa / Math.pow(t, Ppow), invAt = 1 / at`]
  if (s.kind === "inverse-time") return [`const at = Pa / (1 + (t - 1) * Pdecay), invAt = 1 / at`]
  return [`const at = fn(t), invAt = 1 / at`, `if (!(at > 0 && at < Infinity)) { fail[0] = 3; fail[1] = at; ${onBad} }`]
}

/** Per-round scalars of round t: α_t, 1/α_t, β1t, β2t and the bias-correction scales. */
const roundScalars = (c: Algorithm1Config): string => {
  const lines: string[] = stepScalars(c, "break")
  const b = c.beta1Schedule
  if (c.momentum !== "none") {
    if (b.kind === "exponential") lines.push(`const b1t = Pb1 * lamPow`, `lamPow *= Plam`)
    else if (b.kind === "inverse") lines.push(`const b1t = Pb1 / t`)
    else lines.push(`const b1t = Pb1`)
    lines.push(`const c1 = ${c.momentum === "ema" ? (b.kind === "constant" ? "Pc1" : "1 - b1t") : "1"}`)
  }
  if (c.secondMoment === "ema") {
    if (c.beta2Schedule === "inverse-t") lines.push(`const b2t = 1 - 1 / t, c2 = 1 - b2t`)
    else lines.push(`const b2t = Pb2, c2 = Pc2`)
  }
  // Once a product is below 1e-30, 1 − product is exactly 1; flushing it to 0 keeps it out of the
  // denormal range, where β2 = 0.99 would leave it stuck at 5e-324 and every multiply would be slow.
  if (c.biasCorrection1) lines.push(`b1prod = b1prod < 1e-30 ? 0 : b1prod * b1t`, `const mS = 1 / (1 - b1prod)`)
  if (c.biasCorrection2) lines.push(`b2prod = b2prod < 1e-30 ? 0 : b2prod * b2t`, `const vS = 1 / (1 - b2prod)`)
  else if (c.secondMoment === "mean") lines.push(`const vS = 1 / t`)
  return lines.join("\n")
}

/**
 * The update of one coordinate in round t: reads xi (x_t), gi (the gradient); updates mi, vi,
 * vmaxi and, when `gamma` (the game's Γ_t diagnostics), invi; leaves xn (x_{t+1} before any
 * non-box projection), denom and gamma. Adds to chk the probe and the step: NaN or ±Infinity
 * anywhere in the round makes chk non-zero. The scalar loop passes `onFailure`, run when its chk
 * is non-zero, so a round checks once.
 */
const coordinateUpdate = (c: Algorithm1Config, clip: string, gamma: boolean, probe = "", onFailure?: string): string => {
  const scalar = onFailure !== undefined
  const lines: string[] = []
  const ge = c.weightDecayMode === "l2" && c.weightDecay !== 0 ? "(gi + Pwd * xi)" : "gi"
  if (c.momentum === "none") lines.push(`mi = ${ge}`)
  else lines.push(`mi = b1t * mi + c1 * ${ge}`)
  const sm = c.secondMoment
  if (sm !== "none") {
    if (sm === "ema") lines.push(`vi = b2t * vi + c2 * (${ge} * ${ge})`)
    else lines.push(`vi = vi + ${ge} * ${ge}`)
    if (c.amsgrad === "raw") lines.push(`vmaxi = vmaxi > vi ? vmaxi : vi`)
    else if (c.amsgrad === "corrected") {
      const scaled = c.biasCorrection2 || sm === "mean"
      lines.push(`{ const vc = ${scaled ? "vi * vS" : "vi"}; vmaxi = vmaxi > vc ? vmaxi : vc }`)
    }
  }
  lines.push(denominator(c))
  lines.push(`const mh = ${c.biasCorrection1 ? "mi * mS" : "mi"}`)
  if (c.sign) lines.push(`const dir = mh > 0 ? 1 : mh < 0 ? -1 : 0`)
  else if (sm === "none") lines.push(`const dir = mh`)
  // With ε > 0 (either place) the denominator is positive; without, 0/0 (no gradient seen yet on
  // this coordinate) is a zero step, not NaN.
  else if (c.eps > 0 || c.epsRoot > 0) lines.push(`const dir = mh / denom`)
  // Scalar loop: divide first and take the zero step only when the check fails (0/0 or x/0 make
  // xr non-finite): a compare and branch before the division cost 7% of a round (npm run bench (a)).
  else if (scalar) lines.push(`let dir = mh / denom`)
  else lines.push(`const dir = denom > 0 ? mh / denom : 0`)
  const lazyZero = scalar && sm !== "none" && !c.sign && !(c.eps > 0 || c.epsRoot > 0)
  if (gamma) lines.push(`const is = denom * invAt, gamma = is - invi`, `invi = is`)
  const decay = c.weightDecayMode === "decoupled" && c.weightDecay !== 0 ? " - at * Pwd * xi" : ""
  lines.push(`${lazyZero ? "let" : "const"} xr = xi - at * dir${decay}`)
  // A non-finite gradient or m reaches xr through the step (sign() would hide them: probe m̂);
  // an overflowed v makes the step 0 but the denominator infinite. The vector loop adds v − v of
  // each; the scalar loop takes e − e of their sum e, one NaN for any of them (a finite sum past
  // ±1.8e308 would count too, a round no real run reaches), two operations fewer a round.
  const probed = [probe, c.sign ? "mh" : "", "xr", sm === "none" ? "" : "denom"].filter((t) => t !== "")
  if (!scalar) lines.push(`chk += ${probed.map((v) => `(${v} - ${v})`).join(" + ")}`)
  else {
    const sum = `e_ = ${probed.map((v, i) => (i === 0 ? v : v === "denom" ? ` - ${v}` : ` + ${v}`)).join("")}`
    if (!lazyZero) lines.push(`const ${sum}`, `if (e_ - e_ !== 0) { ${onFailure} }`)
    else lines.push(`let ${sum}`, `if (e_ - e_ !== 0) {
  if (!(denom > 0)) { dir = 0; xr = xi - at * dir${decay}; ${sum} }
  if (e_ - e_ !== 0) { ${onFailure} }
}`)
  }
  // On a box the weighted projection is clipping, whatever the weights (docs/reference/reddi2018.md §2).
  lines.push(`const xn = ${clip}`)
  return lines.join("\n")
}

/**
 * √V_t's entry of one coordinate, `denom`, from its updated vi and vmaxi (and vS): written once,
 * for the update and for inverseStep, so both give the same bits.
 */
const denominator = (c: Algorithm1Config): string => {
  if (c.secondMoment === "none") return "const denom = 1"
  const scaled = c.biasCorrection2 || c.secondMoment === "mean"
  const vd = c.amsgrad === "raw" ? (scaled ? "vmaxi * vS" : "vmaxi") : c.amsgrad === "corrected" ? "vmaxi" : scaled ? "vi * vS" : "vi"
  const root = c.epsRoot !== 0 ? `Math.sqrt(${vd} + Peps2)` : `Math.sqrt(${vd})`
  return `const denom = ${c.eps !== 0 ? `${root} + Peps` : root}`
}

const clipExpr = (shape: KernelShape, i: string): string =>
  shape.bounds === "uniform" ? "xr < Plo ? Plo : xr > Phi ? Phi : xr"
    : shape.bounds === "box" ? `xr < lower[${i}] ? lower[${i}] : xr > upper[${i}] ? upper[${i}] : xr`
      : "xr"

const learnerLocals = `const x = L[0], m = L[1], v = L[2], vmax = L[3], weights = L[4], lower = L[5], upper = L[6], sc = L[7], fail = L[8], fn = L[9], project = L[10], P = L[11]
${paramLocals}`

const prologue = (acct: boolean): string => `
${learnerLocals}
let b1prod = sc[0], b2prod = sc[1], lamPow = sc[2]
${acct ? `const acc = A[0], gs = A[1], gc = A[2], xs = A[3], xc = A[4], sq = A[5], lastX = A[6], eg = A[7], inv = A[8], gam = A[9], win = A[10], gt = A[11], linearMin = A[12]
let lastGamma = gam[0], neg = gam[1], rLo = win[${WIN.rLo}], rHi = win[${WIN.rHi}], gLo = win[${WIN.gLo}], gHi = win[${WIN.gHi}]
let cum = acc[0], cumC = acc[1], cs = acc[2], csC = acc[3], ecum = acc[4], ecumC = acc[5], gInf = acc[6], g2max = acc[7]` : ""}
let k = 0`

const epilogue = (acct: boolean): string => `
sc[0] = b1prod; sc[1] = b2prod; sc[2] = lamPow
${acct ? `gam[0] = lastGamma < Infinity ? lastGamma : Infinity; gam[1] = neg
win[${WIN.rLo}] = rLo; win[${WIN.rHi}] = rHi; win[${WIN.gLo}] = gLo; win[${WIN.gHi}] = gHi
acc[0] = cum; acc[1] = cumC; acc[2] = cs; acc[3] = csC; acc[4] = ecum; acc[5] = ecumC; acc[6] = gInf; acc[7] = g2max` : ""}
return k`

/** Which non-finite number stopped round k: the gradient if any entry is, else the state. */
const failureCode = (dim: number): string => `{
  fail[0] = 3; fail[1] = NaN
  for (let i = 0; i < ${dim}; i++) { const g = G[k * ${dim} + i]; if (!Number.isFinite(g)) { fail[0] = 2; fail[1] = g; break } }
  if (fail[0] === 3) for (let i = 0; i < ${dim}; i++) { if (!Number.isFinite(v[i])) { fail[1] = v[i]; break } if (!Number.isFinite(m[i])) { fail[1] = m[i]; break } }
  break
}`

/** R_t/t's window min and max: compared as R_t against min·t, divided only when it is a new extreme (see WIN). */
const windowUpdate = `if (R_ < rLo * t) rLo = R_ / t
  if (R_ > rHi * t) rHi = R_ / t`

/** Which parts of the accounting a shape's kernel keeps (see KernelShape). */
const accountingParts = (shape: KernelShape) => {
  const acct = shape.accounting
  return {
    /** Σg², the gradient maxima and, for linear losses, Σg and Σc (no closed form given). */
    sums: acct && shape.gradientSums,
    /** Σg and Σc of linear losses, compensated, for the comparator (no closed form given). */
    linearSums: acct && shape.linear && shape.gradientSums,
    xWindow: acct && shape.windowX,
    regretWindow: acct && shape.linear && shape.windowRegret
  }
}

/** d = 1: the whole state in locals across the chunk. */
const scalarSource = (shape: KernelShape): string => {
  const c = shape.config
  const acct = shape.accounting
  const { sums, linearSums, xWindow, regretWindow } = accountingParts(shape)
  // The loss paid is probed with the step (a non-finite gradient shows in the step already).
  const probe = !acct ? "" : "f"
  // R_t = Σ⟨g, x⟩ − min_F ⟨G, x⟩ on [lo, hi], with min_F as boxLinearMin computes it.
  const [lo, hi] = shape.bounds === "uniform" ? ["Plo", "Phi"] : ["lower[0]", "upper[0]"]
  const regret = shape.symmetric ? `wl + ${hi} * Math.abs(wg)` : `wl - wg * (wg < 0 ? ${hi} : ${lo})`
  return `${prologue(acct)}
let xi = x[0], mi = m[0], vi = v[0], vmaxi = vmax[0], t = t0 - 1
${acct ? "let invi = inv[0], gsum = gs[0], gcomp = gc[0], xsum = xs[0], xcomp = xc[0], sqi = sq[0], lastx = lastX[0]" : ""}
${xWindow ? `let xLo = win[${WIN.x}], xHi = win[${WIN.x + 1}]` : ""}
${regretWindow ? `let wl = win[${WIN.lin}], wg = gt[0]` : ""}
for (; k < K; k++) {
  // A double counter: converting t0 + k every round cost 3% of a round.
  t += 1
  ${roundScalars(c)}
  const gi = G[k]
  ${acct ? (shape.linear ? "const p_ = gi * xi, f = p_ + C[k]" : "const f = F[k]") : ""}
  ${acct && shape.expected === "linear" ? "let ef = 0; ef += eg[0] * xi; ef += eg[1]" : acct && shape.expected === "given" ? "const ef = E[k]" : ""}
  ${coordinateUpdate(c, clipExpr(shape, "0"), acct, probe, `${acct ? "if (f - f !== 0) { fail[0] = 1; fail[1] = f; break }\n" : ""}m[0] = mi; v[0] = vi; ${failureCode(1)}`)}
  ${acct ? `lastGamma = gamma
  if (gamma < 0) neg++
  if (gamma < gLo) gLo = gamma
  // As the min over coordinates the plain path takes (from +∞), a NaN Γ counts as +∞: checked only
  // on the branch that updates, and for the last round's Γ after the loop.
  if (!(gamma <= gHi)) gHi = gamma < Infinity ? gamma : Infinity
  ${neumaier("cum", "cumC", "f")}
  ${shape.expected !== "none" ? neumaier("ecum", "ecumC", "ef") : ""}
  ${neumaier("xsum", "xcomp", "xi")}
  lastx = xi` : ""}
  ${xWindow ? `if (xi < xLo) xLo = xi
  if (xi > xHi) xHi = xi` : ""}
  ${linearSums ? `${neumaier("cs", "csC", "C[k]")}\n  ${neumaier("gsum", "gcomp", "gi")}` : ""}
  ${regretWindow ? `wl += p_
  wg += gi
  { const R_ = ${regret}
  ${windowUpdate} }` : ""}
  ${sums ? `const g2 = gi * gi
  sqi += g2
  if (g2 > g2max) g2max = g2
  const ga = gi < 0 ? -gi : gi
  if (ga > gInf) gInf = ga` : ""}
  xi = xn
}
x[0] = xi; m[0] = mi; v[0] = vi; vmax[0] = vmaxi
${acct ? "inv[0] = invi; gs[0] = gsum; gc[0] = gcomp; xs[0] = xsum; xc[0] = xcomp; sq[0] = sqi; lastX[0] = lastx" : ""}
${xWindow ? `win[${WIN.x}] = xLo; win[${WIN.x + 1}] = xHi` : ""}
${regretWindow ? `win[${WIN.lin}] = wl; gt[0] = wg` : ""}
${epilogue(acct)}`
}

/** d > 1 (or a projected domain): round by round over the state arrays. */
const vectorSource = (shape: KernelShape): string => {
  const c = shape.config
  const d = shape.dim
  const acct = shape.accounting
  const { sums, linearSums, xWindow, regretWindow } = accountingParts(shape)
  return `${prologue(acct)}
for (; k < K; k++) {
  const t = t0 + k
  const off = k * ${d}
  ${roundScalars(c)}
  let chk = 0, gmin = Infinity, fs = 0, ls = -0, es = 0, n2 = 0, rowInf = 0
  for (let i = 0; i < ${d}; i++) {
    const xi = x[i], gi = G[off + i]
    let mi = m[i], vi = v[i], vmaxi = ${c.amsgrad !== "off" ? "vmax[i]" : "0"}${acct ? ", invi = inv[i]" : ""}
    ${acct && shape.linear ? `{ const p_ = gi * xi; fs += p_${regretWindow ? "; ls += p_; gt[i] += gi" : ""} }` : ""}
    ${acct && shape.expected === "linear" ? "es += eg[i] * xi" : ""}
    ${coordinateUpdate(c, clipExpr(shape, "i"), acct)}
    ${acct ? "if (gamma < gmin) gmin = gamma" : ""}
    m[i] = mi; v[i] = vi; ${c.amsgrad !== "off" ? "vmax[i] = vmaxi;" : ""} ${acct ? "inv[i] = invi" : ""}
    x[i] = xn
    ${shape.bounds === "projected" ? "weights[i] = denom" : ""}
    ${acct ? `{ let xsum = xs[i], xcomp = xc[i]; ${neumaier("xsum", "xcomp", "xi")} xs[i] = xsum; xc[i] = xcomp }
    lastX[i] = xi` : ""}
    ${xWindow ? `{ const j = ${WIN.x} + 2 * i; if (xi < win[j]) win[j] = xi; if (xi > win[j + 1]) win[j + 1] = xi }` : ""}
    ${linearSums ? `{ let gsum = gs[i], gcomp = gc[i]; ${neumaier("gsum", "gcomp", "gi")} gs[i] = gsum; gc[i] = gcomp }` : ""}
    ${sums ? `const g2 = gi * gi
    sq[i] += g2
    n2 += g2
    const ga = gi < 0 ? -gi : gi
    if (ga > rowInf) rowInf = ga` : ""}
  }
  ${acct ? `const f = ${shape.linear ? "fs + C[k]" : "F[k]"}
  if (f - f !== 0) { fail[0] = 1; fail[1] = f; break }` : ""}
  if (chk !== 0) ${failureCode(d)}
  ${shape.bounds === "projected" ? `if (!project()) { fail[0] = 4; fail[1] = NaN; break }` : ""}
  ${acct ? `lastGamma = gmin
  if (gmin < 0) neg++
  if (gmin < gLo) gLo = gmin
  if (gmin > gHi) gHi = gmin
  ${neumaier("cum", "cumC", "f")}
  ${shape.expected === "linear" ? `{ const ef = es + eg[${d}]; ${neumaier("ecum", "ecumC", "ef")} }` : shape.expected === "given" ? `{ const ef = E[k]; ${neumaier("ecum", "ecumC", "ef")} }` : ""}` : ""}
  ${linearSums ? neumaier("cs", "csC", "C[k]") : ""}
  ${sums ? `if (n2 > g2max) g2max = n2
  if (rowInf > gInf) gInf = rowInf` : ""}
  ${regretWindow ? `win[${WIN.lin}] += ls
  { const R_ = win[${WIN.lin}] - linearMin(gt)
  ${windowUpdate} }` : ""}
}
${epilogue(acct)}`
}

/** √V_t/α_t per coordinate from the state after round t's update (Learner.inverseStep). */
const inverseStepSource = (c: Algorithm1Config, dim: number): string => {
  const vS = c.biasCorrection2 ? "const vS = 1 / (1 - sc[1])" : c.secondMoment === "mean" ? "const vS = 1 / t" : ""
  return `${learnerLocals}
${stepScalars(c, "return").join("\n")}
${vS}
for (let i = 0; i < ${dim}; i++) {
  const vi = v[i], vmaxi = vmax[i]
  ${denominator(c)}
  out[i] = denom * invAt
}`
}

const compiled = new Map<string, Kernel>()
const readers = new Map<string, InverseStep>()

/** Writes √V_t/α_t of round t's update, per coordinate, into out. */
export type InverseStep = (L: KernelState["args"], t: number, out: Float64Array) => void

export const compileInverseStep = (c: Algorithm1Config, dim: number): InverseStep => {
  const body = inverseStepSource(c, dim)
  let reader = readers.get(body)
  if (reader === undefined) {
    reader = new Function("L", "t", "out", `"use strict"\n${body}`) as InverseStep
    readers.set(body, reader)
  }
  return reader
}

/** The kernel for a shape, compiled once per process for each distinct generated source. */
export const compileKernel = (shape: KernelShape): Kernel => {
  const body = kernelSource(shape)
  let kernel = compiled.get(body)
  if (kernel === undefined) {
    kernel = new Function("L", "A", "t0", "K", "G", "C", "F", "E", `"use strict"\n${body}`) as Kernel
    // Calls with no rounds run the code before and after the loop in the interpreter, so V8 has
    // type feedback for it. Without them the first long chunk is optimised on-stack inside the
    // loop before the code after it ever ran; that code then deoptimised there on every later call
    // ("insufficient type feedback"), and in about one process in six V8 settled on slow code
    // (13 → 34 ns/round in npm run bench (a)). V8 allocates a function's feedback vector only after
    // about 8× its bytecode size has run, which took 17–20 of these calls; 200 leaves a margin.
    const empty = new Float64Array(1)
    const warm = createKernelState(1, empty, empty, undefined, () => () => true, new Float64Array(KERNEL_SLOTS.length)).args
    const warmAccounting = new Accounting(1).args
    for (let i = 0; i < 200; i++) kernel(warm, warmAccounting, 1, 0, empty, empty, empty, empty)
    compiled.set(body, kernel)
  }
  return kernel
}

/** The generated source, for inspection (`regretlab describe` could print it) and tests. */
export const kernelSource = (shape: KernelShape): string =>
  shape.dim === 1 && shape.bounds !== "projected" ? scalarSource(shape) : vectorSource(shape)
