// Every kind of input error: exit 2, nothing on stdout, and exactly one line on stderr naming what
// was wrong (file, field, value, expected) — never a stack trace. Then the exit-1 outcomes.
import { mkdtemp, mkdir, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import * as path from "node:path"
import { describe, expect, it } from "vitest"
import { cli, fixture } from "./run-cli.ts"

const inputErrors: readonly { readonly name: string; readonly args: readonly string[]; readonly message: RegExp }[] = [
  { name: "unknown scenario id", args: ["run", "nope/missing"], message: /registry: id: expected a built-in scenario id \(.*reddi2018\/online.*\).*got "nope\/missing"/ },
  { name: "missing scenario file", args: ["run", "test/cli/fixtures/absent.json"], message: /test\/cli\/fixtures\/absent\.json: no such file/ },
  { name: "file that is not JSON", args: ["run", fixture("broken.json")], message: /test\/cli\/fixtures\/broken\.json: invalid JSON at/ },
  { name: "field out of range in a file", args: ["run", fixture("bad-field.json")], message: /test\/cli\/fixtures\/bad-field\.json: learners\[0\]\.beta2: expected a number in \[0, 1\), got 1\.5/ },
  { name: "--set with an unknown key", args: ["run", "reddi2018/online", "--set", "colour=blue"], message: /--set colour=blue: colour: expected a key starting with one of .*horizon/ },
  { name: "--set with a bad value", args: ["run", "reddi2018/online", "--set", "learners.adam.beta2=2"], message: /\(--set learners\.adam\.beta2\): learners\[0\]\.beta2: expected a number in \[0, 1\), got 2/ },
  { name: "--set with an unknown learner", args: ["run", "reddi2018/online", "--set", "learners.lion.beta2=0.5"], message: /learners\.lion\.beta2: expected a learner label, one of "adam", "amsgrad", "adagrad", got "lion"/ },
  { name: "--set without =", args: ["describe", "reddi2018/online", "--set", "horizon"], message: /--set: expected key=value, got "horizon"/ },
  { name: "--horizon not a count", args: ["run", "reddi2018/online", "--horizon", "ten"], message: /--horizon: expected an integer ≥ 1, got "ten"/ },
  { name: "--seeds not a list of integers", args: ["run", "reddi2018/online", "--seeds", "1,x"], message: /--seeds: expected an integer ≥ 0, got "x"/ },
  { name: "--seed and --seeds together", args: ["run", "reddi2018/online", "--seed", "1", "--seeds", "3"], message: /--seed and --seeds: give one or the other/ },
  { name: "--learners with an unknown label", args: ["run", "reddi2018/online", "--learners", "adam,lion"], message: /--learners: no learner labelled "lion" in reddi2018\/online; expected some of adam, amsgrad, adagrad/ },
  { name: "unknown flag", args: ["run", "reddi2018/online", "--colour"], message: /Unrecognized flag: --colour.*\(see: regretlab run --help\)/ },
  { name: "missing argument", args: ["describe"], message: /Missing required argument: scenario \(see: regretlab describe --help\)/ },
  { name: "unknown command", args: ["frobnicate"], message: /Unknown subcommand "frobnicate"/ },
  { name: "--out outside the reports folder", args: ["run", fixture("tiny.json"), "--out", "../../elsewhere"], message: /refusing --out "\.\.\/\.\.\/elsewhere": it resolves to .*outside the reports folder/ },
  { name: "report of a folder that is not a report", args: ["report", "test/cli/fixtures"], message: /test\/cli\/fixtures is not a regretlab report folder: cannot read data\.json \(ENOENT\)/ }
]

describe.concurrent("input errors exit 2 with one line", () => {
  for (const { name, args, message } of inputErrors) {
    it(name, async () => {
      const r = await cli(args)
      expect(r.code, r.stderr).toBe(2)
      expect(r.stdout).toBe("")
      expect(r.stderr).toMatch(/^regretlab: [^\n]+\n$/)
      expect(r.stderr).toMatch(message)
      expect(r.stderr).not.toMatch(/\n\s+at /)
    })
  }

  it("refusing to overwrite a folder that is not a report", async () => {
    const out = await mkdtemp(path.join(tmpdir(), "regretlab-cli-"))
    await mkdir(path.join(out, "mine"))
    await writeFile(path.join(out, "mine", "thesis.tex"), "precious")
    const r = await cli(["run", fixture("tiny.json"), "--horizon", "100", "--out", path.join(out, "mine")])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^regretlab: refusing to replace .*mine: it exists and is not a regretlab report/)
  })
})

describe.concurrent("failed runs exit 1", () => {
  it("a diverged run", async () => {
    const r = await cli(["run", fixture("diverge.json"), "--no-report"])
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/1 diverged/)
    expect(r.stderr).toBe("regretlab: adam (seed 1) diverged at round 1: loss = NaN\n")
  })

  it("--check with a broken expectation (and exit 0 without --check)", async () => {
    const checked = await cli(["run", fixture("tiny.json"), "--no-report", "--check"])
    expect(checked.code).toBe(1)
    expect(checked.stderr).toBe("regretlab: --check: 1 expectation failed: adam: final x[0] ≤ -0.5 on every seed (deliberately false, for --check)\n")
    const unchecked = await cli(["run", fixture("tiny.json"), "--no-report"])
    expect(unchecked.code).toBe(0)
    expect(unchecked.stdout).toContain("✗ adam: final x[0] ≤ -0.5 on every seed")
  })

  it("--check passes when every expectation holds", async () => {
    const r = await cli(["run", fixture("tiny.json"), "--no-report", "--check", "--learners", "amsgrad"])
    expect(r.code, r.stderr).toBe(0)
  })
})
