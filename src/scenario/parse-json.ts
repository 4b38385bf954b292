// Scenario JSON text to data, with syntax errors that name the file, the line and the column.
// No IO: the registry, the sweep loader and the browser playground share it.
import { ScenarioError } from "./error.ts"

/** Line and column of a character offset, for JSON syntax errors. */
const lineColumn = (text: string, position: number): string => {
  const before = text.slice(0, position)
  const line = before.split("\n").length
  return `line ${line}, column ${position - before.lastIndexOf("\n")}`
}

/** JSON.parse with errors that name the file and the position. */
export const parseScenarioJson = (text: string, file: string): unknown => {
  try {
    return JSON.parse(text)
  } catch (e) {
    const message = (e as Error).message
    const m = /position (\d+)/.exec(message)
    const where = m !== null ? lineColumn(text, Number(m[1])) : "end of file"
    throw new ScenarioError(file, "", undefined, "valid JSON", `${file}: invalid JSON at ${where}: ${message}`)
  }
}
