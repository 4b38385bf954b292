// The playground page: builds the controls from the registries (controls.ts), keeps the state in
// the URL, sends each state to the engine worker and redraws the report's charts from what comes
// back. A redraw whose chart structure is unchanged only feeds new data to the live vega views.
import embed from "vega-embed"
import { changeset, logger, Warn, type View } from "vega"
import { fmt } from "../core/config/show.ts"
import { learnerOf } from "./chart-delta.ts"
import {
  adversaryControls, domainControls, learnerControls, learnerKey, logRange, logValue, parseBoxValue, runControls, showBoxValue,
  switchedComponent, switchedLearner, type ComponentControls, type Control, type NumberControl
} from "./controls.ts"
import { PLAYGROUND_CHARTS, type ChartUpdate, type FromWorker, type Resolved, type ToWorker } from "./protocol.ts"
import { commandText, decodeState, encodeState, fileNameFor, runArgs, withSet, type PlaygroundState } from "./state.ts"
import type { ScenarioInput } from "../scenario/types.ts"

/** The engine worker's bundled source, inlined by the page build (a Worker cannot load a file:// script). */
declare const REGRETLAB_WORKER_SOURCE: string

type ResultMessage = Extract<FromWorker, { type: "result" }>

/** One redraw, for tests and the benchmark (window.regretlabPlayground.updates). */
export interface UpdateRecord {
  readonly id: number
  readonly complete: boolean
  /** From the input event that caused it to the charts on screen drawn (ms); undefined when no input started it. */
  readonly latency: number | undefined
  /** From the input event to every chart drawn, those off screen too (ms); set once they are. */
  latencyAll?: number
  /**
   * From the input event to the end of the first frame after the draw (ms): the canvases
   * rasterised and handed to the compositor, i.e. the new charts on their way to the screen.
   */
  latencyFrame?: number
  /** When that frame was done (performance.now()). */
  frameAt?: number
  readonly play: number
  readonly resolve: number
  readonly specs: number
  /** Worker: splitting the chart specs and finding what changed since the last result (ms). */
  readonly delta: number
  /** Drawing the charts on screen and the numbers (ms). */
  readonly draw: number
  /** The charts drawn at once (on screen), by name. */
  readonly drawn: readonly string[]
  /** From the input event to the state arriving in the worker (ms). */
  readonly toWorker: number | undefined
  /** In the worker, from the state's arrival to the result posted: waiting its turn, computing, the numbers, the charts (ms). */
  readonly worker: number
  /** From the result posted to the page's handling of it: the copy between threads and waiting for the page's thread (ms). */
  readonly toPage: number
  readonly rebuilt: number
  readonly computed: readonly string[]
  /** When the draw ended (performance.now()). */
  readonly at: number
}

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T

const worker = new Worker(URL.createObjectURL(new Blob([REGRETLAB_WORKER_SOURCE], { type: "text/javascript" })))

let state: PlaygroundState = decodeState(location.hash) ?? { base: { kind: "builtin", id: "reddi2018/online" }, sets: [] }
let lastId = 0
/** The latest state the worker resolved, with every learner (chosen or not), and the one that runs. */
let resolved: { all: ScenarioInput; running: ScenarioInput } | undefined
const inputTimes = new Map<number, number>()
const receivedAt = new Map<number, number>()
const updates: UpdateRecord[] = []
let drawnId = 0

const hook = {
  updates,
  /** The built-in scenario ids, once the worker has listed them. */
  catalogue: [] as string[],
  get drawnId() { return drawnId },
  get lastId() { return lastId },
  get state() { return state },
  /** The rows a chart draws, per dataset, read back from its live vega view. */
  chartData: (name: string): Record<string, unknown[]> => {
    const slot = slots.get(name)
    if (slot?.view === undefined || slot.datasets === undefined) return {}
    return Object.fromEntries(slot.datasets.map((d) => [d, slot.view!.data(d)]))
  },
  /** The values of a chart's own signals (params, title, scale domains, axis ticks), read back from its live vega view. */
  chartSignals: (name: string): Record<string, unknown> => {
    const slot = slots.get(name)
    if (slot?.view === undefined || slot.signalNames === undefined) return {}
    return Object.fromEntries(slot.signalNames.map((s) => [s, slot.view!.signal(s)]))
  }
}
;(window as unknown as { regretlabPlayground: typeof hook }).regretlabPlayground = hook

// ---- state → worker → page ----------------------------------------------------------------

