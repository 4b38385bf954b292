// index.html of a run report: summary table, interactive charts, the full config and the
// provenance, on the page every report shares (page.ts, which escapes everything interpolated).
import type { ScenarioResult } from "../scenario/types.ts"
import type { ChartSpec } from "./charts.ts"
import type { RunInfo } from "./data.ts"
import { escapeHtml as h, fmt, hyperText } from "./format.ts"
import { chartSection, htmlPage } from "./page.ts"
import { verdictOf } from "./summary.ts"

export interface HtmlInput {
  readonly result: ScenarioResult
  readonly charts: readonly ChartSpec[]
  readonly run: RunInfo
  readonly scripts: readonly string[]
  readonly png: boolean
  readonly files: readonly string[]
}

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

export const renderHtml = (input: HtmlInput): string => {
  const { result: r, charts, run } = input
  const s = r.scenario
  const notes = s.notes.length > 0 ? `<ul>${s.notes.map((n) => `<li>${h(n)}</li>`).join("")}</ul>` : ""
  const interrupted = r.completion.kind === "interrupted" ? `<p class="fail">Interrupted at round ${h(String(r.completion.round))}: the charts show the rounds reached.</p>` : ""
  return htmlPage({
    title: s.title,
    kind: "report",
    header: `<p class="muted">scenario <code>${h(s.id)}</code>${s.citation ? ` · ${h(s.citation)}` : ""}</p>
${s.description ? `<p>${h(s.description)}</p>` : ""}
${notes}
${interrupted}`,
    body: `${summarySection(r)}
${charts.map((c, i) => chartSection(c, i, input.png)).join("\n")}
<h2 id="config">Configuration</h2>
<pre id="config-json">${h(JSON.stringify(run.scenario, null, 2))}</pre>`,
    charts,
    png: input.png,
    provenance: [
      ["regenerate with", run.command], ["regretlab version", run.version], ["Node", run.node], ["generated", run.timestamp],
      ...(run.rerendered ? [["re-rendered", `${run.rerendered.timestamp} (regretlab ${run.rerendered.version}, Node ${run.rerendered.node})`] as const] : []),
      ["seeds", run.seeds.join(", ")]
    ],
    files: input.files,
    scripts: input.scripts
  })
}
