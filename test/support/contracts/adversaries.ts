// The adversary battery: every registered adversary kind, picked up from the registry, with its
// examples in 1-D and in 3-D, must keep the contract the game relies on: the same seed gives the
// same bits; one loss object is reused (no allocation per round); an oblivious or stochastic
// adversary ignores x; revealLinearChunk gives exactly what reveal() gives; linearSums gives the
// summed rounds; a declared expected loss is the mean of the revealed ones; parameters are
// documented and their out-of-range values rejected with exact messages.
import { describe, expect, it } from "vitest"
import { createAdversary, describeAdversary, familyOf, validateAdversary } from "../../../src/core/adversary/index.ts"
import { ConfigError } from "../../../src/core/config/error.ts"
import { LinearLoss } from "../../../src/core/loss/linear.ts"
import { createRandomSource } from "../../../src/core/rng.ts"
import { createLinearSums, type Adversary, type Loss } from "../../../src/core/types.ts"
import { invalidCases } from "../invalid.ts"

/** A loss's numbers at a few probe points: value and gradient (so two losses can be compared). */
const fingerprint = (loss: Loss, d: number): number[] => {
  const out: number[] = []
  const g = new Float64Array(d)
  for (const p of [0, 0.3, -0.7]) {
    const x = Float64Array.from({ length: d }, (_, i) => p + 0.1 * i)
    out.push(loss.value(x))
    loss.gradient(x, g)
    out.push(...g)
  }
  return out
}

const sequence = (a: Adversary, T: number, seed: number, xs?: (t: number) => Float64Array): number[][] => {
  a.reset(createRandomSource(seed))
  const rows: number[][] = []
  for (let t = 1; t <= T; t++) rows.push(fingerprint(a.reveal(t, xs?.(t) ?? new Float64Array(a.dim)), a.dim))
  return rows
}

/** Examples written as 1-D lists (a gradient per round) hold in 1-D only. */
const validates = (config: Parameters<typeof validateAdversary>[0], d: number): boolean => {
  try {
    validateAdversary(config, d)
    return true
  } catch (e) {
    if (e instanceof ConfigError) return false
    throw e
  }
}
import type { AdversaryKind } from "../../../src/core/adversary/kind.ts"

