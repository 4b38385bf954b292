// The engine worker: resolves each state the page sends, plays its runs in slices of about 8 ms
// (posting partial charts every ~50 ms, so a long horizon draws early), and drops a computation as
// soon as a newer state arrives. The page itself never runs a round, so it never freezes.
import { ConfigError, UserError } from "../core/config/error.ts"
import { buildCharts } from "../report/charts.ts"
import { verdictOf } from "../report/summary.ts"
import type { ScenarioResult } from "../scenario/types.ts"
import { builtinCatalogue, type JsonScenarioFile } from "./catalogue.ts"
import { Computation, parseScenarioText, resolveBase, RunCache, scenarioData, selectState } from "./engine.ts"
import { SentCharts } from "./chart-delta.ts"
import { PLAYGROUND_CHARTS, type ChartOptions, type FromWorker, type ScenarioSummaryRow, type ToWorker } from "./protocol.ts"
import type { PlaygroundState } from "./state.ts"

/** The scenarios/*.json documents, inlined by the page build. */
declare const REGRETLAB_SCENARIO_FILES: readonly JsonScenarioFile[]

const SLICE_MS = 8
const POST_EVERY_MS = 50
const SLICE_ROUNDS = 1 << 14

const scope = self as unknown as { postMessage(m: FromWorker): void; onmessage: ((e: MessageEvent<ToWorker>) => void) | null }
const post = (m: FromWorker) => scope.postMessage(m)

const catalogue = builtinCatalogue(REGRETLAB_SCENARIO_FILES)
const cache = new RunCache()
/** What the page holds: every result's charts are sent relative to it. */
const sent = new SentCharts()
let latest = 0

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

const compute = async (id: number, request: PlaygroundState, options: ChartOptions, file?: { name: string; text: string }): Promise<void> => {
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
  try {
    const all = resolveBase(catalogue, state)
    const running = selectState(all, state)
    computation = new Computation(running, cache)
    post({ type: "resolved", id, state, all: scenarioData(all), running: scenarioData(running) })
  } catch (e) {
    return post({ type: "error", id, scope: file !== undefined ? "file" : "state", ...errorOf(e) })
  }
  const resolved = performance.now() - t0
  let playing = 0
  let lastPost = performance.now()
  const send = () => {
    const c0 = performance.now()
    const result = computation.result()
    const specs = buildCharts(result, PLAYGROUND_CHARTS)
    const c1 = performance.now()
    const charts = specs.map((c) => sent.update(c.name, c.title, c.spec, options))
    post({
      type: "result", id, complete: computation.done, round: computation.round, horizon: computation.scenario.horizon,
      charts, summary: summaryRows(result), computed: computation.computed,
      timing: { resolve: resolved, play: playing, charts: c1 - c0, delta: performance.now() - c1 }
    })
  }
  for (;;) {
    const s0 = performance.now()
    while (!computation.done && performance.now() - s0 < SLICE_MS) computation.advance(SLICE_ROUNDS)
    playing += performance.now() - s0
    if (computation.done) return send()
    if (performance.now() - lastPost >= POST_EVERY_MS) {
      send()
      lastPost = performance.now()
    }
    await yieldToMessages()
    if (latest !== id) return
  }
}

scope.onmessage = (e) => {
  const m = e.data
  if (m.type === "state") {
    latest = m.id
    if (m.full === true) sent.reset()
    compute(m.id, m.state, m.charts, m.file).catch((err: unknown) => {
      // What was sent may be half recorded: start again from whole charts.
      sent.reset()
      console.error(err)
      post({ type: "error", id: m.id, scope: "state", message: `internal error: ${err instanceof Error ? err.message : String(err)} (this is a bug)` })
    })
  }
}

post({ type: "catalogue", scenarios: catalogue.scenarios.map((s) => ({ id: s.id, title: s.title, citation: s.citation })) })
