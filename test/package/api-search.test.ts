// search() from the package root: Theorem 1's setting is certified, the scenario it writes plays
// with every expectation holding, the result does not depend on the number of workers, a stop
// keeps the best found, and wrong input names the option.
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import * as path from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { ConfigError, loadScenario, play, rmsprop, search, UserError } from "../../src/index.ts"

const dir = mkdtempSync(path.join(tmpdir(), "regretlab-api-search-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

// β1 = 0, β2 = 1/(1 + 3²): a period-3 sequence breaks it (Reddi et al., Theorem 1).
const theorem1 = { learner: rmsprop({ beta2: 0.1 }), periodMax: 3, horizon: 10_000 }

describe("search", () => {
  it("certifies Theorem 1's setting on worker threads as in this thread, and writes a scenario play() checks", async () => {
    const out = path.join(dir, "found.json")
    const found = await search(theorem1, { budget: 200, workers: 2, out, reportDir: path.join(dir, "report"), png: false })
    expect(found.certified).toBe(true)
    expect(found.workers).toBe(2)
    expect(found.out).toBe(out)
    expect(found.report).toBe(path.join(dir, "report", "index.html"))
    expect(found.adversary).toMatchObject({ kind: "periodic" })
    expect(found.adversary!.gradients).toHaveLength(3)
    expect(found.certificate!.target.ratio).toBeGreaterThanOrEqual(0.9)
    expect(found.certificate!.contrast.ratio).toBeLessThanOrEqual(0.5)
    const played = play(await loadScenario(out))
    expect(played.expectations).toHaveLength(3)
    expect(played.expectations.every((e) => e.holds)).toBe(true)

    const here = await search({ ...theorem1, learner: { kind: "rmsprop", beta2: 0.1 } }, { budget: 200, workers: 0 })
    expect(here.adversary).toEqual(found.adversary)
    expect(here.score).toBe(found.score)
    expect(here.evaluations).toBe(found.evaluations)
  })

  it("stops when its signal is aborted, and still verifies and reports the best so far", async () => {
    const stop = new AbortController()
    const found = await search(theorem1, { budget: "1h", workers: 0, signal: stop.signal, onProgress: (p) => p.evaluations > 0 && stop.abort() })
    expect(found.stopped).toBe(true)
    expect(found.evaluations).toBeGreaterThan(0)
    expect(found.evaluations).toBeLessThan(100)
    expect(found.certificate).toBeDefined()
  })

  it("names the option or the learner's field that is wrong", async () => {
    await expect(search({ learner: { kind: "adam", beta2: 1.5 } })).rejects.toThrow(new ConfigError("learner.beta2", 1.5, "a number in [0, 1)"))
    await expect(search(theorem1, { budget: "5x" })).rejects.toThrow(/^budget: expected a time \(60s, 2m, 1h\) or a number of candidates \(3000\), got "5x"$/)
    await expect(search(theorem1, { budget: 10, workers: 0, out: path.join(dir, "found.txt") })).rejects.toBeInstanceOf(UserError)
  })
})
