// The sweep report folder (<sweep>/report): heatmaps or line charts (Vega-Lite spec, SVG, PNG),
// a sortable table of every grid point, points.csv, and the same provenance as a single run (the
// command that regenerates it, version, Node, time, the full config). Written atomically with the
// report layer's helpers.
import { readFile } from "node:fs/promises"
import * as fs from "node:fs/promises"
import * as path from "node:path"
import type { ChartSpec } from "../report/charts.ts"
import { writeDirAtomic } from "../report/atomic.ts"
import { rendering, toJson, type Rendering } from "../report/data.ts"
import { csvField, escapeHtml as h, fmt } from "../report/format.ts"
import { chartSection, htmlPage } from "../report/page.ts"
import { browserLibs, scriptFiles } from "../report/libs.ts"
import { renderPng, renderSvg } from "../report/render.ts"
import type { SweepPlan } from "./definition.ts"
import { buildSweepCharts, varyingAxes } from "./charts.ts"
import type { Manifest } from "./results.ts"
import { type PointSummary, type SweepSummary, verdictText } from "./summary.ts"

export const REPORT_MARKER = "sweep-report.json"

export interface SweepReportOptions {
  readonly outDir: string
  readonly command: string
  readonly version: string
  readonly png?: boolean
  /** sweep-report.json of the report being re-rendered: its provenance is kept, the re-rendering recorded. */
  readonly previous?: unknown
}

export interface SweepProvenance {
  readonly tool: "regretlab"
  readonly kind: "sweep-report"
  readonly version: string
  readonly command: string
  readonly node: string
  readonly timestamp: string
  readonly plan: SweepPlan
  readonly scenario: unknown
  readonly counts: { readonly total: number; readonly finished: number; readonly failed: number; readonly missing: number }
  /** The last time the report was re-rendered from the results, if it was. */
  readonly rerendered?: Rendering
}

const convergedText = (p: PointSummary): string => (p.converged === undefined ? "—" : `${p.converged}/${p.n}`)

const spreadCell = (s: { n: number; mean: number; sd: number } | undefined): string => (s === undefined || s.n === 0 ? "—" : s.n > 1 ? `${fmt(s.mean)} ± ${fmt(s.sd, 2)}` : fmt(s.mean))

export const pointsCsv = (plan: SweepPlan, summary: SweepSummary): string => {
  const head = [...plan.axes.map((a) => a.name), "learner", "jobs", "failed", "avgRegret_mean", "avgRegret_sd", "avgRegret_min", "avgRegret_max", "regret_mean", "x_mean", "x_sd", "x_min", "x_max", "converged"]
  const rows = summary.points.map((p) =>
    [...plan.axes.map((a) => String(p.values[a.name])), p.learner, p.n, p.failed, p.avgRegret.mean, p.avgRegret.sd, p.avgRegret.min, p.avgRegret.max, p.regret.mean, p.x?.mean, p.x?.sd, p.x?.min, p.x?.max, p.converged]
      .map((v) => csvField(typeof v === "number" && !Number.isFinite(v) ? "" : v))
      .join(",")
  )
  return [head.map(csvField).join(","), ...rows].join("\n") + "\n"
}

const tableSection = (plan: SweepPlan, summary: SweepSummary): string => {
  const num = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? "" : String(v))
  const head = [...plan.axes.map((a) => a.name), "learner", "R_T/T", "x_T", "converged", "failed"]
  const rows = summary.points.map((p) => {
    const conv = p.converged === undefined ? undefined : p.n === 0 ? undefined : p.converged / p.n
    const cls = conv === undefined ? "" : conv === 1 ? "pass" : conv === 0 ? "fail" : ""
    const axisCells = plan.axes.map((a) => {
      const v = p.values[a.name]
      return `<td class="num" data-sort="${h(typeof v === "number" ? String(v) : String(v))}">${h(typeof v === "number" ? fmt(v, 6) : String(v))}</td>`
    })
    return `<tr>${axisCells.join("")}<td>${h(p.learner)}</td>` +
      `<td class="num" data-sort="${num(p.avgRegret.mean)}">${h(spreadCell(p.avgRegret))}</td>` +
      `<td class="num" data-sort="${num(p.x?.mean)}">${h(spreadCell(p.x))}</td>` +
      `<td class="num ${cls}" data-sort="${num(conv)}">${h(convergedText(p))}</td>` +
      `<td class="num${p.failed > 0 ? " fail" : ""}" data-sort="${p.failed}"${p.reasons.length > 0 ? ` title="${h(p.reasons.join("\n"))}"` : ""}>${p.failed}</td></tr>`
  })
  return `<h2 id="points">Every grid point</h2>
<p class="muted">Click a column header to sort. Mean ± sd over seeds${plan.verdict ? `; converged = seeds with ${h(verdictText(plan.verdict))}` : ""}; hover a failure count for the reasons.</p>
<table id="points-table"><thead><tr>${head.map((c, i) => `<th class="sortable" data-col="${i}">${h(c)}</th>`).join("")}</tr></thead>
<tbody>
${rows.join("\n")}
</tbody></table>`
}

