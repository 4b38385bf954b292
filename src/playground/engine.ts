// The playground's engine: the CLI's own path from a state to runs (resolve the base scenario,
// apply the --set overrides, pick the learners, planRuns, Game), played in slices so the worker
// can stream partial results and drop a computation a newer state has replaced. Finished runs are
// kept by what determines their numbers, so moving one learner's knob replays that learner only.
import { ScenarioError } from "../scenario/error.ts"
import { applyOverrides } from "../scenario/overrides.ts"
import { parseScenarioJson } from "../scenario/parse-json.ts"
import { pickLearners } from "../scenario/pick.ts"
import { planRuns } from "../scenario/plan.ts"
import { resolveScenario, toScenarioInput, vectorMetrics } from "../scenario/resolve.ts"
import { summarise } from "../scenario/summarise.ts"
import type { LearnerRun, ResolvedScenario, ScenarioInput, ScenarioResult } from "../scenario/types.ts"
import { serialiseLearnerConfig } from "../core/learner/resolve.ts"
import type { Game } from "../core/game/game.ts"
import type { CheckpointRow, RunStatus } from "../core/types.ts"
import type { Catalogue } from "./catalogue.ts"
import type { PlaygroundState } from "./state.ts"

/** A scenario file's text as the CLI reads it (syntax errors name the file, line and column). */
export const parseScenarioText = (text: string, name: string): unknown => parseScenarioJson(text, name)

/** The base scenario with the overrides applied, before the learner selection (every learner, for the controls). */
export const resolveBase = (catalogue: Catalogue, state: PlaygroundState): ResolvedScenario => {
  let base: ResolvedScenario
  if (state.base.kind === "builtin") {
    const found = catalogue.get(state.base.id)
    if (found === undefined) {
      throw new ScenarioError("registry", "id", state.base.id, `a built-in scenario id (${catalogue.scenarios.map((s) => s.id).join(", ")}) or a path to a .ts or .json file`)
    }
    base = found
  } else base = resolveScenario(state.base.input, state.base.name)
  return state.sets.length === 0 ? base : applyOverrides(base, state.sets)
}

/** What runs: the resolved scenario narrowed to the chosen learners, as `--learners` does. */
export const selectState = (all: ResolvedScenario, state: PlaygroundState): ResolvedScenario =>
  state.learners === undefined ? all : pickLearners(all, state.learners)

/** A resolved scenario as plain data (no factories, no functions): what the page and the JSON export see. */
export const scenarioData = (s: ResolvedScenario): ScenarioInput => {
  const input = toScenarioInput(s)
  const { createAdversary: _factory, ...rest } = input
  return { ...rest, learners: s.learners.map((l) => ({ ...serialiseLearnerConfig(l.config), label: l.label })) }
}

const hasFunction = (v: unknown): boolean =>
  typeof v === "function" || (typeof v === "object" && v !== null && Object.values(v).some(hasFunction))

/**
 * Everything a run's numbers depend on, as text: domain, adversary, horizon, start, checkpoints,
 * the seed, the learner's config and whether rows carry vectors. The label is not in it (it only
 * names the run). Undefined when a function is involved (a TS factory or schedule): never cached.
 */
export const runKey = (s: ResolvedScenario, label: string, seed: number): string | undefined => {
  const learner = s.learners.find((l) => l.label === label)
  if (learner === undefined || s.createAdversary !== undefined || hasFunction(learner.config)) return undefined
  const vectors = s.expectations.some((e) => vectorMetrics.has(e.metric))
  return JSON.stringify([s.domain, s.adversary, s.horizon, s.start, s.checkpoints, seed, learner.config, vectors])
}

interface CachedRun {
  readonly rows: readonly CheckpointRow[]
  readonly status: RunStatus
}

interface Slot {
  readonly learner: string
  readonly seed: number
  readonly key: string | undefined
  game: Game | undefined
  run: LearnerRun | undefined
}

/** One state's runs in progress: cached ones already done, the rest played slice by slice. */
export class Computation {
  private readonly slots: Slot[]
  /** Labels played here rather than taken from the cache. */
  readonly computed: readonly string[]

  constructor(readonly scenario: ResolvedScenario, private readonly cache: RunCache) {
    this.slots = planRuns(scenario).map((plan) => {
      const key = runKey(scenario, plan.learner, plan.seed)
      const hit = key === undefined ? undefined : cache.get(key)
      return {
        learner: plan.learner,
        seed: plan.seed,
        key,
        game: hit === undefined ? plan.createGame() : undefined,
        run: hit === undefined ? undefined : { learner: plan.learner, seed: plan.seed, rows: hit.rows, status: hit.status }
      }
    })
    this.computed = [...new Set(this.slots.filter((s) => s.run === undefined).map((s) => s.learner))]
  }

  get done(): boolean {
    return this.slots.every((s) => s.run !== undefined)
  }

  /** Plays up to `rounds` more rounds of every unfinished run; true when all are finished. */
  advance(rounds: number): boolean {
    for (const slot of this.slots) {
      if (slot.run !== undefined || slot.game === undefined) continue
      if (slot.game.advance(rounds)) {
        const { rows, status } = slot.game.result()
        slot.run = { learner: slot.learner, seed: slot.seed, rows, status }
        slot.game = undefined
        if (slot.key !== undefined) this.cache.set(slot.key, { rows, status })
      }
    }
    return this.done
  }

  /** Rounds played so far and rounds left, over the runs played here (not those from the cache). */
  get progress(): { readonly played: number; readonly left: number } {
    const horizon = this.scenario.horizon
    let played = 0, left = 0
    for (const s of this.slots) {
      if (!this.computed.includes(s.learner)) continue
      const t = s.game === undefined ? horizon : s.game.t
      played += t
      left += horizon - t
    }
    return { played, left }
  }

  /** The lowest round reached by an unfinished run (the horizon when all are done). */
  get round(): number {
    let t = this.scenario.horizon
    for (const s of this.slots) if (s.game !== undefined) t = Math.min(t, s.game.t)
    return t
  }

  /** The result so far: finished runs whole, unfinished ones up to their last checkpoint. */
  result(): ScenarioResult {
    const runs: LearnerRun[] = this.slots.map((s) => s.run ?? { learner: s.learner, seed: s.seed, rows: [...s.game!.rows], status: s.game!.status })
    return summarise(this.scenario, runs, this.done ? { kind: "complete" } : { kind: "interrupted", round: this.round })
  }
}

/** Finished runs by runKey, least recently used dropped first. */
export class RunCache {
  private readonly runs = new Map<string, CachedRun>()
  constructor(readonly capacity = 64) {}

  get(key: string): CachedRun | undefined {
    const hit = this.runs.get(key)
    if (hit !== undefined) {
      this.runs.delete(key)
      this.runs.set(key, hit)
    }
    return hit
  }

  set(key: string, run: CachedRun): void {
    this.runs.delete(key)
    this.runs.set(key, run)
    while (this.runs.size > this.capacity) this.runs.delete(this.runs.keys().next().value!)
  }

  get size(): number {
    return this.runs.size
  }
}
