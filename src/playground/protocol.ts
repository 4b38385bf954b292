// The messages between the page and its engine worker. Everything is plain data (structured clone).
import type { ScenarioInput } from "../scenario/types.ts"
import type { PlaygroundState } from "./state.ts"

export type ToWorker =
  /**
   * Show this state. `file`: a pasted or dropped scenario file to parse first, as base `name`.
   * `charts`: how the page draws (the worker splits the specs to match). `full`: send every chart
   * whole, as if the page held nothing (it lost track of what it holds).
   */
  | {
    readonly type: "state"; readonly id: number; readonly state: PlaygroundState; readonly file?: { readonly name: string; readonly text: string }
    readonly charts: ChartOptions; readonly full?: boolean
    /** The charts on screen: their updates come first, in a message of their own. */
    readonly shown?: readonly string[]
  }

/** Split options for the live charts (see splitSpec). */
export interface ChartOptions { readonly tooltips: boolean; readonly aria: boolean }

/** Rows by learner ("" for rows of no learner); a learner with no rows is one the chart no longer has. */
export type RowsByLearner = Readonly<Record<string, readonly unknown[]>>

/**
 * One chart, relative to what the worker sent before. `full`: the split spec to embed (it carries
 * its datasets and signal values). `delta`: the structure is unchanged; per dataset, the learners
 * whose rows to replace (every row of each goes, its new rows come in), and the signals whose
 * values changed. A delta with nothing in it leaves the chart as it is.
 */
export type ChartUpdate =
  | { readonly kind: "full"; readonly name: string; readonly title: string; readonly spec: object; readonly datasets: readonly string[] }
  | {
    readonly kind: "delta"; readonly name: string; readonly title: string
    readonly datasets: Readonly<Record<string, RowsByLearner>>; readonly signals: Readonly<Record<string, unknown>>
  }

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

/**
 * A state resolved: every learner (for the controls, chosen or not) and the scenario that runs (the
 * JSON export). `state` is the request's, with a parsed file as its base.
 */
export interface Resolved { readonly state: PlaygroundState; readonly all: ScenarioInput; readonly running: ScenarioInput }

/**
 * A complete result with charts both on and off screen comes in two messages: "shown" (the charts
 * on screen, drawn at once) then "rest" (the others, drawn when the page is idle or when they
 * scroll into view). Partial results and results with every chart on screen come whole: "all".
 */
export type Part = "all" | "shown" | "rest"

export type FromWorker =
  /** The built-in scenarios, once at start. */
  | { readonly type: "catalogue"; readonly scenarios: readonly { readonly id: string; readonly title: string; readonly citation: string }[] }
  /**
   * The state resolved (sent alone only when its runs take longer than one slice; otherwise it
   * rides on the first result, one message instead of two).
   */
  | ({ readonly type: "resolved"; readonly id: number } & Resolved)
  /** The state does not resolve (or the file does not parse): the CLI's message. */
  | { readonly type: "error"; readonly id: number; readonly scope: "state" | "file"; readonly message: string; readonly path?: string }
  /**
   * Charts and numbers so far; `complete` once every run has reached the horizon. The chart
   * updates build on every earlier result's, whatever its id: the page folds in each one it gets.
   */
  | {
    readonly type: "result"
    readonly id: number
    readonly complete: boolean
    readonly round: number
    readonly horizon: number
    /** The state resolved, when no "resolved" message went before this result. */
    readonly resolved?: Resolved
    /** Which charts this message carries (absent: all of them). */
    readonly part?: Part
    readonly charts: readonly ChartUpdate[]
    readonly summary: readonly ScenarioSummaryRow[]
    /** Labels played for this state (the rest came from the cache). */
    readonly computed: readonly string[]
    /**
     * Worker time: resolving the state, playing the rounds, building the chart specs, splitting and
     * diffing them (ms); when the state arrived and when this result was posted (ms since the epoch).
     */
    readonly timing: { readonly resolve: number; readonly play: number; readonly charts: number; readonly delta: number; readonly arrived: number; readonly posted: number }
  }

/** The charts the page draws, by the names the report builder gives them, in page order. */
export const PLAYGROUND_CHARTS = ["avg-regret", "regret", "iterate", "gamma"] as const
