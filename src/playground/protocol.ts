// The messages between the page and its engine worker. Everything is plain data (structured clone).
import type { ChartSpec } from "../report/charts.ts"
import type { ScenarioInput } from "../scenario/types.ts"
import type { PlaygroundState } from "./state.ts"

export type ToWorker =
  /** Show this state. `text`: a pasted or dropped scenario file to parse first, as base `name`. */
  | { readonly type: "state"; readonly id: number; readonly state: PlaygroundState; readonly file?: { readonly name: string; readonly text: string } }

export interface ScenarioSummaryRow {
  readonly learner: string
  readonly t: number
  readonly x: readonly number[] | undefined
  readonly regret: number
  readonly avgRegret: number
  readonly seeds: number
  readonly diverged: number
  readonly verdict: string
}

export type FromWorker =
  /** The built-in scenarios, once at start. */
  | { readonly type: "catalogue"; readonly scenarios: readonly { readonly id: string; readonly title: string; readonly citation: string }[] }
  /**
   * The state resolved: every learner (for the controls, chosen or not) and the scenario that runs
   * (the JSON export). `state` is the request's, with a parsed file as its base.
   */
  | { readonly type: "resolved"; readonly id: number; readonly state: PlaygroundState; readonly all: ScenarioInput; readonly running: ScenarioInput }
  /** The state does not resolve (or the file does not parse): the CLI's message. */
  | { readonly type: "error"; readonly id: number; readonly scope: "state" | "file"; readonly message: string; readonly path?: string }
  /** Charts and numbers so far; `complete` once every run has reached the horizon. */
  | {
    readonly type: "result"
    readonly id: number
    readonly complete: boolean
    readonly round: number
    readonly horizon: number
    readonly charts: readonly ChartSpec[]
    readonly summary: readonly ScenarioSummaryRow[]
    /** Labels played for this state (the rest came from the cache). */
    readonly computed: readonly string[]
    /** Worker time: resolving the state, playing the rounds, building the chart specs (ms). */
    readonly timing: { readonly resolve: number; readonly play: number; readonly charts: number }
  }

/** The charts the page draws, by the names the report builder gives them, in page order. */
export const PLAYGROUND_CHARTS = ["avg-regret", "regret", "iterate", "gamma"] as const
