import { Resvg } from "@resvg/resvg-js"
import { describe, expect, it } from "vitest"
import { buildCharts, renderPng, renderSvg } from "../../src/report/index.ts"
import { PNG_SCALE } from "../../src/report/render.ts"
import { makeResult } from "./fixture.ts"
import { groupsWithClass, parseXml } from "./xml.ts"

const labels = ["Adam", "AMSGrad", "AdaGrad"]

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png: Uint8Array): { width: number; height: number } => {
  expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  expect(String.fromCharCode(...png.slice(12, 16))).toBe("IHDR")
  return { width: view.getUint32(16), height: view.getUint32(20) }
}

const svgSize = (svg: string): { width: number; height: number } => {
  const m = /^<svg[^>]*\swidth="(\d+(?:\.\d+)?)"[^>]*\sheight="(\d+(?:\.\d+)?)"/.exec(svg)
  if (!m) throw new Error("no svg size")
  return { width: Number(m[1]), height: Number(m[2]) }
}

describe("renderSvg", () => {
  const charts = buildCharts(makeResult({ horizon: 2000 }))

  it("gives well-formed SVG with one line series per learner in every time chart", async () => {
    for (const c of charts) {
      const svg = await renderSvg(c.spec)
      const names = parseXml(svg)
      expect(names[0], c.name).toBe("svg")
      // A line chart has one <g> (one path) per series: the means, or each seed's line for the
      // iterate (per seed, never averaged); a bar chart one group holding one path per learner.
      const markClass = c.name === "summary" ? "bar_marks" : c.name === "iterate" ? "\\w*_seeds_marks" : "\\w*_mean_marks"
      const groups = groupsWithClass(svg, markClass)
      const series = c.name === "summary" ? (groups[0].match(/<path /g) ?? []).length : groups.length
      const perPanel = c.name === "iterate" ? 2 * 2 : c.name === "gamma" ? 2 : 1
      expect(series, c.name).toBe(labels.length * perPanel)
      for (const label of labels) expect(svg, `${c.name} names ${label}`).toContain(`learner: ${label}`)
      expect(new Resvg(svg).width, "resvg parses it too").toBeGreaterThan(0)
    }
  })

  it("lays the legend out with every learner label and uses the bundled font family", async () => {
    const svg = await renderSvg(charts[0].spec)
    // One label group per entry; its first line is the learner label, the second its hyperparameters.
    const entries = groupsWithClass(svg, "role-legend-label").map((g) => /<tspan>([^<]*)<\/tspan><tspan[^>]*>([^<]*)</.exec(g))
    expect(entries.map((m) => m?.[1])).toEqual(labels)
    expect(entries[0]?.[2]).toMatch(/^adam\/paper: α=0\.5\/√t/)
    expect(svg).toContain('font-family="DejaVu Sans"')
  })

  it("is deterministic: the same spec gives the same SVG", async () => {
    expect(await renderSvg(charts[1].spec)).toBe(await renderSvg(charts[1].spec))
  })
})

describe("renderPng", () => {
  it("has the SVG's size times the scale, and the same bytes on every call", async () => {
    const svg = await renderSvg(buildCharts(makeResult({ horizon: 500 }))[0].spec)
    const png = renderPng(svg)
    const { width, height } = svgSize(svg)
    expect(pngSize(png)).toEqual({ width: Math.round(width * PNG_SCALE), height: Math.round(height * PNG_SCALE) })
    expect(Buffer.from(renderPng(svg)).equals(Buffer.from(png))).toBe(true)
  })

  it("draws text with the bundled font (text changes the pixels, so glyphs were found)", async () => {
    const blank = '<svg xmlns="http://www.w3.org/2000/svg" width="80" height="20"><rect width="80" height="20" fill="white"/></svg>'
    const withText = blank.replace("</svg>", '<text x="2" y="15" font-family="DejaVu Sans" font-size="12">R_t</text></svg>')
    expect(Buffer.from(renderPng(withText)).equals(Buffer.from(renderPng(blank)))).toBe(false)
  })
})
