// The built playground in Debian's headless Chromium, from file://: Adam's β2 slider moved with the
// keyboard on the Section-5 scenario redraws the charts, and the drawn final R_T/T equals, bit for
// bit, what the page's own `regretlab run` command prints with --json; a pasted invalid scenario
// gets the CLI's message; the page's URL reloads to the same state; no console errors and no
// requests beyond the page's own files; charts fed update by update hold what a fresh page draws
// from the same URL, and export as SVG and PNG; a dragged slider (an input per frame) draws the
// charts on screen first, follows the drag, and ends where a fresh page does. Where chromium is missing the test fails with the
// install command instead of passing silently.
import { existsSync } from "node:fs"
import * as fs from "node:fs/promises"
import * as os from "node:os"
import * as path from "node:path"
import { pathToFileURL } from "node:url"
import { chromium, type Browser, type Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buildPlayground, type BuildResult } from "../../src/playground/build.ts"
import { cli } from "../cli/run-cli.ts"

const CHROMIUM = process.env.REGRETLAB_CHROMIUM ?? "/usr/bin/chromium"
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]

interface Hook {
  readonly drawnId: number
  readonly lastId: number
  readonly state: unknown
  chartData(name: string): Record<string, { learner: string; t: number; mean?: number; value?: number }[]>
}
type Win = { regretlabPlayground: Hook }

let dir: string
let built: BuildResult
let browser: Browser

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}. Install it with: apt-get install -y chromium`)
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "regretlab-playground-"))
  built = await buildPlayground({ outDir: path.join(dir, "playground") })
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS })
})

afterAll(async () => {
  await browser?.close()
  if (dir) await fs.rm(dir, { recursive: true, force: true })
})

/** Watches a page for console errors and warnings, page errors, dialogs and requests. */
const watch = (page: Page) => {
  const problems: string[] = []
  const requests: string[] = []
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`) })
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`))
  page.on("dialog", (d) => { problems.push(`dialog: ${d.message()}`); void d.dismiss() })
  page.on("request", (r) => requests.push(r.url()))
  // file: is the page's own folder; blob: is the engine worker made from the page's own script.
  return { problems, network: () => requests.filter((u) => !u.startsWith("file://") && !u.startsWith("blob:")) }
}

/** Resolves when the latest state is drawn in full. */
const settled = (page: Page) =>
  page.waitForFunction(() => {
    const h = (window as unknown as Win).regretlabPlayground
    return h !== undefined && document.body.dataset.state === "ready" && h.drawnId === h.lastId && h.drawnId > 0
  }, null, { timeout: 20_000 })

/** Final R_t/t per learner, as the avg-regret chart's live vega view holds it. */
const drawnFinal = (page: Page) =>
  page.evaluate(() => {
    const data = (window as unknown as Win).regretlabPlayground.chartData("avg-regret")
    const rows = Object.values(data).flat()
    const out: Record<string, { t: number; value: number }> = {}
    // One run per learner is drawn as its checkpoint value (`value`), several seeds as their `mean`.
    for (const r of rows) if (out[r.learner] === undefined || r.t > out[r.learner].t) out[r.learner] = { t: r.t, value: (r.mean ?? r.value)! }
    return out
  })

/** A 1280×900 page on reddi2018/online at T = 20 000, settled, with Adam's β2 slider focused. */
const openOnline = async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  const seen = watch(page)
  await page.goto(`${pathToFileURL(built.index).href}#scenario=reddi2018%2Fonline&set=horizon%3D20000`)
  await settled(page)
  const slider = page.locator('input[type=range][data-key="learners.adam.beta2"]')
  await slider.focus()
  return { page, seen, slider }
}

/** A fresh page opened from `page`'s URL once the page has written it, settled. */
const freshFrom = async (page: Page) => {
  await page.waitForFunction(() => document.body.dataset.url === "written")
  const fresh = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  const seenFresh = watch(fresh)
  await fresh.goto(page.url())
  await settled(fresh)
  return { fresh, seenFresh }
}

