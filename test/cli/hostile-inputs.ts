// The hostile-input database: what a careless or hostile user can give every command (run,
// describe, sweep, merge, report) and every file it reads (scenario files, sweep files, results,
// report data), each with the exit code and the one line regretlab must answer with. Like torch's
// error-input database (ErrorInput: a sample, the error type, the message regex), a new case is a
// new row; hostile.test.ts runs every row the same way and checks that nothing is left behind.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { hostname } from "node:os"
import * as path from "node:path"

export interface HostileInput {
  readonly name: string
  /** What is attacked: the command, or the kind of file. */
  readonly area: "run" | "describe" | "sweep" | "merge" | "report" | "scenario file" | "sweep file" | "cli"
  /** Files written into the case's own folder first (paths relative to it). */
  readonly files?: Readonly<Record<string, string | Uint8Array>>
  /** More preparation in the case folder (a lock, a finished sweep). */
  readonly setup?: (dir: string) => void | Promise<void>
  /** The arguments; "{dir}" stands for the case folder. */
  readonly args: readonly string[]
  /** Environment variables set for the call (the process's own are restored after). */
  readonly env?: Readonly<Record<string, string | undefined>>
  readonly code: 0 | 1 | 2
  /** The whole of stderr: one line matching this, or "" for nothing at all. */
  readonly stderr: RegExp | ""
  /** stdout must match this; by default it must be empty for exit 2. */
  readonly stdout?: RegExp
  /** New entries the case folder may hold afterwards (a report, a sweep folder); nothing else. */
  readonly leaves?: readonly string[]
}

/** A small valid scenario; every scenario-file case changes one thing in it. */
export const baseScenario = {
  id: "hostile/base",
  title: "A small game for the hostile-input battery",
  domain: { kind: "box", lower: [-1], upper: [1] },
  adversary: { kind: "periodic-linear", C: 3, period: 3 },
  learners: [{ label: "adam", kind: "adam" }],
  horizon: 50,
  start: [0]
}

const scenario = (patch: Record<string, unknown> = {}): string => JSON.stringify({ ...baseScenario, ...patch })
const without = (key: string): string => {
  const copy: Record<string, unknown> = { ...baseScenario }
  delete copy[key]
  return JSON.stringify(copy)
}
const withLearners = (...learners: Record<string, unknown>[]): string => scenario({ learners })

/** A sweep file over the base scenario file (s.json next to it). */
const sweepFile = (patch: Record<string, unknown> = {}): string =>
  JSON.stringify({ id: "hostile/sweep", title: "A hostile sweep", scenario: "s.json", grid: { "learners.adam.beta2": [0.5, 0.9] }, horizon: 30, ...patch })

const S = { "s.json": scenario() }
const deep = (n: number): string => "[".repeat(n) + "]".repeat(n)
const ESC = "\u001b"

/** A lock file as a live sweep writes it (this test process stands in for the other sweep). */
const liveLock = (dir: string, name = "results.jsonl.lock") => {
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(dir, name), JSON.stringify({ pid: process.pid, host: hostname(), started: "2026-01-01T00:00:00.000Z", command: "regretlab sweep other" }) + "\n")
}

/** A real report (a tiny run), then one part of it removed or broken. */
const reportWithout = async (dir: string, what: "run.json" | "rows" | "companions") => {
  const { writeReport } = await import("../../src/report/write.ts")
  const { resolveScenario, runScenarioSync } = await import("../../src/scenario/index.ts")
  const result = runScenarioSync(resolveScenario({ ...baseScenario, learners: [{ label: "adam", kind: "adam" }, { label: "amsgrad", kind: "amsgrad" }] }, "s.json"))
  await writeReport(result, { outDir: dir, command: "test", version: "0", png: false })
  if (what === "run.json") rmSync(path.join(dir, "run.json"))
  else if (what === "companions") writeFileSync(path.join(dir, "companions.json"), JSON.stringify([{ scenario: { id: 5 } }]))
  else {
    const data = JSON.parse(readFileSync(path.join(dir, "data.json"), "utf8")) as { runs: { rows: unknown }[] }
    data.runs[1].rows = 5
    writeFileSync(path.join(dir, "data.json"), JSON.stringify(data))
  }
}

/** A sweep folder as `sweep --shard 1/2` leaves it (two grid points, one of them run). */
const manifestOf = (id: string, fingerprint: string, jobs: number) =>
  JSON.stringify({ tool: "regretlab", kind: "sweep", plan: { id, title: id, citation: "", description: "", notes: [], scenarioRef: "x", scenarioId: "x", learners: ["adam"], set: [], axes: [{ name: "a", fields: ["a"], values: [1, 2] }], seeds: [1], references: [], fingerprint, jobs }, scenario: {} })

const record = (index: number) => JSON.stringify({ id: `job${index}`, index, point: index, values: { a: index + 1 }, learner: "adam", seed: 1, status: "ok", t: 10, x: [0], regret: 1, avgRegret: 0.1, distToComparator: 1 })