const send = (next: PlaygroundState, options: { inputTime?: number; file?: { name: string; text: string } } = {}): void => {
  const id = ++lastId
  if (options.inputTime !== undefined) inputTimes.set(id, options.inputTime)
  const message: ToWorker = {
    type: "state", id, state: next, charts: CHART_OPTIONS, shown: [...onScreen],
    ...(options.file !== undefined ? { file: options.file } : {}), ...(needFull ? { full: true } : {})
  }
  needFull = false
  worker.postMessage(message)
  if (options.file === undefined) {
    state = next
    writeUrl()
  }
  document.body.dataset.state = "computing"
}

let urlTimer: ReturnType<typeof setTimeout> | undefined

/** The URL follows the state; written a moment later (replaceState costs milliseconds), at most once per burst of edits. */
const writeUrl = (): void => {
  if (urlTimer !== undefined) return
  urlTimer = setTimeout(() => {
    urlTimer = undefined
    const hash = `#${encodeState(state)}`
    if (location.hash !== hash) history.replaceState(null, "", hash)
    document.body.dataset.url = "written"
  }, 120)
  document.body.dataset.url = "pending"
}

const edit = (key: string, value: unknown, event?: Event): void => send(withSet(state, key, value), { inputTime: event?.timeStamp ?? performance.now() })

worker.onmessage = (e: MessageEvent<FromWorker>) => {
  const m = e.data
  switch (m.type) {
    case "catalogue": return fillCatalogue(m.scenarios)
    case "resolved":
      if (m.id === lastId) takeResolved(m)
      return
    case "error":
      if (m.id !== lastId) return
      applyForm()
      document.body.dataset.state = "error"
      $(m.scope === "file" ? "file-message" : "state-message").textContent = m.message
      if (m.scope === "file") $("paste-box").setAttribute("open", "")
      $("status").textContent = m.scope === "file" ? "The scenario was not loaded." : "Not redrawn: fix the value above."
      return
    case "result":
      // Every result's charts build on the one before, drawn or not.
      for (const c of m.charts) fold(c)
      if (m.resolved !== undefined && m.id === lastId) takeResolved(m.resolved)
      if (m.part === "rest") {
        // The charts off screen: drawn when the page is idle (or as they scroll into view).
        if (restOf === m.id) restOf = undefined
        return requestRest()
      }
      // An older state's complete result is drawn too (the worker finished it because little was
      // left): during a drag the charts follow a step behind instead of waiting for the last one.
      if (m.id !== lastId && !(m.complete && m.id > (lastShown?.record.id ?? 0))) return
      if (m.part === "shown") restOf = m.id
      pending = m
      receivedAt.set(m.id, performance.now())
      void drawLoop()
  }
}

/** The worker resolved the newest state: its URL, the export, the form (refreshed after the draw). */
const takeResolved = (r: Resolved): void => {
  state = r.state
  writeUrl()
  resolved = { all: r.all, running: r.running }
  clearText("state-message")
  clearText("file-message")
  // The form already shows a knob the user moved: refreshing it waits until the charts are drawn.
  formPending = r.all
  const base = JSON.stringify(r.state.base)
  if (formShape === "" || base !== lastBase) applyForm()
  lastBase = base
}

/** Empties a message line; an empty one is left alone (writing it would still cost a style pass). */
const clearText = (id: string): void => {
  const el = $(id)
  if (el.firstChild !== null) el.textContent = ""
}

// ---- charts ------------------------------------------------------------------------------

interface Slot {
  readonly el: HTMLElement
  view?: View
  datasets?: string[]
  signalNames?: string[]
  /** Received and not drawn yet: a spec to embed, then (dataset → learner → rows) and signals to feed the view. */
  embed?: { spec: object; datasets: readonly string[] }
  rows: Map<string, Map<string, readonly unknown[]>>
  signals: Map<string, unknown>
  title?: string
  /** The title the caption shows. */
  captioned?: string
}
const options = new URLSearchParams(location.search)
const RENDERER = (options.get("renderer") === "svg" ? "svg" : "canvas") as "svg" | "canvas"
/** Hover tooltips on the charts: off unless ?tooltips=1 (they double the cost of a redraw). */
const TOOLTIPS = options.get("tooltips") === "1"
const CHART_OPTIONS = { tooltips: TOOLTIPS, aria: RENDERER === "svg" }
const slots = new Map<string, Slot>(PLAYGROUND_CHARTS.map((name) => [name, { el: $(`chart-${name}`), rows: new Map(), signals: new Map() }]))
/** The page no longer knows what its views hold (a draw failed): the next state asks for whole charts. */
let needFull = true

let pending: ResultMessage | undefined
let drawing = false
/** A "shown" result whose "rest" message (the charts off screen) has not come yet. */
let restOf: number | undefined
/** The newest complete result whose charts on screen are drawn: its record and its input's time. */
let lastShown: { readonly record: UpdateRecord; readonly start: number | undefined } | undefined
/** The charts off screen wait to be drawn: at the next idle moment. */
let restWanted = false
let restTimer: number | undefined

