import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { createBall, createBox, createInterval, createSimplex } from "../../src/core/domain/index.ts"
import {
  AbsoluteLoss,
  AbsoluteStats,
  absoluteTerm,
  HingeLoss,
  HingeStats,
  hingeTerm,
  LinearLoss,
  LinearStats,
  LogisticLoss,
  LogisticStats,
  logisticTerm,
  lossFamilies,
  QuadraticLoss,
  QuadraticStats
} from "../../src/core/loss/index.ts"
import type { ComparatorStats, Domain, Loss, LossFamilyName } from "../../src/core/types.ts"

// ---------------------------------------------------------------------------------------------
// Fixtures: random losses of every family, the four test domains and brute-force minima over them.

const num = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true })
const vec = (dim: number, min = -2, max = 2) => fc.array(num(min, max), { minLength: dim, maxLength: dim })
const label = fc.constantFrom(-1, 1)

// The objective family (one fixed objective every round) has its own tests (test/core/fullbatch.test.ts).
type PerRoundFamily = Exclude<LossFamilyName, "objective">

const lossArb = (family: PerRoundFamily, dim: number): fc.Arbitrary<Loss> => {
  switch (family) {
    case "linear":
      return fc.tuple(vec(dim), num(-2, 2)).map(([g, c]) => new LinearLoss(dim, g, c))
    case "quadratic":
      return fc.tuple(vec(dim, 0, 3), vec(dim, -3, 3), num(-1, 1)).map(([a, b, c]) => new QuadraticLoss(dim, a, b, c))
    case "absolute":
      return fc.tuple(vec(dim), num(-2, 2)).map(([w, b]) => new AbsoluteLoss(dim, w, b))
    case "hinge":
      return fc.tuple(vec(dim), label).map(([w, y]) => new HingeLoss(dim, w, y))
    case "logistic":
      return fc.tuple(vec(dim), label).map(([w, y]) => new LogisticLoss(dim, w, y))
  }
}

const createStats = (family: PerRoundFamily, dim: number, options: { exact1d?: boolean; maxIterations?: number } = {}): ComparatorStats => {
  switch (family) {
    case "linear":
      return new LinearStats(dim)
    case "quadratic":
      return new QuadraticStats(dim)
    case "absolute":
      return new AbsoluteStats(dim, options)
    case "hinge":
      return new HingeStats(dim, options)
    case "logistic":
      return new LogisticStats(dim, options)
  }
}

interface TestDomain {
  readonly name: string
  readonly domain: Domain
  /** A fine grid of feasible points plus boundary samples, for brute-force minima. */
  readonly points: readonly Float64Array[]
  /** min over F of ⟨G, x⟩, from an independent closed form. */
  readonly linearMin: (G: Float64Array) => number
}

const interval: TestDomain = {
  name: "interval [-1, 2]",
  domain: createInterval(-1, 2),
  points: Array.from({ length: 20001 }, (_, i) => Float64Array.of(-1 + (3 * i) / 20000)),
  linearMin: (G) => Math.min(-G[0], 2 * G[0])
}

const boxLower = [-1, 0]
const boxUpper = [1, 2]
const box: TestDomain = {
  name: "box [-1,1]×[0,2]",
  domain: createBox(boxLower, boxUpper),
  points: Array.from({ length: 201 * 201 }, (_, k) => Float64Array.of(-1 + (2 * (k % 201)) / 200, (2 * Math.floor(k / 201)) / 200)),
  linearMin: (G) => G.reduce((s, g, i) => s + Math.min(boxLower[i] * g, boxUpper[i] * g), 0)
}

