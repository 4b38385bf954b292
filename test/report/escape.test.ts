import * as fs from "node:fs/promises"
import * as os from "node:os"
import * as path from "node:path"
import { describe, expect, it } from "vitest"
import { buildCharts, renderSvg, summaryMarkdown, summaryTable, writeReport } from "../../src/report/index.ts"
import { escapeHtml, scriptJson } from "../../src/report/format.ts"
import { makeResult, XSS } from "./fixture.ts"
import { parseXml } from "./xml.ts"

const BREAKOUT = '</script><script>alert("x")</script>'
const QUOTE = `a"b' onmouseover="alert(1)`

describe("labels are escaped everywhere", () => {
  const result = makeResult({ horizon: 300, labels: [XSS, BREAKOUT, QUOTE] })

  it("in the SVG: the label is text, never an element or a broken attribute", async () => {
    for (const c of buildCharts(result)) {
      const svg = await renderSvg(c.spec)
      // Well-formed, so no attribute was broken open; and only SVG's own elements and attributes.
      const attributes = new Set<string>()
      const elements = new Set(parseXml(svg, attributes))
      expect(elements.has("img") || elements.has("script")).toBe(false)
      expect([...attributes].filter((a) => a.startsWith("on"))).toEqual([])
      expect(svg).toContain("&lt;img src=x onerror=alert(1)&gt;")
    }
  })

  it("in index.html: no raw markup from a label, and the embedded spec JSON gives the labels back exactly", async () => {
    const parent = await fs.mkdtemp(path.join(os.tmpdir(), "regretlab-escape-"))
    try {
      const { dir } = await writeReport(result, { outDir: path.join(parent, "r"), command: "regretlab run x", version: "0", png: false })
      const html = await fs.readFile(path.join(dir, "index.html"), "utf8")
      expect(html).not.toContain(XSS)
      expect(html).not.toContain(BREAKOUT)
      expect(html).not.toMatch(/<[^>]*\sonmouseover=/)
      expect(html).toContain(escapeHtml(XSS))
      // Exactly the four script elements we wrote open and close.
      expect(html.match(/<script/g)).toHaveLength(5)
      expect(html.match(/<\/script>/g)).toHaveLength(5)
      const json = /<script type="application\/json" id="regretlab-specs">([^<]*)<\/script>/.exec(html)![1]
      const specs = JSON.parse(json) as { spec: { params: { value: Record<string, string> }[] } }[]
      expect(Object.keys(specs[0].spec.params[0].value)).toEqual([XSS, BREAKOUT, QUOTE])
    } finally {
      await fs.rm(parent, { recursive: true, force: true })
    }
  })

  it("in summary.md and the terminal table", () => {
    const md = summaryMarkdown(result)
    expect(md).not.toContain("<img")
    expect(md).not.toContain("<script")
    expect(md).toContain("&lt;img src=x onerror=alert(1)&gt;")
    expect(summaryTable(result)).toContain(XSS)
  })

  it("scriptJson escapes every `<` and the JS line separators, and round-trips", () => {
    const value = { a: "</script><!-- \u2028 \u2029 <b>" }
    const text = scriptJson(value)
    expect(text).not.toMatch(/[<\u2028\u2029]/)
    expect(JSON.parse(text)).toEqual(value)
  })
})
