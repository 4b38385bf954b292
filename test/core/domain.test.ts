// Properties of the three domains: projections are feasible, idempotent, non-expansive in their own
// norm and optimal (checked against independent bisection references, random feasible points and the
// first-order condition); linear minimisation matches brute force; configs are validated.
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { Domain, DomainConfig } from "../../src/core/types.ts"
import { ConfigError } from "../../src/core/config/error.ts"
import { ballReference, simplexReference } from "../reference/projections.ts"
import type { BallConfig } from "../../src/core/domain/ball.ts"
import {
  createBall,
  createBox,
  createDomain,
  createInterval,
  createSimplex,
  normalizeWeights,
  WEIGHT_FLOOR
} from "../../src/core/domain/index.ts"

// ---------- helpers ----------

const f64 = (xs: readonly number[]): Float64Array => Float64Array.from(xs)

const dot = (x: ArrayLike<number>, y: ArrayLike<number>): number => {
  let s = 0
  for (let i = 0; i < x.length; i++) s += x[i] * y[i]
  return s
}

/** ‖A^{1/2}(x − y)‖ (A = I when a is omitted). */
const wdist = (x: ArrayLike<number>, y: ArrayLike<number>, a?: ArrayLike<number>): number => {
  let s = 0
  for (let i = 0; i < x.length; i++) s += (a ? a[i] : 1) * (x[i] - y[i]) ** 2
  return Math.sqrt(s)
}

const maxAbsDiff = (x: ArrayLike<number>, y: ArrayLike<number>): number => {
  let m = 0
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i] - y[i]))
  return m
}

const proj = (d: Domain, y: Float64Array): Float64Array => {
  const out = new Float64Array(d.dim)
  d.project(y, out)
  return out
}

const projW = (d: Domain, y: Float64Array, a: Float64Array): Float64Array => {
  const out = new Float64Array(d.dim)
  d.projectWeighted(y, a, out)
  return out
}

/** The weights the domains actually use (after the floor), for checks in the A-norm. */
const effective = (a: Float64Array): Float64Array => {
  const out = new Float64Array(a.length)
  if (normalizeWeights(a, out)) out.fill(1)
  return out
}

/** Small seeded PRNG so each property case gets its own reproducible feasible points. */
/** Scale of the domain's coordinates, for absolute tolerances. */
const scaleOf = (d: Domain): number => {
  const cfg = d.config as { kind: string; lower: number[]; upper: number[]; center: number[]; radius: number }
  if (cfg.kind === "box") return Math.max(1, ...cfg.lower.map(Math.abs), ...cfg.upper.map(Math.abs))
  if (cfg.kind === "ball") return Math.max(1, cfg.radius, ...cfg.center.map(Math.abs))
  return 1
}

// ---------- arbitraries ----------

const coord = fc.double({ min: -50, max: 50, noNaN: true })
const weight = fc.oneof(
  fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
  fc.double({ min: 1e-8, max: 1, noNaN: true })
)

const boxArb = fc.integer({ min: 1, max: 5 }).chain((dim) =>
  fc
    .array(fc.tuple(coord, fc.double({ min: 0, max: 20, noNaN: true })), { minLength: dim, maxLength: dim })
    .map((pairs) => createBox(pairs.map(([l]) => l), pairs.map(([l, w]) => l + w)))
)
const ballArb = fc.integer({ min: 1, max: 5 }).chain((dim) =>
  fc
    .tuple(fc.array(coord, { minLength: dim, maxLength: dim }), fc.double({ min: 1e-3, max: 30, noNaN: true }))
    .map(([c, r]) => createBall(c, r))
)
const simplexArb = fc.integer({ min: 1, max: 6 }).map((dim) => createSimplex(dim))
const domainArb = fc.oneof(boxArb, ballArb, simplexArb)

/** A domain with a point y, weights a and a seed for random feasible points, all of its dimension. */
const caseArb = (domains: fc.Arbitrary<Domain>) =>
  domains.chain((d) =>
    fc.record({
      d: fc.constant(d),
      y: fc.array(fc.double({ min: -200, max: 200, noNaN: true }), { minLength: d.dim, maxLength: d.dim }).map(f64),
      y2: fc.array(fc.double({ min: -200, max: 200, noNaN: true }), { minLength: d.dim, maxLength: d.dim }).map(f64),
      a: fc.array(weight, { minLength: d.dim, maxLength: d.dim }).map(f64),
      seed: fc.integer()
    })
  )