const center = [0.5, -0.5]
const radius = 1.5
const ballPoints: Float64Array[] = []
for (let i = 0; i <= 200; i++) {
  for (let j = 0; j <= 200; j++) {
    const p = Float64Array.of(center[0] - radius + (2 * radius * i) / 200, center[1] - radius + (2 * radius * j) / 200)
    if (Math.hypot(p[0] - center[0], p[1] - center[1]) <= radius) ballPoints.push(p)
  }
}
for (let k = 0; k < 4000; k++) {
  const a = (2 * Math.PI * k) / 4000
  // A hair inside, so rounding never puts a sample outside the ball.
  ballPoints.push(Float64Array.of(center[0] + radius * (1 - 1e-15) * Math.cos(a), center[1] + radius * (1 - 1e-15) * Math.sin(a)))
}
const ball: TestDomain = {
  name: "ball c=(0.5,-0.5) r=1.5",
  domain: createBall(center, radius),
  points: ballPoints,
  linearMin: (G) => G[0] * center[0] + G[1] * center[1] - radius * Math.hypot(G[0], G[1])
}

const simplexPoints: Float64Array[] = []
for (let i = 0; i <= 200; i++) {
  for (let j = 0; i + j <= 200; j++) simplexPoints.push(Float64Array.of(i / 200, j / 200, (200 - i - j) / 200))
}
const simplex: TestDomain = {
  name: "simplex Δ3",
  domain: createSimplex(3),
  points: simplexPoints,
  linearMin: (G) => Math.min(G[0], G[1], G[2])
}

const domains = [interval, box, ball, simplex]
const byName = { box, ball, simplex } as const

const sumAt = (losses: readonly Loss[], x: Float64Array): number => losses.reduce((s, l) => s + l.value(x), 0)

const bruteForce = (losses: readonly Loss[], points: readonly Float64Array[]): number => {
  let min = Infinity
  for (const p of points) min = Math.min(min, sumAt(losses, p))
  return min
}

const scaleOf = (losses: readonly Loss[], points: readonly Float64Array[]): number =>
  Math.max(1, Math.abs(sumAt(losses, points[0])), Math.abs(sumAt(losses, points[points.length - 1])))

// ---------------------------------------------------------------------------------------------

