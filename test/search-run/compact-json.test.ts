// The scenario files the search writes: compact where it helps a reader, and the same value back.
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { compactJson } from "../../src/search-run/compact-json.ts"

describe("compactJson", () => {
  it("parses back to exactly the value written", () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => {
      expect(JSON.parse(compactJson(v))).toEqual(JSON.parse(JSON.stringify(v)))
    }))
    const gradients = Array.from({ length: 200 }, (_, i) => [Math.sin(i) / 3])
    expect(JSON.parse(compactJson({ gradients }))).toEqual({ gradients })
  })

  it("puts arrays of numbers on lines of at most the width, and strings one per line", () => {
    const text = compactJson({ notes: ["a, b", "c"], adversary: { gradients: Array.from({ length: 60 }, (_, i) => [i / 7]) }, lower: [-1] }, 80)
    expect(text).toContain('"lower": [-1]')
    expect(text).toContain('    "a, b",\n    "c"')
    expect(text.split("\n").every((l) => l.length <= 80)).toBe(true)
    expect(text.split("\n").length).toBeLessThan(30)
  })
})