// Properties every domain shares are checked by test/contracts/domains.test.ts, over the registry.

describe("contains()", () => {
  it("contains() rejects NaN, wrong lengths and points outside by more than the tolerance", () => {
    for (const d of [createBox([-1, 0], [1, 2]), createBall([0, 0], 1), createSimplex(2)]) {
      expect(d.contains(f64([NaN, 0]))).toBe(false)
      expect(d.contains(f64([0]))).toBe(false)
      expect(d.contains(f64([5, 5]))).toBe(false)
    }
    const box = createBox([-1], [1])
    expect(box.contains(f64([1 + 1e-13]))).toBe(true)
    expect(box.contains(f64([1 + 1e-11]))).toBe(false)
    expect(box.contains(f64([1 + 1e-11]), 1e-10)).toBe(true)
    const ball = createBall([0, 0], 1)
    expect(ball.contains(f64([0.6, 0.8]))).toBe(true)
    expect(ball.contains(f64([0.6, 0.8 + 1e-9]))).toBe(false)
    const simplex = createSimplex(3)
    expect(simplex.contains(f64([0.2, 0.3, 0.5]))).toBe(true)
    expect(simplex.contains(f64([0.2, 0.3, 0.5 + 1e-9]))).toBe(false)
    expect(simplex.contains(f64([-1e-9, 0.5, 0.5 + 1e-9]))).toBe(false)
  })
})

// ---------- box ----------

describe("box", () => {
  it("projects by clipping, weighted or not", () => {
    fc.assert(
      fc.property(caseArb(boxArb), ({ d, y, a }) => {
        const { lower, upper } = d.box!
        // +0 and −0 are the same point (y = −0 on a bound at 0 clips to either): compare without the sign of zero.
        const unsigned = (v: Float64Array) => Array.from(v, (e) => e + 0)
        const clipped = unsigned(y.map((v, i) => Math.min(upper[i], Math.max(lower[i], v))))
        expect(unsigned(proj(d, y))).toEqual(clipped)
        expect(unsigned(projW(d, y, a))).toEqual(clipped)
      })
    )
  })

  it("exposes its bounds for the fast path and has the right diameters", () => {
    const d = createBox([-1, 0, 2], [1, 3, 2])
    expect(d.box!.lower).toEqual(f64([-1, 0, 2]))
    expect(d.box!.upper).toEqual(f64([1, 3, 2]))
    expect(d.diameterInf).toBe(3)
    expect(d.diameter2).toBeCloseTo(Math.sqrt(13), 15)
    expect(d.config).toEqual({ kind: "box", lower: [-1, 0, 2], upper: [1, 3, 2] })
    const i = createInterval(-1, 1)
    expect(i.dim).toBe(1)
    expect(i.diameterInf).toBe(2)
    expect(i.diameter2).toBe(2)
    expect(proj(i, f64([7]))).toEqual(f64([1]))
    expect(proj(i, f64([-0.25]))).toEqual(f64([-0.25]))
  })

  it("minimizeLinear matches brute force over the vertices and picks lower when g_i = 0", () => {
    fc.assert(
      fc.property(
        boxArb.chain((d) =>
          fc.tuple(fc.constant(d), fc.array(fc.oneof(coord, fc.constant(0)), { minLength: d.dim, maxLength: d.dim }))
        ),
        ([d, gs]) => {
          const g = f64(gs)
          const out = new Float64Array(d.dim)
          const value = d.minimizeLinear(g, out)
          const { lower, upper } = d.box!
          let best = Infinity
          for (let mask = 0; mask < 1 << d.dim; mask++) {
            const v = lower.map((l, i) => ((mask >> i) & 1 ? upper[i] : l))
            best = Math.min(best, dot(g, v))
          }
          const tol = 1e-12 * (1 + Math.abs(best))
          expect(Math.abs(value - best)).toBeLessThanOrEqual(tol)
          expect(Math.abs(dot(g, out) - value)).toBeLessThanOrEqual(tol)
          gs.forEach((gi, i) => {
            if (gi === 0) expect(out[i]).toBe(lower[i])
          })
        }
      )
    )
  })
})

// ---------- ball ----------

