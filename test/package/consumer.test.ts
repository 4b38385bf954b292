// The package as a user gets it: `npm pack`, installed into a fresh project; a TypeScript
// scenario, a torch-style loop, a script using the API and every doc example type-check with
// `tsc --strict` against the shipped types; the scenario runs through `npx regretlab` and through
// the API, and both give the numbers the repository's own run gives, to the last bit.
import { execFileSync, spawnSync } from "node:child_process"
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import * as path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { loadScenario } from "../../src/scenario/registry.ts"
import { runScenarioSync } from "../../src/scenario/run.ts"
import { repo } from "../cli/run-cli.ts"
import { publicApi } from "./api-docs.ts"

const npm = process.platform === "win32" ? "npm.cmd" : "npm"
const npx = process.platform === "win32" ? "npx.cmd" : "npx"
const tsc = path.join(repo, "node_modules", "typescript", "bin", "tsc")
const work = mkdtempSync(path.join(tmpdir(), "regretlab-consumer-"))
const project = path.join(work, "project")
afterAll(() => rmSync(work, { recursive: true, force: true }))

const run = (cmd: string, args: readonly string[], cwd: string) => {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", env: { ...process.env, npm_config_update_notifier: "false" } })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const scenario = `// my-scenarios/flip.ts
import { adagrad, adam, amsgrad, defineScenario, interval, linearAdversary } from "regretlab"

const flip = linearAdversary("flip", (t, _x, { params }) => (Math.floor((t - 1) / params.k) % 2 === 0 ? 1 : -0.5), {
  params: { k: 500 }
})

export default defineScenario({
  id: "my/flip",
  title: "Sign flips every k rounds",
  domain: interval(-1, 1),
  adversary: flip,
  learners: [adam({ alpha: 0.5 }), amsgrad({ alpha: 0.5 }), adagrad({ preset: "duchi" })],
  horizon: 20_000,
  start: [0],
  seeds: 2,
  expectations: [{ learner: "amsgrad", metric: "avgRegret", op: "<=", value: 0.05, why: "no-regret" }]
})
`

const loop = `// loop.ts: a learner driven by hand, the torch.optim way
import { adam, box, type RunningLearner } from "regretlab"

const opt: RunningLearner = adam({ preset: "pytorch", alpha: 0.05 }).init(box([-1, -1], [1, 1]), [0.9, -0.9])
// f(x) = (x₀ − 0.3)² + (x₁ + 0.2)²
for (let t = 1; t <= 2000; t++) opt.update(t, [2 * (opt.x[0] - 0.3), 2 * (opt.x[1] + 0.2)])
const x: readonly number[] = Array.from(opt.x)
console.log(JSON.stringify({ t: opt.t, x }))
`

const api = `// api.ts: the same scenario through the API
import { loadScenario, play, type ScenarioResult } from "regretlab"

const result: ScenarioResult = play(await loadScenario("my-scenarios/flip.ts"))
console.log(JSON.stringify(result.runs.map((r) => [r.learner, r.seed, r.rows[r.rows.length - 1].regret, r.rows[r.rows.length - 1].x])))
`

// A learner kind of the user's own, searched by the installed CLI on its worker threads: sign
// descent, x ← Π(x − η_t·sign(g)), steps the same whatever |g|.
const signDescent = `// my-learners/sign-descent.ts
import { registerLearnerKind, type LearnerKind } from "regretlab"

const signDescent: LearnerKind = {
  kind: "sign-descent", family: "mine", title: "Sign descent", citation: "", fields: {},
  presets: { default: { preset: "default" } },
  describe: () => "η_t = 0.5/√t",
  create: (config, domain) => {
    const x = new Float64Array(domain.dim), y = new Float64Array(domain.dim)
    return {
      config, dim: domain.dim, x, failure: undefined,
      reset: (start) => x.set(start),
      update: (t, g) => {
        for (let i = 0; i < x.length; i++) y[i] = x[i] - (0.5 / Math.sqrt(t)) * Math.sign(g[i])
        domain.project(y, x)
        return true
      },
      snapshot: () => ({ x: Array.from(x) })
    }
  }
}
registerLearnerKind(signDescent)
`

// Wrong uses the types must reject, one per line from line 2.
const misuse = `import { adam, interval, periodicLinear, play } from "regretlab"
const label: number = adam().label
adam({ beta1: "0.9" })
periodicLinear({ period: 3 })
interval(-1, 1).radius
play({ id: "x" })
`

const tsconfig = (include: readonly string[]) => JSON.stringify({
  compilerOptions: {
    strict: true, target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", outDir: "out", skipLibCheck: true,
    // The user's own Node types; the package itself needs none for its API.
    typeRoots: [path.join(repo, "node_modules", "@types")], types: ["node"]
  },
  include
}, null, 2)

let tarball = ""

beforeAll(() => {
  // The full build (JavaScript and declarations), then the tarball npm would publish.
  execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: repo, stdio: "pipe" })
  execFileSync(npm, ["pack", "--ignore-scripts", "--pack-destination", work], { cwd: repo, stdio: "pipe" })
  tarball = path.join(work, readdirSync(work).find((f) => f.endsWith(".tgz"))!)
  mkdirSync(path.join(project, "my-scenarios"), { recursive: true })
  mkdirSync(path.join(project, "examples"), { recursive: true })
  mkdirSync(path.join(project, "my-learners"), { recursive: true })
  writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "my-experiments", private: true, type: "module" }))
  const install = run(npm, ["install", tarball, "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts"], project)
  if (install.code !== 0) throw new Error(`npm install of the tarball failed:\n${install.stderr}`)
  writeFileSync(path.join(project, "my-scenarios", "flip.ts"), scenario)
  writeFileSync(path.join(project, "my-learners", "sign-descent.ts"), signDescent)
  writeFileSync(path.join(project, "loop.ts"), loop)
  writeFileSync(path.join(project, "api.ts"), api)
  writeFileSync(path.join(project, "misuse.ts"), misuse)
  // Numbered: names like Domain and domain may not differ only in case on every file system.
  publicApi().flatMap((e) => e.examples.map((code, i) => [`${e.name}-${i + 1}`, code] as const))
    .forEach(([name, code], n) => writeFileSync(path.join(project, "examples", `${String(n).padStart(3, "0")}-${name}.ts`), code))
  // The TypeScript the README and the adversary guide show, as a user would paste it.
  for (const doc of ["README.md", "docs/writing-an-adversary.md", "docs/sweeps.md"]) {
    const blocks = [...readFileSync(path.join(repo, doc), "utf8").matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1])
    blocks.forEach((code, i) => writeFileSync(path.join(project, "examples", `doc-${doc.replace(/\W+/g, "-")}-${i + 1}.ts`), code))
  }
  writeFileSync(path.join(project, "tsconfig.json"), tsconfig(["*.ts", "my-scenarios/*.ts", "my-learners/*.ts", "examples/*.ts"]))
}, 240_000)

describe("regretlab installed from its tarball into a new project", () => {
  it("type-checks the scenario, the torch-style loop, the API script, every doc example and the README's code with tsc --strict, and rejects wrong uses", () => {
    // One compiler run: errors are expected in misuse.ts alone, one per wrong line (proof that the
    // types are real types, not \`any\`), and nowhere else.
    const r = run(process.execPath, [tsc, "-p", "tsconfig.json"], project)
    const errors = (r.stdout + r.stderr).split("\n").filter((l) => /^\S.*\(\d+,\d+\): error/.test(l))
    expect(errors.filter((l) => !l.startsWith("misuse.ts("))).toEqual([])
    expect(errors.map((l) => /^misuse\.ts\((\d+),/.exec(l)![1])).toEqual(["2", "3", "4", "5", "6"])
  })

  it("runs the scenario through npx regretlab and through the API with the repository's own numbers", async () => {
    const own = runScenarioSync(await loadScenario(path.join(project, "my-scenarios", "flip.ts")))
    const expected = own.runs.map((r) => [r.learner, r.seed, r.rows.at(-1)!.regret, r.rows.at(-1)!.x])

    const cli = run(npx, ["--no", "--", "regretlab", "run", "my-scenarios/flip.ts", "--json", "--no-report", "--check"], project)
    expect(cli.stderr).toBe("")
    expect(cli.code).toBe(0)
    const doc = JSON.parse(cli.stdout) as { runs: { learner: string; seed: number; final: { regret: number; x: number[] } }[] }
    expect(doc.runs.map((r) => [r.learner, r.seed, r.final.regret, r.final.x])).toEqual(expected)

    const viaApi = run(process.execPath, ["out/api.js"], project)
    expect(viaApi.stderr).toBe("")
    expect(JSON.parse(viaApi.stdout)).toEqual(expected)
  })

  it("drives a learner by hand to the minimiser", () => {
    const r = run(process.execPath, ["out/loop.js"], project)
    expect(r.stderr).toBe("")
    const { t, x } = JSON.parse(r.stdout) as { t: number; x: number[] }
    expect(t).toBe(2000)
    expect(x[0]).toBeCloseTo(0.3, 3)
    expect(x[1]).toBeCloseTo(-0.2, 3)
  })

  it("searches the user's own learner kind (--import) on the compiled worker threads, and certifies a sequence that breaks it", () => {
    const r = run(npx, ["--no", "--", "regretlab", "search", "--import", "my-learners/sign-descent.ts", "--learner", "sign-descent", "--horizon", "2000", "--period-max", "4", "--budget", "100", "--workers", "2", "--out", "found.json", "--no-report", "--json"], project)
    expect(r.stderr).toBe("")
    expect(r.code).toBe(0)
    const doc = JSON.parse(r.stdout) as { learner: { kind: string }; workers: number; certified: boolean }
    expect(doc).toMatchObject({ learner: { kind: "sign-descent" }, workers: 2, certified: true })
    // The scenario names a kind `regretlab run` does not know on its own: it says so in one line.
    const again = run(npx, ["--no", "--", "regretlab", "run", "found.json", "--no-report"], project)
    expect(again.code).toBe(2)
    expect(again.stderr).toMatch(/^regretlab: found\.json: learners\[0\]\.kind: expected one of .*, got "sign-descent"\n$/)
  })

  it("starts the command without compiling TypeScript (tsx is not installed)", () => {
    const r = run(npx, ["--no", "--", "regretlab", "--version"], project)
    expect(r.stdout.trim()).toMatch(/^regretlab v\d+\.\d+\.\d+/)
    expect(readdirSync(path.join(project, "node_modules"))).not.toContain("tsx")
  })
})
