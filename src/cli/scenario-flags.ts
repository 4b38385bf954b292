// The flags that change a scenario before it runs (shared by `run` and `describe`), and how they
// apply: --set first, then --horizon / --seed(s), which are shorthands for the same overrides, so
// everything goes through the scenario layer's validation; --learners then picks a subset.
import { Effect, Option } from "effect"
import { Flag } from "effect/cli"
import { applyOverrides, loadScenario, type ScenarioRecipe } from "../scenario/index.ts"
import { pickLearners as pickScenarioLearners } from "../scenario/pick.ts"
import { MAX_SEED_COUNT } from "../scenario/schema-parts.ts"
import type { ResolvedScenario } from "../scenario/types.ts"
import type { InputError } from "./errors.ts"
import { checkedCall, fail, userCall } from "./input.ts"

export const scenarioFlags = {
  horizon: Flag.String("horizon").pipe(
    Flag.withMetavar("T"),
    Flag.withDescription("Rounds per run (e.g. 100000, 1e6, 1_000_000); overrides the scenario's horizon"),
    Flag.optional
  ),
  seed: Flag.String("seed").pipe(Flag.withMetavar("N"), Flag.withDescription("Run only this seed"), Flag.optional),
  seeds: Flag.String("seeds").pipe(
    Flag.withMetavar("N|a,b,c"),
    Flag.withDescription("Seeds 1..N, or an explicit comma-separated list"),
    Flag.optional
  ),
  learners: Flag.String("learners").pipe(
    Flag.withMetavar("a,b"),
    Flag.withDescription("Run only these learners (comma-separated labels)"),
    Flag.optional
  ),
  set: Flag.String("set").pipe(
    Flag.withMetavar("key=value"),
    Flag.withDescription("Override any scenario field, validated like the file (repeatable), e.g. learners.adam.beta2=0.999"),
    Flag.atLeast(0)
  )
} as const

export interface ScenarioFlags {
  readonly horizon: Option.Option<string>
  readonly seed: Option.Option<string>
  readonly seeds: Option.Option<string>
  readonly learners: Option.Option<string>
  readonly set: readonly string[]
}

const INTEGER = /^[0-9][0-9_]*$|^[0-9](\.[0-9]+)?e[0-9]+$/i

/**
 * An integer in [min, max] written plainly, with underscores, or in e-notation (1e6). Counts
 * stop at 2^53 − 1 by default: past it a double no longer tells n from n + 1.
 */
export const parseCount = (flag: string, text: string, min: number, max = Number.MAX_SAFE_INTEGER, unit = ""): Effect.Effect<number, InputError> => {
  const n = INTEGER.test(text.trim()) ? Number(text.trim().replace(/_/g, "")) : NaN
  if (Number.isSafeInteger(n) && n >= min && n <= max) return Effect.succeed(n)
  const range = max === Number.MAX_SAFE_INTEGER ? `from ${min} to ${max} (2^53 − 1${unit})` : `from ${min} to ${max.toLocaleString("en-US")}${unit ? ` (${unit.replace(/^, /, "")})` : ""}`
  return fail(`--${flag}: expected an integer ${range}, got ${JSON.stringify(text)}`)
}

/** --horizon: rounds are counted in doubles. */
export const parseHorizon = (text: string): Effect.Effect<number, InputError> => parseCount("horizon", text, 1, Number.MAX_SAFE_INTEGER, ", the largest round a double counts exactly")

/** --seeds N. */
export const parseSeedCount = (flag: string, text: string): Effect.Effect<number, InputError> => parseCount(flag, text, 1, MAX_SEED_COUNT, "the number of seeds")

export const parseSeeds = (text: string): Effect.Effect<number | number[], InputError> =>
  text.includes(",")
    ? Effect.forEach(text.split(",").filter((s) => s.trim() !== ""), (s) => parseCount("seeds", s, 0))
    : parseSeedCount("seeds", text)

/** `--learners a,b`: the named learners only (src/scenario/pick.ts), failing with one clear message. */
export const pickLearners = (s: ResolvedScenario, list: string): Effect.Effect<ResolvedScenario, InputError> =>
  checkedCall(() => pickScenarioLearners(s, list.split(",")))

/** Loads a scenario by id or path and applies the flags, failing with one clear message. */
export const resolveWithFlags = (ref: string, flags: ScenarioFlags): Effect.Effect<ResolvedScenario, InputError> =>
  Effect.map(resolveRecipeWithFlags(ref, flags), (r) => r.scenario)

/** The same, with the recipe that rebuilds the scenario in another thread. */
export const resolveRecipeWithFlags = (ref: string, flags: ScenarioFlags): Effect.Effect<{ scenario: ResolvedScenario; recipe: ScenarioRecipe }, InputError> =>
  Effect.gen(function* () {
    if (Option.isSome(flags.seed) && Option.isSome(flags.seeds)) yield* fail("--seed and --seeds: give one or the other, not both")
    const sets = [...flags.set]
    for (const s of sets) if (!s.includes("=")) yield* fail(`--set: expected key=value, got ${JSON.stringify(s)}`)
    if (Option.isSome(flags.horizon)) sets.push(`horizon=${yield* parseHorizon(flags.horizon.value)}`)
    if (Option.isSome(flags.seed)) sets.push(`seeds=[${yield* parseCount("seed", flags.seed.value, 0)}]`)
    if (Option.isSome(flags.seeds)) sets.push(`seeds=${JSON.stringify(yield* parseSeeds(flags.seeds.value))}`)
    const loaded = yield* userCall(() => loadScenario(ref))
    const scenario = sets.length === 0 ? loaded : yield* checkedCall(() => applyOverrides(loaded, sets))
    if (Option.isNone(flags.learners)) return { scenario, recipe: { ref, sets } }
    const picked = yield* pickLearners(scenario, flags.learners.value)
    return { scenario: picked, recipe: { ref, sets, learners: picked.learners.map((l) => l.label) } }
  })