/** Charts with any part on screen: drawn first. Before the first report of the observer, all count. */
const onScreen = new Set<string>()
let observed = false
const observer = new IntersectionObserver((entries) => {
  observed = true
  for (const entry of entries) {
    const name = cardNames.get(entry.target)!
    if (entry.isIntersecting) onScreen.add(name)
    else onScreen.delete(name)
    // Without a GPU, Chromium copies every painted 2D canvas into every frame it makes (about half
    // a millisecond each here), drawn or not: a chart off screen is not painted at all, so frames
    // (the one that moves a slider first) pay only for the charts in view. Its card's caption and
    // buttons stay (focusable; tabbing to one scrolls the card into view, which shows the chart).
    slots.get(name)!.el.style.contentVisibility = entry.isIntersecting ? "visible" : "hidden"
  }
  // A chart scrolled into view with updates waiting: drawn now.
  if ([...onScreen].some((name) => waiting(slots.get(name)!))) {
    restWanted = true
    void drawLoop()
  }
})
/** Each chart's card (caption, buttons and chart), watched for coming on and off screen, by chart name. */
const cardNames = new Map<Element, string>([...slots].map(([name, slot]) => [slot.el.closest("figure")!, name]))
for (const card of cardNames.keys()) observer.observe(card)
let formPending: ScenarioInput | undefined
/** The base scenario the form was built for, as JSON. */
let lastBase: string | undefined

/** Takes in one chart update: a whole spec replaces whatever waits; a delta adds to it. */
const fold = (update: ChartUpdate): void => {
  const slot = slots.get(update.name)
  if (slot === undefined) return
  slot.title = update.title
  if (update.kind === "full") {
    slot.embed = { spec: update.spec, datasets: update.datasets }
    slot.rows.clear()
    slot.signals.clear()
    return
  }
  for (const [dataset, changed] of Object.entries(update.datasets)) {
    let byLearner = slot.rows.get(dataset)
    if (byLearner === undefined) slot.rows.set(dataset, (byLearner = new Map()))
    for (const [learner, rows] of Object.entries(changed)) byLearner.set(learner, rows)
  }
  for (const [name, value] of Object.entries(update.signals)) slot.signals.set(name, value)
}

/** Runs `f` once the next frame is done (its animation callbacks, layout, paint and commit). */
const afterNextFrame = (f: () => void): void => {
  requestAnimationFrame(() => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => f()
    channel.port2.postMessage(0)
  })
}

/** Whether a chart has an update it has not drawn. */
const waiting = (slot: Slot): boolean => slot.embed !== undefined || slot.rows.size > 0 || slot.signals.size > 0 || (slot.title !== undefined && slot.title !== slot.captioned)

/** `f` when the page is next idle, at the latest in 150 ms (Safari has no requestIdleCallback: a 50 ms timer there). */
const whenIdle = (f: () => void): number =>
  typeof requestIdleCallback === "function" ? requestIdleCallback(f, { timeout: 150 }) : window.setTimeout(f, 50)

/** Asks for the charts off screen to be drawn when the page is next idle (at the latest in 150 ms). */
const requestRest = (): void => {
  if (restTimer !== undefined) return
  restTimer = whenIdle(() => {
    restTimer = undefined
    restWanted = true
    void drawLoop()
  })
}

/** Every chart drawn and nothing more to come: the newest complete result is on the page whole. */
const finishIfDrawn = (): void => {
  if (lastShown === undefined || restOf === lastShown.record.id || drawnId === lastShown.record.id || [...slots.values()].some(waiting)) return
  drawnId = lastShown.record.id
  if (lastShown.start !== undefined) lastShown.record.latencyAll = performance.now() - lastShown.start
  if (drawnId === lastId) document.body.dataset.state = "ready"
  document.body.dataset.drawn = String(drawnId)
}

