// npm run bench:playground: the playground's input-to-redraw latency in headless Chromium at
// 1280×900. Opens the built page from file:// on reddi2018/online (3 learners) and moves Adam's β2
// slider (each value new, so Adam is replayed every time and the other two learners come from the
// cache), two ways:
//   steps: one keyboard step at a time, each after the page has settled and a pause (see pause);
//     timed from the slider's input event to the charts on screen drawn with the complete result,
//     to all four drawn (the two off screen are drawn when the page is next idle), and to the end
//     of the next frame;
//   drag: one input event per animation frame (60 a second, as a dragged slider sends them) for
//     two seconds; each input's latency runs to the first draw of its state or a newer one.
// Reported: median and p95 for T = 10^5 and 10^6, and where a step's time goes (input → worker;
// in the worker: resolve, play, chart specs, splitting them and finding what changed, and all of
// it; worker → page; page: draw).
//   node --import tsx/esm bench/playground.ts [--steps N] [--frames N]
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
const framesArg = process.argv.indexOf("--frames")
const FRAMES = framesArg > 0 ? Number(process.argv[framesArg + 1]) : 120

const quantile = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  const i = (s.length - 1) * q
  const lo = Math.floor(i), hi = Math.ceil(i)
  return s[lo] + (s[hi] - s[lo]) * (i - lo)
}

type Hook = { updates: UpdateRecord[]; drawnId: number; lastId: number }

/** Every chart drawn with the newest state. */
const settled = (page: Page) =>
  page.waitForFunction(() => {
    const h = (window as unknown as { regretlabPlayground: Hook }).regretlabPlayground
    return document.body.dataset.state === "ready" && h.drawnId === h.lastId
  }, null, { timeout: 60_000 })

/**
 * The pause before key press i: 40 to 72 ms, spread so that over the steps the presses fall at
 * every point of the display's 16.7 ms refresh cycle, as a person's do (a press always just after
 * a frame, or always just before one, would time the best or the worst case only).
 */
const pause = (i: number): number => 40 + ((i * 7) % 33)

const open = async (page: Page, url: string): Promise<void> => {
  // A fresh document: going from one #state to another is only a hash change, which the page's
  // pending URL write can overwrite.
  await page.goto("about:blank")
  await page.goto(url)
  await settled(page)
}

const measure = async (page: Page, url: string): Promise<UpdateRecord[]> => {
  await open(page, url)
  const slider = page.locator('input[type=range][data-key="learners.adam.beta2"]')
  await slider.focus()
  const records: UpdateRecord[] = []
  for (let i = 0; i < WARMUP + STEPS; i++) {
    // Down from 0.99 one step (0.001) at a time: every value is new, so Adam is replayed.
    await page.waitForTimeout(pause(i))
    await page.keyboard.press("ArrowLeft")
    await settled(page)
    const last = await page.evaluate(() => {
      const h = (window as unknown as { regretlabPlayground: Hook }).regretlabPlayground
      return h.updates.filter((u) => u.id === h.lastId && u.complete).at(-1)
    })
    if (last === undefined || last.latency === undefined || last.latencyAll === undefined) throw new Error("no timed update recorded")
    if (i >= WARMUP) records.push(last)
  }
  return records
}

/**
 * A drag: one input event per animation frame, `frames` of them, each a new β2. Returns each
 * input's latency: from its event to the end of the first draw (charts on screen) of its state or
 * a newer one, and the frame interval the page kept.
 */
const drag = async (page: Page, url: string, frames: number): Promise<{ latencies: number[]; frames: number[]; interval: number; draws: number }> => {
  await open(page, url)
  // Plain JavaScript (not a transpiled function): the page runs it as it is.
  return await page.evaluate(`(async () => {
    const h = window.regretlabPlayground
    const slider = document.querySelector('input[type=range][data-key="learners.adam.beta2"]')
    let v = Number(slider.value)
    const inputs = []
    await new Promise((done) => {
      let i = 0
      const frame = () => {
        if (i++ === ${frames}) return done()
        v = Math.round((v - 0.0005) * 1e6) / 1e6
        slider.value = String(v)
        const event = new Event("input", { bubbles: true })
        slider.dispatchEvent(event)
        inputs.push({ id: h.lastId, t: event.timeStamp })
        requestAnimationFrame(frame)
      }
      requestAnimationFrame(frame)
    })
    await new Promise((done) => { const poll = () => (document.body.dataset.state === "ready" && h.drawnId === h.lastId ? done() : setTimeout(poll, 20)); poll() })
    const shown = h.updates.filter((u) => u.complete)
    const latencies = inputs.map((input) => { const d = shown.find((u) => u.id >= input.id); return d === undefined ? NaN : d.at - input.t })
    const frames = inputs.map((input) => { const d = shown.find((u) => u.id >= input.id); return d === undefined || d.frameAt === undefined ? NaN : d.frameAt - input.t })
    const gaps = inputs.slice(1).map((x, i) => x.t - inputs[i].t).sort((a, b) => a - b)
    return { latencies, frames, interval: gaps[gaps.length >> 1], draws: shown.filter((u) => u.id >= inputs[0].id).length }
  })()`)
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
      const url = `${base}#scenario=reddi2018%2Fonline&set=horizon%3D${horizon}`
      const records = await measure(page, url)
      const replayed = records.every((r) => r.computed.length === 1 && r.computed[0] === "adam")
      const onScreen = [...new Set(records.map((r) => r.drawn.join(", ")))].join(" | ")
      console.log(`\nT = ${horizon.toLocaleString("en-US")} (only adam replayed each step: ${replayed ? "yes" : "no"}; charts rebuilt in ${records.filter((r) => r.rebuilt > 0).length} of ${records.length} steps; on screen: ${onScreen})`)
      console.log(line("input → on screen", records.map((r) => r.latency!)))
      console.log(line("input → all four", records.map((r) => r.latencyAll!)))
      console.log(line("input → next frame", records.map((r) => r.latencyFrame ?? NaN)))
      console.log(line("  worker: resolve", records.map((r) => r.resolve)))
      console.log(line("  worker: play", records.map((r) => r.play)))
      console.log(line("  worker: chart specs", records.map((r) => r.specs)))
      console.log(line("  worker: split, diff", records.map((r) => r.delta)))
      console.log(line("  input → worker", records.map((r) => r.toWorker!)))
      console.log(line("  worker, in all", records.map((r) => r.worker)))
      console.log(line("  worker → page", records.map((r) => r.toPage)))
      console.log(line("  page: draw", records.map((r) => r.draw)))
      const d = await drag(page, url, FRAMES)
      const ok = d.latencies.filter((x) => Number.isFinite(x))
      console.log(`drag, ${FRAMES} inputs one per frame (the page kept a frame every ${d.interval.toFixed(1)} ms; ${d.draws} draws)`)
      console.log(line("input → on screen", ok))
      console.log(line("input → next frame", d.frames.filter((x) => Number.isFinite(x))))
    }
  } finally {
    await browser.close()
    await fs.rm(dir, { recursive: true, force: true })
  }
}

await main()
