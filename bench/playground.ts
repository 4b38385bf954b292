// npm run bench:playground: the playground's input-to-redraw latency in headless Chromium. Opens
// the built page from file:// on reddi2018/online (3 learners), moves Adam's β2 slider one step at
// a time with the keyboard (each step a new value, so Adam is replayed every time and the other
// two learners come from the cache), and times each step from the slider's input event to the
// four charts drawn with the complete result. Reported: median and p95 for T = 10^5 and 10^6, and
// where the time goes (worker: resolve, play, chart specs, splitting them and finding what changed;
// page: draw).
//   node --import tsx/esm bench/playground.ts [--steps N]
import * as fs from "node:fs/promises"
import * as os from "node:os"
import * as path from "node:path"
import { pathToFileURL } from "node:url"
import { chromium, type Page } from "playwright-core"
import { buildPlayground } from "../src/playground/build.ts"
import type { UpdateRecord } from "../src/playground/app.ts"

const CHROMIUM = process.env.REGRETLAB_CHROMIUM ?? "/usr/bin/chromium"
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
const stepsArg = process.argv.indexOf("--steps")
const STEPS = stepsArg > 0 ? Number(process.argv[stepsArg + 1]) : 40
const WARMUP = 5

const quantile = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  const i = (s.length - 1) * q
  const lo = Math.floor(i), hi = Math.ceil(i)
  return s[lo] + (s[hi] - s[lo]) * (i - lo)
}

type Hook = { updates: UpdateRecord[]; drawnId: number; lastId: number }

const settled = (page: Page) =>
  page.waitForFunction(() => {
    const h = (window as unknown as { regretlabPlayground: Hook }).regretlabPlayground
    return document.body.dataset.state === "ready" && h.drawnId === h.lastId
  }, null, { timeout: 60_000 })

const measure = async (page: Page, url: string): Promise<UpdateRecord[]> => {
  // A fresh document: going from one #state to another is only a hash change, which the page's
  // pending URL write can overwrite.
  await page.goto("about:blank")
  await page.goto(url)
  await settled(page)
  const slider = page.locator('input[type=range][data-key="learners.adam.beta2"]')
  await slider.focus()
  const records: UpdateRecord[] = []
  for (let i = 0; i < WARMUP + STEPS; i++) {
    // Down from 0.99 one step (0.001) at a time: every value is new, so Adam is replayed.
    await page.keyboard.press("ArrowLeft")
    await settled(page)
    const last = await page.evaluate(() => {
      const h = (window as unknown as { regretlabPlayground: Hook }).regretlabPlayground
      return h.updates.filter((u) => u.id === h.lastId && u.complete).at(-1)
    })
    if (last === undefined || last.latency === undefined) throw new Error("no timed update recorded")
    if (i >= WARMUP) records.push(last)
  }
  return records
}

const line = (label: string, xs: readonly number[]) => `${label.padEnd(22)} median ${quantile(xs, 0.5).toFixed(1).padStart(6)} ms   p95 ${quantile(xs, 0.95).toFixed(1).padStart(6)} ms`

const main = async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "regretlab-playground-bench-"))
  const built = await buildPlayground({ outDir: dir })
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS })
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    const base = pathToFileURL(built.index).href
    console.log(`playground latency, slider input → charts drawn, ${STEPS} steps of adam's β2 on reddi2018/online (3 learners), Chromium headless`)
    for (const horizon of [100_000, 1_000_000]) {
      const records = await measure(page, `${base}#scenario=reddi2018%2Fonline&set=horizon%3D${horizon}`)
      const replayed = records.every((r) => r.computed.length === 1 && r.computed[0] === "adam")
      console.log(`\nT = ${horizon.toLocaleString("en-US")} (only adam replayed each step: ${replayed ? "yes" : "no"}; charts rebuilt in ${records.filter((r) => r.rebuilt > 0).length} of ${records.length} steps)`)
      console.log(line("input → drawn", records.map((r) => r.latency!)))
      console.log(line("  worker: resolve", records.map((r) => r.resolve)))
      console.log(line("  worker: play", records.map((r) => r.play)))
      console.log(line("  worker: chart specs", records.map((r) => r.specs)))
      console.log(line("  worker: split, diff", records.map((r) => r.delta)))
      console.log(line("  messages and waits", records.map((r) => r.wait!)))
      console.log(line("  page: draw", records.map((r) => r.draw)))
    }
  } finally {
    await browser.close()
    await fs.rm(dir, { recursive: true, force: true })
  }
}

await main()
