// The flags that change a scenario before it runs (shared by `run` and `describe`), and how they
// apply: --set first, then --horizon / --seed(s), which are shorthands for the same overrides, so
// everything goes through the scenario layer's validation; --learners then picks a subset.
import { Effect, Option } from "effect"
import { Flag } from "effect/cli"
import { applyOverrides, loadScenario } from "../scenario/index.ts"
import { pickLearners as pickScenarioLearners } from "../scenario/pick.ts"
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

/** A positive integer written plainly, with underscores, or in e-notation (1e6). */
export const parseCount = (flag: string, text: string, min: number): Effect.Effect<number, InputError> => {
  const n = INTEGER.test(text.trim()) ? Number(text.trim().replace(/_/g, "")) : NaN
  return Number.isSafeInteger(n) && n >= min
    ? Effect.succeed(n)
    : fail(`--${flag}: expected an integer ≥ ${min}, got ${JSON.stringify(text)}`)
}

const parseSeeds = (text: string): Effect.Effect<number | number[], InputError> =>
  text.includes(",")
    ? Effect.forEach(text.split(",").filter((s) => s.trim() !== ""), (s) => parseCount("seeds", s, 0))
    : parseCount("seeds", text, 1)

/** `--learners a,b`: the named learners only (src/scenario/pick.ts), failing with one clear message. */
export const pickLearners = (s: ResolvedScenario, list: string): Effect.Effect<ResolvedScenario, InputError> =>
  checkedCall(() => pickScenarioLearners(s, list.split(",")))

/** Loads a scenario by id or path and applies the flags, failing with one clear message. */
export const resolveWithFlags = (ref: string, flags: ScenarioFlags): Effect.Effect<ResolvedScenario, InputError> =>
  Effect.gen(function* () {
    if (Option.isSome(flags.seed) && Option.isSome(flags.seeds)) yield* fail("--seed and --seeds: give one or the other, not both")
    const sets = [...flags.set]
    for (const s of sets) if (!s.includes("=")) yield* fail(`--set: expected key=value, got ${JSON.stringify(s)}`)
    if (Option.isSome(flags.horizon)) sets.push(`horizon=${yield* parseCount("horizon", flags.horizon.value, 1)}`)
    if (Option.isSome(flags.seed)) sets.push(`seeds=[${yield* parseCount("seed", flags.seed.value, 0)}]`)
    if (Option.isSome(flags.seeds)) sets.push(`seeds=${JSON.stringify(yield* parseSeeds(flags.seeds.value))}`)
    const loaded = yield* userCall(() => loadScenario(ref))
    const scenario = sets.length === 0 ? loaded : yield* checkedCall(() => applyOverrides(loaded, sets))
    return Option.isSome(flags.learners) ? yield* pickLearners(scenario, flags.learners.value) : scenario
  })
