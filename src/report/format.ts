// Text helpers shared by every writer: numbers, learner hyperparameter strings, and escaping.
import { describeLearner } from "../core/learner/registry.ts"
import type { LearnerConfig } from "../core/learner/learner.ts"

export { fmt } from "../core/config/show.ts"

/** The hyperparameters a reader needs to tell runs apart, e.g. "adam/paper: α=0.5/√t, β1=0.9, β2=0.99". */
export const hyperText = (c: LearnerConfig): string => describeLearner(c)

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
