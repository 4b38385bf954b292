// Opens a written report from file:// in Debian's headless Chromium (playwright-core drives it; no
// browser download). Where chromium is missing the test fails with the install command instead of
// passing silently.
import { existsSync } from "node:fs"
import * as fs from "node:fs/promises"
import * as os from "node:os"
import * as path from "node:path"
import { pathToFileURL } from "node:url"
import { chromium } from "playwright-core"
import { describe, expect, it } from "vitest"
import { writeReport } from "../../src/report/index.ts"
import { makeResult, XSS } from "./fixture.ts"

const CHROMIUM = process.env.REGRETLAB_CHROMIUM ?? "/usr/bin/chromium"
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]

describe("index.html in headless Chromium", () => {
  it("renders every chart offline from file://, legends name the learners, no console errors, no network", async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium not found at ${CHROMIUM}. Install it with: apt-get install -y chromium`)
    }
    const labels = ["Adam", "AMSGrad", XSS] as const
    const parent = await fs.mkdtemp(path.join(os.tmpdir(), "regretlab-browser-"))
    const { dir } = await writeReport(makeResult({ horizon: 2000, labels: [...labels] }), { outDir: path.join(parent, "report"), command: "regretlab run test", version: "0", png: false })
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS })
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
      const problems: string[] = []
      const requests: string[] = []
      page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`) })
      page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`))
      page.on("dialog", (d) => { problems.push(`dialog: ${d.message()}`); void d.dismiss() })
      page.on("request", (r) => requests.push(r.url()))
      await page.goto(pathToFileURL(path.join(dir, "index.html")).href)
      const rendered = await page.evaluate(() => (window as unknown as { regretlabRendered: Promise<boolean[]> }).regretlabRendered)
      const charts = await page.$$eval(".chart", (els) => els.map((e) => e.getAttribute("data-chart")))
      expect(rendered).toEqual(charts.map(() => true))
      expect(charts).toEqual(["avg-regret", "regret", "iterate", "step-size", "gamma", "summary"])

      const perChart = await page.$$eval(".chart", (els) =>
        els.map((el) => ({
          name: el.getAttribute("data-chart"),
          marks: el.querySelectorAll("svg .role-mark path").length,
          // First line of each learner legend label (the second line is the hyperparameters); the
          // comparator's own legend entry has no second line.
          legend: Array.from(el.querySelectorAll("svg .role-legend-label text")).filter((t) => t.querySelector("tspan")).map((t) => t.querySelector("tspan")!.textContent),
          injected: el.querySelectorAll("img, script").length
        }))
      )
      for (const c of perChart) {
        expect(c.marks, `${c.name} has marks`).toBeGreaterThanOrEqual(labels.length)
        expect(c.legend, `${c.name} legend`).toEqual([...labels])
        expect(c.injected).toBe(0)
      }
      const firstCell = await page.$eval("#summary-table tbody tr:last-child td.learner", (td) => ({ text: td.textContent, children: td.children.length }))
      expect(firstCell).toEqual({ text: XSS, children: 0 })
      expect(problems).toEqual([])
      expect(requests.filter((u) => !u.startsWith("file://"))).toEqual([])
      await page.screenshot({ path: path.join(dir, "screenshot.png"), fullPage: true })
      await fs.mkdir("reports/.test-artifacts", { recursive: true })
      await fs.copyFile(path.join(dir, "screenshot.png"), "reports/.test-artifacts/browser-screenshot.png")
      expect((await fs.stat(path.join(dir, "screenshot.png"))).size).toBeGreaterThan(10_000)
    } finally {
      await browser.close()
      await fs.rm(parent, { recursive: true, force: true })
    }
  })
})
