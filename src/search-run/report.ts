// The report folders of `regretlab search`: for one search, the score history, the found sequence
// (one period) and the regret curves of the verification run at 10T, with their data as CSV, the
// scenario file and every number in search.json; for a failure-region map, the map over the grid,
// every cell in a table and in cells.csv. Written atomically with the report layer's helpers, the
// charts through its renderer (Vega-Lite → SVG → PNG).
import * as fs from "node:fs/promises"
import { readFile } from "node:fs/promises"
import * as path from "node:path"
import type { ChartSpec } from "../report/charts.ts"
import { writeDirAtomic } from "../report/atomic.ts"
import { toJson } from "../report/data.ts"
import { csvField, escapeHtml as h, fmt } from "../report/format.ts"
import { chartSection, htmlPage } from "../report/page.ts"
import { browserLibs, scriptFiles } from "../report/libs.ts"
import { renderPng, renderSvg } from "../report/render.ts"
import { describeLearner } from "../core/learner/registry.ts"
import type { FoundAdversary } from "../search/families.ts"
import type { CellOutcome, RegionAxis } from "../search/region.ts"
import type { Certified, Found, ResolvedSetting, SearchResult, SearchSpec } from "../search/search.ts"
import type { Verification } from "../search/verify.ts"
import { compactJson } from "./compact-json.ts"
import { regionText, searchText, shapeText, short, type RegionRun, type SearchRun } from "./text.ts"
import { historyChart, regionCharts, regretChart, sequenceChart } from "./charts.ts"

export const SEARCH_MARKER = "search.json"

export interface ReportOptions {
  readonly outDir: string
  readonly command: string
  readonly version: string
  readonly png: boolean
}

const historyCsv = (history: SearchResult["history"]): string =>
  ["candidates,seconds,period,generation_best,best,certified", ...history.map((e) => [e.evaluations, e.time === undefined ? "" : (e.time / 1000).toFixed(3), e.period ?? "", e.generationBest, e.best, e.certified].map((v) => csvField(typeof v === "number" && !Number.isFinite(v) ? "" : v as string | number)).join(","))].join("\n") + "\n"

const sequenceCsv = (a: FoundAdversary): string => {
  if (a.kind === "two-point-linear") return ["value,probability," + a.a.map((_, i) => `g${i}`).join(","), `a,${a.p},${a.a.join(",")}`, `b,${1 - a.p},${a.b.join(",")}`].join("\n") + "\n"
  const gs = a.kind === "periodic" ? a.gradients : Array.from({ length: a.period }, (_, k) => a.direction.map((u) => (k === 0 ? a.scale * a.C : -a.scale) * u))
  return [`t,${gs[0].map((_, i) => `g${i}`).join(",")}`, ...gs.map((g, k) => `${k + 1},${g.join(",")}`)].join("\n") + "\n"
}

const curvesCsv = (v: Verification): string =>
  ["learner,role,seed_index,t,regret,avg_regret,pseudo_regret", ...v.runs.flatMap((c) => c.runs.flatMap((rows, k) => rows.map((r) => [c.label, c.role, k, r.t, r.regret ?? "", r.avgRegret, r.pseudoRegret ?? ""].map((x) => csvField(x as string | number)).join(","))))].join("\n") + "\n"

const isReplaceable = async (dir: string, marker: string): Promise<boolean> => {
  const stat = await fs.stat(dir)
  if (!stat.isDirectory()) return false
  const names = await fs.readdir(dir)
  return names.length === 0 || names.includes(marker)
}

const renderAll = async (charts: readonly ChartSpec[], png: boolean): Promise<[string, string | Uint8Array][]> => {
  const svgs = await Promise.all(charts.map((c) => renderSvg(c.spec)))
  return charts.flatMap((c, i): [string, string | Uint8Array][] => [[`${c.name}.vl.json`, JSON.stringify(c.spec, null, 1) + "\n"], [`${c.name}.svg`, svgs[i]], ...(png ? [[`${c.name}.png`, renderPng(svgs[i])] as [string, Uint8Array]] : [])])
}