/** Draws what waits for a chart; true if its view was built anew. Runs the view only when something changed. */
const drawChart = async (name: string, slot: Slot): Promise<boolean> => {
  if (slot.title !== undefined && slot.title !== slot.captioned) $(`caption-${name}`).textContent = slot.captioned = slot.title
  // Taken before any await: updates arriving meanwhile wait for the next draw.
  const { embed: toEmbed, rows, signals } = slot
  slot.embed = undefined
  slot.rows = new Map()
  slot.signals = new Map()
  if (toEmbed !== undefined) {
    slot.view?.finalize()
    slot.view = undefined
    // vega's warnings name the chart they come from.
    const log = logger(Warn, undefined, (method, level, args) => console[method](level, `${slot.el.dataset.chart}:`, ...args))
    const result = await embed(slot.el, toEmbed.spec as never, { renderer: RENDERER, actions: false, tooltip: true, logger: log })
    slot.view = result.view
    slot.datasets = [...toEmbed.datasets]
    const params = (toEmbed.spec as { params?: { name?: unknown; value?: unknown }[] }).params ?? []
    slot.signalNames = params.flatMap((p) => (typeof p.name === "string" && "value" in p ? [p.name] : []))
  }
  if (rows.size === 0 && signals.size === 0) return toEmbed !== undefined
  const view = slot.view
  if (view === undefined) throw new Error(`chart ${name}: new data and no chart to draw it in`)
  for (const [dataset, byLearner] of rows) {
    // Only the learners whose rows changed (the one whose knob moved) go through the dataflow again.
    const stale = new Set(byLearner.keys())
    view.change(dataset, changeset().remove((d: unknown) => stale.has(learnerOf(d))).insert([...byLearner.values()].flat() as object[]))
  }
  for (const [signal, value] of signals) view.signal(signal, value)
  await view.runAsync()
  return toEmbed !== undefined
}

const applyForm = (): void => {
  if (formPending === undefined) return
  renderForm(formPending)
  renderShare()
  formPending = undefined
}

/**
 * Draws the newest result's charts on screen (then its numbers), and when asked (the page idle, or
 * a chart scrolled into view) every chart with an update waiting. One draw at a time.
 */
const drawLoop = async (): Promise<void> => {
  if (drawing) return
  drawing = true
  try {
    for (;;) {
      if (pending !== undefined) {
        const m = pending
        pending = undefined
        const d0 = performance.now()
        const names = [...slots.keys()].filter((name) => !observed || onScreen.size === 0 || onScreen.has(name))
        const rebuilt = await Promise.all(names.map((name) => drawChart(name, slots.get(name)!)))
        renderSummary(m)
        const now = performance.now()
        const start = inputTimes.get(m.id)
        const received = receivedAt.get(m.id) ?? now
        const record: UpdateRecord = {
          id: m.id, complete: m.complete, latency: m.complete && start !== undefined ? now - start : undefined,
          play: m.timing.play, resolve: m.timing.resolve, specs: m.timing.charts, delta: m.timing.delta, draw: now - d0, drawn: names,
          toWorker: start !== undefined ? m.timing.arrived - performance.timeOrigin - start : undefined,
          worker: m.timing.posted - m.timing.arrived, toPage: received + performance.timeOrigin - m.timing.posted,
          rebuilt: rebuilt.filter(Boolean).length, computed: m.computed, at: now
        }
        updates.push(record)
        afterNextFrame(() => {
          record.frameAt = performance.now()
          if (start !== undefined && m.complete) record.latencyFrame = record.frameAt - start
        })
        if (updates.length > 500) updates.splice(0, updates.length - 500)
        if (m.complete) {
          lastShown = { record, start }
          for (const id of inputTimes.keys()) if (id <= m.id) inputTimes.delete(id)
          receivedAt.clear()
        }
        applyForm()
        document.body.dataset.state = "computing"
        $("status").textContent = m.complete
          ? `T = ${m.horizon.toLocaleString("en-US")}: ${m.computed.length === 0 ? "every run from the cache" : `replayed ${m.computed.join(", ")} in ${m.timing.play.toFixed(1)} ms`}; drawn in ${(now - d0).toFixed(1)} ms.`
          : `computing… round ${m.round.toLocaleString("en-US")} of ${m.horizon.toLocaleString("en-US")}`
        finishIfDrawn()
        continue
      }
      if (restWanted) {
        restWanted = false
        await Promise.all([...slots].filter(([, slot]) => waiting(slot)).map(([name, slot]) => drawChart(name, slot)))
        finishIfDrawn()
        continue
      }
      break
    }
  } catch (e) {
    // The views may hold part of an update: start again from whole charts.
    needFull = true
    for (const slot of slots.values()) {
      slot.embed = undefined
      slot.rows.clear()
      slot.signals.clear()
    }
    console.error(e)
    $("state-message").textContent = `The charts could not be drawn: ${e instanceof Error ? e.message : String(e)}`
  } finally {
    drawing = false
  }
  if ([...slots.values()].some(waiting)) requestRest()
}

const cell = (text: string, numeric?: number): HTMLTableCellElement => {
  const td = document.createElement("td")
  td.textContent = text
  if (numeric !== undefined) {
    td.className = "num"
    // Full precision (the shortest text that reads back to the same double) for anyone who checks.
    td.dataset.value = String(numeric)
    td.title = String(numeric)
  }
  return td
}

/** The summary's rows as last drawn, by learner, as JSON: a result rewrites only the rows that changed. */
let summaryShown: string[] = []

