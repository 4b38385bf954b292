// The domain battery: every registered domain kind, picked up from the registry, with its examples,
// must keep the contract learners and comparators rely on, checked at random points: the Euclidean
// projection is feasible, idempotent, non-expansive and optimal; the weighted projection is feasible
// and optimal in its metric; the linear oracle is feasible and optimal; the centre is feasible; the
// declared diameters bound every distance and are attained; the config's size and diameters agree
// with the built set; out-of-range fields are rejected with exact messages.
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { ConfigError } from "../../../src/core/config/error.ts"
import { createDomain, domainDiameters, domainDim, validateDomainConfig } from "../../../src/core/domain/index.ts"
import type { Domain } from "../../../src/core/types.ts"
import { invalidCases } from "../invalid.ts"

const dist2 = (a: Float64Array, b: Float64Array): number => Math.hypot(...Array.from(a, (v, i) => v - b[i]))
const distInf = (a: Float64Array, b: Float64Array): number => Math.max(...Array.from(a, (v, i) => Math.abs(v - b[i])))
const wdist = (a: Float64Array, b: Float64Array, w: Float64Array): number => Array.from(a, (v, i) => w[i] * (v - b[i]) ** 2).reduce((s, x) => s + x, 0)

/** Feasible points of any convex domain, from its own oracles: projections, vertices, mixtures with the centre. */
const feasible = (domain: Domain, seeds: readonly number[][]): Float64Array[] => {
  const out: Float64Array[] = [Float64Array.from(domain.center)]
  for (const s of seeds) {
    const y = Float64Array.from(s)
    const p = new Float64Array(domain.dim)
    domain.project(y, p)
    const v = new Float64Array(domain.dim)
    domain.minimizeLinear(y, v)
    out.push(p, v, Float64Array.from(p, (pi, i) => 0.5 * (pi + domain.center[i])), Float64Array.from(v, (vi, i) => 0.3 * vi + 0.7 * p[i]))
  }
  return out
}

const vectors = (dim: number, n: number, scale: number) =>
  fc.array(fc.array(fc.double({ min: -scale, max: scale, noNaN: true }), { minLength: dim, maxLength: dim }), { minLength: n, maxLength: n })
const weights = (dim: number) => fc.array(fc.oneof(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.double({ min: 1e-8, max: 1, noNaN: true })), { minLength: dim, maxLength: dim })
import type { DomainKind } from "../../../src/core/domain/kind.ts"

