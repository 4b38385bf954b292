// The page build: the worker bundles the CLI's own engine sources, nothing in either bundle comes
// from a node: module, the page loads only its own files; and --serve serves that folder only.
import * as fs from "node:fs/promises"
import * as http from "node:http"
import * as os from "node:os"
import * as path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buildPlayground, type BuildResult } from "../../src/playground/build.ts"
import { serveFolder } from "../../src/playground/serve.ts"
import { splitSpec } from "../../src/playground/chart-data.ts"

let dir: string
let built: BuildResult

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "regretlab-playground-build-"))
  built = await buildPlayground({ outDir: path.join(dir, "out"), version: "9.9.9" })
})
afterAll(async () => { await fs.rm(dir, { recursive: true, force: true }) })

/** A raw GET (no URL normalisation, so `..` reaches the server as written). */
const get = (url: string, pathname: string, method = "GET") =>
  new Promise<{ status: number; type: string | undefined; body: string }>((resolve, reject) => {
    const u = new URL(url)
    const req = http.request({ host: u.hostname, port: u.port, path: pathname, method }, (res) => {
      let body = ""
      res.setEncoding("utf8").on("data", (d: string) => { body += d }).on("end", () => resolve({ status: res.statusCode ?? 0, type: res.headers["content-type"], body }))
    })
    req.on("error", reject)
    req.end()
  })

describe("playground build", () => {
  it("bundles the engine from the CLI's own sources, and no node: module", async () => {
    for (const file of ["src/core/game/game.ts", "src/scenario/resolve.ts", "src/scenario/plan.ts", "src/scenario/overrides.ts", "src/report/charts.ts", "src/core/learner/registry.ts"]) {
      expect(built.inputs.worker, file).toContain(file)
    }
    expect(built.inputs.page).toContain("src/core/learner/registry.ts")
    expect(built.inputs.worker).not.toContain("src/scenario/registry.ts")
    for (const input of [...built.inputs.worker, ...built.inputs.page]) expect(input).not.toMatch(/^node:|^src\/cli\/(?!invocation\.ts$)|^src\/report\/(font|write|render|data|atomic)\.ts$/)
    const script = await fs.readFile(path.join(built.dir, "playground.js"), "utf8")
    expect(script).not.toMatch(/require\(["']node:|from ?["']node:|import\(["']node:/)
  })

  it("writes a page that loads only its own script, with the built-in scenarios inlined", async () => {
    expect(built.files).toEqual(["index.html", "playground.js", "LICENSES.txt"])
    const html = await fs.readFile(built.index, "utf8")
    expect([...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1])).toEqual(["playground.js"])
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/)
    expect(html).toContain("version 9.9.9")
    const script = await fs.readFile(path.join(built.dir, "playground.js"), "utf8")
    expect(script).toContain("reddi2018/stochastic") // a JSON built-in, inlined at build time
    expect(await fs.readFile(path.join(built.dir, "LICENSES.txt"), "utf8")).toContain("==== vega-lite ====")
  })

  it("serves the folder on 127.0.0.1: its files, nothing outside it, GET and HEAD only", async () => {
    await fs.writeFile(path.join(dir, "secret.txt"), "outside")
    const served = await serveFolder(built.dir)
    try {
      expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
      const index = await get(served.url, "/")
      expect(index.status).toBe(200)
      expect(index.type).toBe("text/html; charset=utf-8")
      expect(index.body).toContain("regretlab playground")
      expect((await get(served.url, "/playground.js")).type).toBe("text/javascript; charset=utf-8")
      expect((await get(served.url, "/../secret.txt")).status).toBe(404)
      expect((await get(served.url, "/%2e%2e/secret.txt")).status).toBe(404)
      expect((await get(served.url, "/nope.html")).status).toBe(404)
      expect((await get(served.url, "/", "POST")).status).toBe(405)
    } finally {
      await served.close()
    }
  })
})

describe("chart data split", () => {
  const spec = (values: number[], title: string, hyper: string) => ({
    title: { text: title, subtitle: ["s"], anchor: "start" },
    params: [{ name: "hyper", value: { adam: hyper } }],
    layer: [{ data: { values: values.map((v) => ({ v })) }, mark: "line" }, { data: { values: [{ y: 0 }] }, mark: "rule" }]
  })

  it("two specs that differ in data, title and param values only have the same structure", () => {
    const a = splitSpec(spec([1, 2], "A", "x"))
    const b = splitSpec(spec([3], "B", "y"))
    expect(a.structure).toBe(b.structure)
    expect(b.datasets).toEqual({ pg_data_0: [{ v: 3 }], pg_data_1: [{ y: 0 }] })
    expect(b.signals).toEqual({ hyper: { adam: "y" }, pg_title: "B", pg_subtitle: ["s"] })
    // The embedded spec starts with the current values and reads its title from signals.
    expect(b.spec).toMatchObject({ datasets: b.datasets, title: { text: { expr: "pg_title" }, subtitle: { expr: "pg_subtitle" }, anchor: "start" } })
    expect((b.spec.params as { name: string; value: unknown }[]).find((p) => p.name === "hyper")?.value).toEqual({ adam: "y" })
  })

  it("without tooltips, no tooltip encoding is left, and nothing else changes", () => {
    const withTips = { layer: [{ mark: "line", encoding: { x: { field: "t" }, tooltip: [{ field: "t" }] }, data: { values: [] } }] }
    const without = splitSpec(withTips, { tooltips: false })
    expect(JSON.stringify(without.spec)).not.toContain("tooltip")
    expect(without.structure).toBe(splitSpec({ layer: [{ mark: "line", encoding: { x: { field: "t" } }, data: { values: [] } }] }).structure)
  })

  it("a change of structure (a scale type, a layer) shows", () => {
    const a = spec([1], "A", "x")
    const b = { ...a, layer: [a.layer[0]] }
    expect(splitSpec(a).structure).not.toBe(splitSpec(b).structure)
  })
})
