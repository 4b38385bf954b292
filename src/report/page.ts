// The HTML page every regretlab report shares (run reports and sweep reports): style, one section
// per chart, the provenance table, and the script that embeds the Vega-Lite specs from the report's
// own lib/ folder. Every interpolated string goes through escapeHtml; the specs travel as JSON in a
// <script type="application/json"> block with `<` escaped, so no label can become markup.
import type { ChartSpec } from "./charts.ts"
import { escapeHtml as h, scriptJson } from "./format.ts"

const STYLE = `
body { font-family: "DejaVu Sans", system-ui, sans-serif; margin: 2rem auto; max-width: 64rem; padding: 0 1rem; color: #222; }
h1 { font-size: 1.5rem; margin-bottom: .2rem; } h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; margin: .5rem 0; } th, td { border: 1px solid #ccc; padding: .25rem .6rem; text-align: left; vertical-align: top; }
th.sortable { cursor: pointer; user-select: none; background: #f6f8fa; } th.sortable::after { content: " ⇅"; color: #999; }
td.num { text-align: right; font-variant-numeric: tabular-nums; } .pass { color: #1a7f37; } .fail { color: #c62828; font-weight: bold; }
.chart { min-height: 200px; } .links { font-size: .85rem; } pre { background: #f6f8fa; padding: .75rem; overflow: auto; font-size: .8rem; }
.muted { color: #666; } code { background: #f3f3f3; padding: 0 .2rem; }`

const EMBED_SCRIPT = `
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
})();`

/** One chart: the interactive view (the SVG without JavaScript) and links to its files. */
export const chartSection = (c: ChartSpec, i: number, png: boolean): string => {
  const links = [`<a href="${h(c.name)}.svg">SVG</a>`, ...(png ? [`<a href="${h(c.name)}.png">PNG</a>`] : []), ...(c.pdf ? [`<a href="${h(c.name)}.pdf">PDF (for LaTeX)</a>`] : []), `<a href="${h(c.name)}.vl.json">Vega-Lite spec</a>`]
  return `<section class="chart-section">
<h2>${h(c.title)}</h2>
<div class="chart" id="chart-${i}" data-chart="${h(c.name)}"><noscript><img src="${h(c.name)}.svg" alt="${h(c.title)}"></noscript></div>
<p class="links">${links.join(" · ")}</p>
</section>`
}

export interface PageInput {
  /** Plain text; escaped here. */
  readonly title: string
  /** "report" or "sweep", shown in the window title. */
  readonly kind: string
  /** Already-escaped HTML for the header (below the h1) and the main content. */
  readonly header: string
  readonly body: string
  readonly charts: readonly ChartSpec[]
  readonly png: boolean
  /** Provenance rows: label and plain-text value (escaped here); the regenerate command comes first. */
  readonly provenance: readonly (readonly [string, string])[]
  readonly files: readonly string[]
  /** Relative paths of the vega, vega-lite and vega-embed scripts shipped with the report. */
  readonly scripts: readonly string[]
  /** Extra inline script (trusted, written by regretlab). */
  readonly extraScript?: string
}

export const htmlPage = (p: PageInput): string => {
  const specs = p.charts.map((c) => ({ name: c.name, spec: c.spec }))
  const provenance = p.provenance.map(([k, v], i) => `<tr><th>${h(k)}</th><td>${i === 0 ? `<code>${h(v)}</code>` : h(v)}</td></tr>`).join("\n")
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(p.title)} — regretlab ${h(p.kind)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${h(p.title)}</h1>
${p.header}
</header>
${p.body}
<h2 id="provenance">Provenance</h2>
<table id="provenance-table">
${provenance}
<tr><th>files</th><td>${p.files.map((f) => `<a href="${h(f)}">${h(f)}</a>`).join(" ")}</td></tr>
</table>
${p.scripts.map((src) => `<script src="${h(src)}"></script>`).join("\n")}
<script type="application/json" id="regretlab-specs">${scriptJson(specs)}</script>
<script>${EMBED_SCRIPT}</script>
${p.extraScript ? `<script>${p.extraScript}</script>` : ""}
</body>
</html>
`
}
