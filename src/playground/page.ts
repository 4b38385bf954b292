// The playground's index.html: the static frame (landmarks, labels, the four chart slots) and its
// style. Everything that depends on a scenario is built by app.ts from the registries at run time.
import { escapeHtml as h } from "../report/format.ts"
import { PLAYGROUND_CHARTS } from "./protocol.ts"

const STYLE = `
:root { --muted: #5f6368; --line: #d8dce0; --accent: #2b5fa8; --bad: #b3261e; --bg2: #f6f8fa; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", system-ui, sans-serif; margin: 0; color: #1f2328; font-size: 14px; }
header.top { display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; align-items: baseline; padding: .6rem 1rem; border-bottom: 1px solid var(--line); }
header.top h1 { font-size: 1.15rem; margin: 0; }
header.top p { margin: 0; color: var(--muted); font-size: .85rem; }
.layout { display: grid; grid-template-columns: minmax(300px, 370px) minmax(0, 1fr); }
#controls { border-right: 1px solid var(--line); padding: .6rem .8rem 2rem; overflow-y: auto; max-height: calc(100vh - 3rem); position: sticky; top: 0; }
#results { padding: .6rem 1rem 2rem; min-width: 0; }
h2 { font-size: .95rem; margin: 1rem 0 .4rem; padding-bottom: .15rem; border-bottom: 1px solid var(--line); }
label, .label { font-weight: 600; font-size: .82rem; }
select, input, textarea, button { font: inherit; font-size: .85rem; }
select, input[type=text], input[type=number], textarea { width: 100%; padding: .2rem .3rem; border: 1px solid #b9c0c7; border-radius: 4px; background: #fff; }
button { padding: .25rem .6rem; border: 1px solid #b9c0c7; border-radius: 4px; background: var(--bg2); cursor: pointer; }
button:hover { background: #eaeef2; }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.field { margin: .35rem 0 .55rem; }
.field .row { display: flex; gap: .4rem; align-items: center; }
.field .row input[type=range] { flex: 1 1 auto; min-width: 0; }
.field .row input[type=number] { flex: 0 0 7.5rem; }
.field.checkbox .row { justify-content: flex-start; }
.field.checkbox input { width: auto; margin: 0; }
.doc { display: block; color: var(--muted); font-size: .75rem; line-height: 1.25; margin-top: .1rem; }
.variant { border-left: 3px solid var(--line); padding-left: .5rem; margin-top: .3rem; }
details.component { border: 1px solid var(--line); border-radius: 6px; padding: .2rem .6rem; margin: .5rem 0; }
details.component > summary { cursor: pointer; font-weight: 600; padding: .25rem 0; }
details.component[data-off="true"] > summary { color: var(--muted); text-decoration: line-through; }
.muted { color: var(--muted); }
fieldset.choose { border: 0; padding: 0; margin: .2rem 0 .4rem; display: flex; flex-wrap: wrap; gap: .3rem .8rem; align-items: center; }
fieldset.choose legend { float: left; font-weight: 600; font-size: .82rem; margin-right: .4rem; padding: 0; }
fieldset.choose input { margin: 0 .2rem 0 0; }
label.inline { font-weight: normal; }
.message { margin: .4rem 0; font-size: .85rem; white-space: pre-wrap; word-break: break-word; }
.message:empty { display: none; }
.message.error { color: var(--bad); border-left: 3px solid var(--bad); padding-left: .5rem; }
#status { color: var(--muted); font-size: .82rem; min-height: 1.2em; }
table.summary { border-collapse: collapse; margin: .4rem 0 .8rem; font-size: .85rem; max-width: 100%; display: block; overflow-x: auto; }
table.summary th, table.summary td { border: 1px solid var(--line); padding: .2rem .5rem; text-align: left; white-space: nowrap; }
table.summary td.num { text-align: right; font-variant-numeric: tabular-nums; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 540px), 1fr)); gap: .8rem; }
figure.chart-card { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: .4rem; min-width: 0; position: relative; }
figure.chart-card figcaption { position: absolute; top: .4rem; right: .4rem; display: flex; gap: .3rem; font-size: .8rem; z-index: 1; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
/* A chart off screen gets content-visibility: hidden (set as it leaves the screen) and keeps the size it had. */
.chart { min-height: 120px; overflow: hidden; contain-intrinsic-size: auto 600px; }
.chart svg, .chart canvas { max-width: 100%; height: auto; }
.share { margin-top: 1rem; }
.share pre { background: var(--bg2); padding: .5rem; overflow-x: auto; font-size: .8rem; margin: .3rem 0; white-space: pre-wrap; word-break: break-all; }
.buttons { display: flex; flex-wrap: wrap; gap: .4rem; }
.narrow-only { display: none; }
#drop-zone.dragging { outline: 2px dashed var(--accent); }
@media (max-width: 900px) {
  .layout { grid-template-columns: minmax(0, 1fr); }
  /* On a phone the experiment comes first; the controls follow it. */
  #results { order: -1; }
  .narrow-only { display: inline-block; }
  #controls { position: static; max-height: none; border-right: 0; border-bottom: 1px solid var(--line); }
  #results { padding: .6rem .6rem 2rem; }
}`