const renderSummary = (m: ResultMessage): void => {
  const body = document.querySelector("#summary tbody")!
  const keys = m.summary.map((s) => JSON.stringify([s, m.complete]))
  if (keys.length !== summaryShown.length) body.replaceChildren()
  m.summary.forEach((s, i) => {
    if (summaryShown[i] === keys[i] && body.children[i] !== undefined) return
    const tr = document.createElement("tr")
    tr.dataset.learner = s.learner
    const th = document.createElement("th")
    th.scope = "row"
    th.textContent = s.learner
    tr.append(
      th,
      cell(s.t.toLocaleString("en-US"), s.t),
      cell(s.x === undefined ? "—" : s.x.slice(0, 4).map((v) => fmt(v)).join(", ") + (s.x.length > 4 ? ", …" : "")),
      cell(fmt(s.regret), s.regret),
      cell(fmt(s.avgRegret), s.avgRegret),
      cell(String(s.seeds)),
      cell(m.complete ? s.verdict + (s.diverged > 0 ? `, ${s.diverged} diverged` : "") : "…")
    )
    const old = body.children[i]
    if (old === undefined) body.append(tr)
    else old.replaceWith(tr)
  })
  summaryShown = keys
}

// ---- controls ----------------------------------------------------------------------------

const idFor = (key: string): string => `ctl-${key.replace(/[^A-Za-z0-9_-]/g, "_")}`

const docSpan = (id: string, doc: string): HTMLElement => {
  const span = document.createElement("span")
  span.className = "doc"
  span.id = `${id}-doc`
  span.textContent = doc
  return span
}

const labelFor = (id: string, text: string): HTMLLabelElement => {
  const label = document.createElement("label")
  label.htmlFor = id
  label.textContent = text
  return label
}

/** Inputs by --set key, so values can be refreshed without rebuilding the form. */
const inputs = new Map<string, (value: unknown) => void>()

const numberField = (c: NumberControl): HTMLElement => {
  const id = idFor(c.key)
  const wrap = document.createElement("div")
  wrap.className = "field"
  const row = document.createElement("div")
  row.className = "row"
  const box = document.createElement("input")
  box.type = "number"
  box.step = c.spec.integer ? "1" : "any"
  if (c.spec.min !== undefined) box.min = String(c.spec.min)
  if (c.spec.max !== undefined && Number.isFinite(c.spec.max)) box.max = String(c.spec.max)
  box.dataset.key = c.key
  box.setAttribute("aria-describedby", `${id}-doc`)
  let slider: HTMLInputElement | undefined
  if (c.slider !== undefined || c.logSlider !== undefined) {
    slider = document.createElement("input")
    slider.type = "range"
    slider.id = id
    slider.dataset.key = c.key
    slider.setAttribute("aria-describedby", `${id}-doc`)
    box.id = `${id}-value`
    box.setAttribute("aria-label", `${c.label} (exact value)`)
    if (c.slider !== undefined) {
      slider.min = String(c.slider.min)
      slider.max = String(c.slider.max)
      slider.step = String(c.slider.step)
      slider.addEventListener("input", (e) => {
        box.value = slider!.value
        edit(c.key, Number(slider!.value), e)
      })
    } else {
      slider.dataset.scale = "log"
      slider.step = "0.01"
      const setRange = (v: number | undefined) => {
        const r = logRange(v, c.spec.minOpen ? c.spec.min : undefined)
        slider!.min = String(r.lo)
        slider!.max = String(r.hi)
      }
      setRange(c.value)
      slider.addEventListener("input", (e) => {
        const v = logValue(Number(slider!.value), c.spec)
        box.value = String(v)
        slider!.setAttribute("aria-valuetext", String(v))
        edit(c.key, v, e)
      })
      slider.addEventListener("change", () => setRange(Number(box.value)))
    }
    row.append(slider, box)
    wrap.append(labelFor(id, c.label), row, docSpan(id, c.doc))
  } else {
    box.id = id
    row.append(box)
    wrap.append(labelFor(id, c.label), row, docSpan(id, c.doc))
  }
  box.addEventListener("change", (e) => {
    if (box.value.trim() === "") return
    edit(c.key, Number(box.value), e)
  })
  const show = (value: unknown) => {
    const v = typeof value === "number" ? value : undefined
    if (document.activeElement !== box) box.value = v === undefined ? "" : String(v)
    if (slider !== undefined && document.activeElement !== slider && v !== undefined) {
      if (slider.dataset.scale === "log") {
        const r = logRange(v, c.spec.minOpen ? c.spec.min : undefined)
        slider.min = String(r.lo)
        slider.max = String(r.hi)
        slider.value = String(v > 0 ? Math.log10(v) : r.lo)
        slider.setAttribute("aria-valuetext", String(v))
      } else slider.value = String(v)
    }
  }
  show(c.value)
  inputs.set(c.key, show)
  return wrap
}

