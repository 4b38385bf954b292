// Headless rendering: Vega-Lite → Vega → SVG with no browser and no canvas (renderer "none"),
// then SVG → PNG with resvg and the bundled font only, so the same data gives the same pixels.
import { Resvg } from "@resvg/resvg-js"
import * as vega from "vega"
import { compile, type TopLevelSpec } from "vega-lite"
import { FONT_FAMILY, FONT_FILES } from "./font.ts"

/**
 * vega numbers the clip paths of clipped marks from a counter that lives as long as the process, so
 * the same chart drawn twice would differ; number them from 0 in order of appearance instead.
 */
const renumberClips = (svg: string): string => {
  const ids = new Map<string, number>()
  return svg.replace(/(id="|url\(#)clip(\d+)/g, (_m, before: string, n: string) => {
    if (!ids.has(n)) ids.set(n, ids.size)
    return `${before}clip${ids.get(n)}`
  })
}

export const renderSvg = async (spec: object): Promise<string> => {
  const compiled = compile(spec as TopLevelSpec).spec
  const view = new vega.View(vega.parse(compiled), { renderer: "none", logLevel: vega.Error })
  try {
    return renumberClips(await view.toSVG())
  } finally {
    view.finalize()
  }
}

/** PNG at 2× the SVG's size (crisp on high-density screens). */
export const PNG_SCALE = 2

export const renderPng = (svg: string): Uint8Array => {
  const resvg = new Resvg(svg, {
    font: { fontFiles: [...FONT_FILES], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
    fitTo: { mode: "zoom", value: PNG_SCALE },
    background: "white"
  })
  return resvg.render().asPng()
}