describe("ball", () => {
  it("hand-computed: radius 1 at the origin, y = (3, 4) → (0.6, 0.8), weighted with equal weights too", () => {
    const d = createBall([0, 0], 1)
    const p = proj(d, f64([3, 4]))
    expect(p[0]).toBeCloseTo(0.6, 15)
    expect(p[1]).toBeCloseTo(0.8, 15)
    const q = projW(d, f64([3, 4]), f64([2.5, 2.5]))
    expect(maxAbsDiff(q, [0.6, 0.8])).toBeLessThanOrEqual(1e-15)
    expect(proj(d, f64([0.1, -0.2]))).toEqual(f64([0.1, -0.2]))
    expect(d.diameterInf).toBe(2)
    expect(d.diameter2).toBe(2)
  })

  it("weighted with equal weights equals the radial projection", () => {
    fc.assert(
      fc.property(caseArb(ballArb), fc.double({ min: 1e-6, max: 1e6, noNaN: true }), ({ d, y }, w) => {
        const a = new Float64Array(d.dim).fill(w)
        expect(maxAbsDiff(projW(d, y, a), proj(d, y))).toBeLessThanOrEqual(1e-14 * scaleOf(d))
      })
    )
  })

  it("weighted with unequal weights is not radial (concrete case) and has the λ form", () => {
    const d = createBall([0, 0], 1)
    const y = f64([3, 4])
    const a = f64([1, 9])
    const x = projW(d, y, a)
    expect(Math.hypot(x[0], x[1])).toBeCloseTo(1, 14)
    expect(maxAbsDiff(x, [0.6, 0.8])).toBeGreaterThan(0.05)
    // x_i = a_i z_i/(a_i + λ) means both coordinates imply the same λ = a_i (z_i/x_i − 1) > 0.
    const lam0 = a[0] * (y[0] / x[0] - 1)
    const lam1 = a[1] * (y[1] / x[1] - 1)
    expect(lam0).toBeGreaterThan(0)
    expect(Math.abs(lam0 - lam1)).toBeLessThanOrEqual(1e-12 * lam0)
    // and it is strictly better than the radial point in the weighted objective.
    expect(wdist(x, y, a)).toBeLessThan(wdist(f64([0.6, 0.8]), y, a) - 0.01)
  })

  it("weighted projection matches a bisection reference and sits on the sphere when y is outside", () => {
    fc.assert(
      fc.property(caseArb(ballArb), ({ d, y, a }) => {
        const cfg = d.config as BallConfig
        const x = projW(d, y, a)
        const ref = ballReference(cfg.center, cfg.radius, y, effective(a))
        expect(maxAbsDiff(x, ref)).toBeLessThanOrEqual(1e-9 * Math.max(1, cfg.radius))
        const dist = wdist(x, cfg.center)
        if (wdist(y, cfg.center) > cfg.radius) {
          expect(dist).toBeLessThanOrEqual(cfg.radius)
          // c_i + w_i rounds at the scale of |c|, so the distance is exact only to that scale.
          expect(dist).toBeGreaterThanOrEqual(cfg.radius - 1e-12 * scaleOf(d))
        }
      })
    )
  })

  it("projections stay feasible far from a far-away center", () => {
    const d = createBall([1e6, -1e6, 3e5], 1e-3)
    for (const y of [f64([0, 0, 0]), f64([1e9, 1, -1]), f64([1e6 + 1, -1e6, 3e5])]) {
      expect(d.contains(proj(d, y), 0)).toBe(true)
      expect(d.contains(projW(d, y, f64([1, 1e-6, 30])), 0)).toBe(true)
    }
  })

  it("minimizeLinear gives c − r·g/‖g‖ with value ⟨g, c⟩ − r‖g‖ (and c for g = 0)", () => {
    fc.assert(
      fc.property(
        ballArb.chain((d) => fc.tuple(fc.constant(d), fc.array(coord, { minLength: d.dim, maxLength: d.dim }))),
        ([d, gs]) => {
          const cfg = d.config as BallConfig
          const g = f64(gs)
          const out = new Float64Array(d.dim)
          const value = d.minimizeLinear(g, out)
          const gn = Math.hypot(...g)
          // Direction from g/max|g_i| so subnormal gradients are handled exactly in the reference too.
          const gm = Math.max(...g.map(Math.abs))
          const dir = g.map((gi) => gi / gm)
          const dn = Math.hypot(...dir)
          const expected = gn === 0 ? cfg.center : cfg.center.map((c, i) => c - (dir[i] / dn) * cfg.radius)
          expect(maxAbsDiff(out, expected)).toBeLessThanOrEqual(1e-12 * scaleOf(d))
          expect(Math.abs(value - (dot(g, cfg.center) - cfg.radius * gn))).toBeLessThanOrEqual(
            1e-12 * (1 + Math.abs(value) + gn * scaleOf(d))
          )
          expect(d.contains(out)).toBe(true)
        }
      )
    )
  })
})