describe("loss values and gradients", () => {
  it("match hand-computed values", () => {
    const g = new Float64Array(2)
    const lin = new LinearLoss(2, [1, 2], 3)
    expect(lin.value(Float64Array.of(4, 5))).toBe(17)
    lin.gradient(Float64Array.of(4, 5), g)
    expect(Array.from(g)).toEqual([1, 2])

    const quad = new QuadraticLoss(2, [2, 4], [1, -1], 0.5)
    expect(quad.value(Float64Array.of(3, 0))).toBe(6.5) // ½·2·2² + ½·4·1² + 0.5
    quad.gradient(Float64Array.of(3, 0), g)
    expect(Array.from(g)).toEqual([4, 4])

    const abs = new AbsoluteLoss(2, [1, -2], 3)
    expect(abs.value(Float64Array.of(1, 1))).toBe(4) // |1 − 2 − 3|
    abs.gradient(Float64Array.of(1, 1), g)
    expect(Array.from(g)).toEqual([-1, 2])
    abs.gradient(Float64Array.of(3, 0), g) // on the kink: the zero subgradient (±0)
    expect(Array.from(g, (v) => v + 0)).toEqual([0, 0])

    const hinge = new HingeLoss(2, [1, 1], -1)
    expect(hinge.value(Float64Array.of(0.25, 0.25))).toBe(1.5) // 1 − (−1)(0.5)
    hinge.gradient(Float64Array.of(0.25, 0.25), g)
    expect(Array.from(g)).toEqual([1, 1])
    expect(hinge.value(Float64Array.of(-1, -1))).toBe(0) // margin 2 > 1
    hinge.gradient(Float64Array.of(-1, -1), g)
    expect(Array.from(g, (v) => v + 0)).toEqual([0, 0])

    const logistic = new LogisticLoss(2, [1, 0], 1)
    expect(logistic.value(Float64Array.of(0, 7))).toBeCloseTo(Math.LN2, 15)
    logistic.gradient(Float64Array.of(0, 7), g)
    expect(Array.from(g, (v) => v + 0)).toEqual([-0.5, 0])
    const lg = new LogisticLoss(1, [1], 1)
    expect(lg.value(Float64Array.of(Math.log(3)))).toBeCloseTo(Math.log(4 / 3), 15)
    lg.gradient(Float64Array.of(Math.log(3)), g)
    expect(g[0]).toBeCloseTo(-0.25, 15)
  })

  const families: PerRoundFamily[] = ["linear", "quadratic", "absolute", "hinge", "logistic"]
  for (const family of families) {
    it(`${family}: gradient matches central finite differences away from kinks`, () => {
      fc.assert(
        fc.property(lossArb(family, 3), vec(3, -3, 3), (loss, xs) => {
          const x = Float64Array.from(xs)
          const l = loss as Loss & { w?: Float64Array; b?: number; y?: number }
          if (l.w !== undefined) {
            const z = l.w.reduce((s, w, i) => s + w * x[i], 0)
            // Keep h-balls away from the kink of the absolute value / hinge.
            if (family === "absolute") fc.pre(Math.abs(z - (l.b ?? 0)) > 1e-3)
            if (family === "hinge") fc.pre(Math.abs(1 - (l.y ?? 0) * z) > 1e-3)
          }
          const g = new Float64Array(3)
          loss.gradient(x, g)
          const xp = new Float64Array(3)
          for (let i = 0; i < 3; i++) {
            const h = 1e-6
            xp.set(x)
            xp[i] = x[i] + h
            const up = loss.value(xp)
            xp[i] = x[i] - h
            const down = loss.value(xp)
            const fd = (up - down) / (2 * h)
            expect(Math.abs(fd - g[i])).toBeLessThanOrEqual(1e-5 * (1 + Math.abs(g[i])))
          }
        }),
        { numRuns: 200 }
      )
    })
  }

  it("logistic is finite and accurate for huge margins", () => {
    const g = new Float64Array(1)
    for (const y of [1, -1]) {
      const l = new LogisticLoss(1, [1], y)
      const good = Float64Array.of(1e4 * y) // margin +1e4
      expect(Number.isFinite(l.value(good))).toBe(true)
      expect(l.value(good)).toBeGreaterThanOrEqual(0)
      expect(l.value(good)).toBeLessThan(1e-300)
      l.gradient(good, g)
      expect(Number.isFinite(g[0])).toBe(true)
      expect(Math.abs(g[0])).toBeLessThan(1e-300)
      const bad = Float64Array.of(-1e4 * y) // margin −1e4
      expect(l.value(bad)).toBe(1e4)
      l.gradient(bad, g)
      expect(g[0]).toBe(-y)
    }
    // The tail is kept: log(1 + e^−40) ≈ e^−40 although 1 + e^−40 rounds to 1.
    expect(new LogisticLoss(1, [1], 1).value(Float64Array.of(40)) / Math.exp(-40)).toBeCloseTo(1, 14)
  })

  it("copyTo copies the parameters and rejects another family or dimension", () => {
    const x = Float64Array.of(0.3, -0.7)
    const pairs: [Loss, Loss][] = [
      [new LinearLoss(2, [1, 2], 3), new LinearLoss(2)],
      [new QuadraticLoss(2, [1, 2], [3, 4], 5), new QuadraticLoss(2)],
      [new AbsoluteLoss(2, [1, -1], 0.5), new AbsoluteLoss(2)],
      [new HingeLoss(2, [2, 1], -1), new HingeLoss(2)],
      [new LogisticLoss(2, [2, 1], -1), new LogisticLoss(2)]
    ]
    for (const [source, target] of pairs) {
      const before = source.value(x)
      source.copyTo(target)
      expect(target.value(x)).toBe(before)
      // A deep copy: rewriting the source (as an adversary does) leaves the target alone.
      const params = source as unknown as Record<string, unknown>
      for (const key of ["g", "a", "b", "w"]) if (params[key] instanceof Float64Array) (params[key] as Float64Array).fill(9)
      expect(target.value(x)).toBe(before)
      expect(() => source.copyTo(new LinearLoss(3))).toThrow()
    }
    expect(() => new LinearLoss(2).copyTo(new HingeLoss(2))).toThrow(/LinearLoss/)
  })
})

