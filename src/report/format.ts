// Text helpers shared by every writer: numbers, learner hyperparameter strings, and escaping.
import type { LearnerConfig } from "../core/learner/config.ts"

/** Compact number for tables and chart text (full precision lives in data.json / data.csv). */
export const fmt = (v: number | undefined, digits = 4): string => {
  if (v === undefined) return "—"
  if (Number.isNaN(v)) return "NaN"
  if (!Number.isFinite(v)) return v > 0 ? "∞" : "−∞"
  if (v === 0) return "0"
  const a = Math.abs(v)
  if (a >= 1e5 || a < 1e-3) return v.toExponential(digits - 1).replace(/\.?0+e/, "e").replace("e+", "e")
  return Number(v.toPrecision(digits)).toString()
}

const stepText = (c: LearnerConfig): string => {
  const a = fmt(c.alpha)
  const s = c.stepSchedule
  switch (s.kind) {
    case "constant": return `α=${a}`
    case "inv-sqrt": return `α=${a}/√t`
    case "power": return `α=${a}/t^${fmt(s.power)}`
    case "inverse-time": return s.decay === 0 ? `α=${a}` : `α=${a}/(1+${fmt(s.decay)}(t−1))`
    case "custom": return `α=${a}·${s.name}(t)`
  }
}

/** The hyperparameters a reader needs to tell runs apart, e.g. "α=0.5/√t, β1=0.9, β2=0.99". */
export const hyperText = (c: LearnerConfig): string => {
  const parts = [stepText(c)]
  if (c.momentum !== "none") {
    const b = c.beta1Schedule
    const sched = b.kind === "exponential" ? `·${fmt(b.lambda)}^(t−1)` : b.kind === "inverse" ? "/t" : ""
    parts.push(`β1=${fmt(c.beta1)}${sched}`)
  }
  if (c.secondMoment === "ema") parts.push(c.beta2Schedule === "inverse-t" ? "β2=1−1/t" : `β2=${fmt(c.beta2)}`)
  if (c.secondMoment === "sum" || c.secondMoment === "mean") parts.push(`v=${c.secondMoment === "sum" ? "Σg²" : "Σg²/t"}`)
  if (c.amsgrad !== "off") parts.push(`max(${c.amsgrad === "raw" ? "v" : "v̂"})`)
  if (c.eps !== 0) parts.push(`ε=${fmt(c.eps)}`)
  if (c.epsRoot !== 0) parts.push(`ε√=${fmt(c.epsRoot)}`)
  if (c.weightDecay !== 0) parts.push(`λ=${fmt(c.weightDecay)} ${c.weightDecayMode}`)
  if (c.sign) parts.push("sign")
  return `${c.kind}/${c.preset}: ${parts.join(", ")}`
}

const htmlEscapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }

/** Escapes text for HTML element content and quoted attribute values. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (ch) => htmlEscapes[ch])

/**
 * JSON safe inside <script type="application/json">: `<` (so no `</script>` or `<!--`), and the
 * line separators U+2028/2029 are written as \u escapes; JSON.parse gives back the same text.
 */
export const scriptJson = (value: unknown): string =>
  JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029")

/** One CSV field (RFC 4180 quoting). */
export const csvField = (v: string | number | undefined): string => {
  if (v === undefined) return ""
  const s = typeof v === "number" ? String(v) : v
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}
