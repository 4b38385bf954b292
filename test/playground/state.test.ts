// The playground's state: URL fragments round-trip exactly (numbers keep every digit), an override
// replaces the ones it covers, and the command line is the CLI's own --set syntax.
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { commandText, decodeState, encodeState, fileNameFor, formatSetValue, runArgs, withSet, withoutSet, type PlaygroundState } from "../../src/playground/state.ts"

/** How the CLI reads a --set value (src/scenario/overrides.ts). */
const cliValue = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

const key = fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,6}(\.[a-zA-Z0-9-]{1,6}){0,3}$/)
const value = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.boolean(), fc.string(), fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 4 }))
const state: fc.Arbitrary<PlaygroundState> = fc.record({
  base: fc.oneof(
    fc.record({ kind: fc.constant("builtin" as const), id: fc.string({ minLength: 1 }) }),
    fc.record({ kind: fc.constant("file" as const), name: fc.string({ minLength: 1 }), input: fc.jsonValue() })
  ),
  sets: fc.array(fc.tuple(key, value).map(([k, v]) => `${k}=${formatSetValue(v)}`), { maxLength: 6 }),
  learners: fc.option(fc.array(fc.stringMatching(/^[^,]+$/), { minLength: 1, maxLength: 3 }), { nil: undefined })
}, { requiredKeys: ["base", "sets"] }).map((s) => (s.learners === undefined ? { base: s.base, sets: s.sets } : s))

describe("playground state", () => {
  it("a URL fragment decodes to the state it encodes, exactly", () => {
    fc.assert(fc.property(state, (s) => {
      const decoded = decodeState(`#${encodeState(s)}`)
      expect(decoded).toEqual(JSON.parse(JSON.stringify(s)))
      expect(encodeState(decoded!)).toBe(encodeState(s))
    }))
  })

  it("a --set value reads back, through the CLI's parser, as the value written (full precision)", () => {
    fc.assert(fc.property(value, (v) => {
      const back = cliValue(formatSetValue(v))
      expect(Object.is(back, v) || JSON.stringify(back) === JSON.stringify(v)).toBe(true)
    }))
    expect(formatSetValue(0.1 + 0.2)).toBe("0.30000000000000004")
    expect(formatSetValue("ema")).toBe("ema")
    expect(formatSetValue("1e6")).toBe('"1e6"')
    expect(formatSetValue("true")).toBe('"true"')
    expect(formatSetValue({ kind: "power", power: 0.5 })).toBe('{"kind":"power","power":0.5}')
  })

  it("an override replaces earlier ones of the same key and of keys inside it, and goes last", () => {
    let s: PlaygroundState = { base: { kind: "builtin", id: "reddi2018/online" }, sets: [] }
    s = withSet(s, "learners.adam.beta2", 0.9)
    s = withSet(s, "horizon", 1000)
    s = withSet(s, "learners.adam.beta2", 0.95)
    expect(s.sets).toEqual(["horizon=1000", "learners.adam.beta2=0.95"])
    s = withSet(s, "learners.adam", { label: "adam", kind: "amsgrad", preset: "paper" })
    expect(s.sets).toEqual(["horizon=1000", 'learners.adam={"label":"adam","kind":"amsgrad","preset":"paper"}'])
    s = withSet(s, "learners.adam.beta1", 0)
    expect(s.sets.at(-1)).toBe("learners.adam.beta1=0")
    expect(withoutSet(s, "learners.adam").sets).toEqual(["horizon=1000"])
    // A key that only starts with the same letters is another key.
    expect(withSet({ ...s, sets: ["learners.adam2.beta1=0.5"] }, "learners.adam", {}).sets[0]).toBe("learners.adam2.beta1=0.5")
  })

  it("the command is regretlab run with the overrides as --set and the selection as --learners, shell-quoted", () => {
    const s: PlaygroundState = { base: { kind: "builtin", id: "reddi2018/online" }, sets: ["learners.adam.beta2=0.993", 'learners.adam.stepSchedule={"kind":"constant"}'], learners: ["adam", "amsgrad"] }
    const args = runArgs(s)
    expect(args).toEqual(["run", "reddi2018/online", "--set", "learners.adam.beta2=0.993", "--set", 'learners.adam.stepSchedule={"kind":"constant"}', "--learners", "adam,amsgrad"])
    expect(commandText(args)).toBe(`npx regretlab run reddi2018/online --set learners.adam.beta2=0.993 --set 'learners.adam.stepSchedule={"kind":"constant"}' --learners adam,amsgrad`)
    // A pasted scenario runs from its exported JSON, where the overrides are already applied.
    expect(runArgs({ base: { kind: "file", name: "pasted.json", input: {} }, sets: ["horizon=5"] }, "my-flip.json")).toEqual(["run", "my-flip.json"])
    expect(fileNameFor("reddi2018/online")).toBe("reddi2018-online.json")
    expect(fileNameFor("../x y")).toBe("x-y.json")
  })

  it("a fragment without a scenario is no state", () => {
    expect(decodeState("")).toBeUndefined()
    expect(decodeState("#set=horizon=1")).toBeUndefined()
    expect(decodeState("#file=a.json&json=%7Bnot")).toBeUndefined()
  })
})
