// CLI `--set key=value`: learners.<label>.<field>, adversary.<param>, horizon, seeds, start,
// checkpoints.perDecade, … (keys as in key-path.ts: learners["a=b"].beta2 for an awkward label).
// Values are JSON when they parse (1e6, [0.5], "x"), else strings. The result is validated like a
// file; a failure names the --set that caused it.
import { ScenarioError } from "./error.ts"
import { parseKeyPath, splitAssignment } from "./key-path.ts"
import { isResolvedScenario as isResolved, resolveScenario, toScenarioInput } from "./resolve.ts"
import type { ResolvedScenario, ScenarioInput } from "./types.ts"

/** A --set value: JSON when it parses (1e6, [0.5], "x"), else the text itself. */
export const parseValue = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/** Sets obj[path] immutably, creating objects on the way; numeric segments index arrays. */
export const setPath = (obj: unknown, path: readonly string[], value: unknown): unknown => {
  if (path.length === 0) return value
  const [head, ...rest] = path
  if (Array.isArray(obj) && /^\d+$/.test(head)) {
    const copy = [...obj]
    copy[Number(head)] = setPath(copy[Number(head)], rest, value)
    return copy
  }
  const base = typeof obj === "object" && obj !== null ? (obj as Record<string, unknown>) : {}
  return { ...base, [head]: setPath(base[head], rest, value) }
}

const applyOne = (input: ScenarioInput, key: string, value: unknown, where: string): ScenarioInput => {
  const path = parseKeyPath(key)
  if (path === undefined) {
    throw new ScenarioError(where, key, value, 'a key like horizon, seeds, adversary.C or learners.<label>.<field> (a label holding ".", "=", "+", brackets or quotes is written learners["a=b"].beta2)')
  }
  if (path[0] === "learners" && path.length >= 2 && !/^\d+$/.test(path[1])) {
    const index = input.learners.findIndex((l) => l.label === path[1])
    if (index < 0) {
      throw new ScenarioError(where, key, path[1], `a learner label, one of ${input.learners.map((l) => JSON.stringify(l.label)).join(", ")}`)
    }
    return setPath(input, ["learners", String(index), ...path.slice(2)], value) as ScenarioInput
  }
  const known = ["id", "title", "citation", "description", "notes", "domain", "adversary", "learners", "horizon", "start", "seeds", "checkpoints", "expectations"]
  if (!known.includes(path[0])) throw new ScenarioError(where, key, value, `a key starting with one of ${known.join(", ")}`)
  return setPath(input, path, value) as ScenarioInput
}

export const applyOverrides = (scenario: ScenarioInput | ResolvedScenario, sets: readonly string[]): ResolvedScenario => {
  const source = isResolved(scenario) ? scenario.source : scenario.id
  let input = isResolved(scenario) ? toScenarioInput(scenario) : scenario
  for (const set of sets) {
    const where = `--set ${set}`
    const assignment = splitAssignment(set)
    if (assignment === undefined) throw new ScenarioError(where, "", set, "key=value")
    const key = assignment.key
    const value = parseValue(assignment.value)
    input = applyOne(input, key, value, where)
    // Validate after each set, so a failure is blamed on the set that introduced it.
    try {
      resolveScenario(input, source)
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e
      throw new ScenarioError(`${source} (--set ${key})`, e.path, e.value, e.expected)
    }
  }
  return resolveScenario(input, source)
}
