// JSON for files people read: objects one key per line, but an array of numbers (or of arrays of
// numbers, such as a period of gradients) on as few lines as fit in `width` characters,
// so a 200-round sequence is a few dozen lines rather than six hundred. JSON.parse gives back
// exactly the value written (numbers keep JSON.stringify's round-tripping form).
const isNumbers = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => typeof x === "number")

/** An array of numbers, or of arrays of numbers. */
const isFlat = (v: unknown): v is (number | number[])[] => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "number" || isNumbers(x))

const item = (x: number | number[]): string => (typeof x === "number" ? JSON.stringify(x) : `[${x.map((y) => JSON.stringify(y)).join(", ")}]`)

const wrapItems = (items: readonly string[], indent: string, width: number): string => {
  const one = `[${items.join(", ")}]`
  if (indent.length + one.length <= width) return one
  const lines: string[] = []
  let line = ""
  for (const item of items) {
    if (line !== "" && indent.length + 2 + line.length + item.length + 2 > width) {
      lines.push(line)
      line = ""
    }
    line += (line === "" ? "" : ", ") + item
  }
  if (line !== "") lines.push(line)
  return `[\n${lines.map((l, i) => `${indent}  ${l}${i < lines.length - 1 ? "," : ""}`).join("\n")}\n${indent}]`
}

export const compactJson = (value: unknown, width = 100, indent = ""): string => {
  if (isFlat(value)) return wrapItems(value.map(item), indent, width)
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]"
    return `[\n${value.map((x) => `${indent}  ${compactJson(x, width, `${indent}  `)}`).join(",\n")}\n${indent}]`
  }
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined)
    if (entries.length === 0) return "{}"
    return `{\n${entries.map(([k, v]) => `${indent}  ${JSON.stringify(k)}: ${compactJson(v, width, `${indent}  `)}`).join(",\n")}\n${indent}}`
  }
  return JSON.stringify(value)
}
