// How deep a JSON text nests, found by a scan before parsing it. Parsing with a reviver, validating
// or printing a deeply nested value recurses once per level, and some 10^4 levels overflow the
// stack; no file regretlab reads needs more than a few levels.

/** Deeper than any scenario or sweep file needs; far below where validating it would overflow the stack. */
export const MAX_JSON_DEPTH = 64

/** The offset where nesting first exceeds `max` levels of [ and {, outside strings; −1 if it never does. */
export const tooDeepAt = (text: string, max: number): number => {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    if (inString) {
      if (ch === 92) i++ // backslash: skip the escaped character
      else if (ch === 34) inString = false
    } else if (ch === 34) inString = true
    else if (ch === 91 || ch === 123) {
      if (++depth > max) return i
    } else if (ch === 93 || ch === 125) depth--
  }
  return -1
}
