// How a bad value appears in an error message (file, field, value, expected): strings quoted,
// numbers as JavaScript prints them (NaN, -1e-8), a missing value said in words, long JSON cut.
export const showValue = (value: unknown): string => {
  if (value === undefined) return "nothing (missing)"
  if (typeof value === "string") return JSON.stringify(value)
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean" || value === null) return String(value)
  try {
    const text = JSON.stringify(value)
    if (text === undefined) return String(value)
    return text.length > 80 ? `${text.slice(0, 77)}...` : text
  } catch {
    return String(value)
  }
}
