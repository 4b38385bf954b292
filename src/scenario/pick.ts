// The CLI's `--learners a,b`: keep only the named learners (and their expectations). Pure, so the
// playground applies the same selection with the same messages.
import { UserError } from "../core/config/error.ts"
import type { ResolvedScenario } from "./types.ts"

export const pickLearners = (s: ResolvedScenario, wanted: readonly string[]): ResolvedScenario => {
  const unique = [...new Set(wanted.map((l) => l.trim()).filter((l) => l !== ""))]
  const known = s.learners.map((l) => l.label)
  const unknown = unique.filter((w) => !known.includes(w))
  if (unique.length === 0) throw new UserError(`--learners: expected one or more labels of ${s.id} (${known.join(", ")}), got ${JSON.stringify(wanted.join(","))}`)
  if (unknown.length > 0) {
    throw new UserError(`--learners: no learner labelled ${unknown.map((u) => JSON.stringify(u)).join(", ")} in ${s.id}; expected some of ${known.join(", ")}`)
  }
  return {
    ...s,
    learners: s.learners.filter((l) => unique.includes(l.label)),
    // A comparison needs both of its learners.
    expectations: s.expectations.filter((e) => unique.includes(e.learner) && (e.than === undefined || unique.includes(e.than)))
  }
}