const writeFolder = async (dir: string, marker: string, entries: [string, string | Uint8Array][], page: (files: readonly string[], scripts: readonly string[]) => string): Promise<string> => {
  const libs = browserLibs()
  for (const lib of libs) entries.push([lib.file, await readFile(lib.source)])
  const files = ["index.html", ...entries.map(([n]) => n).filter((f) => !f.startsWith("lib/"))]
  entries.push(["index.html", page(files, scriptFiles(libs))])
  await writeDirAtomic(path.resolve(dir), async (write) => {
    for (const [name, content] of entries) await write(name, content)
  }, (d) => isReplaceable(d, marker))
  return path.resolve(dir)
}

const provenance = (o: ReportOptions): [string, string][] => [["command", o.command], ["version", `regretlab ${o.version}`], ["node", process.version], ["written", new Date().toISOString()]]

/** Writes the report folder of one search; returns the folder. */
export const writeSearchReport = async (run: SearchRun, o: ReportOptions): Promise<string> => {
  const { spec, setting, result, found, verification: v } = run
  const sub = [`${describeLearner(spec.learner)}; family ${spec.family}; T = ${spec.horizon}; G = ${setting.G}`]
  const charts: ChartSpec[] = [historyChart(result.history, [...sub, `${result.evaluations} candidates in ${run.seconds.toFixed(1)} s, budget ${run.budget}`])]
  if (found !== undefined) charts.push(sequenceChart(found.adversary, setting.G, [...sub, shapeText(found.adversary)]))
  if (v !== undefined) charts.push(regretChart(v.runs, spec.horizon, setting.measure, setting.G * setting.D, [...sub, v.certified ? "certified: the target's curve is flat from T to 10T, AMSGrad's falls" : "not certified"]))
  const entries = await renderAll(charts, o.png)
  const document = {
    tool: "regretlab", kind: "search-report", version: o.version, command: o.command, node: process.version, timestamp: new Date().toISOString(),
    spec, setting, budget: run.budget, workers: run.workers, seconds: run.seconds, stopped: run.stopped,
    evaluations: result.evaluations, verifications: result.verifications,
    firstCertified: result.firstCertified, bestCertified: result.bestCertified, best: result.best, reported: found,
    verification: v === undefined ? undefined : { certified: v.certified, certificate: v.certificate, expectations: v.expectations, crossCheck: v.crossCheck }
  }
  entries.push([SEARCH_MARKER, toJson(document)], ["history.csv", historyCsv(result.history)])
  if (found !== undefined) entries.push(["sequence.csv", sequenceCsv(found.adversary)])
  if (v !== undefined) entries.push(["scenario.json", compactJson(v.scenario) + "\n"], ["regret.csv", curvesCsv(v)])
  const verdict = v === undefined ? "<p>No candidate was scored.</p>"
    : `<p class="${v.certified ? "pass" : "fail"}"><strong>${v.certified ? "Certified" : "Not certified"}</strong>: ${h(found === undefined ? "" : shapeText(found.adversary))}</p>
<table><tr><th></th><th>R_t/t/(G·D) at T</th><th>at 10T</th><th>ratio</th></tr>
<tr><th>target (${h(v.runs[0].label)})</th><td class="num">${short(v.certificate.target.atT)}</td><td class="num">${short(v.certificate.target.at10T)}</td><td class="num">${short(v.certificate.target.ratio, 3)}</td></tr>
<tr><th>contrast (AMSGrad)</th><td class="num">${short(v.certificate.contrast.atT)}</td><td class="num">${short(v.certificate.contrast.at10T)}</td><td class="num">${short(v.certificate.contrast.ratio, 3)}</td></tr></table>
${v.certificate.failures.length > 0 ? `<ul>${v.certificate.failures.map((f) => `<li>${h(f)}</li>`).join("")}</ul>` : ""}
<p class="muted">${h(searchText(run)).replace(/\n/g, "<br>")}</p>
<p>Run it again: <code>npx regretlab run scenario.json --check</code> (in this folder).</p>`
  return writeFolder(o.outDir, SEARCH_MARKER, entries, (files, scripts) => htmlPage({
    title: `Search: ${describeLearner(spec.learner)}`, kind: "search", header: verdict,
    body: charts.map((c, i) => chartSection(c, i, o.png)).join("\n"), charts, png: o.png, provenance: provenance(o), files, scripts
  }))
}

