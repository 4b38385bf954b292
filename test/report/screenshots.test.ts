// Every kind of chart as a reader sees it: reports opened in headless Chromium at 1280 px, each
// chart screenshotted to reports/.test-artifacts/screenshots/<report>/<chart>.png (look at them
// after changing a chart). Checked here: every chart renders, fits the page's column (no
// horizontal scrolling), and has its legend; the screenshots are not blank.
import { existsSync } from "node:fs"
import * as fs from "node:fs/promises"
import * as os from "node:os"
import * as path from "node:path"
import { pathToFileURL } from "node:url"
import { chromium, type Browser } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { writeReport } from "../../src/report/index.ts"
import { getScenario, runScenarioSync } from "../../src/scenario/index.ts"
import { resolveSweep } from "../../src/sweep/definition.ts"
import { readManifest, readResults } from "../../src/sweep/results.ts"
import { runSweep } from "../../src/sweep/run.ts"
import { summariseSweep } from "../../src/sweep/summary.ts"
import { writeSweepReport } from "../../src/sweep/report.ts"

const CHROMIUM = process.env.REGRETLAB_CHROMIUM ?? "/usr/bin/chromium"
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
const SHOTS = path.resolve("reports/.test-artifacts/screenshots")

let browser: Browser
let parent: string

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}. Install it with: apt-get install -y chromium`)
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS })
  parent = await fs.mkdtemp(path.join(os.tmpdir(), "regretlab-shots-"))
})

afterAll(async () => {
  await browser?.close()
  if (parent) await fs.rm(parent, { recursive: true, force: true })
})

/** Opens index.html at 1280 px, screenshots each chart, and returns what the page shows. */
const shoot = async (dir: string, name: string) => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  const problems: string[] = []
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`) })
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`))
  await page.goto(pathToFileURL(path.join(dir, "index.html")).href)
  const rendered = await page.evaluate(() => (window as unknown as { regretlabRendered: Promise<boolean[]> }).regretlabRendered)
  const out = path.join(SHOTS, name)
  await fs.rm(out, { recursive: true, force: true })
  await fs.mkdir(out, { recursive: true })
  const charts = await page.$$(".chart")
  const shots: { chart: string; bytes: number; width: number; column: number; legends: number }[] = []
  for (const c of charts) {
    const chart = (await c.getAttribute("data-chart"))!
    const file = path.join(out, `${chart}.png`)
    await c.screenshot({ path: file })
    const { width, column, legends } = await c.evaluate((el) => ({
      width: el.querySelector("svg")!.getBoundingClientRect().width,
      column: el.getBoundingClientRect().width,
      legends: el.querySelectorAll("svg .role-legend").length
    }))
    shots.push({ chart, bytes: (await fs.stat(file)).size, width, column, legends })
  }
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth)
  await page.close()
  return { rendered, shots, problems, scroll }
}

const check = (r: Awaited<ReturnType<typeof shoot>>, expected: readonly string[]) => {
  expect(r.problems).toEqual([])
  expect(r.rendered).toEqual(r.shots.map(() => true))
  expect(r.shots.map((s) => s.chart)).toEqual(expected)
  expect(r.scroll, "no horizontal scrolling at 1280 px").toBeLessThanOrEqual(1280)
  for (const s of r.shots) {
    expect(s.width, `${s.chart} fits its column`).toBeLessThanOrEqual(s.column + 1)
    expect(s.bytes, `${s.chart} is not blank`).toBeGreaterThan(8000)
    expect(s.legends, `${s.chart} has a legend`).toBeGreaterThan(0)
  }
}

describe("screenshots at 1280 px", () => {
  it("reddi2018/online with its paper figure", async () => {
    const online = runScenarioSync({ ...getScenario("reddi2018/online")!, horizon: 20_000 })
    const stochastic = runScenarioSync({ ...getScenario("reddi2018/stochastic")!, horizon: 20_000 })
    const { dir } = await writeReport(online, { outDir: path.join(parent, "online"), command: "test", version: "0", png: false, companions: [stochastic] })
    check(await shoot(dir, "reddi2018-online"), ["figure1", "avg-regret", "regret", "iterate", "step-size", "gamma", "summary"])
  }, 60_000)

  it("reddi2018/stochastic on five seeds", async () => {
    const stochastic = runScenarioSync({ ...getScenario("reddi2018/stochastic")!, horizon: 20_000, seeds: [1, 2, 3, 4, 5] })
    const { dir } = await writeReport(stochastic, { outDir: path.join(parent, "stochastic"), command: "test", version: "0", png: false, companions: [] })
    check(await shoot(dir, "reddi2018-stochastic-5-seeds"), ["avg-regret", "regret", "pseudo-regret", "iterate", "step-size", "gamma", "summary"])
  }, 60_000)

  it("a (β₁, β₂) sweep's heatmaps", async () => {
    const { plan, base } = await resolveSweep("reddi2018/phase", { horizon: 3000, grid: ["learners.adam.beta2=0.9,0.99,0.999,0.9999", "learners.adam.beta1=0,0.5,0.9"] })
    const out = path.join(parent, "sweep")
    await runSweep({ plan, base, outDir: out, workers: 0, resume: false, force: false, shouldStop: () => false })
    const summary = summariseSweep(plan, readResults(path.join(out, "results.jsonl")).records)
    const { dir } = await writeSweepReport(readManifest(out)!, summary, { outDir: path.join(out, "report"), command: "test", version: "0", png: false })
    check(await shoot(dir, "reddi2018-phase"), ["heatmap-x", "heatmap-verdict", "heatmap-avgRegret"])
  }, 60_000)
})
