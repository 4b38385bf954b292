// Regenerates the README's screenshot of the playground (docs/images/playground.png): the page
// built into a temporary folder, opened from file:// in headless Chromium at 1280 × 900 on the
// Section-5 scenario with Adam's β2 moved to 0.999.
//   node --import tsx/esm scripts/playground-screenshot.ts [out.png]
import * as fs from "node:fs/promises"
import * as os from "node:os"
import * as path from "node:path"
import { pathToFileURL } from "node:url"
import { chromium } from "playwright-core"
import { buildPlayground } from "../src/playground/build.ts"
import { version } from "../src/report/version.ts"

const out = process.argv[2] ?? "docs/images/playground.png"
const dir = await fs.mkdtemp(path.join(os.tmpdir(), "regretlab-playground-shot-"))
const browser = await chromium.launch({
  executablePath: process.env.REGRETLAB_CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
})
try {
  const built = await buildPlayground({ outDir: dir, version })
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  await page.goto(`${pathToFileURL(built.index).href}#scenario=reddi2018%2Fonline&set=learners.adam.beta2%3D0.999`)
  await page.waitForFunction(() => document.body.dataset.state === "ready", null, { timeout: 30_000 })
  await page.locator('input[type=range][data-key="learners.adam.beta2"]').focus()
  await fs.mkdir(path.dirname(out), { recursive: true })
  await page.screenshot({ path: out })
  console.log(out)
} finally {
  await browser.close()
  await fs.rm(dir, { recursive: true, force: true })
}
