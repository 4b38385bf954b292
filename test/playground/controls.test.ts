// The playground's controls come from the registries' field tables: every field of every kind gets
// the control its spec calls for, a kind registered later gets controls too, and switching a kind
// in the page gives a config the registry accepts.
import { describe, expect, it } from "vitest"
import { adversaryKinds, validateAdversary } from "../../src/core/adversary/registry.ts"
import { ConfigError } from "../../src/core/config/error.ts"
import { checkNumber, type Fields } from "../../src/core/config/fields.ts"
import { domainKinds, validateDomainConfig } from "../../src/core/domain/registry.ts"
import { learnerKinds, registerLearnerKind } from "../../src/core/learner/registry.ts"
import { resolveLearner } from "../../src/core/learner/resolve.ts"
import {
  adversaryControls, controlsFor, domainControls, learnerControls, learnerKey, logRange, logValue, parseBoxValue, showBoxValue,
  sliderStep, switchedComponent, switchedLearner, type Control
} from "../../src/playground/controls.ts"

const flat = (cs: readonly Control[]): Control[] => cs.flatMap((c) => (c.kind === "variant" ? [c, ...flat(c.fields)] : [c]))

/** Checks each control against the field it came from. */
const expectMatches = (fields: Fields, controls: readonly Control[], prefix: string) => {
  const byKey = new Map(controls.map((c) => [c.key, c]))
  for (const [name, field] of Object.entries(fields)) {
    const found = byKey.get(`${prefix}.${name}`)
    if (field.type === "function") {
      expect(found, `${name}: a function cannot be set from a page`).toBeUndefined()
      continue
    }
    expect(found, `${prefix}.${name}`).toBeDefined()
    const c = found!
    expect(c.doc).toBe(field.doc)
    switch (field.type) {
      case "number": {
        expect(c.kind).toBe("number")
        if (c.kind !== "number") break
        const bounded = field.min !== undefined && field.max !== undefined && Number.isFinite(field.max)
        expect(c.slider !== undefined, `${name} slider`).toBe(bounded)
        if (c.slider !== undefined) {
          // Both slider ends are values the field accepts.
          expect(() => checkNumber(name, c.slider!.min, field)).not.toThrow()
          expect(() => checkNumber(name, c.slider!.max, field)).not.toThrow()
        }
        break
      }
      case "enum": expect(c).toMatchObject({ kind: "select", options: field.values }); break
      case "boolean": expect(c.kind).toBe("checkbox"); break
      case "variant": {
        expect(c.kind).toBe("variant")
        if (c.kind !== "variant") break
        const settable = Object.entries(field.variants).filter(([, fs]) => Object.values(fs).every((f) => f.type !== "function")).map(([k]) => k)
        for (const k of settable) expect(c.options).toContain(k)
        expect(c.options).not.toContain("custom")
        expectMatches(field.variants[c.value], c.fields, c.key)
        break
      }
      case "adversaries": expect(c.kind).toBe("group"); break
      default: expect(c).toMatchObject({ kind: "text", json: field.type !== "text" })
    }
  }
}

