/// <reference path="./pdfkit.d.ts" />
// SVG → vector PDF for LaTeX (\includegraphics): pdfkit draws vega's SVG through svg-to-pdfkit, with
// the report's own font embedded (pdfkit's default Helvetica has no Greek, so α, β, Σ and → would
// silently vanish). A fixed creation date makes the file ID, and so the bytes, depend on the
// chart alone.
import PDFDocument from "pdfkit"
import SVGtoPDF from "svg-to-pdfkit"
import { FONT_FILES } from "./font.ts"

const REGULAR = "regretlab-regular"
const BOLD = "regretlab-bold"
/** The PDF's creation date: fixed, so the same chart gives the same bytes. */
const EPOCH = new Date("2018-01-01T00:00:00Z")

/** The SVG's own size in points (vega writes width and height in px = pt at 72 dpi). */
const svgSize = (svg: string): [number, number] => {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? ""
  const num = (name: string) => Number(new RegExp(`\\b${name}="([0-9.]+)"`).exec(root)?.[1])
  const w = num("width"), h = num("height")
  if (!(w > 0 && h > 0)) throw new Error("renderPdf: the SVG has no width and height")
  return [w, h]
}

export const renderPdf = (svg: string): Promise<Uint8Array> => {
  const [width, height] = svgSize(svg)
  const doc = new PDFDocument({ size: [width, height], margin: 0, autoFirstPage: true, info: { CreationDate: EPOCH, Producer: "regretlab", Creator: "regretlab" } })
  doc.registerFont(REGULAR, FONT_FILES[0])
  doc.registerFont(BOLD, FONT_FILES[1])
  const chunks: Uint8Array[] = []
  doc.on("data", (c: Uint8Array) => chunks.push(c))
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)))
    doc.on("error", reject)
  })
  SVGtoPDF(doc, svg, 0, 0, {
    width,
    height,
    assumePt: true,
    fontCallback: (_family: string, bold: boolean) => (bold ? BOLD : REGULAR)
  })
  doc.end()
  return done
}