export const hostileInputs: readonly HostileInput[] = [
  // ---------------------------------------------------------------------------------------------
  // The command line itself
  { name: "unknown command", area: "cli", args: ["frobnicate"], code: 2, stderr: /^regretlab: Unknown subcommand "frobnicate"/ },
  { name: "unknown flag", area: "cli", args: ["run", "reddi2018/online", "--colour"], code: 2, stderr: /^regretlab: Unrecognized flag: --colour in command regretlab run \(see: regretlab run --help\)$/ },
  { name: "missing argument", area: "cli", args: ["describe"], code: 2, stderr: /^regretlab: Missing required argument: scenario \(see: regretlab describe --help\)$/ },
  { name: "a flag value that starts with - gives one line and the way to write it", area: "cli", args: ["sweep", "lecture/period3", "--grid", "learners.adam.beta2=0.5", "--shard", "-1/2"], code: 2, stderr: /^regretlab: Missing value for flag --shard\. Expected: k\/n\|auto\. A value that starts with "-" is written --shard=<value> \(see: regretlab sweep --help\)$/ },
  { name: "list with an argument it does not take", area: "cli", args: ["list", "extra"], code: 2, stderr: /^regretlab: .*extra.*\(see: regretlab list --help\)$/ },

  // ---------------------------------------------------------------------------------------------
  // run and describe: flags
  { name: "unknown scenario id", area: "run", args: ["run", "nope/missing"], code: 2, stderr: /^regretlab: registry: id: expected a built-in scenario id \(.*reddi2018\/online.*\) or a path to a \.ts or \.json file, got "nope\/missing"$/ },
  { name: "missing scenario file", area: "run", args: ["run", "{dir}/absent.json"], code: 2, stderr: /^regretlab: \/.*\/absent\.json: no such file$/ },
  { name: "a folder named like a scenario file", area: "run", setup: (d) => mkdirSync(path.join(d, "dir.json")), args: ["run", "{dir}/dir.json"], code: 2, stderr: /^regretlab: \/.*\/dir\.json: is a folder, not a scenario file$/ },
  { name: "a folder named like a TS scenario", area: "describe", setup: (d) => mkdirSync(path.join(d, "dir.ts")), args: ["describe", "{dir}/dir.ts"], code: 2, stderr: /^regretlab: \/.*\/dir\.ts: is a folder, not a scenario file$/ },
  { name: "--horizon 1e20 names the limit", area: "run", args: ["run", "reddi2018/online", "--horizon", "1e20"], code: 2, stderr: /^regretlab: --horizon: expected an integer from 1 to 9007199254740991 \(2\^53 − 1, the largest round a double counts exactly\), got "1e20"$/ },
  { name: "--horizon 2^53 names the limit", area: "run", args: ["run", "reddi2018/online", "--horizon", "9007199254740992"], code: 2, stderr: /^regretlab: --horizon: expected an integer from 1 to 9007199254740991 .*, got "9007199254740992"$/ },
  { name: "--horizon negative", area: "run", args: ["run", "reddi2018/online", "--horizon=-5"], code: 2, stderr: /^regretlab: --horizon: expected an integer from 1 to 9007199254740991 .*, got "-5"$/ },
  { name: "--horizon not an integer", area: "describe", args: ["describe", "reddi2018/online", "--horizon", "1.5"], code: 2, stderr: /^regretlab: --horizon: expected an integer from 1 .*, got "1\.5"$/ },
  { name: "--horizon a word", area: "run", args: ["run", "reddi2018/online", "--horizon", "ten"], code: 2, stderr: /^regretlab: --horizon: expected an integer from 1 .*, got "ten"$/ },
  { name: "--seeds 0", area: "run", args: ["run", "reddi2018/online", "--seeds", "0"], code: 2, stderr: /^regretlab: --seeds: expected an integer from 1 to 1,000,000 \(the number of seeds\), got "0"$/ },
  { name: "--seeds ten million", area: "run", args: ["run", "reddi2018/online", "--seeds", "1e7"], code: 2, stderr: /^regretlab: --seeds: expected an integer from 1 to 1,000,000 \(the number of seeds\), got "1e7"$/ },
  { name: "--seeds with a word in the list", area: "run", args: ["run", "reddi2018/online", "--seeds", "1,x"], code: 2, stderr: /^regretlab: --seeds: expected an integer from 0 to 9007199254740991 \(2\^53 − 1\), got "x"$/ },
  { name: "--seeds repeated", area: "run", args: ["run", "reddi2018/online", "--seeds", "1,1"], code: 2, stderr: /^regretlab: scenarios\/reddi2018-online\.json \(--set seeds\): seeds: expected distinct seeds, got \[1,1\]$/ },
  { name: "--seed and --seeds", area: "run", args: ["run", "reddi2018/online", "--seed", "1", "--seeds", "3"], code: 2, stderr: /^regretlab: --seed and --seeds: give one or the other, not both$/ },
  { name: "--learners empty", area: "run", args: ["run", "reddi2018/online", "--learners", ","], code: 2, stderr: /^regretlab: --learners: expected one or more labels of reddi2018\/online \(adam, amsgrad, adagrad\), got ","$/ },
  { name: "--learners unknown", area: "run", args: ["run", "reddi2018/online", "--learners", "adam,lion"], code: 2, stderr: /^regretlab: --learners: no learner labelled "lion" in reddi2018\/online; expected some of adam, amsgrad, adagrad$/ },
  { name: "--set without =", area: "describe", args: ["describe", "reddi2018/online", "--set", "horizon"], code: 2, stderr: /^regretlab: --set: expected key=value, got "horizon"$/ },
  { name: "--set with an empty key", area: "run", args: ["run", "reddi2018/online", "--set", "=3"], code: 2, stderr: /^regretlab: --set =3: expected key=value, got "=3"$/ },
  { name: "--set with an unknown key", area: "run", args: ["run", "reddi2018/online", "--set", "colour=blue"], code: 2, stderr: /^regretlab: --set colour=blue: colour: expected a key starting with one of .*horizon/ },
  { name: "--set with an empty path segment", area: "run", args: ["run", "reddi2018/online", "--set", "learners..beta2=0.5"], code: 2, stderr: /^regretlab: --set learners\.\.beta2=0\.5: learners\.\.beta2: expected a key like horizon, seeds, adversary\.C or learners\.<label>\.<field> \(a label holding "\.", "=", "\+", brackets or quotes is written learners\["a=b"\]\.beta2\), got 0\.5$/ },
  { name: "--set a value out of range", area: "run", args: ["run", "reddi2018/online", "--set", "learners.adam.beta2=2"], code: 2, stderr: /^regretlab: scenarios\/reddi2018-online\.json \(--set learners\.adam\.beta2\): learners\[0\]\.beta2: expected a number in \[0, 1\), got 2$/ },
  { name: "--set an unknown learner field", area: "run", args: ["run", "reddi2018/online", "--set", "learners.adam.colour=1"], code: 2, stderr: /^regretlab: .*\(--set learners\.adam\.colour\): learners\[0\]\.colour: expected no such field/ },
  { name: "--set an unknown learner", area: "run", args: ["run", "reddi2018/online", "--set", "learners.lion.beta2=0.5"], code: 2, stderr: /^regretlab: --set learners\.lion\.beta2=0\.5: learners\.lion\.beta2: expected a learner label, one of "adam", "amsgrad", "adagrad", got "lion"$/ },
  { name: "--set a start outside the domain", area: "run", args: ["run", "reddi2018/online", "--set", "start=[5]"], code: 2, stderr: /^regretlab: .*\(--set start\): start: expected a point inside the domain .*, got \[5\]$/ },
  { name: "--set a start of the wrong dimension", area: "run", args: ["run", "reddi2018/online", "--set", "start=[0,0]"], code: 2, stderr: /^regretlab: .*\(--set start\): start: expected an array of 1 number \(the domain dimension\), got \[0,0\]$/ },
  { name: "--set checkpoints.perDecade=0", area: "run", args: ["run", "reddi2018/online", "--set", "checkpoints.perDecade=0"], code: 2, stderr: /^regretlab: .*\(--set checkpoints\.perDecade\): checkpoints\.perDecade: expected a positive integer, got 0$/ },
  { name: "--set an unknown adversary kind", area: "run", args: ["run", "reddi2018/online", "--set", "adversary.kind=nope"], code: 2, stderr: /^regretlab: .*\(--set adversary\.kind\): adversary\.kind: expected one of .*periodic-linear.*, got "nope"$/ },
  { name: "--workers negative", area: "run", args: ["run", "reddi2018/online", "--workers=-1"], code: 2, stderr: /^regretlab: --workers: expected an integer from 0 to 9007199254740991 \(2\^53 − 1\), got "-1"$/ },
  { name: "--out that is the reports folder", area: "run", args: ["run", "{dir}/s.json", "--out", "."], files: S, code: 2, stderr: /^regretlab: refusing --out "\.": that is the reports folder .*reports itself, which holds every report; give a folder inside it \(e\.g\. --out my-run\) or an absolute path$/ },
  { name: "--out outside the reports folder", area: "run", args: ["run", "{dir}/s.json", "--out", "../../elsewhere"], files: S, code: 2, stderr: /^regretlab: refusing --out "\.\.\/\.\.\/elsewhere": it resolves to .*, outside the reports folder .*\. Give an absolute path if you really mean a folder elsewhere\.$/ },
  { name: "--out a file, refused before the run", area: "run", files: { ...S, "taken.txt": "precious" }, args: ["run", "{dir}/s.json", "--out", "{dir}/taken.txt"], code: 2, stderr: /^regretlab: refusing --out \/.*\/taken\.txt: it is a file; a report is a folder\. Choose another --out\.$/ },
  { name: "--out a folder that is not a report, refused before the run", area: "run", files: { ...S, "mine/thesis.tex": "precious" }, args: ["run", "{dir}/s.json", "--out", "{dir}/mine"], code: 2, stderr: /^regretlab: refusing to replace \/.*\/mine: it exists and is not a regretlab report \(no run\.json\)\. Choose another --out or remove it\.$/ },
  { name: "an --out path holding a terminal escape is named with it escaped", area: "run", files: { ...S, "x\u001b[2Jy.txt": "precious" }, args: ["run", "{dir}/s.json", "--out", "{dir}/x\u001b[2Jy.txt"], code: 2, stderr: /^regretlab: refusing --out \/.*\/x\\u001b\[2Jy\.txt: it is a file; a report is a folder\. Choose another --out\.$/ },
  { name: "REGRETLAB_MEMORY_LIMIT that is not a size", area: "run", files: S, env: { REGRETLAB_MEMORY_LIMIT: "lots" }, args: ["run", "{dir}/s.json", "--no-report"], code: 2, stderr: /^regretlab: REGRETLAB_MEMORY_LIMIT: expected a size such as 512M or 4G, got "lots"$/ },
  { name: "a run over the memory budget is refused with its estimate", area: "run", files: S, env: { REGRETLAB_MEMORY_LIMIT: "64k" }, args: ["run", "{dir}/s.json", "--no-report", "--seeds", "3"], code: 2, stderr: /^regretlab: hostile\/base \(3 runs\) needs about \d+(\.\d)? (kB|MB) \(3 runs × \(32 arrays of d = 1 doubles \+ \d+ checkpoint rows\)\), more than the 64\.0 kB of REGRETLAB_MEMORY_LIMIT; pass --force to run anyway, or run fewer learners or seeds at once \(--learners, --seeds\)$/ },
  { name: "Online Newton Step at d = 20 000 is refused with its d×d matrices in the estimate", area: "run", files: { "s.json": scenario({ domain: { kind: "ball", center: new Array(20_000).fill(0), radius: 1 }, start: new Array(20_000).fill(0), adversary: { kind: "logistic-stream", features: "sphere", featureScale: 1, signal: 2 }, learners: [{ label: "ons", kind: "ons", expConcavity: 0.36, gradientBound: 1 }] }) }, env: { REGRETLAB_MEMORY_LIMIT: "2G" }, args: ["run", "{dir}/s.json", "--no-report"], code: 2, stderr: /^regretlab: hostile\/base \(1 run\) needs about 6\.\d GB \(1 run × \(32 arrays of d = 20,000 doubles \+ \d+ checkpoint rows\) \+ 6\.0 GB of learner matrices\), more than the 2\.0 GB of REGRETLAB_MEMORY_LIMIT; pass --force/ },
  { name: "--force runs past the memory budget", area: "run", files: S, env: { REGRETLAB_MEMORY_LIMIT: "64k" }, args: ["run", "{dir}/s.json", "--no-report", "--force"], code: 0, stderr: "", stdout: /hostile\/base: A small game/ },

  // ---------------------------------------------------------------------------------------------
  // Scenario files (through run and describe)
  { name: "an empty file", area: "scenario file", files: { "s.json": "" }, args: ["run", "{dir}/s.json"], code: 2, stderr: /^regretlab: \/.*\/s\.json: invalid JSON at end of file: Unexpected end of JSON input$/ },
  { name: "a file cut off mid-object", area: "scenario file", files: { "s.json": '{"id": "x",\n "title":' }, args: ["describe", "{dir}/s.json"], code: 2, stderr: /^regretlab: \/.*\/s\.json: invalid JSON at (line 2, column \d+|end of file): / },
  { name: "binary garbage", area: "scenario file", files: { "s.json": new Uint8Array([0, 159, 146, 150, 255, 0, 1]) }, args: ["run", "{dir}/s.json"], code: 2, stderr: /^regretlab: \/.*\/s\.json: invalid JSON: Unexpected token '\\u0000', / },
  { name: "a UTF-8 byte-order mark is accepted", area: "scenario file", files: { "s.json": "\ufeff" + scenario() }, args: ["describe", "{dir}/s.json"], code: 0, stderr: "", stdout: /"id": "hostile\/base"/ },
  { name: "100 000 levels of nesting", area: "scenario file", files: { "s.json": deep(100_000) }, args: ["run", "{dir}/s.json"], code: 2, stderr: /^regretlab: \/.*\/s\.json: JSON nested more than 64 levels deep at line 1, column 65; a scenario needs a handful$/ },
  { name: "a JSON array instead of an object", area: "scenario file", files: { "s.json": "[]" }, args: ["describe", "{dir}/s.json"], code: 2, stderr: /^regretlab: \/.*\/s\.json: expected an object, got \[\]$/ },
  { name: "JSON null", area: "scenario file", files: { "s.json": "null" }, args: ["describe", "{dir}/s.json"], code: 2, stderr: /^regretlab: \/.*\/s\.json: expected an object, got null$/ },
  { name: "a misspelt field", area: "scenario file", files: { "s.json": scenario({ horizn: 5 }) }, args: ["run", "{dir}/s.json"], code: 2, stderr: /^regretlab: \/.*\/s\.json: horizn: expected no such field \(unknown field; check the spelling\), got 5$/ },
  { name: "a missing horizon", area: "scenario file", files: { "s.json": without("horizon") }, args: ["run", "{dir}/s.json"], code: 2, stderr: /^regretlab: \/.*\/s\.json: horizon: expected a positive integer up to 9007199254740991 .*\(required field\), got nothing \(missing\)$/ },
  { name: "a horizon of 1e20", area: "scenario file", files: { "s.json": scenario({ horizon: 1e20 }) }, args: ["run", "{dir}/s.json"], code: 2, stderr: /^regretlab: \/.*\/s\.json: horizon: expected a positive integer up to 9007199254740991 \(2\^53 − 1, the largest round a double counts exactly\), got 100000000000000000000$/ },
  { name: "a horizon given as a string", area: "scenario file", files: { "s.json": scenario({ horizon: "1000" }) }, args: ["run", "{dir}/s.json"], code: 2, stderr: /^regretlab: \/.*\/s\.json: horizon: expected a positive integer .*, got "1000"$/ },
  { name: "a billion seeds", area: "scenario file", files: { "s.json": scenario({ seeds: 1e9 }) }, args: ["run", "{dir}/s.json"], code: 2, stderr: /^regretlab: \/.*\/s\.json: seeds: expected a positive integer up to 1,000,000 \(the number of seeds\), got 1000000000$/ },
  { name: "no learners", area: "scenario file", files: { "s.json": scenario({ learners: [] }) }, args: ["run", "{dir}/s.json"], code: 2, stderr: /^regretlab: \/.*\/s\.json: learners: expected a non-empty array of learners, got \[\]$/ },
  { name: "two learners with one label", area: "scenario file", files: { "s.json": withLearners({ label: "a", kind: "adam" }, { label: "a", kind: "amsgrad" }) }, args: ["run", "{dir}/s.json"], code: 2, stderr: /^regretlab: \/.*\/s\.json: learners\[1\]\.label: expected a label no other learner uses, got "a"$/ },
  { name: "an unknown learner kind", area: "scenario file", files: { "s.json": withLearners({ label: "a", kind: "lion" }) }, args: ["run", "{dir}/s.json"], code: 2, stderr: /^regretlab: \/.*\/s\.json: learners\[0\]\.kind: expected one of .*"adam".*, got "lion"$/ },
  { name: "β1 = 1", area: "scenario file", files: { "s.json": withLearners({ label: "a", kind: "adam", beta1: 1 }) }, args: ["run", "{dir}/s.json"], code: 2, stderr: /^regretlab: \/.*\/s\.json: learners\[0\]\.beta1: expected a number in \[0, 1\), got 1$/ },
  { name: "β2 given as the string NaN", area: "scenario file", files: { "s.json": withLearners({ label: "a", kind: "adam", beta2: "NaN" }) }, args: ["run", "{dir}/s.json"], code: 2, stderr: /^regretlab: \/.*\/s\.json: learners\[0\]\.beta2: expected a number .*, got "NaN"$/ },
  { name: "an unknown domain kind", area: "scenario file", files: { "s.json": scenario({ domain: { kind: "torus" } }) }, args: ["run", "{dir}/s.json"], code: 2, stderr: /^regretlab: \/.*\/s\.json: domain\.kind: expected one of .*"box".*, got "torus"$/ },
  { name: "a box with lower above upper", area: "scenario file", files: { "s.json": scenario({ domain: { kind: "box", lower: [1], upper: [-1] } }) }, args: ["run", "{dir}/s.json"], code: 2, stderr: /^regretlab: \/.*\/s\.json: domain\.(lower|upper)(\[0\])?: expected .*, got / },
  { name: "a ball of negative radius", area: "scenario file", files: { "s.json": scenario({ domain: { kind: "ball", center: [0], radius: -1 } }) }, args: ["run", "{dir}/s.json"], code: 2, stderr: /^regretlab: \/.*\/s\.json: domain\.radius: expected .*, got -1$/ },
  { name: "a simplex of dimension 10^10 is refused before allocating", area: "scenario file", files: { "s.json": scenario({ domain: { kind: "simplex", dim: 1e10 }, start: [0.5, 0.5] }) }, args: ["run", "{dir}/s.json"], code: 2, stderr: /^regretlab: \/.*\/s\.json: start: expected an array of 10000000000 numbers \(the domain dimension\), got \[0\.5,0\.5\]$/ },
  { name: "a start given as a string", area: "scenario file", files: { "s.json": scenario({ start: "0" }) }, args: ["run", "{dir}/s.json"], code: 2, stderr: /^regretlab: \/.*\/s\.json: start: expected a non-empty array of numbers, got "0"$/ },
  { name: "an expectation about a learner that is not there", area: "scenario file", files: { "s.json": scenario({ expectations: [{ learner: "lion", metric: "x", op: "<=", value: 0 }] }) }, args: ["run", "{dir}/s.json"], code: 2, stderr: /^regretlab: \/.*\/s\.json: expectations\[0\]\.learner: expected one of the learner labels "adam", got "lion"$/ },
  { name: "pseudo-regret from an adversary without an expected loss", area: "scenario file", files: { "s.json": scenario({ expectations: [{ learner: "adam", metric: "pseudoAvgRegret", op: "<=", value: 0 }] }) }, args: ["run", "{dir}/s.json"], code: 2, stderr: /^regretlab: \/.*\/s\.json: expectations\[0\]\.metric: expected a metric this adversary reports .*, got "pseudoAvgRegret"$/ },
  { name: "a checkpoint beyond the horizon", area: "scenario file", files: { "s.json": scenario({ checkpoints: { extra: [51] } }) }, args: ["run", "{dir}/s.json"], code: 2, stderr: /^regretlab: \/.*\/s\.json: checkpoints\.extra\[0\]: expected a round in \[1, 50\] \(the horizon\), got 51$/ },
  { name: "a TS scenario that does not compile", area: "scenario file", files: { "s.ts": "export default {" }, args: ["run", "{dir}/s.ts"], code: 2, stderr: /^regretlab: \/.*\/s\.ts:1:17: Expected identifier but found end of file$/ },
  { name: "a TS scenario that throws when loaded", area: "scenario file", files: { "s.ts": 'throw new Error("boom at import")\nexport {}' }, args: ["describe", "{dir}/s.ts"], code: 2, stderr: /^regretlab: \/.*\/s\.ts: threw while loading \(line 1\): boom at import$/ },
  { name: "a TS module that exports no scenario", area: "scenario file", files: { "s.ts": "export const x = 1" }, args: ["run", "{dir}/s.ts"], code: 2, stderr: /^regretlab: \/.*\/s\.ts: exports neither `default` nor `scenario`; export defineScenario\(\{\.\.\.\}\) as one of them$/ },
  { name: "a TS scenario with a bad field", area: "scenario file", files: { "s.ts": `export default ${scenario({ horizon: -1 })}` }, args: ["run", "{dir}/s.ts"], code: 2, stderr: /^regretlab: \/.*\/s\.ts: horizon: expected a positive integer up to .*, got -1$/ },
  { name: "terminal escapes in the title and a label reach the terminal escaped", area: "scenario file", files: { "s.json": scenario({ title: `${ESC}]0;pwned\u0007${ESC}[2Jcleared`, learners: [{ label: `a${ESC}[31mred`, kind: "adam" }] }) }, args: ["run", "{dir}/s.json", "--no-report"], code: 0, stderr: "", stdout: /^hostile\/base: \\u001b\]0;pwned\\u0007\\u001b\[2Jcleared\n[^\u001b\u0007]*a\\u001b\[31mred[^\u001b\u0007]*$/ },
  { name: "gradients near the top of the double range: finite regret, exactly", area: "scenario file", files: { "s.json": scenario({ adversary: { kind: "periodic-linear", C: 101, period: 101, scale: 1e305 }, learners: [{ label: "signgd", kind: "signgd" }, { label: "ogd", kind: "ogd" }], horizon: 1000 }) }, args: ["run", "{dir}/s.json", "--no-report"], code: 0, stderr: "", stdout: /signgd +1 +[-0-9.e]+ +[-0-9.e]+ +— \(no expectation\)\nogd +1 +[-0-9.e]+ +[-0-9.e]+ +— / },
  { name: "an overflowing gradient sum ends the run as diverged, not NaN", area: "scenario file", files: { "s.json": scenario({ adversary: { kind: "periodic-linear", C: 101, period: 101, scale: 1e306 }, learners: [{ label: "ogd", kind: "ogd" }], horizon: 1000 }) }, args: ["run", "{dir}/s.json", "--no-report"], code: 1, stderr: /^regretlab: ogd \(seed 1\) diverged at round 112: comparator = -Infinity$/, stdout: /1 diverged/ },
  { name: "a learner whose state overflows", area: "scenario file", files: { "s.json": scenario({ adversary: { kind: "periodic-linear", C: 101, period: 101, scale: 1e306 }, horizon: 1000 }) }, args: ["run", "{dir}/s.json", "--no-report"], code: 1, stderr: /^regretlab: adam \(seed 1\) diverged at round 1: state = Infinity$/, stdout: /1 diverged/ },

  // ---------------------------------------------------------------------------------------------
  // sweep: flags
  { name: "neither a sweep nor a scenario", area: "sweep", args: ["sweep", "no/such", "--grid", "a=1"], code: 2, stderr: /^regretlab: "no\/such" is neither a built-in sweep nor a scenario \(built-in sweeps: .*\), nor a \.json\/\.ts file$/ },
  { name: "a scenario and no grid", area: "sweep", args: ["sweep", "lecture/period3"], code: 2, stderr: /^regretlab: lecture\/period3: no grid; give at least one --grid field=values \(e\.g\. --grid learners\.adam\.beta2=0\.9,0\.99,0\.999\)$/ },
  { name: "--grid without =", area: "sweep", args: ["sweep", "lecture/period3", "--grid", "learners.adam.beta2"], code: 2, stderr: /^regretlab: --grid: expected field=values \(e\.g\. .*\), got "learners\.adam\.beta2"$/ },
  { name: "--grid with a bad point count", area: "sweep", args: ["sweep", "lecture/period3", "--grid", "learners.adam.beta2=0:1:x"], code: 2, stderr: /^regretlab: --grid learners\.adam\.beta2: the number of points must be an integer ≥ 1, got "x"$/ },
  { name: "--grid range beyond a field's range is a --grid error", area: "sweep", args: ["sweep", "lecture/period3", "--learners", "adam", "--grid", "learners.adam.beta2=0.5:1.5:3"], code: 2, stderr: /^regretlab: --grid learners\.adam\.beta2 = 1: learners\[0\]\.beta2: expected a number in \[0, 1\), got 1$/ },
  { name: "--grid over a learner that is not there", area: "sweep", args: ["sweep", "lecture/period3", "--grid", "learners.nobody.beta2=0.5"], code: 2, stderr: /^regretlab: --grid learners\.nobody\.beta2 = 0\.5: learners\.nobody\.beta2: expected a learner label, one of "adam", "amsgrad", "adam-0\.9-0\.99", got "nobody"$/ },
  { name: "the same --grid axis twice", area: "sweep", args: ["sweep", "lecture/period3", "--grid", "learners.adam.beta2=0.5", "--grid", "learners.adam.beta2=0.6,0.7"], code: 2, stderr: /^regretlab: --grid: the axis learners\.adam\.beta2 is given twice; give all its values in one --grid \(e\.g\. --grid learners\.adam\.beta2=0\.5,0\.6,0\.7\)$/ },
  { name: "a log range through zero", area: "sweep", args: ["sweep", "lecture/period3", "--grid", "learners.adam.alpha=0:1:4:log"], code: 2, stderr: /^regretlab: --grid learners\.adam\.alpha: a log range needs positive ends, got 0 and 1$/ },
  { name: "an empty item in a --grid list", area: "sweep", args: ["sweep", "lecture/period3", "--grid", "learners.adam.beta2=0.1,,0.2"], code: 2, stderr: /^regretlab: --grid learners\.adam\.beta2: empty item in the list "0\.1,,0\.2"$/ },
  { name: "a repeated --grid value", area: "sweep", args: ["sweep", "lecture/period3", "--grid", "learners.adam.beta2=0.5,0.5"], code: 2, stderr: /^regretlab: --grid learners\.adam\.beta2: repeated values in \[0\.5,0\.5\]$/ },
  { name: "a --grid field with an empty segment", area: "sweep", args: ["sweep", "lecture/period3", "--grid", "learners..beta2=0.5"], code: 2, stderr: /^regretlab: --grid learners\.\.beta2: "learners\.\.beta2" is not a field path; expected e\.g\. learners\.adam\.beta2 or adversary\.C/ },
  { name: "a field tied to itself", area: "sweep", args: ["sweep", "lecture/period3", "--grid", "adversary.C+adversary.C=3,5"], code: 2, stderr: /^regretlab: --grid adversary\.C\+adversary\.C: a field appears twice in "adversary\.C\+adversary\.C"$/ },
  { name: "--shard beyond n", area: "sweep", args: ["sweep", "lecture/period3", "--grid", "learners.adam.beta2=0.5", "--shard", "3/2"], code: 2, stderr: /^regretlab: --shard: expected k\/n with 1 ≤ k ≤ n \(e\.g\. 3\/8\), or auto under a Slurm job array or a Kubernetes Indexed Job, got "3\/2"$/ },
  { name: "--shard auto outside any scheduler", area: "sweep", env: { SLURM_ARRAY_TASK_ID: undefined, JOB_COMPLETION_INDEX: undefined }, args: ["sweep", "lecture/period3", "--grid", "learners.adam.beta2=0.5", "--shard", "auto"], code: 2, stderr: /^regretlab: --shard auto: this is neither a Slurm array task \(SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_MIN, SLURM_ARRAY_TASK_COUNT\) nor a pod of a Kubernetes Indexed Job \(JOB_COMPLETION_INDEX with REGRETLAB_SHARDS\); give --shard k\/n$/ },
  { name: "--shard auto with a Slurm task id beyond the count", area: "sweep", env: { SLURM_ARRAY_TASK_ID: "9", SLURM_ARRAY_TASK_MIN: "1", SLURM_ARRAY_TASK_COUNT: "8" }, args: ["sweep", "lecture/period3", "--grid", "learners.adam.beta2=0.5", "--shard", "auto"], code: 2, stderr: /^regretlab: --shard auto: Slurm task 9 \(min 1, step 1, 8 tasks\) is not one of 8 evenly spaced tasks; use a range array such as --array=1-8, or give --shard k\/n$/ },
  { name: "--shard auto under Slurm without the task count", area: "sweep", env: { SLURM_ARRAY_TASK_ID: "2", SLURM_ARRAY_TASK_MIN: "1", SLURM_ARRAY_TASK_COUNT: undefined }, args: ["sweep", "lecture/period3", "--grid", "learners.adam.beta2=0.5", "--shard", "auto"], code: 2, stderr: /^regretlab: --shard auto: SLURM_ARRAY_TASK_COUNT is not set; Slurm sets it for the tasks of a job array \(sbatch --array=1-8\)$/ },
  { name: "--shard auto in an Indexed Job without REGRETLAB_SHARDS", area: "sweep", env: { SLURM_ARRAY_TASK_ID: undefined, JOB_COMPLETION_INDEX: "0", REGRETLAB_SHARDS: undefined }, args: ["sweep", "lecture/period3", "--grid", "learners.adam.beta2=0.5", "--shard", "auto"], code: 2, stderr: /^regretlab: --shard auto: REGRETLAB_SHARDS is not set; set it to the Job's completions in the pod template/ },
  { name: "--shard auto with a pod index beyond REGRETLAB_SHARDS", area: "sweep", env: { SLURM_ARRAY_TASK_ID: undefined, JOB_COMPLETION_INDEX: "4", REGRETLAB_SHARDS: "4" }, args: ["sweep", "lecture/period3", "--grid", "learners.adam.beta2=0.5", "--shard", "auto"], code: 2, stderr: /^regretlab: --shard auto: JOB_COMPLETION_INDEX 4 is not below REGRETLAB_SHARDS 4; set REGRETLAB_SHARDS to the Job's completions$/ },
  { name: "a verdict that does not parse", area: "sweep", args: ["sweep", "lecture/period3", "--grid", "learners.adam.beta2=0.5", "--verdict", "x<<1"], code: 2, stderr: /^regretlab: --verdict: expected <metric><=<number> or <metric>>=<number> .*, got "x<<1"$/ },
  { name: "--resume with --force", area: "sweep", args: ["sweep", "lecture/period3", "--grid", "learners.adam.beta2=0.5", "--resume", "--force"], code: 2, stderr: /^regretlab: --resume and --force: give one or the other$/ },
  { name: "sweep --seeds repeated", area: "sweep", args: ["sweep", "lecture/period3", "--grid", "learners.adam.beta2=0.5", "--seeds", "2,2"], code: 2, stderr: /^regretlab: --seeds: expected distinct seeds, got 2,2$/ },
  { name: "--horizon 1e20 for a sweep", area: "sweep", args: ["sweep", "lecture/period3", "--grid", "learners.adam.beta2=0.5", "--horizon", "1e20"], code: 2, stderr: /^regretlab: --horizon: expected an integer from 1 to 9007199254740991 .*, got "1e20"$/ },
  { name: "--out a file", area: "sweep", files: { "taken.txt": "precious" }, args: ["sweep", "lecture/period3", "--grid", "learners.adam.beta2=0.5", "--horizon", "30", "--out", "{dir}/taken.txt"], code: 2, stderr: /^regretlab: \/.*\/taken\.txt is a file; a sweep writes a folder \(choose another --out\)$/ },
  { name: "a sweep --out that is the reports folder", area: "sweep", args: ["sweep", "lecture/period3", "--grid", "learners.adam.beta2=0.5", "--out", "."], code: 2, stderr: /^regretlab: refusing --out "\.": that is the reports folder .* itself/ },
  { name: "a folder another sweep is writing", area: "sweep", setup: (d) => liveLock(path.join(d, "busy")), args: ["sweep", "lecture/period3", "--learners", "adam", "--grid", "learners.adam.beta2=0.5", "--horizon", "30", "--out", "{dir}/busy", "--no-report"], code: 2, stderr: new RegExp(`^regretlab: /.*/busy is being written by another sweep \\(pid ${process.pid} on ${hostname()}, since 2026-01-01T00:00:00\\.000Z \\(regretlab sweep other\\)\\); wait for it to finish or choose another --out\\. If that process is gone, delete /.*/busy/results\\.jsonl\\.lock\\.$`) },
  { name: "a shard into a folder an unsharded sweep is writing", area: "sweep", setup: (d) => liveLock(path.join(d, "busy")), args: ["sweep", "lecture/period3", "--learners", "adam", "--grid", "learners.adam.beta2=0.5", "--horizon", "30", "--out", "{dir}/busy", "--shard", "1/2", "--no-report"], code: 2, stderr: /^regretlab: \/.*\/busy is being written by another sweep \(pid \d+ .*, writing results\.jsonl\); wait for it to finish or choose another --out\./ },
  { name: "a stale lock (its process is gone) is taken over", area: "sweep", setup: (d) => { mkdirSync(path.join(d, "stale"), { recursive: true }); writeFileSync(path.join(d, "stale", "results.jsonl.lock"), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), started: "x", command: "y" })) }, args: ["sweep", "lecture/period3", "--learners", "adam", "--grid", "learners.adam.beta2=0.5", "--horizon", "30", "--out", "{dir}/stale", "--no-report", "--workers", "0"], leaves: ["stale/results.jsonl", "stale/sweep.json"], code: 0, stderr: "", stdout: /1 of 1 jobs finished, 0 failed/ },
  { name: "--workers 64 is capped at one per core, said on stderr", area: "sweep", args: ["sweep", "lecture/period3", "--learners", "adam", "--grid", "learners.adam.beta2=0.5,0.6", "--horizon", "30", "--out", "{dir}/w", "--no-report", "--workers", "64", "--json"], leaves: ["w"], code: 0, stderr: /^regretlab: --workers 64: using \d+ \(at most one per core; this machine has \d+\)$/, stdout: /"workers": [12],/ },
  { name: "labels with spaces, <, / and = can be gridded", area: "sweep", files: { "s.json": withLearners({ label: "a b", kind: "adam" }, { label: "x<y/z", kind: "adam" }, { label: "p=q", kind: "adam" }) }, args: ["sweep", "{dir}/s.json", "--grid", "learners.a b.beta2=0.5,0.6", "--grid", "learners.x<y/z.beta1+learners[\"p=q\"].beta1=0,0.5", "--horizon", "30", "--out", "{dir}/lab", "--no-report", "--workers", "0", "--json"], leaves: ["lab"], code: 0, stderr: "", stdout: /"total": 12,\s+"finished": 12,\s+"failed": 0,\s+"missing": 0/ },
  { name: "a sweep over a 100 000-deep file", area: "sweep", files: { "s.json": deep(100_000) }, args: ["sweep", "{dir}/s.json", "--grid", "horizon=5"], code: 2, stderr: /^regretlab: \/.*\/s\.json: JSON nested more than 64 levels deep at line 1, column 65; a scenario needs a handful$/ },
  { name: "a TS scenario that throws when a sweep loads it", area: "sweep", files: { "s.ts": 'throw new Error("boom at import")\nexport {}' }, args: ["sweep", "{dir}/s.ts", "--grid", "horizon=5"], code: 2, stderr: /^regretlab: \/.*\/s\.ts: threw while loading \(line 1\): boom at import$/ },

  // ---------------------------------------------------------------------------------------------
  // Sweep files
  { name: "a sweep file that sets a value out of range", area: "sweep file", files: { ...S, "w.json": sweepFile({ set: { "learners.adam.beta1": 2 } }) }, args: ["sweep", "{dir}/w.json"], code: 2, stderr: /^regretlab: \/.*\/w\.json: set\.learners\.adam\.beta1: learners\[0\]\.beta1: expected a number in \[0, 1\), got 2$/ },
  { name: "a sweep file naming a learner that is not there", area: "sweep file", files: { ...S, "w.json": sweepFile({ learners: ["adamx"] }) }, args: ["sweep", "{dir}/w.json"], code: 2, stderr: /^regretlab: \/.*\/w\.json: learners: no learner labelled "adamx" in hostile\/base; expected some of adam$/ },
  { name: "a sweep file whose grid holds a bad value", area: "sweep file", files: { ...S, "w.json": sweepFile({ grid: { "learners.adam.beta2": [0.5, 3] } }) }, args: ["sweep", "{dir}/w.json"], code: 2, stderr: /^regretlab: \/.*\/w\.json: grid\.learners\.adam\.beta2 = 3: learners\[0\]\.beta2: expected a number in \[0, 1\), got 3$/ },
  { name: "a sweep file whose grid is not an object", area: "sweep file", files: { ...S, "w.json": sweepFile({ grid: [1, 2] }) }, args: ["sweep", "{dir}/w.json"], code: 2, stderr: /^regretlab: \/.*\/w\.json: grid: expected .*, got \[1,2\]$/ },
  { name: "a sweep file with a misspelt field", area: "sweep file", files: { ...S, "w.json": sweepFile({ sede: 3 }) }, args: ["sweep", "{dir}/w.json"], code: 2, stderr: /^regretlab: \/.*\/w\.json: sede: expected no such field \(unknown field; check the spelling\), got 3$/ },
  { name: "a sweep file with a bad range string", area: "sweep file", files: { ...S, "w.json": sweepFile({ grid: { "learners.adam.beta2": "0.9:0.9999:four:log1m" } }) }, args: ["sweep", "{dir}/w.json"], code: 2, stderr: /^regretlab: \/.*\/w\.json: grid\.learners\.adam\.beta2: the number of points must be an integer ≥ 1, got "four"$/ },
  { name: "a sweep file whose scenario file is missing", area: "sweep file", files: { "w.json": sweepFile({ scenario: "gone.json" }) }, args: ["sweep", "{dir}/w.json"], code: 2, stderr: /^regretlab: \/.*\/gone\.json: no such file$/ },
  { name: "a sweep file with repeated seeds", area: "sweep file", files: { ...S, "w.json": sweepFile({ seeds: [3, 3] }) }, args: ["sweep", "{dir}/w.json"], code: 2, stderr: /^regretlab: \/.*\/w\.json: seeds: expected distinct seeds, got 3,3$/ },
  { name: "a scenario's sweep section with a bad verdict", area: "sweep file", files: { "s.json": scenario({ sweep: { grid: { "learners.adam.beta2": [0.5] }, verdict: { metric: "colour", threshold: 1 } } }) }, args: ["sweep", "{dir}/s.json"], code: 2, stderr: /^regretlab: \/.*\/s\.json \(sweep section\): verdict\.metric: expected one of "x", .*, got "colour"$/ },

  // ---------------------------------------------------------------------------------------------
  // merge
  { name: "merge a folder that is not there", area: "merge", args: ["merge", "{dir}/gone"], code: 2, stderr: /^regretlab: merge: \/.*\/gone: no such file or folder$/ },
  { name: "merge a folder that is not a sweep", area: "merge", setup: (d) => mkdirSync(path.join(d, "plain")), args: ["merge", "{dir}/plain", "--no-report"], code: 2, stderr: /^regretlab: merge: \/.*\/plain has no sweep\.json; it is not a sweep folder$/ },
  { name: "merge two different sweeps", area: "merge", files: { "a/sweep.json": manifestOf("one", "f1", 2), "b/sweep.json": manifestOf("two", "f2", 2) }, args: ["merge", "{dir}/a", "{dir}/b", "--no-report"], code: 2, stderr: /^regretlab: merge: \/.*\/b belongs to a different sweep than \/.*\/a \(two vs one, fingerprints differ\)$/ },
  { name: "merge with a sweep.json that is not JSON", area: "merge", files: { "a/sweep.json": "{" }, args: ["merge", "{dir}/a", "--no-report"], code: 2, stderr: /^regretlab: \/.*\/a\/sweep\.json is not valid JSON: / },
  { name: "merge with a sweep.json from something else", area: "merge", files: { "a/sweep.json": '{"tool":"other"}' }, args: ["merge", "{dir}/a", "--no-report"], code: 2, stderr: /^regretlab: \/.*\/a\/sweep\.json is not a regretlab sweep manifest$/ },
  { name: "merge results with a line that is not JSON", area: "merge", files: { "a/sweep.json": manifestOf("one", "f1", 2), "a/results.shard-1-of-2.jsonl": `${record(0)}\nnot json\n` }, args: ["merge", "{dir}/a", "--no-report"], code: 2, stderr: /^regretlab: \/.*\/a\/results\.shard-1-of-2\.jsonl: line 2 is not valid JSON; the file was changed by something other than regretlab$/ },
  { name: "merge results with a line that is not a job record", area: "merge", files: { "a/sweep.json": manifestOf("one", "f1", 2), "a/results.shard-1-of-2.jsonl": '{"hello":1}\n' }, args: ["merge", "{dir}/a", "--no-report"], code: 2, stderr: /^regretlab: \/.*\/a\/results\.shard-1-of-2\.jsonl: line 1 is not a sweep job record$/ },
  { name: "merge results with a 100 000-deep line", area: "merge", files: { "a/sweep.json": manifestOf("one", "f1", 2), "a/results.shard-1-of-2.jsonl": `${deep(100_000)}\n` }, args: ["merge", "{dir}/a", "--no-report"], code: 2, stderr: /^regretlab: \/.*\/a\/results\.shard-1-of-2\.jsonl: line 1 is not valid JSON/ },
  { name: "merge while a shard is still being written", area: "merge", files: { "a/sweep.json": manifestOf("one", "f1", 2), "a/results.shard-1-of-2.jsonl": `${record(0)}\n` }, setup: (d) => liveLock(path.join(d, "a"), "results.shard-2-of-2.jsonl.lock"), args: ["merge", "{dir}/a", "--no-report"], code: 2, stderr: /^regretlab: \/.*\/a is still being written \(pid \d+ on .*, writing results\.shard-2-of-2\.jsonl\); merge when it has finished\./ },
  { name: "merge of a shard set with a job missing", area: "merge", files: { "a/sweep.json": manifestOf("one", "f1", 2), "a/results.shard-1-of-2.jsonl": `${record(0)}\n` }, args: ["merge", "{dir}/a", "--no-report"], leaves: ["a/results.jsonl"], code: 1, stderr: /^regretlab: incomplete: 1 of 2 jobs have no result \(a shard missing or interrupted; run it with --resume, then merge again\)$/, stdout: /1 of 2 jobs finished, 0 failed, 1 missing/ },

  // ---------------------------------------------------------------------------------------------
  // report
  { name: "report of a folder that is not a report", area: "report", setup: (d) => mkdirSync(path.join(d, "plain")), args: ["report", "{dir}/plain"], code: 2, stderr: /^regretlab: \/.*\/plain is not a regretlab report folder: cannot read data\.json \(ENOENT\)$/ },
  { name: "report of a file", area: "report", files: { "f.txt": "x" }, args: ["report", "{dir}/f.txt"], code: 2, stderr: /^regretlab: \/.*\/f\.txt is not a regretlab report folder: cannot read data\.json \(ENOTDIR\)$/ },
  { name: "report with a data.json that is not JSON", area: "report", files: { "r/data.json": "{", "r/run.json": "{}" }, args: ["report", "{dir}/r"], code: 2, stderr: /^regretlab: \/.*\/r\/data\.json is not valid JSON: / },
  { name: "report with a 100 000-deep data.json", area: "report", files: { "r/data.json": deep(100_000), "r/run.json": "{}" }, args: ["report", "{dir}/r"], code: 2, stderr: /^regretlab: \/.*\/r\/data\.json is not a regretlab report file: its JSON nests more than 64 levels deep \(at offset 64\)$/ },
  { name: "report with a data.json of another shape", area: "report", files: { "r/data.json": '{"scenario":{},"runs":[],"summary":[]}', "r/run.json": "{}" }, args: ["report", "{dir}/r"], code: 2, stderr: /^regretlab: \/.*\/r\/data\.json does not hold a scenario result as regretlab writes it: scenario\.id: expected a string, got nothing \(missing\)$/ },
  { name: "report with an empty data.json object", area: "report", files: { "r/data.json": "{}" }, args: ["report", "{dir}/r"], code: 2, stderr: /^regretlab: \/.*\/r\/data\.json does not hold a scenario result as regretlab writes it: scenario: expected an object, got nothing \(missing\)$/ },
  { name: "report whose run.json was deleted", area: "report", setup: async (d) => { await reportWithout(path.join(d, "r"), "run.json") }, args: ["report", "{dir}/r"], leaves: [], code: 2, stderr: /^regretlab: \/.*\/r is not a regretlab report folder: cannot read run\.json \(ENOENT\)$/ },
  { name: "report with a companions.json of another shape", area: "report", setup: async (d) => { await reportWithout(path.join(d, "r"), "companions") }, args: ["report", "{dir}/r"], code: 2, stderr: /^regretlab: \/.*\/r\/companions\.json does not hold scenario results as regretlab writes it: \[0\]\.scenario\.id: expected a string, got 5$/ },
  { name: "report of a sweep folder whose sweep-report.json is 100 000 deep", area: "report", files: { "a/sweep.json": manifestOf("one", "f1", 2), "a/report/sweep-report.json": deep(100_000) }, args: ["report", "{dir}/a"], code: 2, stderr: /^regretlab: \/.*\/a\/report\/sweep-report\.json is not a regretlab report file: its JSON nests more than 64 levels deep \(at offset 64\)$/ },
  { name: "report whose data.json lost a run's rows", area: "report", setup: async (d) => { await reportWithout(path.join(d, "r"), "rows") }, args: ["report", "{dir}/r"], code: 2, stderr: /^regretlab: \/.*\/r\/data\.json does not hold a scenario result as regretlab writes it: runs\[1\]\.rows: expected an array, got 5$/ }
]