const selectField = (key: string, label: string, doc: string, value: string | undefined, options: readonly string[], onChange: (v: string, e: Event) => void): HTMLElement => {
  const id = idFor(key)
  const wrap = document.createElement("div")
  wrap.className = "field"
  const select = document.createElement("select")
  select.id = id
  select.dataset.key = key
  select.setAttribute("aria-describedby", `${id}-doc`)
  for (const o of options) {
    const option = document.createElement("option")
    option.value = o
    option.textContent = o
    select.append(option)
  }
  select.value = value ?? ""
  select.addEventListener("change", (e) => onChange(select.value, e))
  inputs.set(key, (v) => { if (document.activeElement !== select && typeof v === "string") select.value = v })
  wrap.append(labelFor(id, label), select, docSpan(id, doc))
  return wrap
}

const controlElement = (c: Control): HTMLElement => {
  switch (c.kind) {
    case "number": return numberField(c)
    case "select": return selectField(c.key, c.label, c.doc, c.value, c.options, (v, e) => edit(c.key, v, e))
    case "checkbox": {
      const id = idFor(c.key)
      const wrap = document.createElement("div")
      wrap.className = "field checkbox"
      const row = document.createElement("div")
      row.className = "row"
      const box = document.createElement("input")
      box.type = "checkbox"
      box.id = id
      box.dataset.key = c.key
      box.checked = c.value
      box.setAttribute("aria-describedby", `${id}-doc`)
      box.addEventListener("change", (e) => edit(c.key, box.checked, e))
      inputs.set(c.key, (v) => { box.checked = v === true })
      row.append(box, labelFor(id, c.label))
      wrap.append(row, docSpan(id, c.doc))
      return wrap
    }
    case "text": {
      const id = idFor(c.key)
      const wrap = document.createElement("div")
      wrap.className = "field"
      const box = document.createElement("input")
      box.type = "text"
      box.id = id
      box.dataset.key = c.key
      box.spellcheck = false
      box.setAttribute("aria-describedby", `${id}-doc`)
      const show = (v: unknown) => { if (document.activeElement !== box) box.value = c.json ? showBoxValue(v) : String(v ?? "") }
      show(c.value)
      box.addEventListener("change", (e) => edit(c.key, c.json ? parseBoxValue(box.value) : box.value, e))
      inputs.set(c.key, show)
      wrap.append(labelFor(id, c.label), box, docSpan(id, c.doc))
      return wrap
    }
    case "variant": {
      const wrap = selectField(c.key + ".kind", c.label, c.doc, c.value, c.options, (v, e) => edit(c.key, c.initial[v] ?? { kind: v }, e))
      const inner = document.createElement("div")
      inner.className = "variant"
      inner.append(...c.fields.map(controlElement))
      if (c.fields.length > 0) wrap.append(inner)
      return wrap
    }
    case "group": {
      const wrap = document.createElement("div")
      wrap.className = "field"
      const title = document.createElement("span")
      title.className = "label"
      title.textContent = c.label
      wrap.append(title, docSpan(idFor(c.key), c.doc), ...c.parts.map((p) => componentElement(p, true)))
      return wrap
    }
  }
}

const componentElement = (c: ComponentControls, open: boolean, off?: boolean): HTMLElement => {
  const details = document.createElement("details")
  details.className = "component"
  details.dataset.key = c.key
  details.open = open
  if (off) details.dataset.off = "true"
  const summary = document.createElement("summary")
  summary.textContent = c.preset !== undefined ? `${c.title} — ${c.kind.value}/${c.preset.value}` : `${c.title} — ${c.kind.value}`
  details.append(summary)
  details.append(selectField(c.kind.key, c.kind.label, c.kind.doc, c.kind.value, c.kind.options, (kind, e) => {
    if (c.preset !== undefined) edit(c.key, switchedLearner(c.title, kind, c.preset.value), e)
    else edit(c.key, switchedComponent(c.key === "domain" ? "domain" : "adversary", kind), e)
  }))
  if (c.preset !== undefined) {
    const p = c.preset
    details.append(selectField(p.key, p.label, p.doc, p.value, p.options, (preset, e) => edit(c.key, switchedLearner(c.title, c.kind.value ?? "", preset), e)))
  }
  details.append(...c.fields.map(controlElement))
  return details
}

interface FormModel {
  readonly run: readonly Control[]
  readonly adversary: ComponentControls
  readonly domain: ComponentControls
  readonly learners: readonly ComponentControls[]
}

