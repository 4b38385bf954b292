// The engine worker: resolves each state the page sends, plays its runs in slices of about 8 ms
// (posting partial charts every ~50 ms, so a long horizon draws early). States that arrive while it
// works wait, and only the newest of them is computed next (a dragged slider sends one per frame).
// A computation that a newer state overtakes is finished when it is nearly done, so the charts
// follow a drag, and dropped when much is left. The page itself never runs a round, so it never freezes.
import { ConfigError, UserError } from "../core/config/error.ts"
import { buildCharts } from "../report/charts.ts"
import { verdictOf } from "../report/summary.ts"
import type { ScenarioResult } from "../scenario/types.ts"
import { builtinCatalogue, type JsonScenarioFile } from "./catalogue.ts"
import { Computation, parseScenarioText, resolveBase, RunCache, scenarioData, selectState } from "./engine.ts"
import { SentCharts } from "./chart-delta.ts"
import { PLAYGROUND_CHARTS, type ChartOptions, type FromWorker, type Part, type Resolved, type ScenarioSummaryRow, type ToWorker } from "./protocol.ts"
import type { PlaygroundState } from "./state.ts"

/** The scenarios/*.json documents, inlined by the page build. */
declare const REGRETLAB_SCENARIO_FILES: readonly JsonScenarioFile[]

const SLICE_MS = 8
const POST_EVERY_MS = 50
const SLICE_ROUNDS = 1 << 14
/** A computation a newer state overtakes is finished if about this much play is left (ms), else dropped. */
const FINISH_MS = 40

const scope = self as unknown as { postMessage(m: FromWorker): void; onmessage: ((e: MessageEvent<ToWorker>) => void) | null }
const post = (m: FromWorker) => scope.postMessage(m)

const catalogue = builtinCatalogue(REGRETLAB_SCENARIO_FILES)
const cache = new RunCache()
/** What the page holds: every result's charts are sent relative to it. */
const sent = new SentCharts()
/** The newest state received. */
let latest = 0
/** The newest state not started yet (older ones that waited with it are skipped). */
let queued: { readonly message: Extract<ToWorker, { type: "state" }>; readonly at: number } | undefined
/** A state is being computed (pump is running). */
let busy = false

/** The time on a clock the page shares (ms since the epoch): the two threads' performance.now() start apart. */
const clock = (): number => performance.timeOrigin + performance.now()

/** Lets queued messages in (a newer state) without a timer's minimum delay. */
const yieldToMessages = (): Promise<void> =>
  new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => resolve()
    channel.port2.postMessage(0)
  })

const summaryRows = (result: ScenarioResult): ScenarioSummaryRow[] =>
  result.summary.map((s) => ({
    learner: s.learner,
    t: s.t,
    x: s.x,
    regret: s.regret.mean,
    avgRegret: s.avgRegret.mean,
    seeds: s.avgRegret.n,
    diverged: s.diverged,
    verdict: verdictOf(result, s.learner)
  }))

const errorOf = (e: unknown): { message: string; path?: string } => {
  if (e instanceof ConfigError) return { message: e.message, path: e.path }
  if (e instanceof UserError) return { message: e.message }
  throw e
}

const compute = async (id: number, request: PlaygroundState, options: ChartOptions, shown: readonly string[], arrived: number, file?: { name: string; text: string }): Promise<void> => {
  const t0 = performance.now()
  let state = request
  if (file !== undefined) {
    try {
      state = { base: { kind: "file", name: file.name, input: parseScenarioText(file.text, file.name) }, sets: [] }
    } catch (e) {
      return post({ type: "error", id, scope: "file", ...errorOf(e) })
    }
  }
  let computation: Computation
  let resolved: Resolved | undefined
  try {
    const all = resolveBase(catalogue, state)
    const running = selectState(all, state)
    computation = new Computation(running, cache)
    resolved = { state, all: scenarioData(all), running: scenarioData(running) }
  } catch (e) {
    return post({ type: "error", id, scope: file !== undefined ? "file" : "state", ...errorOf(e) })
  }
  const resolveTime = performance.now() - t0
  let playing = 0
  let lastPost = performance.now()
  const send = (result: ScenarioResult, summary: readonly ScenarioSummaryRow[], names: readonly string[], part: Part) => {
    const c0 = performance.now()
    const specs = buildCharts(result, names)
    const c1 = performance.now()
    const charts = specs.map((c) => sent.update(c.name, c.title, c.spec, options))
    post({
      type: "result", id, complete: computation.done, round: computation.round, horizon: computation.scenario.horizon,
      ...(resolved !== undefined ? { resolved } : {}), ...(part !== "all" ? { part } : {}),
      charts, summary, computed: computation.computed,
      timing: { resolve: resolveTime, play: playing, charts: c1 - c0, delta: performance.now() - c1, arrived, posted: clock() }
    })
    resolved = undefined
  }
  for (;;) {
    const s0 = performance.now()
    while (!computation.done && performance.now() - s0 < SLICE_MS) computation.advance(SLICE_ROUNDS)
    playing += performance.now() - s0
    if (computation.done) {
      // The charts on screen first: the page draws them while the others are built.
      const result = computation.result()
      const summary = summaryRows(result)
      const first = PLAYGROUND_CHARTS.filter((name) => shown.includes(name))
      if (first.length === 0 || first.length === PLAYGROUND_CHARTS.length) return send(result, summary, PLAYGROUND_CHARTS, "all")
      send(result, summary, first, "shown")
      return send(result, summary, PLAYGROUND_CHARTS.filter((name) => !shown.includes(name)), "rest")
    }
    // A long computation shows its state at once (the controls), before its first charts.
    if (resolved !== undefined) {
      post({ type: "resolved", id, ...resolved })
      resolved = undefined
    }
    if (performance.now() - lastPost >= POST_EVERY_MS) {
      const result = computation.result()
      send(result, summaryRows(result), PLAYGROUND_CHARTS, "all")
      lastPost = performance.now()
    }
    await yieldToMessages()
    if (latest !== id) {
      // Overtaken: finish it if little is left (the page draws it on the way), else make way.
      const { played, left } = computation.progress
      if (played === 0 || (playing / played) * left > FINISH_MS) return
    }
  }
}

/** Computes the newest waiting state, then the newest that came meanwhile, until none waits. */
const pump = async (): Promise<void> => {
  if (busy) return
  busy = true
  try {
    for (;;) {
      // States already queued behind this one arrive first: only the newest is computed.
      await yieldToMessages()
      const m = queued
      if (m === undefined) return
      queued = undefined
      await compute(m.message.id, m.message.state, m.message.charts, m.message.shown ?? [], m.at, m.message.file).catch((err: unknown) => {
        // What was sent may be half recorded: start again from whole charts.
        sent.reset()
        console.error(err)
        post({ type: "error", id: m.message.id, scope: "state", message: `internal error: ${err instanceof Error ? err.message : String(err)} (this is a bug)` })
      })
    }
  } finally {
    busy = false
  }
}

scope.onmessage = (e) => {
  const m = e.data
  if (m.type === "state") {
    latest = m.id
    if (m.full === true) sent.reset()
    // A file waiting to load is not skipped: it loads, in place of the newer state (which was
    // made for the scenario the file replaces).
    queued = { message: m.file !== undefined || queued?.message.file === undefined ? m : { ...m, file: queued.message.file }, at: clock() }
    void pump()
  }
}

post({ type: "catalogue", scenarios: catalogue.scenarios.map((s) => ({ id: s.id, title: s.title, citation: s.citation })) })
