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

/** Compact number for tables and chart text (full precision lives in data files): 4 significant digits. */
export const fmt = (v: number | undefined, digits = 4): string => {
  if (v === undefined) return "—"
  if (Number.isNaN(v)) return "NaN"
  if (!Number.isFinite(v)) return v > 0 ? "∞" : "−∞"
  if (v === 0) return "0"
  const a = Math.abs(v)
  if (a >= 1e5 || a < 1e-3) return v.toExponential(digits - 1).replace(/\.?0+e/, "e").replace("e+", "e")
  return Number(v.toPrecision(digits)).toString()
}