describe("scalar terms (the certificate's ingredients)", () => {
  const terms = [
    { name: "absolute", term: absoluteTerm, param: num(-2, 2) },
    { name: "hinge", term: hingeTerm, param: fc.constantFrom(-1, 1, 0, 0.5) },
    { name: "logistic", term: logisticTerm, param: label }
  ]
  for (const { name, term, param } of terms) {
    it(`${name}: the slope line minus the Young gap lies below φ, and φ − μ/2 ≤ φ_μ ≤ φ`, () => {
      fc.assert(
        fc.property(num(-3, 3), num(-3, 3), param, num(1e-6, 2), (z, z2, p, mu) => {
          const sigma = term.slope(z, p, mu)
          const eps = term.youngGap(z, p, mu)
          expect(eps).toBeGreaterThanOrEqual(0)
          const line = term.value(z, p) + sigma * (z2 - z) - eps
          expect(line).toBeLessThanOrEqual(term.value(z2, p) + 1e-12)
          const smooth = term.smoothedValue(z, p, mu)
          expect(smooth).toBeLessThanOrEqual(term.value(z, p) + 1e-15)
          expect(smooth).toBeGreaterThanOrEqual(term.value(z, p) - mu / 2 - 1e-15)
        }),
        { numRuns: 500 }
      )
    })
  }
  it("the Young gap is tight: the slope line touches φ at the point of tangency", () => {
    // Absolute loss at u = z − b = μ/2: σ = 1/2, ε = |u| − σu = μ/4.
    expect(absoluteTerm.youngGap(0.5, 0, 1)).toBe(0.25)
    // Hinge with y = 1 at t = 1 − z = μ/2: ε = t − t²/μ = μ/4.
    expect(hingeTerm.youngGap(0.5, 1, 1)).toBe(0.25)
    expect(hingeTerm.slope(0.5, 1, 1)).toBe(-0.5)
  })
})

