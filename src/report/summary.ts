// The per-learner summary (x_T, R_T, R_T/T, verdict) as a terminal table, Markdown and CSV.
import type { ScenarioResult, Spread } from "../scenario/types.ts"
import { csvField, fmt } from "./format.ts"

/** ✓ when every expectation on the learner (or comparing another with it) holds, ✗ when any fails, — when it has none. */
export const verdictOf = (result: ScenarioResult, learner: string): string => {
  const mine = result.expectations.filter((e) => e.expectation.learner === learner || e.expectation.than === learner)
  if (mine.length === 0) return "— (no expectation)"
  const ok = mine.filter((e) => e.holds).length
  return ok === mine.length ? `✓ pass (${ok}/${mine.length})` : `✗ FAIL (${ok}/${mine.length} hold)`
}

const spreadText = (s: Spread): string => (s.n > 1 ? `${fmt(s.mean)} ± ${fmt(s.sd, 2)}` : fmt(s.mean))

interface Line {
  readonly learner: string
  readonly x: string
  readonly regret: string
  readonly avg: string
  readonly verdict: string
}

const lines = (result: ScenarioResult): Line[] =>
  result.summary.map((s) => ({
    learner: s.learner,
    x: s.x ? s.x.map((v) => fmt(v)).join(", ") : "—",
    regret: spreadText(s.regret),
    avg: spreadText(s.avgRegret),
    verdict: verdictOf(result, s.learner) + (s.diverged > 0 ? `, ${s.diverged} diverged` : "")
  }))

const header = (result: ScenarioResult) => {
  const t = result.summary[0]?.t ?? result.scenario.horizon
  const seeds = result.scenario.seeds.length
  return { t, head: { learner: "learner", x: "x_T", regret: "R_T", avg: "R_T/T", verdict: "verdict" }, seeds }
}

const expectationLines = (result: ScenarioResult): string[] =>
  result.expectations.map((e) => `${e.holds ? "✓" : "✗"} ${e.text}`)

/** Plain-text table for the terminal. */
export const summaryTable = (result: ScenarioResult): string => {
  const { t, head, seeds } = header(result)
  const rows = [head, ...lines(result)]
  const keys = ["learner", "x", "regret", "avg", "verdict"] as const
  const width = keys.map((k) => Math.max(...rows.map((r) => [...r[k]].length)))
  const pad = (s: string, w: number) => s + " ".repeat(w - [...s].length)
  const render = (r: Line) => keys.map((k, i) => pad(r[k], width[i])).join("  ").trimEnd()
  const rule = width.map((w) => "─".repeat(w)).join("  ")
  const completion = result.completion.kind === "interrupted" ? `  (interrupted at round ${result.completion.round})` : ""
  return [
    `${result.scenario.id}: ${result.scenario.title}`,
    `T = ${t.toLocaleString("en-US")}, ${seeds} seed${seeds === 1 ? "" : "s"}${seeds > 1 ? " (mean ± sd)" : ""}${completion}`,
    render(head),
    rule,
    ...lines(result).map(render),
    ...(result.expectations.length > 0 ? ["", ...expectationLines(result)] : [])
  ].join("\n")
}

/** Text safe in a Markdown table cell: HTML specials as entities, Markdown specials backslashed. */
export const markdownCell = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/([\\|*_`[\]#])/g, "\\$1").replace(/\r?\n/g, " ")

export const summaryMarkdown = (result: ScenarioResult): string => {
  const { t, seeds } = header(result)
  const md = (r: Line) => `| ${[r.learner, r.x, r.regret, r.avg, r.verdict].map(markdownCell).join(" | ")} |`
  const out = [
    `# ${markdownCell(result.scenario.title)}`,
    "",
    `Scenario \`${result.scenario.id.replace(/`/g, "")}\`, T = ${t.toLocaleString("en-US")}, ${seeds} seed${seeds === 1 ? "" : "s"}${seeds > 1 ? " (mean ± sd)" : ""}.`,
    "",
    "| learner | x_T | R_T | R_T/T | verdict |",
    "|---|---|---|---|---|",
    ...lines(result).map(md)
  ]
  if (result.expectations.length > 0) out.push("", "Expectations:", "", ...expectationLines(result).map((l) => `- ${markdownCell(l)}`))
  return out.join("\n") + "\n"
}

/** Machine-readable summary, full precision. */
export const summaryCsv = (result: ScenarioResult): string => {
  const dim = Math.max(0, ...result.summary.map((s) => s.x?.length ?? 0))
  const head = ["learner", "T", ...Array.from({ length: dim }, (_, i) => `x_T_${i}`), "R_T_mean", "R_T_sd", "R_T_min", "R_T_max", "avgRegret_mean", "avgRegret_sd", "avgRegret_min", "avgRegret_max", "seeds", "diverged", "verdict"]
  const rows = result.summary.map((s) =>
    [s.learner, s.t, ...Array.from({ length: dim }, (_, i) => s.x?.[i]), s.regret.mean, s.regret.sd, s.regret.min, s.regret.max, s.avgRegret.mean, s.avgRegret.sd, s.avgRegret.min, s.avgRegret.max, s.regret.n, s.diverged, verdictOf(result, s.learner)]
      .map(csvField)
      .join(",")
  )
  return [head.join(","), ...rows].join("\n") + "\n"
}
