// Scenarios that live in the user's own folders: a .ts (or .js) file anywhere — no package.json
// beside it, an ES module package, a CommonJS package — importing from "regretlab", run by the
// compiled CLI; every problem in the user's file is one line naming it, exit 2; and nothing but
// the listed built-ins is ever read from the package's scenarios/ folder.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import * as path from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { builtinFiles } from "../../src/scenario/builtins.ts"
import { loadScenario } from "../../src/scenario/registry.ts"
import { runScenarioSync } from "../../src/scenario/run.ts"
import { bin, cli, repo } from "../cli/run-cli.ts"

const root = mkdtempSync(path.join(tmpdir(), "regretlab-user-"))
afterAll(() => rmSync(root, { recursive: true, force: true }))

const folder = (name: string, packageJson?: object): string => {
  const dir = path.join(root, name)
  mkdirSync(dir, { recursive: true })
  if (packageJson !== undefined) writeFileSync(path.join(dir, "package.json"), JSON.stringify(packageJson))
  return dir
}

const flip = `import { adam, amsgrad, defineScenario, interval, linearAdversary } from "regretlab"
import { k } from "./period.ts"

const flip = linearAdversary("flip", (t, _x, { params }) => (Math.floor((t - 1) / params.k) % 2 === 0 ? 1 : -0.5), { params: { k } })
export default defineScenario({
  id: "my/flip", title: "Sign flips every k rounds", domain: interval(-1, 1), adversary: flip,
  learners: [adam(), amsgrad()], horizon: 5000, start: [0],
  expectations: [{ learner: "amsgrad", metric: "avgRegret", op: "<=", value: 0.05, why: "no-regret" }]
})
`

const write = (dir: string, files: Record<string, string>): void => {
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text)
}

/** Final R_T per learner, as the --json document and the library give them. */
const finals = (doc: { runs: { learner: string; final: { regret: number } }[] }) => doc.runs.map((r) => [r.learner, r.final.regret])

describe("a scenario file in the user's own folder", () => {
  const places: [string, object | undefined][] = [
    ["no package.json", undefined],
    ["an ES module package", { name: "mine", type: "module" }],
    ["a CommonJS package", { name: "mine", type: "commonjs" }]
  ]
  it.each(places)("runs from a folder with %s, with the library's numbers", async (name, pkg) => {
    const dir = folder(name.replace(/\W+/g, "-"), pkg)
    write(dir, { "flip.ts": flip, "period.ts": "export const k = 300\n" })
    const file = path.join(dir, "flip.ts")
    const r = await cli(["run", file, "--no-report", "--json", "--check"])
    expect(r.stderr).toBe("")
    expect(r.code).toBe(0)
    const library = runScenarioSync(await loadScenario(file))
    expect(finals(JSON.parse(r.stdout))).toEqual(library.runs.map((run) => [run.learner, run.rows.at(-1)!.regret]))
  })

  it("runs a CommonJS .cjs scenario that require()s regretlab", async () => {
    const dir = folder("cjs", { name: "old", type: "commonjs" })
    write(dir, {
      "old.cjs": `const { adagrad, defineScenario, interval, periodicLinear } = require("regretlab")
module.exports = { scenario: defineScenario({ id: "my/old", title: "Old style", domain: interval(-1, 1), adversary: periodicLinear({ C: 3 }), learners: [adagrad()], horizon: 300, start: [0] }) }
`
    })
    const r = await cli(["run", path.join(dir, "old.cjs"), "--no-report"])
    expect(r.stderr).toBe("")
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("adagrad")
  })

  const broken: [string, string, RegExp][] = [
    ["a syntax error", "export default defineScenario({ id: \"x\",, })\n", /^regretlab: bad\.ts:1:\d+: /],
    ["a missing file import", "import { k } from \"./nope.ts\"\nexport default k\n", /^regretlab: bad\.ts:1:\d+: Could not resolve "\.\/nope\.ts"$/],
    ["a missing package", "import x from \"no-such-package-anywhere\"\nexport default x\n", /^regretlab: bad\.ts:1:\d+: Could not resolve "no-such-package-anywhere"/],
    ["an export regretlab does not have", "import { noSuchThing } from \"regretlab\"\nexport default noSuchThing\n", /^regretlab: bad\.ts: "regretlab" has no export named "noSuchThing"$/],
    ["a throw at import", "const f = (): number => { throw new Error(\"boom\") }\nexport default f()\n", /^regretlab: bad\.ts: threw while loading \(line 1\): boom$/],
    ["a bad domain at import", "import { box } from \"regretlab\"\nexport default box([1], [0])\n", /^regretlab: bad\.ts: domain\.lower\[0\]: expected a number ≤ domain\.upper\[0\] = 0, got 1$/],
    ["no default export", "export const x = 1\n", /^regretlab: bad\.ts: exports neither `default` nor `scenario`/],
    ["the wrong shape", "export default { id: \"x\", title: \"y\" }\n", /^regretlab: bad\.ts: domain: expected .*\(required field\)/]
  ]
  it.each(broken)("%s: one line naming the file, exit 2", async (_what, source, message) => {
    const dir = folder(`broken-${_what.replace(/\W+/g, "-")}`)
    write(dir, { "bad.ts": source })
    const r = await cli(["run", "bad.ts", "--no-report"], { cwd: dir })
    expect(r.code).toBe(2)
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1)
    expect(r.stderr.trimEnd()).toMatch(message)
  })
})