const SORT_SCRIPT = `
(function () {
  var table = document.getElementById("points-table");
  if (!table) return;
  var dir = {};
  table.querySelectorAll("th.sortable").forEach(function (th) {
    th.addEventListener("click", function () {
      var col = Number(th.getAttribute("data-col"));
      dir[col] = -(dir[col] || -1);
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var key = function (r) { var c = r.cells[col]; var s = c.getAttribute("data-sort"); return s === null ? c.textContent : s; };
      rows.sort(function (a, b) {
        var x = key(a), y = key(b), nx = parseFloat(x), ny = parseFloat(y);
        var c = (x === "" && y === "") ? 0 : x === "" ? 1 : y === "" ? -1 : (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
        return c * dir[col];
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
})();`

export const renderSweepHtml = (input: { plan: SweepPlan; summary: SweepSummary; charts: readonly ChartSpec[]; info: SweepProvenance; scripts: readonly string[]; png: boolean; files: readonly string[] }): string => {
  const { plan, summary, charts, info } = input
  const axes = varyingAxes(plan)
  const shape = axes.length > 2 ? `<p class="muted">${axes.length} varying axes: no chart (heatmaps take two axes, line charts one); the table has every point.</p>` : ""
  const status = summary.missing > 0
    ? `<p class="fail">${summary.missing} of ${summary.total} jobs have no result yet (an interrupted run or a missing shard): the charts show the jobs finished.</p>`
    : ""
  const failed = summary.failed > 0 ? `<p class="fail">${summary.failed} job${summary.failed === 1 ? "" : "s"} failed (see the table).</p>` : ""
  return htmlPage({
    title: plan.title,
    kind: "sweep",
    header: `<p class="muted">sweep <code>${h(plan.id)}</code> of scenario <code>${h(plan.scenarioId)}</code>${plan.citation ? ` · ${h(plan.citation)}` : ""}</p>
${plan.description ? `<p>${h(plan.description)}</p>` : ""}
${plan.notes.length > 0 ? `<ul>${plan.notes.map((n) => `<li>${h(n)}</li>`).join("")}</ul>` : ""}
<p>${h(`${summary.total} jobs: ${plan.axes.map((a) => `${a.name} (${a.values.length})`).join(" × ")} × ${plan.learners.length} learner${plan.learners.length === 1 ? "" : "s"} × ${plan.seeds.length} seed${plan.seeds.length === 1 ? "" : "s"}`)}${plan.verdict ? h(`; converged means ${verdictText(plan.verdict)}`) : ""}.</p>
${status}${failed}${shape}`,
    body: `${charts.map((c, i) => chartSection(c, i, input.png)).join("\n")}
${tableSection(plan, summary)}
<h2 id="config">Configuration</h2>
<pre id="config-json">${h(JSON.stringify({ sweep: { ...plan }, scenario: info.scenario }, null, 2))}</pre>`,
    charts,
    png: input.png,
    provenance: [
      ["regenerate with", info.command], ["regretlab version", info.version], ["Node", info.node], ["generated", info.timestamp],
      ...(info.rerendered ? [["re-rendered", `${info.rerendered.timestamp} (regretlab ${info.rerendered.version}, Node ${info.rerendered.node})`] as const] : []),
      ["seeds", plan.seeds.join(", ")], ["fingerprint", plan.fingerprint]
    ],
    files: input.files,
    scripts: input.scripts,
    extraScript: SORT_SCRIPT
  })
}

const isReplaceable = async (dir: string): Promise<boolean> => {
  const stat = await fs.stat(dir)
  if (!stat.isDirectory()) return false
  const names = await fs.readdir(dir)
  return names.length === 0 || names.includes(REPORT_MARKER)
}

export const writeSweepReport = async (manifest: Manifest, summary: SweepSummary, options: SweepReportOptions): Promise<{ dir: string; files: readonly string[] }> => {
  const dir = path.resolve(options.outDir)
  const png = options.png ?? true
  const plan = manifest.plan
  const charts = buildSweepCharts(plan, summary)
  const svgs = await Promise.all(charts.map((c) => renderSvg(c.spec)))
  const previous = (options.previous ?? {}) as Partial<Record<keyof SweepProvenance, unknown>>
  const text = (v: unknown, fallback: string) => (typeof v === "string" ? v : fallback)
  const info: SweepProvenance = {
    tool: "regretlab",
    kind: "sweep-report",
    version: text(previous.version, options.version),
    command: text(previous.command, options.command),
    node: text(previous.node, process.version),
    timestamp: text(previous.timestamp, new Date().toISOString()),
    ...(options.previous !== undefined ? { rerendered: rendering(options.version) } : {}),
    plan,
    scenario: manifest.scenario,
    counts: { total: summary.total, finished: summary.finished, failed: summary.failed, missing: summary.missing }
  }
  const entries: [string, string | Uint8Array][] = []
  charts.forEach((c, i) => {
    entries.push([`${c.name}.vl.json`, JSON.stringify(c.spec, null, 1) + "\n"], [`${c.name}.svg`, svgs[i]])
    if (png) entries.push([`${c.name}.png`, renderPng(svgs[i])])
  })
  entries.push(["points.csv", pointsCsv(plan, summary)], ["summary.json", toJson(summary)], [REPORT_MARKER, toJson(info)])
  const libs = browserLibs()
  for (const lib of libs) entries.push([lib.file, await readFile(lib.source)])
  const files = ["index.html", ...entries.map(([n]) => n)]
  entries.push(["index.html", renderSweepHtml({ plan, summary, charts, info, scripts: scriptFiles(libs), png, files: files.filter((f) => !f.startsWith("lib/")) })])
  await writeDirAtomic(dir, async (write) => {
    for (const [name, content] of entries) await write(name, content)
  }, isReplaceable)
  return { dir, files }
}