// ---------- simplex ----------

describe("simplex", () => {
  it("hand-computed projections", () => {
    const d2 = createSimplex(2)
    expect(proj(d2, f64([1, 1]))).toEqual(f64([0.5, 0.5]))
    expect(proj(d2, f64([3, 0]))).toEqual(f64([1, 0]))
    expect(proj(d2, f64([0.25, 0.75]))).toEqual(f64([0.25, 0.75]))
    const d3 = createSimplex(3)
    expect(maxAbsDiff(proj(d3, f64([0, 0, 0])), [1 / 3, 1 / 3, 1 / 3])).toBeLessThanOrEqual(1e-16)
    expect(maxAbsDiff(proj(d3, f64([1, 0.5, -2])), [0.75, 0.25, 0])).toBeLessThanOrEqual(1e-16)
    // Weighted, by hand: a = (1, 3), y = 0 gives x_i = −τ/a_i with −τ(1 + 1/3) = 1, so τ = −3/4, x = (3/4, 1/4).
    expect(maxAbsDiff(projW(d2, f64([0, 0]), f64([1, 3])), [0.75, 0.25])).toBeLessThanOrEqual(1e-15)
    expect(proj(createSimplex(1), f64([-5]))).toEqual(f64([1]))
  })

  it("Euclidean projection matches an independent bisection reference", () => {
    fc.assert(
      fc.property(caseArb(simplexArb), ({ d, y }) => {
        expect(maxAbsDiff(proj(d, y), simplexReference(y))).toBeLessThanOrEqual(1e-12)
      })
    )
  })

  it("weighted projection matches an independent bisection reference", () => {
    fc.assert(
      fc.property(caseArb(simplexArb), ({ d, y, a }) => {
        expect(maxAbsDiff(projW(d, y, a), simplexReference(y, effective(a)))).toBeLessThanOrEqual(1e-9)
      })
    )
  })

  it("output sums to 1 within a few ulps and is non-negative", () => {
    fc.assert(
      fc.property(caseArb(simplexArb), ({ d, y, a }) => {
        for (const x of [proj(d, y), projW(d, y, a)]) {
          expect(Math.abs(x.reduce((s, v) => s + v, 0) - 1)).toBeLessThanOrEqual(4 * Number.EPSILON)
          expect(x.every((v) => v >= 0)).toBe(true)
        }
      })
    )
  })

  it("has diameters 1 and √2 (0 in dimension 1)", () => {
    expect(createSimplex(3).diameterInf).toBe(1)
    expect(createSimplex(3).diameter2).toBe(Math.SQRT2)
    expect(createSimplex(1).diameterInf).toBe(0)
    expect(createSimplex(1).diameter2).toBe(0)
  })

  it("minimizeLinear matches brute force over the vertices", () => {
    fc.assert(
      fc.property(
        simplexArb.chain((d) => fc.tuple(fc.constant(d), fc.array(coord, { minLength: d.dim, maxLength: d.dim }))),
        ([d, gs]) => {
          const out = new Float64Array(d.dim)
          const value = d.minimizeLinear(f64(gs), out)
          // (+ 0 turns −0 into 0: the sign of a zero minimum does not matter.)
          expect(value + 0).toBe(Math.min(...gs) + 0)
          expect(dot(gs, out) + 0).toBe(value + 0)
          expect(d.contains(out)).toBe(true)
        }
      )
    )
  })
})

// ---------- zero weights and the floor ----------