/** What every chart's live vega view holds: rows per dataset (as sorted texts) and signal values. */
const charts = (p: Page) => p.evaluate(() => {
  const h = (window as unknown as { regretlabPlayground: { chartData(name: string): Record<string, unknown[]>; chartSignals(name: string): Record<string, unknown> } }).regretlabPlayground
  // Row order within a dataset is vega's (removed and inserted rows go last): compare as sorted texts.
  return Object.fromEntries(["avg-regret", "regret", "iterate", "gamma"].map((name) => [name, {
    data: Object.fromEntries(Object.entries(h.chartData(name)).map(([d, rows]) => [d, rows.map((r) => JSON.stringify(r)).sort()])),
    signals: h.chartSignals(name)
  }]))
})

const tableValues = (page: Page) =>
  page.$$eval("#summary tbody tr", (trs) => Object.fromEntries(trs.map((tr) => [(tr as HTMLElement).dataset.learner, Number((tr.children[4] as HTMLElement).dataset.value)])))

describe("the playground in headless Chromium", () => {
  it("redraws on a slider, matches `regretlab run --json` bit for bit, checks pasted scenarios like the CLI, reloads from its URL", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    const seen = watch(page)
    await page.goto(`${pathToFileURL(built.index).href}#scenario=reddi2018%2Fonline`)
    await settled(page)
    const before = await drawnFinal(page)
    expect(Object.keys(before)).toEqual(["adam", "amsgrad", "adagrad"])

    // Keyboard: focus Adam's β2 slider and step it up three times (0.99 → 0.993).
    const slider = page.locator('input[type=range][data-key="learners.adam.beta2"]')
    await expect(page.locator(`label[for="${await slider.getAttribute("id")}"]`).textContent()).resolves.toBe("beta2")
    await slider.focus()
    for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight")
    await settled(page)
    expect(await slider.inputValue()).toBe("0.993")
    const after = await drawnFinal(page)
    expect(after.adam.value).not.toBe(before.adam.value)
    expect(after.amsgrad.value).toBe(before.amsgrad.value)
    const argv = JSON.parse((await page.getAttribute("#command", "data-argv"))!) as string[]
    expect(argv).toEqual(["run", "reddi2018/online", "--set", "learners.adam.beta2=0.993"])
    expect(await page.textContent("#command")).toBe("npx regretlab run reddi2018/online --set learners.adam.beta2=0.993")

    // The page's own command, run by the CLI: the same numbers, bit for bit.
    const run = await cli([...argv, "--json", "--no-report"])
    expect(run.code, run.stderr).toBe(0)
    const doc = JSON.parse(run.stdout) as { runs: { learner: string; final: { t: number; avgRegret: number } }[] }
    const table = await tableValues(page)
    for (const r of doc.runs) {
      expect(after[r.learner].t).toBe(r.final.t)
      expect(Object.is(after[r.learner].value, r.final.avgRegret), `${r.learner}: drawn ${after[r.learner].value}, CLI ${r.final.avgRegret}`).toBe(true)
      expect(Object.is(table[r.learner], r.final.avgRegret)).toBe(true)
    }

    // A pasted scenario with an invalid β1: the CLI's message for the same file, and the view stays.
    const bad = { id: "x/bad", title: "bad", domain: { kind: "box", lower: [-1], upper: [1] }, adversary: { kind: "periodic-linear", C: 3 }, learners: [{ label: "a", kind: "adam", beta1: 1 }], horizon: 10, start: [0] }
    await fs.writeFile(path.join(dir, "pasted.json"), JSON.stringify(bad))
    const cliError = await cli(["run", "pasted.json", "--no-report"], { cwd: dir })
    expect(cliError.code).toBe(2)
    await page.click("#paste-box > summary")
    await page.fill("#paste-text", JSON.stringify(bad))
    await page.click("#paste-load")
    await page.waitForFunction(() => (document.getElementById("file-message")?.textContent ?? "") !== "")
    expect(`regretlab: ${await page.textContent("#file-message")}\n`).toBe(cliError.stderr)
    expect(await page.textContent("#file-message")).toBe("pasted.json: learners[0].beta1: expected a number in [0, 1), got 1")

    // The URL holds the state: a fresh page opened from it shows the same experiment.
    await page.waitForFunction(() => document.body.dataset.url === "written")
    const url = page.url()
    const state = await page.evaluate(() => (window as unknown as Win).regretlabPlayground.state)
    const again = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    const seenAgain = watch(again)
    await again.goto(url)
    await settled(again)
    expect(await again.evaluate(() => (window as unknown as Win).regretlabPlayground.state)).toEqual(state)
    expect(await again.locator('input[type=range][data-key="learners.adam.beta2"]').inputValue()).toBe("0.993")
    expect(await drawnFinal(again)).toEqual(after)

    await fs.mkdir("reports/.test-artifacts", { recursive: true })
    await again.screenshot({ path: "reports/.test-artifacts/playground-1280.png" })

    // Learners on and off: adagrad off is the CLI's --learners; the exported scenario JSON, run by
    // the CLI, gives the drawn numbers; pasted back in, it draws the same.
    await again.uncheck('input[type=checkbox][data-learner="adagrad"]')
    await settled(again)
    expect(await again.textContent("#command")).toBe("npx regretlab run reddi2018/online --set learners.adam.beta2=0.993 --learners adam,amsgrad")
    const shown = await drawnFinal(again)
    expect(Object.keys(shown)).toEqual(["adam", "amsgrad"])
    const [download] = await Promise.all([again.waitForEvent("download"), again.click("#export-json")])
    expect(download.suggestedFilename()).toBe("reddi2018-online.json")
    const exported = path.join(dir, "reddi2018-online.json")
    await download.saveAs(exported)
    const fromFile = await cli(["run", exported, "--json", "--no-report"])
    expect(fromFile.code, fromFile.stderr).toBe(0)
    const fileDoc = JSON.parse(fromFile.stdout) as { runs: { learner: string; final: { avgRegret: number } }[] }
    expect(Object.fromEntries(fileDoc.runs.map((r) => [r.learner, r.final.avgRegret]))).toEqual({ adam: shown.adam.value, amsgrad: shown.amsgrad.value })
    await again.click("#paste-box > summary")
    await again.fill("#paste-text", await fs.readFile(exported, "utf8"))
    await again.click("#paste-load")
    await settled(again)
    expect(await again.textContent("#command")).toBe("npx regretlab run reddi2018-online.json")
    expect(await drawnFinal(again)).toEqual(shown)
    for (const [p, s] of [[page, seen], [again, seenAgain]] as const) {
      expect(s.problems).toEqual([])
      expect(s.network()).toEqual([])
      await p.close()
    }
  })

  it("charts fed update by update (knobs, a learner off, a streamed long run, another scenario and back) hold what a fresh page draws", async () => {
    const { page, seen, slider } = await openOnline()
    for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowLeft")
    await settled(page)
    await page.uncheck('input[type=checkbox][data-learner="amsgrad"]')
    await settled(page)
    // Ten million rounds of two learners (a few hundred ms): partial results every 50 ms before the last.
    await page.fill('input[type=number][data-key="horizon"]', "10000000")
    await page.dispatchEvent('input[type=number][data-key="horizon"]', "change")
    await settled(page)
    const streamed = await page.evaluate(() => (window as unknown as { regretlabPlayground: { updates: { id: number; complete: boolean }[]; lastId: number } }).regretlabPlayground)
    expect(streamed.updates.filter((u) => u.id === streamed.lastId && !u.complete).length).toBeGreaterThan(0)
    await page.selectOption("#scenario-select", "reddi2018/theorem1")
    await settled(page)
    await page.selectOption("#scenario-select", "reddi2018/online")
    await settled(page)
    await slider.focus()
    await page.keyboard.press("ArrowRight")
    await settled(page)

    const { fresh, seenFresh } = await freshFrom(page)
    const live = await charts(page)
    expect(Object.values(live).every((c) => Object.keys(c.data).length > 0 && Object.keys(c.signals).length > 0)).toBe(true)
    expect(live).toEqual(await charts(fresh))

    // The chart exports read the live views.
    const [svg] = await Promise.all([page.waitForEvent("download"), page.click('button[data-export="svg"][data-chart="avg-regret"]')])
    expect(svg.suggestedFilename()).toBe("reddi2018-online-avg-regret.svg")
    expect(await fs.readFile((await svg.path())!, "utf8")).toMatch(/^<svg[^>]*>[\s\S]*<path[\s\S]*<\/svg>$/)
    // The Γ chart is off screen, so not painted; its buttons stay reachable by keyboard, and
    // focusing one scrolls the card into view, which shows the chart.
    expect(await page.evaluate(() => document.getElementById("chart-gamma")!.style.contentVisibility)).toBe("hidden")
    await page.focus('button[data-export="png"][data-chart="gamma"]')
    await page.waitForFunction(() => document.getElementById("chart-gamma")!.style.contentVisibility === "visible")
    const [png] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")])
    expect(png.suggestedFilename()).toBe("reddi2018-online-gamma.png")
    expect((await fs.readFile((await png.path())!)).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    for (const [p, s] of [[page, seen], [fresh, seenFresh]] as const) {
      expect(s.problems).toEqual([])
      await p.close()
    }
  })

  it("a dragged slider: the charts on screen are drawn first and follow the drag; those off screen catch up; the end equals a fresh page", async () => {
    const { page, seen, slider } = await openOnline()
    await page.keyboard.press("ArrowLeft")
    await settled(page)
    type Update = { id: number; complete: boolean; drawn: string[]; latency?: number; latencyAll?: number }
    const step = await page.evaluate(() => {
      const h = (window as unknown as { regretlabPlayground: { updates: Update[]; lastId: number } }).regretlabPlayground
      return h.updates.filter((u) => u.id === h.lastId && u.complete)
    })
    // At 1280×900 the first chart and the top of the second are on screen: those two are drawn at
    // once, the two below when the page is idle, and the record says when each happened.
    expect(step).toHaveLength(1)
    expect(step[0].drawn).toEqual(["avg-regret", "regret"])
    expect(step[0].latencyAll).toBeGreaterThanOrEqual(step[0].latency!)

    // Thirty inputs, one per animation frame, as a dragged slider sends them.
    const drag = await page.evaluate(`(async () => {
      const h = window.regretlabPlayground
      const slider = document.querySelector('input[type=range][data-key="learners.adam.beta2"]')
      const first = h.lastId + 1
      let v = Number(slider.value)
      await new Promise((done) => {
        let i = 0
        const frame = () => {
          if (i++ === 30) return done()
          v = Math.round((v - 0.0005) * 1e6) / 1e6
          slider.value = String(v)
          slider.dispatchEvent(new Event("input", { bubbles: true }))
          requestAnimationFrame(frame)
        }
        requestAnimationFrame(frame)
      })
      return { first, last: h.lastId }
    })()`) as { first: number; last: number }
    expect(drag.last - drag.first).toBe(29)
    await settled(page)
    const drawn = await page.evaluate((first) => {
      const h = (window as unknown as { regretlabPlayground: { updates: Update[] } }).regretlabPlayground
      return h.updates.filter((u) => u.complete && u.id >= first).map((u) => u.id)
    }, drag.first)
    // The charts followed the drag (states on the way were drawn, not only the last), in order.
    expect(drawn.length).toBeGreaterThan(1)
    expect(drawn.at(-1)).toBe(drag.last)
    expect([...drawn].sort((a, b) => a - b)).toEqual(drawn)

    const { fresh, seenFresh } = await freshFrom(page)
    expect(await charts(page)).toEqual(await charts(fresh))
    for (const [p, s] of [[page, seen], [fresh, seenFresh]] as const) {
      expect(s.problems).toEqual([])
      await p.close()
    }
  })

  it("fits a narrow screen: one column, no sideways scrolling; draws every chart without requestIdleCallback", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 })
    // As in Safari, which has no requestIdleCallback: the charts below the fold are drawn all the same.
    await page.addInitScript(() => { delete (window as { requestIdleCallback?: unknown }).requestIdleCallback })
    const seen = watch(page)
    await page.goto(`${pathToFileURL(built.index).href}#scenario=reddi2018%2Ftheorem1`)
    await settled(page)
    await page.fill('input[type=number][data-key="horizon"]', "5000")
    await page.dispatchEvent('input[type=number][data-key="horizon"]', "change")
    await settled(page)
    const last = await page.evaluate(() => (window as unknown as { regretlabPlayground: { updates: { drawn: string[]; complete: boolean }[] } }).regretlabPlayground.updates.filter((u) => u.complete).at(-1)!)
    expect(last.drawn.length).toBeLessThan(4)
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }))
    expect(widths.page).toBeLessThanOrEqual(widths.viewport)
    const charts = await page.$$eval(".chart", (els) => els.map((e) => e.getBoundingClientRect().right))
    for (const right of charts) expect(right).toBeLessThanOrEqual(390)
    await page.screenshot({ path: "reports/.test-artifacts/playground-390.png", fullPage: false })
    expect(seen.problems).toEqual([])
    expect(seen.network()).toEqual([])
    await page.close()
  })
})
