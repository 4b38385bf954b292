// The sweep report folder (<sweep>/report): heatmaps or line charts (Vega-Lite spec, SVG, PNG),
// a sortable table of every grid point, points.csv, and the same provenance as a single run (the
// command that regenerates it, version, Node, time, the full config). Written atomically with the
// report layer's helpers.
import { readFile } from "node:fs/promises"
import * as fs from "node:fs/promises"
import * as path from "node:path"
import type { ChartSpec } from "../report/charts.ts"
import { writeDirAtomic } from "../report/atomic.ts"
import { toJson } from "../report/data.ts"
import { csvField, escapeHtml as h, fmt, scriptJson } from "../report/format.ts"
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

const STYLE = `
body { font-family: "DejaVu Sans", system-ui, sans-serif; margin: 2rem auto; max-width: 64rem; padding: 0 1rem; color: #222; }
h1 { font-size: 1.5rem; margin-bottom: .2rem; } h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; margin: .5rem 0; } th, td { border: 1px solid #ccc; padding: .2rem .5rem; text-align: left; vertical-align: top; }
th.sortable { cursor: pointer; user-select: none; background: #f6f8fa; } th.sortable::after { content: " ⇅"; color: #999; }
td.num { text-align: right; font-variant-numeric: tabular-nums; } .pass { color: #1a7f37; } .fail { color: #c62828; font-weight: bold; }
.chart { min-height: 200px; } .links { font-size: .85rem; } pre { background: #f6f8fa; padding: .75rem; overflow: auto; font-size: .8rem; }
.muted { color: #666; } code { background: #f3f3f3; padding: 0 .2rem; }`

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

const EMBED_SCRIPT = `
(function () {
  var specs = JSON.parse(document.getElementById("regretlab-specs").textContent);
  var done = specs.map(function (c, i) {
    var el = document.getElementById("chart-" + i);
    if (typeof vegaEmbed !== "function") { el.textContent = "Interactive charts need lib/ next to this file; the SVG files show the same charts."; return Promise.resolve(false); }
    return vegaEmbed(el, c.spec, { renderer: "svg", actions: { export: true, source: true, compiled: false, editor: false } })
      .then(function () { el.setAttribute("data-rendered", "true"); return true; })
      .catch(function (err) { el.textContent = "Chart " + c.name + " failed to render: " + err; return false; });
  });
  window.regretlabRendered = Promise.all(done);
})();`

const chartSection = (c: ChartSpec, i: number, png: boolean): string => {
  const links = [`<a href="${h(c.name)}.svg">SVG</a>`, ...(png ? [`<a href="${h(c.name)}.png">PNG</a>`] : []), `<a href="${h(c.name)}.vl.json">Vega-Lite spec</a>`]
  return `<section class="chart-section">
<h2>${h(c.title)}</h2>
<div class="chart" id="chart-${i}" data-chart="${h(c.name)}"><noscript><img src="${h(c.name)}.svg" alt="${h(c.title)}"></noscript></div>
<p class="links">${links.join(" · ")}</p>
</section>`
}

export const renderSweepHtml = (input: { plan: SweepPlan; summary: SweepSummary; charts: readonly ChartSpec[]; info: SweepProvenance; scripts: readonly string[]; png: boolean; files: readonly string[] }): string => {
  const { plan, summary, charts, info } = input
  const axes = varyingAxes(plan)
  const shape = axes.length > 2 ? `<p class="muted">${axes.length} varying axes: no chart (heatmaps take two axes, line charts one); the table has every point.</p>` : ""
  const status = summary.missing > 0
    ? `<p class="fail">${summary.missing} of ${summary.total} jobs have no result yet (an interrupted run or a missing shard): the charts show the jobs finished.</p>`
    : ""
  const failed = summary.failed > 0 ? `<p class="fail">${summary.failed} job${summary.failed === 1 ? "" : "s"} failed (see the table).</p>` : ""
  const specs = charts.map((c) => ({ name: c.name, spec: c.spec }))
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(plan.title)} — regretlab sweep</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${h(plan.title)}</h1>
<p class="muted">sweep <code>${h(plan.id)}</code> of scenario <code>${h(plan.scenarioId)}</code>${plan.citation ? ` · ${h(plan.citation)}` : ""}</p>
${plan.description ? `<p>${h(plan.description)}</p>` : ""}
${plan.notes.length > 0 ? `<ul>${plan.notes.map((n) => `<li>${h(n)}</li>`).join("")}</ul>` : ""}
<p>${h(`${summary.total} jobs: ${plan.axes.map((a) => `${a.name} (${a.values.length})`).join(" × ")} × ${plan.learners.length} learner${plan.learners.length === 1 ? "" : "s"} × ${plan.seeds.length} seed${plan.seeds.length === 1 ? "" : "s"}`)}${plan.verdict ? h(`; converged means ${verdictText(plan.verdict)}`) : ""}.</p>
${status}${failed}${shape}
</header>
${charts.map((c, i) => chartSection(c, i, input.png)).join("\n")}
${tableSection(plan, summary)}
<h2 id="config">Configuration</h2>
<pre id="config-json">${h(JSON.stringify({ sweep: { ...plan }, scenario: info.scenario }, null, 2))}</pre>
<h2 id="provenance">Provenance</h2>
<table id="provenance-table">
<tr><th>regenerate with</th><td><code>${h(info.command)}</code></td></tr>
<tr><th>regretlab version</th><td>${h(info.version)}</td></tr>
<tr><th>Node</th><td>${h(info.node)}</td></tr>
<tr><th>generated</th><td>${h(info.timestamp)}</td></tr>
<tr><th>seeds</th><td>${h(plan.seeds.join(", "))}</td></tr>
<tr><th>fingerprint</th><td><code>${h(plan.fingerprint)}</code></td></tr>
<tr><th>files</th><td>${input.files.map((f) => `<a href="${h(f)}">${h(f)}</a>`).join(" ")}</td></tr>
</table>
${input.scripts.map((src) => `<script src="${h(src)}"></script>`).join("\n")}
<script type="application/json" id="regretlab-specs">${scriptJson(specs)}</script>
<script>${EMBED_SCRIPT}</script>
<script>${SORT_SCRIPT}</script>
</body>
</html>
`
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
  const info: SweepProvenance = {
    tool: "regretlab",
    kind: "sweep-report",
    version: options.version,
    command: options.command,
    node: process.version,
    timestamp: new Date().toISOString(),
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
