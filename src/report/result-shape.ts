// A data.json read back for `regretlab report` may have been edited or truncated by hand. Before
// the report is rebuilt from it, the parts the writers read are checked for their shape, so a bad
// file is an input error naming the field, not a crash half-way through the charts.
import { ConfigError, joinPath } from "../core/config/error.ts"

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v)

interface Problem {
  readonly path: string
  readonly expected: string
  readonly value: unknown
}

type Check = (v: unknown) => Problem | undefined

const leaf = (expected: string, ok: (v: unknown) => boolean): Check => (v) => (ok(v) ? undefined : { path: "", expected, value: v })
const str = leaf("a string", (v) => typeof v === "string")
const num = leaf("a number", (v) => typeof v === "number")
const arr = (item?: Check): Check => (v) => {
  if (!Array.isArray(v)) return { path: "", expected: "an array", value: v }
  if (item !== undefined) {
    for (let i = 0; i < v.length; i++) {
      const bad = item(v[i])
      if (bad !== undefined) return { ...bad, path: joinPath(`[${i}]`, bad.path) }
    }
  }
  return undefined
}
const obj = (fields: Record<string, Check>): Check => (v) => {
  if (!isObject(v)) return { path: "", expected: "an object", value: v }
  for (const [k, check] of Object.entries(fields)) {
    const bad = check(v[k])
    if (bad !== undefined) return { ...bad, path: joinPath(k, bad.path) }
  }
  return undefined
}

const spread = obj({ mean: num, n: num })
const result = obj({
  scenario: obj({
    id: str, title: str, horizon: num, seeds: arr(num), domain: obj({ kind: str }), adversary: obj({ kind: str }),
    learners: arr(obj({ label: str, config: obj({ kind: str }) })), expectations: arr(obj({ learner: str })),
    checkpoints: obj({ perDecade: num, extra: arr(num) }), notes: arr(str)
  }),
  runs: arr(obj({ learner: str, seed: num, rows: arr(obj({ t: num })), status: obj({ kind: str }) })),
  summary: arr(obj({ learner: str, t: num, regret: spread, avgRegret: spread, diverged: num })),
  paired: arr(),
  expectations: arr(obj({ text: str, expectation: obj({ learner: str }) })),
  completion: obj({ kind: str })
})

/** Throws a ConfigError naming the first field of a scenario result that has the wrong shape. */
export const checkResultShape = (value: unknown): void => {
  const bad = result(value)
  if (bad !== undefined) throw new ConfigError(bad.path, bad.value, bad.expected)
}