/** What decides the form's shape (not its values): rebuilt only when this changes, so focus and drags survive. */
const shapeOf = (model: FormModel, labels: readonly string[]): string => {
  const shape = (c: Control): unknown =>
    c.kind === "variant" ? [c.key, c.value, c.options, c.fields.map(shape)] : c.kind === "group" ? [c.key, c.parts.map(componentShape)] : c.kind === "select" ? [c.key, c.options] : [c.key, c.kind]
  const componentShape = (c: ComponentControls): unknown => [c.key, c.title, c.kind.value, c.kind.options, c.preset?.value, c.preset?.options, c.fields.map(shape)]
  return JSON.stringify([model.run.map(shape), componentShape(model.adversary), componentShape(model.domain), model.learners.map(componentShape), labels, state.learners])
}

let formShape = ""
/** The value each control last showed, as JSON: a refresh touches only controls whose value changed. */
const shownValues = new Map<string, string>()

/** Every control's value by key, for refreshing a form whose shape did not change. */
const valuesOf = (model: FormModel): Map<string, unknown> => {
  const out = new Map<string, unknown>()
  const add = (c: Control) => {
    if (c.kind === "variant") {
      out.set(`${c.key}.kind`, c.value)
      c.fields.forEach(add)
    } else if (c.kind === "group") c.parts.forEach(addComponent)
    else out.set(c.key, c.value)
  }
  const addComponent = (c: ComponentControls) => {
    out.set(c.kind.key, c.kind.value)
    if (c.preset !== undefined) out.set(c.preset.key, c.preset.value)
    c.fields.forEach(add)
  }
  model.run.forEach(add)
  addComponent(model.adversary)
  addComponent(model.domain)
  model.learners.forEach(addComponent)
  return out
}

const section = (title: string, ...children: HTMLElement[]): HTMLElement[] => {
  const h = document.createElement("h2")
  h.textContent = title
  return [h, ...children]
}

const renderForm = (all: ScenarioInput): void => {
  const running = new Set(resolved?.running.learners.map((l) => l.label) ?? [])
  const model: FormModel = {
    run: runControls({ horizon: all.horizon, start: all.start, seeds: all.seeds as number[], checkpoints: { perDecade: all.checkpoints?.perDecade ?? 20 } }),
    adversary: adversaryControls(all.adversary),
    domain: domainControls(all.domain),
    learners: all.learners.map((l, i) => learnerControls(l.label, i, l))
  }
  const labels = all.learners.map((l) => l.label)
  const shape = shapeOf(model, labels)
  if (shape === formShape) {
    for (const [key, value] of valuesOf(model)) {
      const text = JSON.stringify(value)
      if (shownValues.get(key) === text) continue
      shownValues.set(key, text)
      inputs.get(key)?.(value)
    }
    return
  }
  shownValues.clear()
  for (const [key, value] of valuesOf(model)) shownValues.set(key, JSON.stringify(value))
  formShape = shape
  const form = $("form")
  const focused = document.activeElement?.id
  const open = new Set(Array.from(form.querySelectorAll("details[open]")).map((d) => (d as HTMLElement).dataset.key))
  const firstBuild = form.childElementCount === 0
  inputs.clear()
  // Which learners run (the CLI's --learners): one checkbox each, above the learners' own cards.
  const chooser = document.createElement("fieldset")
  chooser.className = "choose"
  const legend = document.createElement("legend")
  legend.textContent = "run"
  chooser.append(legend)
  model.learners.forEach((c, i) => {
    const box = document.createElement("input")
    box.type = "checkbox"
    box.id = idFor(`run.${learnerKey(c.title, i)}`)
    box.dataset.learner = c.title
    box.checked = running.has(c.title)
    box.addEventListener("change", (e) => {
      const chosen = labels.filter((l) => (l === c.title ? box.checked : running.has(l)))
      send({ ...state, ...(chosen.length === labels.length ? { learners: undefined } : { learners: chosen }) }, { inputTime: e.timeStamp })
    })
    const label = labelFor(box.id, c.title)
    label.className = "inline"
    chooser.append(box, label)
  })
  const learnerCards = model.learners.map((c, i) => componentElement(c, firstBuild ? i === 0 : open.has(c.key), !running.has(c.title)))
  form.replaceChildren(
    ...section("Run", ...model.run.map(controlElement)),
    ...section("Learners", chooser, ...learnerCards),
    ...section("Adversary", componentElement(model.adversary, firstBuild || open.has("adversary"))),
    ...section("Domain", componentElement(model.domain, !firstBuild && open.has("domain")))
  )
  if (focused) document.getElementById(focused)?.focus()
}

// ---- scenario choice, files, sharing -------------------------------------------------------

let catalogue: readonly { id: string; title: string; citation: string }[] = []