const cellsCsv = (r: RegionRun): string =>
  [[...r.axes.map((a) => a.name), "certified", "candidates", "first_certified", "score", "late", "ratio", "period", "target_T", "target_10T", "amsgrad_T", "amsgrad_10T"].join(","),
    ...r.cells.map((c) => [...r.axes.map((a) => String(c.values[a.name])), c.certified, c.evaluations, c.firstCertified ?? "", c.score, c.late, c.ratio, c.period ?? "", c.certificate?.targetAtT ?? "", c.certificate?.targetAt10T ?? "", c.certificate?.contrastAtT ?? "", c.certificate?.contrastAt10T ?? ""]
      .map((v) => csvField(typeof v === "number" && !Number.isFinite(v) ? "" : (v as string | number))).join(","))].join("\n") + "\n"

/** Writes the report folder of a failure-region map; returns the folder. */
export const writeRegionReport = async (r: RegionRun, o: ReportOptions): Promise<string> => {
  const sub = [`${r.base.learner.kind}/${r.base.learner.preset} with ${r.axes.map((a) => a.name).join(" and ")} from the grid; family ${r.base.family}; T = ${r.base.horizon}; P ≤ ${r.base.maxPeriod ?? 200}; up to ${r.evaluations} candidates per cell`, `${r.cells.length} cells in ${r.seconds.toFixed(0)} s on ${r.workers === 0 ? "one thread" : `${r.workers} worker threads`}${r.stopped ? " (stopped early)" : ""}`]
  const charts = regionCharts(r.axes, r.cells, sub)
  const entries = await renderAll(charts, o.png)
  const sorted = [...r.cells].sort((a, b) => a.index - b.index)
  entries.push(
    [SEARCH_MARKER, toJson({ tool: "regretlab", kind: "search-region-report", version: o.version, command: o.command, node: process.version, timestamp: new Date().toISOString(), id: r.id, title: r.title, base: r.base, axes: r.axes, evaluationsPerCell: r.evaluations, cells: sorted, total: r.total, seconds: r.seconds, workers: r.workers, stopped: r.stopped })],
    ["cells.csv", cellsCsv({ ...r, cells: sorted })]
  )
  const table = `<h2 id="cells">Every cell</h2><table><thead><tr>${[...r.axes.map((a) => a.name), "certified", "candidates", "first certificate", "best score", "decay ratio", "period", "target T → 10T", "AMSGrad T → 10T"].map((c) => `<th>${h(c)}</th>`).join("")}</tr></thead><tbody>
${sorted.map((c) => `<tr>${r.axes.map((a) => `<td class="num">${h(String(c.values[a.name]))}</td>`).join("")}<td class="${c.certified ? "fail" : ""}">${c.certified ? "yes" : "no"}</td><td class="num">${c.evaluations}</td><td class="num">${c.firstCertified ?? ""}</td><td class="num">${short(c.score)}</td><td class="num">${short(c.ratio, 3)}</td><td class="num">${c.period ?? ""}</td><td class="num">${c.certificate ? `${short(c.certificate.targetAtT)} → ${short(c.certificate.targetAt10T)}` : ""}</td><td class="num">${c.certificate ? `${short(c.certificate.contrastAtT)} → ${short(c.certificate.contrastAt10T)}` : ""}</td></tr>`).join("\n")}
</tbody></table>`
  const header = `<p>${h(r.description)}</p>${r.notes.map((n) => `<p class="muted">${h(n)}</p>`).join("")}<pre>${h(regionText(r))}</pre>`
  return writeFolder(o.outDir, SEARCH_MARKER, entries, (files, scripts) => htmlPage({
    title: r.title, kind: "search", header, body: charts.map((c, i) => chartSection(c, i, o.png)).join("\n") + table, charts, png: o.png, provenance: provenance(o), files, scripts
  }))
}

