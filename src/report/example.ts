// Regenerates the committed example report, reports/examples/reddi2018-online/: the chart SVGs,
// Reddi et al.'s Figure 1 (SVG and the PDF for LaTeX; its right panel runs reddi2018/stochastic at
// its defaults) and summary.md/csv of the Section 5 reproduction (no PNG, no timestamps), so the
// README can show the figures without running anything and a test can check that regenerating
// gives the same bytes.
//   npx tsx src/report/example.ts [out-dir]
import * as fs from "node:fs/promises"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { getScenario, runScenarioSync } from "../scenario/index.ts"
import type { ScenarioResult } from "../scenario/types.ts"
import { writeDirAtomic } from "./atomic.ts"
import { buildCharts } from "./charts.ts"
import { buildFigures, runCompanions } from "./figures.ts"
import { renderPdf } from "./pdf.ts"
import { renderSvg } from "./render.ts"
import { summaryCsv, summaryMarkdown } from "./summary.ts"

export const EXAMPLE_ID = "reddi2018/online"
export const EXAMPLE_DIR = fileURLToPath(new URL("../../reports/examples/reddi2018-online", import.meta.url))
export const EXAMPLE_COMMAND = "npx tsx src/report/example.ts"

export const exampleResult = (): ScenarioResult => {
  const scenario = getScenario(EXAMPLE_ID)
  if (!scenario) throw new Error(`built-in scenario ${EXAMPLE_ID} is missing`)
  return runScenarioSync(scenario)
}

/** The example's files by name; deterministic for a given scenario and code. */
export const exampleFiles = async (result: ScenarioResult = exampleResult()): Promise<Map<string, string | Uint8Array>> => {
  const files = new Map<string, string | Uint8Array>()
  for (const chart of [...buildFigures(result, runCompanions(result)), ...buildCharts(result)]) {
    const svg = await renderSvg(chart.spec)
    files.set(`${chart.name}.svg`, svg)
    if (chart.pdf) files.set(`${chart.name}.pdf`, await renderPdf(svg))
  }
  files.set("summary.md", summaryMarkdown(result) + `\nRegenerate with \`${EXAMPLE_COMMAND}\`; the full report (HTML, PNG, data) comes from \`regretlab run ${EXAMPLE_ID}\`.\n`)
  files.set("summary.csv", summaryCsv(result))
  return files
}

export const writeExample = async (dir: string = EXAMPLE_DIR): Promise<readonly string[]> => {
  const files = await exampleFiles()
  await writeDirAtomic(
    dir,
    async (write) => {
      for (const [name, content] of files) await write(name, content)
    },
    async (existing) => (await fs.readdir(existing)).every((n) => n.endsWith(".svg") || n.endsWith(".pdf") || n.startsWith("summary."))
  )
  return [...files.keys()]
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(process.argv[2] ?? EXAMPLE_DIR)
  const names = await writeExample(dir)
  console.log(`wrote ${names.length} files to ${path.relative(process.cwd(), dir) || "."}: ${names.join(", ")}`)
}
