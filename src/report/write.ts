// writeReport: renders every chart, then writes the whole report folder atomically.
import { readFile } from "node:fs/promises"
import * as fs from "node:fs/promises"
import * as path from "node:path"
import type { ScenarioResult } from "../scenario/types.ts"
import { writeDirAtomic } from "./atomic.ts"
import { buildCharts } from "./charts.ts"
import { COMPANIONS, rowsCsv, runInfo, serialiseResult, toJson } from "./data.ts"
import { buildFigures, runCompanions } from "./figures.ts"
import { renderPdf } from "./pdf.ts"
import { renderHtml } from "./html.ts"
import { browserLibs, scriptFiles } from "./libs.ts"
import { renderPng, renderSvg } from "./render.ts"
import { summaryCsv, summaryMarkdown } from "./summary.ts"

export interface WriteReportOptions {
  /** The report folder itself (see resolveReportDir); replaced whole if it holds a report. */
  readonly outDir: string
  /** The exact command that regenerates this report (recorded in run.json and index.html). */
  readonly command: string
  /** regretlab's package version. */
  readonly version: string
  /** Also write a PNG per chart (default true). */
  readonly png?: boolean
  /** Test hook: runs before each file is written (lets a test interrupt a write part-way). */
  readonly beforeWrite?: (name: string) => void | Promise<void>
  /** The results of the other scenarios the paper figures need (default: run them now, at their defaults). */
  readonly companions?: readonly ScenarioResult[]
  /** run.json of the report being re-rendered: its provenance is kept, the re-rendering recorded. */
  readonly previous?: unknown
}

/** An existing folder may be replaced only if it is a report we wrote, or empty. */
const isReplaceable = async (dir: string): Promise<boolean> => {
  const stat = await fs.stat(dir)
  if (!stat.isDirectory()) return false
  const names = await fs.readdir(dir)
  return names.length === 0 || names.includes("run.json")
}

export const writeReport = async (result: ScenarioResult, options: WriteReportOptions): Promise<{ dir: string; files: readonly string[] }> => {
  const dir = path.resolve(options.outDir)
  const png = options.png ?? true
  const companions = options.companions ?? runCompanions(result)
  const charts = [...buildFigures(result, companions), ...buildCharts(result)]
  const svgs = await Promise.all(charts.map((c) => renderSvg(c.spec)))
  const run = runInfo(result, options.command, options.version, options.previous)
  const libs = browserLibs()

  const entries: [string, string | Uint8Array][] = []
  for (const [i, c] of charts.entries()) {
    entries.push([`${c.name}.vl.json`, JSON.stringify(c.spec, null, 1) + "\n"], [`${c.name}.svg`, svgs[i]])
    if (png) entries.push([`${c.name}.png`, renderPng(svgs[i])])
    if (c.pdf) entries.push([`${c.name}.pdf`, await renderPdf(svgs[i])])
  }
  if (companions.length > 0) entries.push([COMPANIONS, toJson(companions.map(serialiseResult))])
  entries.push(
    ["data.json", toJson(serialiseResult(result))],
    ["data.csv", rowsCsv(result)],
    ["summary.md", summaryMarkdown(result)],
    ["summary.csv", summaryCsv(result)],
    ["run.json", toJson(run)]
  )
  for (const lib of libs) entries.push([lib.file, await readFile(lib.source)])
  const files = ["index.html", ...entries.map(([name]) => name)]
  entries.push(["index.html", renderHtml({ result, charts, run, scripts: scriptFiles(libs), png, files: files.filter((f) => !f.startsWith("lib/")) })])

  await writeDirAtomic(
    dir,
    async (write) => {
      for (const [name, content] of entries) {
        await options.beforeWrite?.(name)
        await write(name, content)
      }
    },
    isReplaceable
  )
  return { dir, files }
}