/** The contract every registered adversary kind keeps (describe/it blocks for one kind). */
export const adversaryContract = (entry: AdversaryKind): void => {
  describe(entry.kind, () => {
    it("documents its parameters and rejects their out-of-range values with exact messages", () => {
      expect(entry.title.length).toBeGreaterThan(0)
      for (const [name, spec] of Object.entries(entry.params)) expect(spec.doc.length, name).toBeGreaterThan(3)
      const base = entry.examples.valid[0]
      for (const c of invalidCases(entry.params)) {
        let message: string | undefined
        try {
          validateAdversary({ ...base, [c.field]: c.value }, 1)
        } catch (e) {
          expect(e).toBeInstanceOf(ConfigError)
          message = (e as Error).message
        }
        expect(message, `${c.field} = ${String(c.value)}`).toBe(c.message)
      }
      for (const [config, expected] of entry.examples.invalid ?? []) {
        expect(() => validateAdversary(config, 1)).toThrow(ConfigError)
        try {
          validateAdversary(config, 1)
        } catch (e) {
          expect((e as Error).message).toBe(expected)
        }
      }
    })

    it("has valid examples in 1-D and in 3-D", () => {
      for (const d of [1, 3]) expect(entry.examples.valid.some((e) => validates(e, d)), `d = ${d}`).toBe(true)
    })

    for (const example of entry.examples.valid) for (const d of [1, 3].filter((d) => validates(example, d))) {
      describe(`${JSON.stringify(example)}, d = ${d}`, () => {
        const make = () => createAdversary(example, d)
        const T = 300

        it("declares what it reveals: dimension, loss family, information, a description", () => {
          const a = make()
          expect(a.dim).toBe(d)
          expect(a.family.name).toBe(familyOf(validateAdversary(example, d)))
          if (entry.information !== "parts") expect(a.information).toBe(entry.information)
          a.reset(createRandomSource(1))
          expect(a.reveal(1, new Float64Array(d)).family).toBe(a.family.name)
          expect(describeAdversary(validateAdversary(example, d)).length).toBeGreaterThan(0)
        })

        it("the same seed gives the same bits; another seed, for a stochastic one, another sequence", () => {
          const one = sequence(make(), T, 7)
          expect(sequence(make(), T, 7)).toEqual(one)
          // reset() starts over: a second pass over the same object gives the same sequence.
          const a = make()
          sequence(a, 50, 3)
          expect(sequence(a, T, 7)).toEqual(one)
          if (make().information === "stochastic") expect(sequence(make(), T, 8)).not.toEqual(one)
        })

        it("reuses its loss objects (one, or one per part of a composite): nothing is allocated per round", () => {
          const a = make()
          a.reset(createRandomSource(1))
          const seen = new Set<Loss>()
          for (let t = 1; t <= T; t++) seen.add(a.reveal(t, new Float64Array(d)))
          expect(seen.size).toBeLessThanOrEqual(Array.isArray(example.parts) ? example.parts.length : 1)
        })

        it("ignores the played point unless it is adaptive", () => {
          if (make().information === "adaptive") return
          const moving = (t: number) => Float64Array.from({ length: d }, (_, i) => Math.sin(t + i))
          expect(sequence(make(), T, 5, moving)).toEqual(sequence(make(), T, 5))
        })

        it("revealLinearChunk gives exactly what reveal() gives, whatever the chunking", () => {
          const a = make()
          if (a.revealLinearChunk === undefined) return
          const expected = sequence(make(), T, 9).map((row) => row.slice(1, d + 1))
          a.reset(createRandomSource(9))
          const G = new Float64Array(T * d), C = new Float64Array(T)
          for (let t0 = 1, K = 1; t0 <= T; t0 += K, K = (K * 3) % 17 + 1) {
            const k = Math.min(K, T - t0 + 1)
            a.revealLinearChunk(t0, k, G.subarray((t0 - 1) * d), C.subarray(t0 - 1))
          }
          for (let t = 1; t <= T; t++) expect(Array.from(G.subarray((t - 1) * d, t * d))).toEqual(expected[t - 1])
        })

        it("linearSums equals the summed rounds (compensated), and the gradient maxima exactly", () => {
          const a = make()
          if (a.linearSums === undefined) return
          a.reset(createRandomSource(2))
          const sum = new Float64Array(d), sq = new Float64Array(d)
          let c = 0, inf = 0, max2 = 0
          const out = createLinearSums(d)
          for (let t = 1; t <= T; t++) {
            const loss = a.reveal(t, new Float64Array(d)) as LinearLoss
            let n2 = 0
            for (let i = 0; i < d; i++) {
              sum[i] += loss.g[i]
              sq[i] += loss.g[i] * loss.g[i]
              n2 += loss.g[i] * loss.g[i]
              inf = Math.max(inf, Math.abs(loss.g[i]))
            }
            c += loss.c
            max2 = Math.max(max2, n2)
            a.linearSums(t, out)
            for (let i = 0; i < d; i++) {
              expect(out.gSum[i] + out.gComp[i]).toBeCloseTo(sum[i], 9)
              expect(out.gSq[i]).toBeCloseTo(sq[i], 6)
            }
            expect(out.scalars[0] + out.scalars[1]).toBeCloseTo(c, 9)
            expect(out.scalars[2]).toBe(inf)
            expect(out.scalars[3]).toBe(max2)
          }
        })

        it("a declared expected loss is the mean of the revealed losses", () => {
          const a = make()
          const expected = a.expectedLoss?.()
          if (expected === undefined) return
          const n = 20_000
          const sum = new Float64Array(3 * (d + 1)), sq = new Float64Array(3 * (d + 1))
          a.reset(createRandomSource(4))
          for (let t = 1; t <= n; t++) fingerprint(a.reveal(t, new Float64Array(d)), d).forEach((v, i) => { sum[i] += v; sq[i] += v * v })
          // Within six standard errors of the sample mean (a false alarm about once in 10⁹ per number).
          fingerprint(expected, d).forEach((v, i) => {
            const mean = sum[i] / n, se = Math.sqrt(Math.max(0, sq[i] / n - mean * mean) / n)
            expect(Math.abs(mean - v)).toBeLessThanOrEqual(6 * se + 1e-12 * Math.max(1, Math.abs(v)))
          })
        })
      })
    }
  })
}