/** The contract every registered domain kind keeps (describe/it blocks for one kind). */
export const domainContract = (entry: DomainKind): void => {
  describe(entry.kind, () => {
    it("rejects out-of-range fields and its own invalid examples with exact messages", () => {
      const base = entry.examples.valid[0]
      const cases = [...invalidCases(entry.fields).map((c) => [{ ...base, [c.field]: c.value }, c.message] as const), ...(entry.examples.invalid ?? [])]
      for (const [config, message] of cases) {
        let got: string | undefined
        try {
          validateDomainConfig(config)
        } catch (e) {
          expect(e).toBeInstanceOf(ConfigError)
          got = (e as Error).message
        }
        expect(got, JSON.stringify(config)).toBe(message)
      }
    })

    for (const config of entry.examples.valid) {
      describe(JSON.stringify(config), () => {
        const domain = createDomain(config)
        const d = domain.dim
        const scale = Math.max(1, domain.diameterInf, ...Array.from(domain.center, Math.abs))
        const tol = 1e-12 * scale

        it("size, diameters and centre agree between the config and the set", () => {
          expect(domainDim(config)).toBe(d)
          expect(domainDiameters(config)).toEqual({ inf: domain.diameterInf, two: domain.diameter2 })
          expect(domain.center.length).toBe(d)
          expect(domain.contains(domain.center)).toBe(true)
          expect(entry.describe(config).length).toBeGreaterThan(0)
        })

        it("Euclidean projection: feasible, idempotent, non-expansive, optimal", () => {
          fc.assert(fc.property(vectors(d, 2, 3 * scale), vectors(d, 6, 3 * scale), ([y1, y2], seeds) => {
            const a = Float64Array.from(y1), b = Float64Array.from(y2)
            const pa = new Float64Array(d), pb = new Float64Array(d), ppa = new Float64Array(d)
            domain.project(a, pa)
            domain.project(b, pb)
            domain.project(pa, ppa)
            expect(domain.contains(pa)).toBe(true)
            expect(distInf(ppa, pa)).toBeLessThanOrEqual(tol)
            expect(dist2(pa, pb)).toBeLessThanOrEqual(dist2(a, b) * (1 + 1e-12) + tol)
            for (const z of feasible(domain, seeds)) expect(dist2(a, pa)).toBeLessThanOrEqual(dist2(a, z) * (1 + 1e-12) + tol)
          }), { numRuns: 60 })
        })

        it("weighted projection Π_{F,A}: feasible, idempotent, optimal in its metric, first-order condition", () => {
          fc.assert(fc.property(vectors(d, 1, 3 * scale), weights(d), vectors(d, 6, 3 * scale), ([y], w, seeds) => {
            const a = Float64Array.from(y), A = Float64Array.from(w), p = new Float64Array(d), pp = new Float64Array(d)
            domain.projectWeighted(a, A, p)
            domain.projectWeighted(p, A, pp)
            expect(domain.contains(p)).toBe(true)
            expect(distInf(pp, p)).toBeLessThanOrEqual(tol)
            const best = wdist(p, a, A)
            const wmax = Math.max(...w)
            for (const z of feasible(domain, seeds)) {
              expect(best).toBeLessThanOrEqual(wdist(z, a, A) * (1 + 1e-9) + 1e-9 * scale * scale * wmax)
              // ⟨A(y − x), z − x⟩ ≤ 0 for every feasible z, up to rounding at the size of the terms.
              let inner = 0, size = 0
              for (let i = 0; i < d; i++) {
                inner += A[i] * (a[i] - p[i]) * (z[i] - p[i])
                size += Math.abs(A[i] * (a[i] - p[i])) * (Math.abs(z[i]) + Math.abs(p[i]) + 1)
              }
              expect(inner).toBeLessThanOrEqual(1e-9 * size + 1e-12)
            }
          }), { numRuns: 60 })
        })

        it("both projections leave feasible points where they are and may write into their input", () => {
          fc.assert(fc.property(vectors(d, 4, 3 * scale), weights(d), (seeds, w) => {
            const A = Float64Array.from(w)
            for (const z of feasible(domain, seeds)) {
              const p = new Float64Array(d), q = new Float64Array(d)
              domain.project(z, p)
              domain.projectWeighted(z, A, q)
              expect(distInf(p, z)).toBeLessThanOrEqual(tol)
              expect(distInf(q, z)).toBeLessThanOrEqual(tol)
            }
            const y = Float64Array.from(seeds[0], (v) => 2 * v), p = new Float64Array(d), q = new Float64Array(d)
            domain.project(y, p)
            domain.projectWeighted(y, A, q)
            const y1 = Float64Array.from(y), y2 = Float64Array.from(y)
            domain.project(y1, y1)
            domain.projectWeighted(y2, A, y2)
            expect(y1).toEqual(p)
            expect(y2).toEqual(q)
          }), { numRuns: 40 })
        })

        it("contains() rejects NaN and wrong lengths", () => {
          expect(domain.contains(new Float64Array(d).fill(Number.NaN))).toBe(false)
          expect(domain.contains(new Float64Array(d + 1))).toBe(false)
        })

        it("linear oracle: a feasible point with the value it reports, no worse than any feasible point", () => {
          fc.assert(fc.property(vectors(d, 1, 10), vectors(d, 6, 3 * scale), ([g], seeds) => {
            const G = Float64Array.from(g), s = new Float64Array(d)
            const value = domain.minimizeLinear(G, s)
            expect(domain.contains(s)).toBe(true)
            const dot = (x: Float64Array) => Array.from(x, (v, i) => v * G[i]).reduce((a, b) => a + b, 0)
            expect(Math.abs(dot(s) - value)).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(value)) + tol * Math.max(...g.map(Math.abs)))
            for (const z of feasible(domain, seeds)) expect(value).toBeLessThanOrEqual(dot(z) + 1e-9 * (1 + Math.abs(value)))
          }), { numRuns: 60 })
        })

        it("the diameters bound every distance and are attained by oracle vertices", () => {
          fc.assert(fc.property(vectors(d, 8, 3 * scale), (seeds) => {
            const pts = feasible(domain, seeds)
            for (const p of pts) for (const q of pts) {
              expect(dist2(p, q)).toBeLessThanOrEqual(domain.diameter2 + tol)
              expect(distInf(p, q)).toBeLessThanOrEqual(domain.diameterInf + tol)
            }
          }), { numRuns: 30 })
          // Opposite vertices along all-ones, coordinate and coordinate-difference directions.
          const dirs: Float64Array[] = [new Float64Array(d).fill(1)]
          for (let i = 0; i < d; i++) {
            dirs.push(Float64Array.from({ length: d }, (_, k) => (k === i ? 1 : 0)))
            for (let j = i + 1; j < d; j++) dirs.push(Float64Array.from({ length: d }, (_, k) => (k === i ? 1 : k === j ? -1 : 0)))
          }
          let far2 = 0, farInf = 0
          for (const g of dirs) {
            const s = new Float64Array(d), t = new Float64Array(d)
            domain.minimizeLinear(g, s)
            domain.minimizeLinear(g.map((v) => -v), t)
            far2 = Math.max(far2, dist2(s, t))
            farInf = Math.max(farInf, distInf(s, t))
          }
          expect(far2).toBeCloseTo(domain.diameter2, 9)
          expect(farInf).toBeCloseTo(domain.diameterInf, 9)
        })
      })
    }
  })
}
