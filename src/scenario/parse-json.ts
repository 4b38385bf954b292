// Scenario JSON text to data, with syntax errors that name the file, the line and the column.
// No IO: the registry, the sweep loader and the browser playground share it. A UTF-8 byte-order
// mark (some editors write one) is skipped; nesting deeper than MAX_JSON_DEPTH is refused before
// parsing (validating such a value would overflow the stack).
import { ScenarioError } from "./error.ts"
import { MAX_JSON_DEPTH, tooDeepAt } from "./json-depth.ts"

/** Line and column of a character offset, for JSON syntax errors. */
const lineColumn = (text: string, position: number): string => {
  const before = text.slice(0, position)
  const line = before.split("\n").length
  return `line ${line}, column ${position - before.lastIndexOf("\n")}`
}

/** JSON.parse with errors that name the file and the position. */
export const parseScenarioJson = (raw: string, file: string): unknown => {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw
  const deep = tooDeepAt(text, MAX_JSON_DEPTH)
  if (deep >= 0) {
    throw new ScenarioError(file, "", undefined, "JSON", `${file}: JSON nested more than ${MAX_JSON_DEPTH} levels deep at ${lineColumn(text, deep)}; a scenario needs a handful`)
  }
  try {
    return JSON.parse(text)
  } catch (e) {
    // One line: V8 quotes the text around the error, which may hold newlines.
    const message = (e as Error).message.replace(/\s*\n\s*/g, " ")
    const m = /position (\d+)/.exec(message)
    const where = m !== null ? ` at ${lineColumn(text, Number(m[1]))}` : /end of JSON input/.test(message) ? " at end of file" : ""
    throw new ScenarioError(file, "", undefined, "valid JSON", `${file}: invalid JSON${where}: ${message}`)
  }
}
