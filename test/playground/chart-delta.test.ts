// The worker's chart updates: applied in order, as the page applies them to its live views, they
// leave exactly the latest split spec's rows (per learner) and signal values; a changed structure
// or a forgotten chart sends the whole spec; a learner gone is a removal; nothing changed is an
// empty delta. Checked on the report's own charts over a run of playground edits, and on random
// data.
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { applyUpdate, chartUpdate, groupRows, sameData, SentCharts, type Sent } from "../../src/playground/chart-delta.ts"
import { splitSpec } from "../../src/playground/chart-data.ts"
import { builtinCatalogue } from "../../src/playground/catalogue.ts"
import { scenarioFiles } from "../../src/playground/build.ts"
import { Computation, resolveBase, RunCache, selectState } from "../../src/playground/engine.ts"
import { PLAYGROUND_CHARTS, type ChartUpdate } from "../../src/playground/protocol.ts"
import type { PlaygroundState } from "../../src/playground/state.ts"
import { buildCharts } from "../../src/report/charts.ts"

const OPTIONS = { tooltips: false, aria: false }
const catalogue = builtinCatalogue(await scenarioFiles())
const cache = new RunCache()

/** The charts of `state`, played to `rounds` (all of them by default). */
const charts = (state: PlaygroundState, rounds = Infinity) => {
  const c = new Computation(selectState(resolveBase(catalogue, state), state), cache)
  let played = 0
  while (!c.done && played < rounds) {
    c.advance(Math.min(1 << 14, rounds - played))
    played += 1 << 14
  }
  return buildCharts(c.result(), PLAYGROUND_CHARTS)
}

/** What the page should hold for `spec`: its split, grouped by learner. */
const expected = (spec: object): Sent => {
  const split = splitSpec(spec, OPTIONS)
  return {
    structure: split.structure,
    datasets: new Map(Object.entries(split.datasets).map(([d, rows]) => [d, groupRows(rows)])),
    signals: new Map(Object.entries(split.signals))
  }
}

/** Feeds a sequence of chart sets through SentCharts and a model page; checks the page after each. */
const page = () => {
  const sent = new SentCharts()
  const held = new Map<string, Sent>()
  return {
    sent,
    show(specs: readonly { name: string; title: string; spec: object }[]): ChartUpdate[] {
      return specs.map((c) => {
        const update = sent.update(c.name, c.title, c.spec, OPTIONS)
        const want = expected(c.spec)
        const got = applyUpdate(held.get(c.name), update, want.structure)
        held.set(c.name, got)
        expect(got, `${c.name}`).toEqual(want)
        return update
      })
    }
  }
}

const online = (sets: string[], learners?: string[]): PlaygroundState => ({ base: { kind: "builtin", id: "reddi2018/online" }, sets: ["horizon=20000", ...sets], ...(learners ? { learners } : {}) })
const learnersIn = (u: ChartUpdate): Set<string> => new Set(u.kind === "delta" ? Object.values(u.datasets).flatMap((d) => Object.keys(d)) : [])