describe("a user adversary that fails during the run", () => {
  const cases: [string, string, string][] = [
    ["throws", "(t) => { if (t === 5) throw new Error(\"boom\"); return 1 }", 'regretlab: learner adam (seed 1): adversary "bad": its function threw in round 5: boom'],
    ["returns the wrong length", "() => [1, 2]", 'regretlab: learner adam (seed 1): adversary "bad": the gradient of round 1 must be a number or an array of 1 number (the domain dimension), got 2 numbers']
  ]
  it.each(cases)("%s: one line saying whose function and which round, exit 2", async (_what, fn, message) => {
    const dir = folder(`fails-${_what.replace(/\W+/g, "-")}`)
    write(dir, { "bad.ts": `import { adam, defineScenario, interval, linearAdversary } from "regretlab"
const bad = linearAdversary("bad", ${fn})
export default defineScenario({ id: "t/bad", title: "bad", domain: interval(-1, 1), adversary: bad, learners: [adam()], horizon: 100, start: [0] })
` })
    const r = await cli(["run", "bad.ts", "--no-report"], { cwd: dir })
    expect(r.stderr.trimEnd()).toBe(message)
    expect(r.code).toBe(2)
  })
})

describe("the package's scenarios/ folder", () => {
  it("lists every scenario file in builtins.ts (nothing else in the folder is read)", () => {
    const files = readdirSync(path.join(repo, "scenarios")).filter((f) => /\.(ts|json)$/.test(f) && !f.endsWith(".schema.json")).sort()
    expect(builtinFiles.map(([f]) => f).sort()).toEqual(files)
  })

  it("ignores a broken draft saved there: a built-in still runs", async () => {
    // A copy of the installed package (its own scenarios/ folder, the built dist/) with a draft added.
    const pkg = folder("package-copy")
    for (const part of ["bin", "dist", "scenarios", "assets", "package.json"]) cpSync(path.join(repo, part), path.join(pkg, part), { recursive: true })
    symlinkSync(path.join(repo, "node_modules"), path.join(pkg, "node_modules"))
    writeFileSync(path.join(pkg, "scenarios", "zz-draft.json"), "{ \"id\": \"draft\", ")
    writeFileSync(path.join(pkg, "scenarios", "zz-draft.ts"), "export default {")
    const { spawnSync } = await import("node:child_process")
    const r = spawnSync(process.execPath, [path.join(pkg, "bin", "regretlab.js"), "run", "reddi2018/theorem1", "--horizon", "300", "--no-report"], { cwd: root, encoding: "utf8" })
    expect(r.stderr).toBe("")
    expect(r.status).toBe(0)
    expect(r.stdout).toContain("adam")
    expect(bin).not.toBe(path.join(pkg, "bin", "regretlab.js"))
  })
})
