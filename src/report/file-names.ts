// File names derived from labels (a sweep writes charts per learner). A label may hold any text,
// so it is reduced to a slug of safe characters; two labels whose slugs collide ("a b" and "a?b"
// both give "a_b", "Adam" and "adam" meet on a case-insensitive disk) each get a short hash of
// the label itself appended, so every label keeps a file of its own, the same on every machine.

const slugOf = (label: string): string => label.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^\.+/, "_").slice(0, 60) || "_"

/** FNV-1a over the UTF-16 code units: 8 hex digits, stable across runs and machines. */
export const shortHash = (text: string): string => {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(16).padStart(8, "0")
}

/** A distinct file-name part for each distinct label (the slug, plus a hash where slugs collide). */
export const fileNameParts = (labels: readonly string[]): ReadonlyMap<string, string> => {
  const distinct = [...new Set(labels)]
  const bySlug = new Map<string, string[]>()
  for (const label of distinct) {
    const key = slugOf(label).toLowerCase()
    bySlug.set(key, [...(bySlug.get(key) ?? []), label])
  }
  const names = new Map(distinct.map((l) => [l, (bySlug.get(slugOf(l).toLowerCase())!.length > 1 ? `${slugOf(l)}-${shortHash(l)}` : slugOf(l))]))
  // A hashed name can still meet another label's plain slug (or two hashes can collide): then number them.
  const seen = new Set<string>()
  for (const label of distinct) {
    let name = names.get(label)!
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${names.get(label)!}-${k}`
    seen.add(name.toLowerCase())
    names.set(label, name)
  }
  return names
}
