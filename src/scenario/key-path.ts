// Keys of overrides (--set, --grid, a sweep file's set and grid): dot-separated segments such as
// learners.adam.beta2, where a segment that holds a dot, a bracket, a quote, "=" or "+" (a
// learner labelled "a=b" or "x.y") is written as a JSON string in brackets:
// learners["a=b"].beta2. Bare segments take anything else, spaces, "<" and "/" included.
// `key=value` splits at the first "=" outside brackets, and tied grid fields at "+" outside them.

const SPECIAL = /[.[\]"=+]/

/** The segments of a key, or undefined when it is malformed (empty segment, unclosed bracket, bad JSON). */
export const parseKeyPath = (key: string): string[] | undefined => {
  const out: string[] = []
  let i = 0
  const n = key.length
  let expectSegment = true
  while (i < n) {
    const ch = key[i]
    if (ch === "[") {
      const close = findClose(key, i)
      if (close < 0) return undefined
      const inner = key.slice(i + 1, close).trim()
      let segment: unknown
      if (/^\d+$/.test(inner)) segment = inner
      else {
        try {
          segment = JSON.parse(inner)
        } catch {
          return undefined
        }
      }
      if (typeof segment !== "string" || segment === "") return undefined
      out.push(segment)
      i = close + 1
      expectSegment = false
      if (i < n && key[i] !== "." && key[i] !== "[") return undefined
      if (key[i] === ".") {
        i++
        expectSegment = true
      }
      continue
    }
    if (!expectSegment) return undefined
    let j = i
    while (j < n && key[j] !== "." && key[j] !== "[") j++
    const segment = key.slice(i, j).trim()
    if (segment === "" || SPECIAL.test(segment)) return undefined
    out.push(segment)
    i = j
    expectSegment = false
    if (key[i] === ".") {
      i++
      expectSegment = true
    }
  }
  return out.length === 0 || expectSegment ? undefined : out
}

/** The index of the "]" closing the bracket at `open` (skipping a JSON string inside), or −1. */
const findClose = (text: string, open: number): number => {
  let inString = false
  for (let k = open + 1; k < text.length; k++) {
    const ch = text[k]
    if (inString) {
      if (ch === "\\") k++
      else if (ch === '"') inString = false
    } else if (ch === '"') inString = true
    else if (ch === "]") return k
  }
  return -1
}

/** A key from segments: bare where that reads back the same, else ["…"]. */
export const formatKeyPath = (segments: readonly string[]): string =>
  segments
    .map((s, i) => {
      const bare = s.trim() === s && s !== "" && !SPECIAL.test(s)
      return bare ? (i === 0 ? s : `.${s}`) : `[${JSON.stringify(s)}]`
    })
    .join("")

/** Positions of `ch` outside brackets (and the JSON strings inside them). */
const splitPoints = (text: string, ch: string, firstOnly: boolean): number[] => {
  const points: number[] = []
  for (let k = 0; k < text.length; k++) {
    if (text[k] === "[") {
      const close = findClose(text, k)
      if (close < 0) return points
      k = close
    } else if (text[k] === ch) {
      points.push(k)
      if (firstOnly) break
    }
  }
  return points
}

/** `key=value` split at the first "=" outside brackets, or undefined when there is none (or the key is empty). */
export const splitAssignment = (text: string): { readonly key: string; readonly value: string } | undefined => {
  const [eq] = splitPoints(text, "=", true)
  if (eq === undefined || text.slice(0, eq).trim() === "") return undefined
  return { key: text.slice(0, eq).trim(), value: text.slice(eq + 1) }
}

/** Tied grid fields `a+b` split at "+" outside brackets. */
export const splitTied = (name: string): string[] => {
  const cuts = splitPoints(name, "+", false)
  const parts: string[] = []
  let from = 0
  for (const c of cuts) {
    parts.push(name.slice(from, c))
    from = c + 1
  }
  parts.push(name.slice(from))
  return parts.map((p) => p.trim())
}