const fillCatalogue = (scenarios: readonly { id: string; title: string; citation: string }[]): void => {
  const select = $<HTMLSelectElement>("scenario-select")
  select.replaceChildren(...scenarios.map((s) => {
    const o = document.createElement("option")
    o.value = s.id
    o.textContent = s.id
    o.title = s.title
    return o
  }))
  const pasted = document.createElement("option")
  pasted.value = ""
  pasted.textContent = "(pasted or dropped scenario)"
  pasted.disabled = true
  select.append(pasted)
  catalogue = scenarios
  select.value = state.base.kind === "builtin" ? state.base.id : ""
  select.addEventListener("change", (e) => send({ base: { kind: "builtin", id: select.value }, sets: [] }, { inputTime: e.timeStamp }))
  hook.catalogue = scenarios.map((s) => s.id)
  send(state)
}

const loadFile = (name: string, text: string): void => send(state, { file: { name, text } })

$("paste-load").addEventListener("click", () => loadFile("pasted.json", $<HTMLTextAreaElement>("paste-text").value))
$<HTMLInputElement>("file-input").addEventListener("change", async (e) => {
  const file = (e.target as HTMLInputElement).files?.[0]
  if (file !== undefined) loadFile(file.name, await file.text())
})
const zone = $("drop-zone")
zone.addEventListener("dragover", (e) => { e.preventDefault(); zone.classList.add("dragging") })
zone.addEventListener("dragleave", () => zone.classList.remove("dragging"))
zone.addEventListener("drop", async (e) => {
  e.preventDefault()
  zone.classList.remove("dragging")
  const file = e.dataTransfer?.files[0]
  if (file !== undefined) loadFile(file.name, await file.text())
})

const exportName = (): string => fileNameFor(resolved?.running.id ?? "scenario")

const renderShare = (): void => {
  const args = runArgs(state, exportName())
  const pre = $("command")
  pre.textContent = commandText(args)
  pre.dataset.argv = JSON.stringify(args)
  $("command-help").textContent = state.base.kind === "builtin"
    ? "The same numbers from the command line (add --json for every value at full precision):"
    : `Download the scenario JSON (as ${exportName()}), then run it from the command line:`
  const select = $<HTMLSelectElement>("scenario-select")
  if (select.options.length > 0) select.value = state.base.kind === "builtin" ? state.base.id : ""
  const base = state.base
  const entry = base.kind === "builtin" ? catalogue.find((s) => s.id === base.id) : undefined
  $("scenario-about").textContent = entry !== undefined ? `${entry.title}. ${entry.citation}` : base.kind === "file" ? `${resolved?.running.title ?? ""} (from ${base.name})` : ""
}

const download = (name: string, blob: Blob): void => {
  const a = document.createElement("a")
  a.href = URL.createObjectURL(blob)
  a.download = name
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000)
}

/** A data: URL's bytes (no fetch: the page makes no requests). */
const dataUrlBlob = (url: string): Blob => {
  const [head, data] = url.split(",", 2)
  const bytes = Uint8Array.from(atob(data), (ch) => ch.charCodeAt(0))
  return new Blob([bytes], { type: /^data:([^;,]+)/.exec(head)?.[1] ?? "application/octet-stream" })
}

const say = (text: string): void => { $("share-message").textContent = text }

const copy = async (text: string, what: string): Promise<void> => {
  try {
    await navigator.clipboard.writeText(text)
    say(`${what} copied.`)
  } catch {
    say(`Copying is not allowed here; select the ${what.toLowerCase()} and copy it by hand.`)
  }
}

// A button, not a #controls link: the fragment holds the experiment.
$("to-controls").addEventListener("click", () => {
  $("controls").scrollIntoView()
  $("scenario-select").focus()
})
$("copy-command").addEventListener("click", () => void copy($("command").textContent ?? "", "Command"))
$("copy-link").addEventListener("click", () => void copy(location.href, "Link"))
$("export-json").addEventListener("click", () => {
  if (resolved === undefined) return
  download(exportName(), new Blob([JSON.stringify(resolved.running, null, 2) + "\n"], { type: "application/json" }))
})
$("reset").addEventListener("click", (e) => send({ base: state.base, sets: [] }, { inputTime: e.timeStamp }))

document.querySelectorAll<HTMLButtonElement>("button[data-export]").forEach((button) => {
  button.addEventListener("click", async () => {
    const name = button.dataset.chart!
    const view = slots.get(name)?.view
    if (view === undefined) return
    const base = `${fileNameFor(resolved?.running.id ?? "scenario").replace(/\.json$/, "")}-${name}`
    if (button.dataset.export === "svg") download(`${base}.svg`, new Blob([await view.toSVG()], { type: "image/svg+xml" }))
    else download(`${base}.png`, dataUrlBlob(await view.toImageURL("png", 2)))
  })
})

window.addEventListener("hashchange", () => {
  const next = decodeState(location.hash)
  if (next !== undefined && encodeState(next) !== encodeState(state)) send(next)
})