describe("playground controls", () => {
  it("every learner kind and preset: kind and preset selects from the registry, one control per field of the kind's table", () => {
    for (const [kind, entry] of learnerKinds) {
      for (const preset of Object.keys(entry.presets)) {
        const { config } = resolveLearner({ kind, preset })
        const c = learnerControls("adam", 0, config)
        expect(c.kind.options).toEqual([...learnerKinds.keys()])
        expect(c.kind.value).toBe(kind)
        expect(c.preset!.options).toEqual(Object.keys(entry.presets))
        expect(c.preset!.value).toBe(preset)
        expectMatches(entry.fields, c.fields, "learners.adam")
        for (const f of flat(c.fields)) if (f.kind === "number") expect(f.value, f.key).toBe(f.key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], { learners: { adam: config } }))
      }
    }
  })

  it("Adam's β1 and β2 are sliders over [0, 1), its α a log slider, its enums selects", () => {
    const { config } = resolveLearner({ kind: "adam" })
    const byKey = new Map(flat(learnerControls("adam", 0, config).fields).map((c) => [c.key, c]))
    expect(byKey.get("learners.adam.beta2")).toMatchObject({ kind: "number", value: 0.999, slider: { min: 0, max: 0.999, step: 0.001 } })
    expect(byKey.get("learners.adam.beta1")).toMatchObject({ kind: "number", slider: { min: 0, max: 0.999 } })
    expect(byKey.get("learners.adam.alpha")).toMatchObject({ kind: "number", logSlider: { lo: -4, hi: 2 } })
    expect(byKey.get("learners.adam.amsgrad")).toMatchObject({ kind: "select", value: "off", options: ["off", "raw", "corrected"] })
    expect(byKey.get("learners.adam.biasCorrection1")).toMatchObject({ kind: "checkbox", value: false })
    expect(byKey.get("learners.adam.projection")).toMatchObject({ kind: "select", options: ["weighted", "euclidean"] })
    expect(byKey.get("learners.adam.stepSchedule")).toMatchObject({ kind: "variant", value: "inv-sqrt", options: ["constant", "inv-sqrt", "power", "inverse-time"] })
  })

  it("a learner kind registered later appears with its own fields and presets, with no change to the playground", () => {
    const fields = { eta: { type: "number", doc: "η.", min: 0, max: 1 }, mode: { type: "enum", doc: "m.", values: ["a", "b"] } } as const satisfies Fields
    registerLearnerKind({
      kind: "test-kind", family: "test", title: "A test kind", citation: "none", fields,
      presets: { first: { preset: "first", eta: 0.5, mode: "a" } },
      describe: () => "", create: () => { throw new Error("not played") }
    })
    const c = learnerControls("mine", 0, resolveLearner({ kind: "test-kind" }).config)
    expect(c.kind.options).toContain("test-kind")
    expect(c.preset!.options).toEqual(["first"])
    expect(c.fields.map((f) => [f.key, f.kind])).toEqual([["learners.mine.eta", "number"], ["learners.mine.mode", "select"]])
    expect(learnerControls("other", 1, resolveLearner({ kind: "adam" }).config).kind.options).toContain("test-kind")
  })

  it("every adversary kind and domain kind: controls for its parameters; switching to it passes every field's spec", () => {
    const needMore: string[] = []
    for (const [kind, entry] of adversaryKinds) {
      let config: Record<string, unknown> = switchedComponent("adversary", kind)
      try {
        config = validateAdversary(config, 1)
      } catch (e) {
        // Only a check across fields (say, "exactly one of p and delta") may ask for more, and it names the field.
        expect(e).toBeInstanceOf(ConfigError)
        expect(Object.keys(entry.params)).toContain((e as ConfigError).path.split(/[.[]/)[0])
        needMore.push(kind)
      }
      const c = adversaryControls(config)
      expect(c.kind.options).toEqual([...adversaryKinds.keys()])
      expectMatches(entry.params, c.fields, "adversary")
    }
    expect(needMore).toEqual(["bernoulli-linear", "mixture"])
    for (const [kind, entry] of domainKinds) {
      const config = validateDomainConfig(switchedComponent("domain", kind))
      expectMatches(entry.fields, domainControls(config).fields, "domain")
    }
  })

  it("nested adversaries get one group of controls per part, keyed by index", () => {
    const config = validateAdversary({ kind: "switching", at: [50], parts: [{ kind: "periodic-linear", C: 3 }, { kind: "bernoulli-linear", C: 101, p: 0.01 }] }, 1)
    const group = adversaryControls(config).fields.find((f) => f.key === "adversary.parts")
    expect(group?.kind).toBe("group")
    if (group?.kind !== "group") return
    expect(group.parts.map((p) => [p.key, p.kind.value])).toEqual([["adversary.parts.0", "periodic-linear"], ["adversary.parts.1", "bernoulli-linear"]])
    expect(group.parts[1].fields.map((f) => f.key)).toContain("adversary.parts.1.p")
  })

  it("a kind or preset switch starts the learner from that preset; labels that a dotted key would break use the index", () => {
    expect(switchedLearner("adam", "amsgrad", "pytorch")).toEqual({ label: "adam", kind: "amsgrad", preset: "pytorch" })
    expect(switchedLearner("adam", "adamnc", "pytorch")).toEqual({ label: "adam", kind: "adamnc", preset: "paper" })
    expect(learnerKey("adam", 0)).toBe("learners.adam")
    expect(learnerKey("adam-0.9-0.99", 2)).toBe("learners.2")
    expect(learnerKey("7", 1)).toBe("learners.1")
  })

  it("slider scales: steps, log ranges and log values stay inside the field's range", () => {
    expect(sliderStep(0, 1)).toBe(0.001)
    expect(sliderStep(0, 2)).toBe(0.001)
    expect(sliderStep(1, 100, true)).toBe(1)
    expect(logRange(0.5)).toEqual({ lo: -4, hi: 2 })
    expect(logRange(1e6)).toEqual({ lo: 3, hi: 9 })
    expect(logRange(0)).toEqual({ lo: -9, hi: -3 })
    expect(logValue(-1.5, { min: 0, minOpen: true })).toBe(0.0316)
    expect(logValue(5.3, { min: 1, integer: true })).toBe(200000)
    expect(logValue(0, { min: 1, integer: true })).toBe(1)
    expect(logValue(-3, { min: 0.5 })).toBe(0.5)
  })

  it("JSON boxes read JSON, comma lists of numbers, else the text; and show values as JSON", () => {
    expect(parseBoxValue("[0.5, 1]")).toEqual([0.5, 1])
    expect(parseBoxValue("1, 2, 3")).toEqual([1, 2, 3])
    expect(parseBoxValue("0.25")).toBe(0.25)
    expect(parseBoxValue("abc")).toBe("abc")
    expect(showBoxValue([0, 0.1])).toBe("[0,0.1]")
    expect(parseBoxValue(showBoxValue([1e-300, 0.30000000000000004]))).toEqual([1e-300, 0.30000000000000004])
  })
})