describe("comparator against brute force", () => {
  const closedForm: PerRoundFamily[] = ["linear", "quadratic"]
  const numeric: PerRoundFamily[] = ["absolute", "hinge", "logistic"]

  for (const dom of domains) {
    const dim = dom.domain.dim
    for (const family of closedForm) {
      it(`${family} on ${dom.name}: exact`, () => {
        fc.assert(
          fc.property(fc.array(lossArb(family, dim), { minLength: 1, maxLength: 6 }), (losses) => {
            const stats = createStats(family, dim)
            for (const l of losses) stats.add(l)
            const out = new Float64Array(dim)
            const r = stats.best(dom.domain, out)
            const scale = scaleOf(losses, dom.points)
            expect(r.method).toBe("closed-form")
            expect(r.gap).toBe(0)
            expect(dom.domain.contains(out)).toBe(true)
            expect(Math.abs(r.value - sumAt(losses, out))).toBeLessThanOrEqual(1e-12 * scale)
            expect(r.value).toBeLessThanOrEqual(bruteForce(losses, dom.points) + 1e-12 * scale)
            if (family === "linear") {
              // Independent closed form: min_F ⟨G, x⟩ + C.
              const G = new Float64Array(dim)
              let C = 0
              for (const l of losses as LinearLoss[]) {
                for (let i = 0; i < dim; i++) G[i] += l.g[i]
                C += l.c
              }
              expect(Math.abs(r.value - (dom.linearMin(G) + C))).toBeLessThanOrEqual(1e-12 * scale)
            } else {
              // First-order optimality: the Frank–Wolfe gap of the smooth sum at out vanishes, so
              // nothing in F is lower than r.value (which is Σ f(out), feasible, so not too low).
              const grad = new Float64Array(dim)
              const g = new Float64Array(dim)
              for (const l of losses) {
                l.gradient(out, g)
                for (let i = 0; i < dim; i++) grad[i] += g[i]
              }
              const fw = grad.reduce((s, gi, i) => s + gi * out[i], 0) - dom.linearMin(grad)
              expect(fw).toBeLessThanOrEqual(1e-9 * scale)
            }
          }),
          { numRuns: 40 }
        )
      })
    }
    for (const family of numeric) {
      it(`${family} on ${dom.name}: numeric value − gap ≤ brute force ≤ value, small gap`, () => {
        fc.assert(
          fc.property(fc.array(lossArb(family, dim), { minLength: 1, maxLength: 6 }), (losses) => {
            // The general (numeric) path, also in 1-D.
            const stats = createStats(family, dim, { exact1d: false })
            for (const l of losses) stats.add(l)
            const out = new Float64Array(dim)
            const r = stats.best(dom.domain, out)
            const scale = scaleOf(losses, dom.points)
            const brute = bruteForce(losses, dom.points)
            expect(r.method).toBe("numeric")
            expect(dom.domain.contains(out)).toBe(true)
            expect(Math.abs(r.value - sumAt(losses, out))).toBeLessThanOrEqual(1e-12 * scale)
            // true min ∈ [value − gap, value] and true min ≤ brute, so value ≤ brute + gap.
            expect(r.value - r.gap).toBeLessThanOrEqual(brute + 1e-12 * scale)
            expect(r.value).toBeLessThanOrEqual(brute + r.gap + 1e-12 * scale)
            expect(r.gap).toBeGreaterThanOrEqual(0)
            // fast-check favours degenerate data (flat sums, w ≈ 1e-300); the gap stays small anyway.
            expect(r.gap).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(r.value)))
          }),
          { numRuns: 25 }
        )
      })
    }
  }

  it("the numeric certificate stays valid when the iteration budget runs out", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<PerRoundFamily>("absolute", "hinge", "logistic"),
        fc.constantFrom("box", "ball", "simplex"),
        fc.integer({ min: 0, max: 8 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 8 }),
        (family, domName, maxIterations, seeds) => {
          const dom = byName[domName]
          const dim = dom.domain.dim
          const losses = seeds.map((seed) => fc.sample(lossArb(family, dim), { seed, numRuns: 1 })[0])
          const stats = createStats(family, dim, { maxIterations })
          for (const l of losses) stats.add(l)
          const out = new Float64Array(dim)
          const r = stats.best(dom.domain, out)
          const brute = bruteForce(losses, dom.points)
          expect(r.value - r.gap).toBeLessThanOrEqual(brute + 1e-12 * Math.max(1, Math.abs(brute)))
          expect(Math.abs(r.value - sumAt(losses, out))).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(r.value)))
        }
      ),
      { numRuns: 60 }
    )
  })

  it("1-D absolute and hinge: the exact path is the weighted median and agrees with the numeric path", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<PerRoundFamily>("absolute", "hinge"),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 30 }),
        (family, seeds) => {
          const losses = seeds.map((seed) => fc.sample(lossArb(family, 1), { seed, numRuns: 1 })[0])
          const exact = createStats(family, 1)
          const general = createStats(family, 1, { exact1d: false })
          for (const l of losses) {
            exact.add(l)
            general.add(l)
          }
          const xe = new Float64Array(1)
          const xn = new Float64Array(1)
          const e = exact.best(interval.domain, xe)
          const n = general.best(interval.domain, xn)
          const scale = Math.max(1, Math.abs(e.value))
          expect(e.gap).toBe(0)
          expect(e.value).toBeLessThanOrEqual(bruteForce(losses, interval.points) + 1e-12 * scale)
          expect(e.value).toBeLessThanOrEqual(n.value + 1e-12 * scale)
          expect(e.value).toBeGreaterThanOrEqual(n.value - n.gap - 1e-12 * scale)
          // The minimum sits on a kink or an endpoint.
          const kinks = losses.map((l) => {
            const w = (l as AbsoluteLoss | HingeLoss).w[0]
            return family === "absolute" ? (l as AbsoluteLoss).b / w : 1 / ((l as HingeLoss).y * w)
          })
          expect([-1, 2, ...kinks].some((k) => k === xe[0])).toBe(true)
        }
      ),
      { numRuns: 200 }
    )
  })

  it("absolute 1-D by hand: the weighted median of b/w", () => {
    const stats = new AbsoluteStats(1)
    // Kinks at 0.5 (weight 1), 1 (weight 3), −0.5 (weight 1): the weighted median is 1.
    for (const [w, b] of [[1, 0.5], [3, 3], [-1, 0.5]] as const) stats.add(new AbsoluteLoss(1, [w], b))
    const out = new Float64Array(1)
    const r = stats.best(interval.domain, out)
    expect(out[0]).toBe(1)
    expect(r.value).toBe(0.5 + 0 + 1.5)
    expect(r.method).toBe("closed-form")
  })

  it("warm-started checkpoints agree with cold solves", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<PerRoundFamily>("absolute", "hinge", "logistic"),
        fc.constantFrom("box", "ball", "simplex"),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 12, maxLength: 40 }),
        (family, domName, seeds) => {
          const dom = byName[domName]
          const dim = dom.domain.dim
          const losses = seeds.map((seed) => fc.sample(lossArb(family, dim), { seed, numRuns: 1 })[0])
          const warm = createStats(family, dim)
          const out = new Float64Array(dim)
          losses.forEach((l, t) => {
            warm.add(l)
            if ((t + 1) % 4 !== 0 && t + 1 !== losses.length) return
            const w = warm.best(dom.domain, out)
            const cold = createStats(family, dim)
            for (const m of losses.slice(0, t + 1)) cold.add(m)
            const c = cold.best(dom.domain, new Float64Array(dim))
            const scale = Math.max(1, Math.abs(c.value))
            expect(warm.count).toBe(t + 1)
            expect(Math.abs(w.value - c.value)).toBeLessThanOrEqual(w.gap + c.gap + 1e-12 * scale)
            expect(w.gap).toBeLessThanOrEqual(1e-5 * scale)
          })
        }
      ),
      { numRuns: 15 }
    )
  })

  it("easy problems (Gaussian data, many losses) are solved to a 1e-8 relative gap", () => {
    // A seeded LCG and Box–Muller: reproducible, well-spread data in d = 2, 3 and 5.
    let state = 12345
    const uniform = (): number => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0
      return (state + 0.5) / 2 ** 32
    }
    const gauss = (): number => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform())
    const cases: [string, Domain][] = [
      ["box", box.domain],
      ["ball", ball.domain],
      ["simplex", simplex.domain],
      ["box5", createBox([-1, -1, -1, -1, -1], [1, 1, 1, 1, 1])],
      ["ball5", createBall([0, 0, 0, 0, 0], 1)]
    ]
    for (const family of ["absolute", "hinge", "logistic"] as const) {
      for (const [name, domain] of cases) {
        const dim = domain.dim
        const truth = Array.from({ length: dim }, () => 0.3 * gauss())
        const stats = createStats(family, dim)
        for (let s = 0; s < 200; s++) {
          const w = Array.from({ length: dim }, gauss)
          const z = w.reduce((a, wi, i) => a + wi * truth[i], 0) + 0.3 * gauss()
          stats.add(family === "absolute" ? new AbsoluteLoss(dim, w, z) : family === "hinge" ? new HingeLoss(dim, w, z > 0 ? 1 : -1) : new LogisticLoss(dim, w, z > 0 ? 1 : -1))
        }
        const r = stats.best(domain, new Float64Array(dim))
        expect(r.gap, `${family} on ${name}`).toBeLessThanOrEqual(1e-8 * Math.max(1, Math.abs(r.value)))
      }
    }
  })

  it("period-3 sequence (C·x if t mod 3 = 1 else −x on [−1, 1]): x* = −1 and −k(C−2) after k cycles", () => {
    const dom = createInterval(-1, 1)
    for (const C of [3, 5, 10, 101]) {
      const stats = new LinearStats(1)
      const loss = new LinearLoss(1)
      const out = new Float64Array(1)
      for (let t = 1; t <= 300; t++) {
        loss.g[0] = t % 3 === 1 ? C : -1
        stats.add(loss)
        const r = stats.best(dom, out)
        expect(out[0]).toBe(-1)
        if (t % 3 === 0) expect(r.value).toBe(-(t / 3) * (C - 2))
      }
    }
  })

  it("quadratic: hand-computed optimum inside the box, value from the centred statistics", () => {
    const stats = new QuadraticStats(2)
    stats.add(new QuadraticLoss(2, [2, 1], [0.5, 3]))
    stats.add(new QuadraticLoss(2, [2, 1], [1.5, -1]))
    const out = new Float64Array(2)
    const r = stats.best(box.domain, out)
    expect(Array.from(out)).toEqual([1, 1]) // B/A = (4/4, 2/2)
    expect(r.value).toBe(4.5)
  })

  it("quadratic: a coordinate no loss weights is left at the ball's centre", () => {
    const stats = new QuadraticStats(2)
    // Only x₁ is weighted, with mean b = 3 outside the ball: x* = (c₁ + r, c₂).
    for (const b of [2, 4]) stats.add(new QuadraticLoss(2, [1, 0], [b, 100]))
    const out = new Float64Array(2)
    const r = stats.best(ball.domain, out)
    expect(out[0]).toBeCloseTo(center[0] + radius, 12)
    expect(out[1]).toBeCloseTo(center[1], 12)
    // ½Σ(x₁ − b)² at x₁ = 2: ½(0 + 4) = 2.
    expect(r.value).toBeCloseTo(2, 12)
  })

  it("quadratic: no catastrophic cancellation when the centres sit far from 0", () => {
    // b_s = 10^6 + k_s/8 (exact doubles); the minimum ½Σ(b − mean)² computed exactly with BigInt.
    const stats = new QuadraticStats(1)
    const loss = new QuadraticLoss(1, [1], [0])
    let sum = 0n
    let sumSq = 0n
    const T = 10_000
    for (let s = 0; s < T; s++) {
      const k = ((s * 7919) % 1601) - 800
      const beta = 8_000_000n + BigInt(k) // 8·b
      loss.b[0] = Number(beta) / 8
      stats.add(loss)
      sum += beta
      sumSq += beta * beta
    }
    const exact = Number(BigInt(T) * sumSq - sum * sum) / (2 * 64 * T)
    const out = new Float64Array(1)
    const r = stats.best(createInterval(0, 2e6), out)
    expect(Math.abs(r.value - exact) / exact).toBeLessThan(1e-12)
    expect(out[0]).toBeCloseTo(Number(sum) / 8 / T, 6)
  })

  it("stats reject a loss of another family or dimension, and a domain of another dimension", () => {
    expect(() => new LinearStats(1).add(new HingeLoss(1))).toThrow()
    expect(() => new AbsoluteStats(2).add(new AbsoluteLoss(1))).toThrow()
    expect(() => new QuadraticStats(1).add(new QuadraticLoss(1, [-1], [0]))).toThrow(/a_i ≥ 0/)
    expect(() => new LogisticStats(2).best(interval.domain, new Float64Array(1))).toThrow()
  })

  it("an empty prefix has value 0 and a feasible point", () => {
    for (const family of Object.values(lossFamilies)) {
      const out = new Float64Array(3)
      const r = family.createStats(3).best(simplex.domain, out)
      expect(r.value).toBe(0)
      expect(r.gap).toBe(0)
      expect(simplex.domain.contains(out)).toBe(true)
    }
  })

  it("lossFamilies maps every name to its family", () => {
    const names: LossFamilyName[] = ["linear", "quadratic", "absolute", "hinge", "logistic", "objective"]
    expect(Object.keys(lossFamilies).sort()).toEqual([...names].sort())
    for (const name of names) {
      expect(lossFamilies[name].name).toBe(name)
      const stats = lossFamilies[name].createStats(2)
      expect(stats.count).toBe(0)
    }
    const stats = lossFamilies.hinge.createStats(2)
    stats.add(new HingeLoss(2, [1, 1], 1))
    expect(stats.count).toBe(1)
  })
})
