// The y scale's explicit domain (withDomain): the data's range widened to round ends, which hold
// still while the data moves a little (a playground slider) and always contain every value.
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { chooseScale, niceLinear, withDomain } from "../../src/report/scales.ts"

const domainOf = (values: number[], symlogConstant?: number) =>
  withDomain(chooseScale(values, symlogConstant === undefined ? {} : { symlogConstant }), values).scale

describe("withDomain", () => {
  it("linear: multiples of a 1-2-5 step, about ten across (as vega rounds a linear axis)", () => {
    expect(niceLinear(101, 103)).toEqual([101, 103])
    expect(niceLinear(0.0345, 0.9)).toEqual([0, 0.9])
    expect(niceLinear(-0.3, 7)).toEqual([-1, 7])
    expect(niceLinear(0.12, 0.37)).toEqual([0.12, 0.38])
    // A constant series gets room around it instead of an empty range.
    expect(niceLinear(0.5, 0.5)).toEqual([0.45, 0.55])
    expect(niceLinear(-3, -3)).toEqual([-3.3, -2.7])
    expect(niceLinear(0, 0)).toEqual([-1, 1])
  })

  it("log: whole decades; symlog: 1, 2 or 5 times a power of ten outward", () => {
    expect(domainOf([0.5, 3, 2000])).toMatchObject({ type: "log", domain: [0.1, 10000], nice: false })
    expect(domainOf([0.001, 1])).toMatchObject({ type: "log", domain: [0.001, 1] })
    expect(domainOf([-448, 0, 34515], 1)).toMatchObject({ type: "symlog", domain: [-500, 50000], nice: false })
    expect(domainOf([-552, 0, 40620], 1)).toMatchObject({ type: "symlog", domain: [-1000, 50000] })
    expect(domainOf([-0.3, 0.004, 7000])).toMatchObject({ type: "symlog", domain: [-0.5, 10000] })
  })

  it("holds still while the data moves a little: Adam's Γ range over three steps of β₂ gives one domain", () => {
    const domains = [[-448.67, 34515.2], [-449.8, 37578.3], [-463.1, 40620.9]].map((v) => domainOf([...v, 0, 1], 1).domain)
    expect(new Set(domains.map((d) => JSON.stringify(d))).size).toBe(1)
  })

  it("contains every finite value, whatever the scale chosen; non-finite values are ignored", () => {
    // Where log10 rounds to a whole decade just below the value.
    expect(domainOf([1.0000000000000003e-9, 1e-6]).domain![0]).toBeLessThanOrEqual(1.0000000000000003e-9)
    expect(domainOf([1e-12, 1.0000000000000003e-9]).domain![1]).toBeGreaterThanOrEqual(1.0000000000000003e-9)
    fc.assert(fc.property(
      fc.array(fc.oneof(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.double({ min: 1e-9, max: 1e-3, noNaN: true }), fc.constantFrom(Infinity, NaN)), { minLength: 1, maxLength: 30 }),
      (values) => {
        const finite = values.filter(Number.isFinite)
        const scale = withDomain(chooseScale(values), values).scale
        if (finite.length === 0) {
          expect(scale.domain).toBeUndefined()
          return
        }
        const [lo, hi] = scale.domain!
        expect(lo).toBeLessThan(hi)
        for (const v of finite) {
          expect(v).toBeGreaterThanOrEqual(lo)
          expect(v).toBeLessThanOrEqual(hi)
        }
        // Ticks, where the scale has its own, stay on the axis.
        for (const t of withDomain(chooseScale(values), values).ticks ?? []) {
          expect(t).toBeGreaterThanOrEqual(lo - 1e-9 * Math.abs(lo))
          expect(t).toBeLessThanOrEqual(hi + 1e-9 * Math.abs(hi))
        }
      }
    ), { numRuns: 3000 })
  })
})

describe("ticks of a widened axis", () => {
  it("carry on to the domain's ends by the ticks' own gap, so each end has a label near it", () => {
    // symlog: data to −448 and 34 515, domain to −500 and 50 000: ticks to −100 and 10 000 as before.
    const g = withDomain(chooseScale([-448, 0, 34515], { symlogConstant: 1 }), [-448, 0, 34515])
    expect(g.ticks).toEqual([-100, -10, -1, 0, 1, 10, 100, 1000, 10000])
    // An interval reaching −900 widens the domain to −1 000: a tick there.
    const wide = withDomain(chooseScale([-448, 0, 34515], { symlogConstant: 1 }), [-448, -900, 0, 34515])
    expect(wide.scale.domain).toEqual([-1000, 50000])
    expect(wide.ticks).toEqual([-1000, -100, -10, -1, 0, 1, 10, 100, 1000, 10000])
    // Thinned ticks (every other decade) keep their gap.
    expect(withDomain({ scale: { type: "symlog", constant: 1 }, words: "", format: "", ticks: [-100, -1, 0, 1, 100] }, [-9000, 150]).ticks).toEqual([-10000, -100, -1, 0, 1, 100])
    // log: decades carried down to 0.1 and up to 10 000.
    expect(withDomain(chooseScale([0.5, 3, 2000]), [0.5, 3, 2000]).ticks).toEqual([0.1, 1, 10, 100, 1000, 10000])
  })
})
