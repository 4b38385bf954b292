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

/** Text a spreadsheet would read as a formula (or as a formula after a tab, CR or NUL it drops). */
const FORMULA_START = /^[=+\-@\t\r\0]/

/**
 * One CSV field: RFC 4180 quoting, and text that starts like a formula (=, +, -, @, tab, CR, NUL)
 * neutralised as OWASP recommends (a leading single quote, the field quoted), so opening the file
 * in a spreadsheet never runs a learner label. Numbers are written as numbers (−1.5 stays a
 * number); the raw text is in data.json.
 */
export const csvField = (v: string | number | boolean | undefined): string => {
  if (v === undefined) return ""
  if (typeof v !== "string") return String(v)
  if (FORMULA_START.test(v)) return `"'${v.replace(/"/g, '""')}"`
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v
}

/** Breaks a long subtitle line at spaces (at most `width` characters a line), so a chart's width stays its plot width. */
export const wrap = (line: string, width = 140): string[] => {
  const out: string[] = []
  let current = ""
  for (const word of line.split(" ")) {
    if (current && [...current].length + 1 + [...word].length > width) {
      out.push(current)
      current = word
    } else current = current ? `${current} ${word}` : word
  }
  if (current) out.push(current)
  return out
}