describe("chart updates", () => {
  it("over a run of edits, the updates reproduce every chart's latest rows and signals", () => {
    const p = page()
    const first = p.show(charts(online([])))
    expect(first.map((u) => u.kind)).toEqual(["full", "full", "full", "full"])

    // A knob on Adam: only Adam's rows travel, and no chart is sent whole.
    const step = p.show(charts(online(["learners.adam.beta2=0.989"])))
    expect(step.map((u) => u.kind)).toEqual(["delta", "delta", "delta", "delta"])
    const moved = new Set(step.flatMap((u) => [...learnersIn(u)]))
    expect(moved.has("adam")).toBe(true)
    expect(moved.has("amsgrad") || moved.has("adagrad")).toBe(false)

    // The same state again: nothing to send.
    const again = p.show(charts(online(["learners.adam.beta2=0.989"])))
    for (const u of again) expect(u).toEqual({ kind: "delta", name: u.name, title: u.title, datasets: {}, signals: {} })

    // AdaGrad off: the legend's learners change (the chart is sent whole) or its rows are removed.
    const off = p.show(charts(online(["learners.adam.beta2=0.989"], ["adam", "amsgrad"])))
    for (const u of off) if (u.kind === "delta") expect(Object.values(u.datasets).some((d) => d.adagrad?.length === 0), u.name).toBe(true)

    // Streaming: a partial result, then the rest; then another scenario and back (each checked by show).
    p.show(charts(online(["learners.adam.beta2=0.95"]), 5000))
    p.show(charts(online(["learners.adam.beta2=0.95"])))
    p.show(charts({ base: { kind: "builtin", id: "reddi2018/theorem1" }, sets: ["horizon=2000"] }))
    p.show(charts(online([])))
  })

  it("a changed structure or a forgotten chart is sent whole", () => {
    const spec = (mark: string, values: unknown[]) => ({ title: { text: "T" }, mark, data: { values } })
    const sent = new SentCharts()
    expect(sent.update("c", "c", spec("line", [{ learner: "a", t: 1 }]), OPTIONS).kind).toBe("full")
    expect(sent.update("c", "c", spec("line", [{ learner: "a", t: 2 }]), OPTIONS).kind).toBe("delta")
    expect(sent.update("c", "c", spec("point", [{ learner: "a", t: 2 }]), OPTIONS).kind).toBe("full")
    expect(sent.update("d", "d", spec("point", [{ learner: "a", t: 2 }]), OPTIONS).kind).toBe("full")
    sent.reset()
    expect(sent.update("c", "c", spec("point", [{ learner: "a", t: 2 }]), OPTIONS).kind).toBe("full")
  })

  it("a learner gone is a removal, a changed learner its new rows, rows of no learner one group; signals only when changed", () => {
    const spec = (values: unknown[], title: string) => ({ title: { text: title }, mark: "line", data: { values } })
    const before = expected(spec([{ learner: "a", t: 1 }, { learner: "b", t: 1 }, { t: 0, bound: 3 }], "x"))
    const { update } = chartUpdate(before, "c", "c", splitSpec(spec([{ learner: "a", t: 2 }, { t: 0, bound: 3 }], "x"), OPTIONS))
    expect(update).toEqual({ kind: "delta", name: "c", title: "c", datasets: { pg_data_0: { a: [{ learner: "a", t: 2 }], b: [] } }, signals: {} })
    const retitled = chartUpdate(before, "c", "c", splitSpec(spec([{ learner: "a", t: 1 }, { learner: "b", t: 1 }, { t: 0, bound: 4 }], "y"), OPTIONS)).update
    expect(retitled).toEqual({ kind: "delta", name: "c", title: "c", datasets: { pg_data_0: { "": [{ t: 0, bound: 4 }] } }, signals: { pg_title: "y" } })
  })

  it("random data: applying each update to what the page held gives the new split", () => {
    const row = fc.record({ learner: fc.constantFrom("a", "b", "c", undefined), t: fc.integer({ min: 0, max: 3 }), v: fc.oneof(fc.double(), fc.constant(-0)) }, { requiredKeys: ["t", "v"] })
    const chart = fc.record({ rows: fc.array(row, { maxLength: 8 }), other: fc.array(row, { maxLength: 4 }), domain: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 2, maxLength: 2 }) })
    const spec = (c: { rows: unknown[]; other: unknown[]; domain: number[] }) => ({
      layer: [
        { mark: "line", data: { values: c.rows }, encoding: { y: { field: "v", scale: { domain: c.domain } } } },
        { mark: "point", data: { values: c.other } }
      ]
    })
    fc.assert(fc.property(fc.array(chart, { minLength: 1, maxLength: 6 }), (seq) => {
      const sent = new SentCharts()
      let held: Sent | undefined
      for (const c of seq) {
        const want = expected(spec(c))
        held = applyUpdate(held, sent.update("c", "c", spec(c), OPTIONS), want.structure)
        expect(held).toEqual(want)
      }
    }))
  })

  it("layers drawing the same rows (a line and its band) share one dataset; equal rows in another array do not", () => {
    const rows = [{ learner: "a", t: 1, value: 2, lo: 1, hi: 3 }]
    const spec = { layer: [{ data: { values: rows }, mark: "area" }, { data: { values: rows }, mark: "line" }, { data: { values: rows.map((r) => ({ ...r })) }, mark: "point" }] }
    const split = splitSpec(spec)
    expect(Object.keys(split.datasets)).toEqual(["pg_data_0", "pg_data_1"])
    const names = (split.spec.layer as { data: { name: string } }[]).map((l) => l.data.name)
    expect(names).toEqual(["pg_data_0", "pg_data_0", "pg_data_1"])
    // The report's own banded series: band and line read one dataset.
    const avg = splitSpec(charts(online(["horizon=1000"]))[0].spec, OPTIONS)
    expect(Object.keys(avg.datasets)).toHaveLength(1)
  })

  it("sameData tells -0 from 0, NaN equals NaN, and key sets matter", () => {
    expect(sameData({ a: 0 }, { a: -0 })).toBe(false)
    expect(sameData({ a: NaN }, { a: NaN })).toBe(true)
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false)
    expect(sameData([1, [2]], [1, [2]])).toBe(true)
    expect(sameData([1, [2]], [1, [3]])).toBe(false)
    expect(sameData([], {})).toBe(false)
  })
})
