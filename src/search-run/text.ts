// What a search and a failure-region map say on the terminal, and the records the report folders
// are written from. Apart from the report writers so the command line can print them without
// loading the chart renderer.
import { describeLearner } from "../core/learner/registry.ts"
import { fmt } from "../report/format.ts"
import type { FoundAdversary } from "../search/families.ts"
import type { CellOutcome, RegionAxis } from "../search/region.ts"
import type { Certified, Found, ResolvedSetting, SearchResult, SearchSpec } from "../search/search.ts"
import type { Verification } from "../search/verify.ts"

export interface SearchRun {
  readonly spec: SearchSpec
  readonly setting: ResolvedSetting
  readonly result: SearchResult
  readonly found: Found | Certified | undefined
  readonly verification: Verification | undefined
  /** Wall-clock seconds of the search (without the final verification), workers, the budget as given, and whether a stop cut it short. */
  readonly seconds: number
  readonly workers: number
  readonly budget: string
  readonly stopped: boolean
}

/** A number for the terminal and the report: 4 significant digits by default. */
export const short = (v: number | undefined, digits = 4): string => (v === undefined || !Number.isFinite(v) ? String(v) : fmt(v, digits))

/** A sequence in words: its period, the mean gradient and its sign runs. */
export const shapeText = (a: FoundAdversary): string => {
  if (a.kind === "two-point-linear") return `i.i.d.: g = [${a.a.map((v) => short(v)).join(", ")}] with probability ${short(a.p)}, else [${a.b.map((v) => short(v)).join(", ")}]`
  if (a.kind === "periodic-linear") return `period ${a.period}: ${short(a.scale * a.C)}·u once, then −${short(a.scale)}·u (C = ${short(a.C)}${a.direction.length > 1 ? `, u = [${a.direction.map((v) => short(v, 3)).join(", ")}]` : ""})`
  const g = a.gradients
  if (g[0].length > 1) return `period ${g.length} of ${g[0].length}-D gradients`
  const xs = g.map((v) => v[0])
  const runs: string[] = []
  for (let i = 0; i < xs.length;) {
    let j = i
    while (j < xs.length && Math.sign(xs[j]) === Math.sign(xs[i])) j++
    runs.push(`${Math.sign(xs[i]) >= 0 ? "+" : "−"}${j - i}`)
    i = j
  }
  const mean = xs.reduce((s, v) => s + v, 0) / xs.length
  return `period ${xs.length}, mean gradient ${short(mean, 3)}, ${runs.length <= 10 ? `sign runs ${runs.join(" ")}` : `${runs.length} sign runs`}`
}

/** What the search found, in a few lines for the terminal. */
export const searchText = (run: SearchRun): string => {
  const { result, found, verification: v } = run
  const lines = [`${describeLearner(run.spec.learner)} · family ${run.spec.family} · T = ${run.spec.horizon} · ${result.evaluations} candidates in ${run.seconds.toFixed(1)} s (${Math.round(result.evaluations / Math.max(run.seconds, 1e-9))}/s, ${run.workers === 0 ? "this thread" : `${run.workers} worker${run.workers === 1 ? "" : "s"}`})${run.stopped ? ", stopped early" : ""}`]
  if (found === undefined || v === undefined) return [...lines, "no candidate was scored"].join("\n")
  const c = v.certificate
  lines.push(
    `${v.certified ? "CERTIFIED" : "not certified"}: ${shapeText(found.adversary)}`,
    `  score ${short(found.score.value)} (R_T/T/(G·D) ${short(found.score.late)}, ×${short(found.score.ratio, 3)} from T/10 to T), candidate ${found.evaluation}${result.firstCertified ? `; first certificate at candidate ${result.firstCertified.evaluation}${result.history.find((h) => h.certified)?.time !== undefined ? ` (${(result.history.find((h) => h.certified)!.time! / 1000).toFixed(2)} s)` : ""}` : ""}`,
    `  at 10T through the game: target ${short(c.target.atT)} → ${short(c.target.at10T)} (×${short(c.target.ratio, 3)}), AMSGrad ${short(c.contrast.atT)} → ${short(c.contrast.at10T)} (×${short(c.contrast.ratio, 3)})`
  )
  if (!v.certified) lines.push(...c.failures.map((f) => `  - ${f}`))
  if (v.crossCheck !== undefined) lines.push(`  cross-check of the search's certificate against the game: ${v.crossCheck.agrees ? "agrees" : "DISAGREES"} (largest relative difference ${v.crossCheck.maxRelativeDifference})`)
  return lines.join("\n")
}

/** What a failure-region map says about itself: a built-in region file's header, or made up for --grid. */
export interface RegionHeader {
  readonly id: string
  readonly title: string
  readonly description: string
  readonly notes: readonly string[]
}

export interface RegionRun extends RegionHeader {
  readonly base: SearchSpec
  readonly axes: readonly RegionAxis[]
  readonly evaluations: number
  readonly cells: readonly CellOutcome[]
  readonly total: number
  readonly seconds: number
  readonly workers: number
  readonly stopped: boolean
}

/** The map as text: rows the first axis (top: largest), columns the other; ✗ certified failure, · none. */
export const regionText = (r: RegionRun): string => {
  const lines = [`${r.id}: ${r.title}`, `${r.cells.length} of ${r.total} cells in ${r.seconds.toFixed(1)} s (${r.evaluations} candidates per cell at most, T = ${r.base.horizon}, ${r.workers === 0 ? "this thread" : `${r.workers} workers`}); ${r.cells.filter((c) => c.certified).length} certified`]
  const sortedValues = (a: RegionAxis) => (a.values.every((v) => typeof v === "number") ? [...(a.values as number[])].sort((p, q) => p - q) : [...a.values])
  const [ya, xa] = r.axes.length === 2 ? r.axes : [undefined, r.axes[0]]
  lines.push("✗ certified failing sequence found (the learner breaks), · none within the budget, ? not run", `columns: ${xa.name} = ${sortedValues(xa).join(", ")}`)
  const key = (c: CellOutcome) => JSON.stringify(c.values)
  const byKey = new Map(r.cells.map((c) => [key(c), c]))
  const rowsOf = ya === undefined ? [undefined] : [...sortedValues(ya)].reverse()
  const w = Math.max(...rowsOf.map((v) => String(v ?? "").length))
  for (const yv of rowsOf) {
    const marks = sortedValues(xa).map((xv) => {
      const values = Object.fromEntries(r.axes.map((a) => [a.name, a === xa ? xv : yv]))
      const c = byKey.get(JSON.stringify(Object.fromEntries(r.axes.map((a) => [a.name, values[a.name]]))))
      return c === undefined ? "?" : c.certified ? "✗" : "·"
    })
    lines.push(`${ya === undefined ? "" : `${ya.name}=${String(yv).padStart(w)}  `}${marks.join(" ")}`)
  }
  return lines.join("\n")
}