const chartSlot = (name: string): string => `<figure class="chart-card">
<figcaption><span class="visually-hidden" id="caption-${h(name)}">${h(name)}</span><button type="button" data-export="svg" data-chart="${h(name)}" aria-label="Download the ${h(name)} chart as SVG">SVG</button><button type="button" data-export="png" data-chart="${h(name)}" aria-label="Download the ${h(name)} chart as PNG">PNG</button></figcaption>
<div class="chart" id="chart-${h(name)}" data-chart="${h(name)}" role="img" aria-labelledby="caption-${h(name)}"></div>
</figure>`

/** The page; `script` names the bundled app (engine worker inlined), loaded as a classic script so file:// works. */
export const playgroundHtml = (script: string, version: string): string => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>regretlab playground</title>
<style>${STYLE}</style>
</head>
<body>
<header class="top">
<h1>regretlab playground</h1>
<p>The regretlab engine in your browser (version ${h(version)}): move a knob, the regret is replayed and redrawn. The page address holds the whole experiment.</p>
<button type="button" id="to-controls" class="narrow-only">Controls ↓</button>
</header>
<div class="layout">
<aside id="controls" aria-label="Experiment controls">
<div class="field">
<label for="scenario-select">scenario</label>
<select id="scenario-select"></select>
<span class="doc" id="scenario-about"></span>
</div>
<details id="paste-box">
<summary>Paste or drop a scenario (JSON)</summary>
<div id="drop-zone" class="field">
<label for="paste-text">scenario JSON</label>
<textarea id="paste-text" rows="6" spellcheck="false" aria-describedby="paste-help"></textarea>
<span class="doc" id="paste-help">The scenario file format of <code>regretlab run file.json</code>; checked with the same messages. Drop a .json file here, or choose one:</span>
<div class="buttons"><button type="button" id="paste-load">Load pasted scenario</button><label class="muted" for="file-input" style="font-weight:normal">file:</label><input type="file" id="file-input" accept=".json,application/json" style="width:auto"></div>
<p class="message error" id="file-message" role="alert"></p>
</div>
</details>
<form id="form" aria-label="Scenario settings" novalidate></form>
</aside>
<main id="results" aria-label="Results">
<p id="status" role="status" aria-live="polite"></p>
<p class="message error" id="state-message" role="alert"></p>
<table class="summary" id="summary" aria-label="Final values per learner"><thead><tr><th scope="col">learner</th><th scope="col">t</th><th scope="col">x_T</th><th scope="col">R_T</th><th scope="col">R_T / T</th><th scope="col">seeds</th><th scope="col">verdict</th></tr></thead><tbody></tbody></table>
<div class="charts">
${PLAYGROUND_CHARTS.map(chartSlot).join("\n")}
</div>
<section class="share" aria-labelledby="share-title">
<h2 id="share-title">Reproduce this view</h2>
<p class="muted" id="command-help"></p>
<pre id="command" tabindex="0" aria-label="regretlab run command"></pre>
<div class="buttons">
<button type="button" id="copy-command">Copy command</button>
<button type="button" id="export-json">Download scenario JSON</button>
<button type="button" id="copy-link">Copy link</button>
<button type="button" id="reset">Reset knobs</button>
</div>
<p class="message" id="share-message" role="status"></p>
</section>
</main>
</div>
<script src="${h(script)}"></script>
</body>
</html>
`
