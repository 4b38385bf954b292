import { describe, expect, it } from "vitest"
import { GridError, makeAxis, mergeAxes, parseGridFlag, parseValues, pointCount, pointIndices, pointOverrides } from "../../src/sweep/grid.ts"
import { inShard, parseShard } from "../../src/sweep/jobs.ts"

describe("grid values", () => {
  it("parses lists as JSON where possible", () => {
    expect(parseValues("0.9,0.99,0.999")).toEqual([0.9, 0.99, 0.999])
    expect(parseValues("paper,pytorch")).toEqual(["paper", "pytorch"])
    expect(parseValues('true,"x",3')).toEqual([true, "x", 3])
  })

  it("parses linear ranges with both ends and tidy inner points", () => {
    const v = parseValues("0:0.95:20")
    expect(v).toHaveLength(20)
    expect(v[0]).toBe(0)
    expect(v[19]).toBe(0.95)
    expect(v[1]).toBe(0.05)
    expect(parseValues("2:20:10")).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18, 20])
    expect(parseValues("5:9:1")).toEqual([5])
  })

  it("parses log and log1m ranges", () => {
    expect(parseValues("1e-3:1:4:log")).toEqual([0.001, 0.01, 0.1, 1])
    expect(parseValues("0.9:0.9999:4:log1m")).toEqual([0.9, 0.99, 0.999, 0.9999])
  })

  it("rejects bad input with a message naming the flag", () => {
    expect(() => parseValues("0:1:x", "--grid a")).toThrow(/--grid a: the number of points/)
    expect(() => parseValues("-1:1:3:log", "--grid a")).toThrow(/positive ends/)
    expect(() => parseValues("1,,2", "--grid a")).toThrow(GridError)
    expect(() => parseGridFlag("novalues")).toThrow(/field=values/)
    expect(() => parseGridFlag("a..b=1")).toThrow(/not a field path/)
    expect(() => makeAxis("a", [1, 1])).toThrow(/repeated/)
  })

  it("ties fields with + and merges axes by name", () => {
    const a = parseGridFlag("adversary.C+adversary.period=3,5")
    expect(a.fields).toEqual(["adversary.C", "adversary.period"])
    const merged = mergeAxes([a, parseGridFlag("learners.x.beta2=0.5")], [parseGridFlag("learners.x.beta2=0.6,0.7")])
    expect(merged.map((m) => m.values)).toEqual([[3, 5], [0.6, 0.7]])
    expect(() => mergeAxes([a], [parseGridFlag("adversary.C=1")])).toThrow(/two axes/)
  })

  it("enumerates points with the last axis fastest", () => {
    const axes = [parseGridFlag("a=1,2"), parseGridFlag("b=x,y,z")]
    expect(pointCount(axes)).toBe(6)
    expect(pointIndices(axes, 4)).toEqual([1, 1])
    expect(pointOverrides(axes, 5)).toEqual(["a=2", 'b="z"'])
  })
})

describe("shards", () => {
  it("parses k/n and partitions indices disjointly and completely", () => {
    expect(parseShard("2/3")).toEqual({ k: 2, n: 3 })
    expect(() => parseShard("0/3")).toThrow(/1 ≤ k ≤ n/)
    expect(() => parseShard("4/3")).toThrow(/1 ≤ k ≤ n/)
    expect(() => parseShard("x")).toThrow(/k\/n/)
    const n = 4
    for (let i = 0; i < 50; i++) {
      const owners = [1, 2, 3, 4].filter((k) => inShard(i, { k, n }))
      expect(owners).toHaveLength(1)
    }
  })
})
