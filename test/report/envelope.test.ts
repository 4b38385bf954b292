// The drawn bands against a per-round brute-force replay: reddi2018/online at T = 10⁴, charted as
// the report charts it; every round's Rₜ/t, xₜ and min Γₜ lies inside the band drawn for its
// window, and both edges of every band are some round's value.
import { describe, expect, it } from "vitest"
import { buildCharts } from "../../src/report/index.ts"
import { getScenario, runScenarioSync } from "../../src/scenario/index.ts"
import { checkWindows, replaySection5 } from "../reference/section5-replay.ts"

type Json = Record<string, any>

const units = (spec: Json): Json[] => (spec.layer ? spec.layer.flatMap(units) : spec.vconcat ? spec.vconcat.flatMap(units) : [spec])

describe("window bands drawn for reddi2018/online at T = 10⁴", () => {
  const scenario = getScenario("reddi2018/online")!
  const result = runScenarioSync({ ...scenario, horizon: 10_000 })
  const charts = buildCharts(result)
  const band = (chart: string, layer: string, learner: string) => {
    const spec = charts.find((c) => c.name === chart)!.spec as Json
    const u = units(spec).find((x) => x.name === layer)!
    expect(u.mark.type).toBe("area")
    return (u.data.values as Json[]).filter((p) => p.learner === learner).map((p) => ({ t: p.t as number, lo: p.lo as number, hi: p.hi as number }))
  }

  for (const kind of ["adam", "amsgrad", "adagrad"] as const) {
    it(`${kind}: every round inside its band, both edges attained (Rₜ/t, xₜ, min Γₜ)`, () => {
      const ref = replaySection5(kind, 10_000)
      checkWindows(band("avg-regret", "Rₜ/t_band", kind), ref.r, `${kind} Rₜ/t`)
      checkWindows(band("iterate", "xₜ_band", kind), ref.x, `${kind} xₜ`)
      checkWindows(band("gamma", "min Γₜ_band", kind), ref.gamma, `${kind} min Γₜ`)
    })
  }

  it("the band is wider than the checkpoint samples suggest where they alias the period-101 signal", () => {
    const adam = band("avg-regret", "Rₜ/t_band", "adam").filter((p) => p.t > 100)
    const at1122 = adam.find((p) => p.t === 1122)!
    // The sample at 1122 (2.19, phase 11) and at 1000 (1.67, phase 91) both lie inside one range of the signal.
    expect(at1122.lo).toBeLessThan(1.67)
    expect(at1122.hi).toBeGreaterThan(2.19)
  })
})
