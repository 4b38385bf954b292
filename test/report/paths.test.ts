import * as path from "node:path"
import { describe, expect, it } from "vitest"
import { resolveReportDir } from "../../src/report/index.ts"

const root = path.resolve("/tmp/regretlab-reports")

describe("resolveReportDir", () => {
  it("puts a scenario id under the reports folder, keeping its slashes as folders", () => {
    expect(resolveReportDir("reddi2018/online", undefined, root)).toBe(path.join(root, "reddi2018", "online"))
  })

  it.each(["../../x", "reddi2018/../../x", "..", "a/..", "/etc", "", "a//b", ".hidden", "a\\..\\b", "a/b\0c"])("refuses the id %j with a reason", (id) => {
    expect(() => resolveReportDir(id, undefined, root)).toThrow(/refusing scenario id .*(inside|outside)/)
  })

  it("takes a relative --out inside the reports folder", () => {
    expect(resolveReportDir("x", "mine/run-1", root)).toBe(path.join(root, "mine", "run-1"))
  })

  it.each(["../../x", "../reports-elsewhere", "a/../../b"])("refuses the relative --out %j that leaves the reports folder", (out) => {
    expect(() => resolveReportDir("x", out, root)).toThrow(/refusing --out .*outside the reports folder.*absolute path/)
  })

  it.each([".", "a/..", "./"])("refuses the relative --out %j that is the reports folder itself, saying so", (out) => {
    expect(() => resolveReportDir("x", out, root)).toThrow(`refusing --out ${JSON.stringify(out)}: that is the reports folder ${root} itself, which holds every report; give a folder inside it (e.g. --out my-run) or an absolute path`)
  })

  it("allows an explicit absolute --out anywhere, but never the filesystem root", () => {
    expect(resolveReportDir("x", "/srv/out/report", root)).toBe("/srv/out/report")
    expect(resolveReportDir("x", "/srv/out/../report", root)).toBe("/srv/report")
    expect(() => resolveReportDir("x", "/", root)).toThrow(/filesystem root/)
  })
})
