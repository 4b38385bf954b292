// index.html: summary table, interactive charts (vega-embed from the report's own lib/ folder),
// the full config and the provenance. Every interpolated string goes through escapeHtml, and the
// specs travel as JSON in a <script type="application/json"> block with `<` escaped, so a learner
// label like `<img src=x onerror=alert(1)>` can only ever be text.
import type { ScenarioResult } from "../scenario/types.ts"
import type { ChartSpec } from "./charts.ts"
import type { RunInfo } from "./data.ts"
import { escapeHtml as h, fmt, hyperText, scriptJson } from "./format.ts"
import { verdictOf } from "./summary.ts"

export interface HtmlInput {
  readonly result: ScenarioResult
  readonly charts: readonly ChartSpec[]
  readonly run: RunInfo
  readonly scripts: readonly string[]
  readonly png: boolean
  readonly files: readonly string[]
}

const STYLE = `
body { font-family: "DejaVu Sans", system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #222; }
h1 { font-size: 1.5rem; margin-bottom: .2rem; } h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; margin: .5rem 0; } th, td { border: 1px solid #ccc; padding: .25rem .6rem; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; } .pass { color: #1a7f37; } .fail { color: #c62828; font-weight: bold; }
.chart { min-height: 200px; } .links { font-size: .85rem; } pre { background: #f6f8fa; padding: .75rem; overflow: auto; font-size: .8rem; }
.muted { color: #666; } code { background: #f3f3f3; padding: 0 .2rem; }`

const summarySection = (r: ScenarioResult): string => {
  const rows = r.summary
    .map((s) => {
      const cfg = r.scenario.learners.find((l) => l.label === s.learner)?.config
      const verdict = verdictOf(r, s.learner)
      const cls = verdict.startsWith("✓") ? "pass" : verdict.startsWith("✗") ? "fail" : "muted"
      const sd = (sp: { n: number; sd: number }) => (sp.n > 1 ? ` ± ${h(fmt(sp.sd, 2))}` : "")
      return `<tr><td class="learner">${h(s.learner)}</td><td class="muted">${cfg ? h(hyperText(cfg)) : ""}</td>` +
        `<td class="num">${s.x ? h(s.x.map((v) => fmt(v)).join(", ")) : "—"}</td>` +
        `<td class="num">${h(fmt(s.regret.mean))}${sd(s.regret)}</td><td class="num">${h(fmt(s.avgRegret.mean))}${sd(s.avgRegret)}</td>` +
        `<td class="${cls}">${h(verdict)}${s.diverged > 0 ? h(`, ${s.diverged} diverged`) : ""}</td></tr>`
    })
    .join("\n")
  const t = r.summary[0]?.t ?? r.scenario.horizon
  const expectations = r.expectations
    .map((e) => `<li class="${e.holds ? "pass" : "fail"}">${e.holds ? "✓" : "✗"} ${h(e.text)}${e.expectation.why && !e.text.includes(e.expectation.why) ? ` <span class="muted">(${h(e.expectation.why)})</span>` : ""}</li>`)
    .join("\n")
  return `<h2 id="summary">Summary at T = ${h(t.toLocaleString("en-US"))}</h2>
<table id="summary-table"><thead><tr><th>learner</th><th>hyperparameters</th><th>x_T</th><th>R_T</th><th>R_T/T</th><th>verdict</th></tr></thead>
<tbody>
${rows}
</tbody></table>
${r.scenario.seeds.length > 1 ? `<p class="muted">mean ± sd over ${r.scenario.seeds.length} seeds</p>` : ""}
${expectations ? `<h3>Expectations</h3><ul id="expectations">\n${expectations}\n</ul>` : ""}`
}

const chartSection = (c: ChartSpec, i: number, png: boolean): string => {
  const links = [`<a href="${h(c.name)}.svg">SVG</a>`, ...(png ? [`<a href="${h(c.name)}.png">PNG</a>`] : []), `<a href="${h(c.name)}.vl.json">Vega-Lite spec</a>`]
  return `<section class="chart-section">
<h2>${h(c.title)}</h2>
<div class="chart" id="chart-${i}" data-chart="${h(c.name)}"><noscript><img src="${h(c.name)}.svg" alt="${h(c.title)}"></noscript></div>
<p class="links">${links.join(" · ")}</p>
</section>`
}

export const renderHtml = (input: HtmlInput): string => {
  const { result: r, charts, run } = input
  const s = r.scenario
  const specs = charts.map((c) => ({ name: c.name, spec: c.spec }))
  const notes = s.notes.length > 0 ? `<ul>${s.notes.map((n) => `<li>${h(n)}</li>`).join("")}</ul>` : ""
  const interrupted = r.completion.kind === "interrupted" ? `<p class="fail">Interrupted at round ${h(String(r.completion.round))}: the charts show the rounds reached.</p>` : ""
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(s.title)} — regretlab report</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${h(s.title)}</h1>
<p class="muted">scenario <code>${h(s.id)}</code>${s.citation ? ` · ${h(s.citation)}` : ""}</p>
${s.description ? `<p>${h(s.description)}</p>` : ""}
${notes}
${interrupted}
</header>
${summarySection(r)}
${charts.map((c, i) => chartSection(c, i, input.png)).join("\n")}
<h2 id="config">Configuration</h2>
<pre id="config-json">${h(JSON.stringify(run.scenario, null, 2))}</pre>
<h2 id="provenance">Provenance</h2>
<table id="provenance-table">
<tr><th>regenerate with</th><td><code>${h(run.command)}</code></td></tr>
<tr><th>regretlab version</th><td>${h(run.version)}</td></tr>
<tr><th>Node</th><td>${h(run.node)}</td></tr>
<tr><th>generated</th><td>${h(run.timestamp)}</td></tr>
<tr><th>seeds</th><td>${h(run.seeds.join(", "))}</td></tr>
<tr><th>files</th><td>${input.files.map((f) => `<a href="${h(f)}">${h(f)}</a>`).join(" ")}</td></tr>
</table>
${input.scripts.map((src) => `<script src="${h(src)}"></script>`).join("\n")}
<script type="application/json" id="regretlab-specs">${scriptJson(specs)}</script>
<script>
(function () {
  var specs = JSON.parse(document.getElementById("regretlab-specs").textContent);
  var done = specs.map(function (c, i) {
    var el = document.getElementById("chart-" + i);
    if (typeof vegaEmbed !== "function") { el.textContent = "Interactive charts need lib/ next to this file; the SVG files show the same charts."; return Promise.resolve(false); }
    return vegaEmbed(el, c.spec, { renderer: "svg", actions: { export: true, source: true, compiled: false, editor: false } })
      .then(function () { el.setAttribute("data-rendered", "true"); return true; })
      .catch(function (err) { el.textContent = "Chart " + c.name + " failed to render: " + err; console.error(err); return false; });
  });
  window.regretlabRendered = Promise.all(done);
})();
</script>
</body>
</html>
`
}