describe("weight floor", () => {
  it("normalises to max 1 and raises small weights to WEIGHT_FLOOR", () => {
    const out = new Float64Array(3)
    expect(normalizeWeights(f64([0, 4, 1e-20]), out)).toBe(false)
    expect(out).toEqual(f64([WEIGHT_FLOOR, 1, WEIGHT_FLOOR]))
    expect(normalizeWeights(f64([2, 2, 2]), out)).toBe(true)
    expect(normalizeWeights(f64([0, 0, 0]), out)).toBe(true)
    expect(normalizeWeights(f64([1, NaN, 1]), out)).toBe(true)
    expect(normalizeWeights(f64([1, Infinity, 1]), out)).toBe(true)
  })

  it("a zero weight is handled by the floor (ball): finite, feasible, that coordinate goes to the center", () => {
    const d = createBall([0, 0], 1)
    const x = projW(d, f64([3, 4]), f64([0, 1]))
    expect(d.contains(x)).toBe(true)
    expect(Math.abs(x[0])).toBeLessThanOrEqual(1e-11)
    expect(x[1]).toBeCloseTo(1, 11)
    // Any weight below the floor gives the same answer as 0.
    expect(projW(d, f64([3, 4]), f64([1e-20, 1]))).toEqual(x)
  })

  it("a zero weight is handled by the floor (simplex)", () => {
    const d = createSimplex(3)
    const x = projW(d, f64([0.5, 0.5, 0.5]), f64([0, 1, 1]))
    expect(d.contains(x)).toBe(true)
    expect(maxAbsDiff(x, [0, 0.5, 0.5])).toBeLessThanOrEqual(1e-11)
    expect(projW(d, f64([0.5, 0.5, 0.5]), f64([1e-30, 1, 1]))).toEqual(x)
  })

  it("all-zero or non-finite weights fall back to the Euclidean projection", () => {
    fc.assert(
      fc.property(caseArb(domainArb), fc.constantFrom(0, NaN, Infinity), ({ d, y }, bad) => {
        const a = new Float64Array(d.dim).fill(bad === 0 ? 0 : 1)
        a[0] = bad
        expect(projW(d, y, a)).toEqual(proj(d, y))
      })
    )
  })

  it("scaling all weights does not change the weighted projection", () => {
    fc.assert(
      fc.property(caseArb(fc.oneof(ballArb, simplexArb)), fc.double({ min: 1e-6, max: 1e6, noNaN: true }), ({ d, y, a }, k) => {
        const scaled = a.map((w) => w * k)
        expect(maxAbsDiff(projW(d, y, scaled), projW(d, y, a))).toBeLessThanOrEqual(1e-9 * scaleOf(d))
      })
    )
  })
})

// ---------- config validation ----------

describe("createDomain", () => {
  it("builds each kind", () => {
    expect(createDomain({ kind: "box", lower: [-1], upper: [1] }).dim).toBe(1)
    expect(createDomain({ kind: "ball", center: [0, 0, 0], radius: 2 }).diameter2).toBe(4)
    expect(createDomain({ kind: "simplex", dim: 4 }).dim).toBe(4)
  })

  it.each<[string, unknown, string]>([
    ["negative radius", { kind: "ball", center: [0], radius: -1 }, "radius: expected a number > 0, got -1"],
    ["zero radius", { kind: "ball", center: [0], radius: 0 }, "radius: expected a number > 0, got 0"],
    ["infinite radius", { kind: "ball", center: [0], radius: Infinity }, "radius: expected a number > 0, got Infinity"],
    ["non-finite center", { kind: "ball", center: [0, NaN], radius: 1 }, "center[1]: expected a finite number, got NaN"],
    ["empty center", { kind: "ball", center: [], radius: 1 }, "center: expected a non-empty array of finite numbers, got []"],
    ["lower > upper", { kind: "box", lower: [0, 2], upper: [1, 1] }, "lower[1]: expected a number ≤ domain.upper[1] = 1, got 2"],
    ["length mismatch", { kind: "box", lower: [0, 0], upper: [1] }, "upper: expected an array of length 2 (the length of domain.lower), got [1]"],
    ["non-array lower", { kind: "box", lower: 0, upper: [1] }, "lower: expected an array of finite numbers, got 0"],
    ["infinite bound", { kind: "box", lower: [0], upper: [Infinity] }, "upper[0]: expected a finite number, got Infinity"],
    ["fractional dim", { kind: "simplex", dim: 1.5 }, "dim: expected an integer ≥ 1, got 1.5"],
    ["zero dim", { kind: "simplex", dim: 0 }, "dim: expected an integer ≥ 1, got 0"],
    ["unknown kind", { kind: "sphere" }, 'kind: expected one of "box", "ball", "simplex", got "sphere"'],
    ["not an object", null, 'expected an object with a "kind" field, got null']
  ])("rejects %s", (_name, config, message) => {
    expect(() => createDomain(config as DomainConfig)).toThrow(ConfigError)
    try {
      createDomain(config as DomainConfig)
    } catch (e) {
      expect((e as ConfigError).message).toBe(message)
    }
  })
})
