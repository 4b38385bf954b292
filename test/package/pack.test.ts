// What `npm pack` ships: the built code and types, the CLI, the built-in scenarios, the assets,
// the docs and examples the README links to, the licence; no tests, benches, CI files or run
// reports. And what package.json promises: entry points, metadata, and a Node minimum that every
// production dependency's `engines` accepts (so `npm ci` warns of none on a supported Node).
import { execFileSync } from "node:child_process"
import { existsSync, readFileSync } from "node:fs"
import * as path from "node:path"
import semver from "semver"
import { describe, expect, it } from "vitest"
import { repo } from "../cli/run-cli.ts"

const pkg = JSON.parse(readFileSync(path.join(repo, "package.json"), "utf8"))
const npm = process.platform === "win32" ? "npm.cmd" : "npm"
const packed: string[] = (JSON.parse(execFileSync(npm, ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: repo, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] })) as { files: { path: string }[] }[])[0].files.map((f) => f.path)

describe("npm pack", () => {
  it("ships the built package, its CLI and workers, built-in scenarios and searches, assets, docs and licence", () => {
    for (const f of ["package.json", "README.md", "LICENSE", "bin/regretlab.js", "dist/lib/index.js", "dist/lib/cli.js", "dist/lib/worker-entry.js", "dist/lib/run-worker-entry.js", "dist/lib/search-worker-entry.js",
      "dist/types/src/index.d.ts", "scenarios/reddi2018-online.json", "scenarios/reddi2018-theorem1.ts", "scenarios/scenario.schema.json",
      "scenarios/sweeps/reddi2018-phase.json", "scenarios/searches/adam-failure-region.json", "assets/fonts/DejaVuSans.ttf", "docs/cli.md", "docs/writing-an-adversary.md", "docs/search.md"]) {
      expect(packed, f).toContain(f)
    }
  })

  it("ships no tests, benches, CI or build scripts, and no run reports", () => {
    const stray = packed.filter((f) =>
      /^(test|bench|\.ci|scripts|node_modules|\.scratch|coverage)\//.test(f) ||
      (f.startsWith("reports/") && f !== "reports/README.md" && !f.startsWith("reports/examples/")) ||
      /\.(tmp|log|tgz|tsbuildinfo)$/.test(f))
    expect(stray).toEqual([])
  })

  it("holds every file the README links to", () => {
    const readme = readFileSync(path.join(repo, "README.md"), "utf8")
    const links = [...readme.matchAll(/\]\(([^)#]+)\)/g)].map((m) => m[1]).filter((l) => !/^[a-z]+:/.test(l))
    expect(links.length).toBeGreaterThan(5)
    for (const link of links) {
      const target = link.replace(/\/$/, "")
      expect(packed.some((f) => f === target || f.startsWith(`${target}/`)), link).toBe(true)
    }
  })
})

describe("package.json", () => {
  it("points the package root, its types and the command at files that exist", () => {
    expect(pkg.exports["."]).toEqual({ types: "./dist/types/src/index.d.ts", default: "./dist/lib/index.js" })
    expect(pkg.main).toBe("./dist/lib/index.js")
    expect(pkg.types).toBe("./dist/types/src/index.d.ts")
    expect(pkg.bin).toEqual({ regretlab: "bin/regretlab.js" })
    expect(existsSync(path.join(repo, pkg.main))).toBe(true)
    expect(pkg.scripts.prepare).toContain("scripts/build.mjs")
  })

  it("says where the project lives and under which licence", () => {
    expect(pkg.license).toBe("MIT")
    expect(readFileSync(path.join(repo, "LICENSE"), "utf8")).toMatch(/^MIT License/)
    expect(pkg.repository.url).toMatch(/^git\+https:\/\//)
    expect(pkg.homepage).toMatch(/^https:\/\//)
    expect(pkg.bugs.url).toMatch(/^https:\/\//)
  })

  it("declares a Node minimum that every production dependency's engines accept, and this Node meets it", () => {
    const minimum = semver.minVersion(pkg.engines.node)!.version
    expect(semver.satisfies(process.version, pkg.engines.node)).toBe(true)
    const lock = JSON.parse(readFileSync(path.join(repo, "package-lock.json"), "utf8")) as { packages: Record<string, { dev?: boolean; engines?: unknown }> }
    const refused = Object.entries(lock.packages)
      .filter(([name, p]) => name !== "" && p.dev !== true && typeof (p.engines as { node?: unknown } | undefined)?.node === "string")
      .map(([name, p]) => [name.replace(/^.*node_modules\//, ""), (p.engines as { node: string }).node] as const)
      .filter(([, range]) => !semver.satisfies(minimum, range) || !semver.satisfies(process.version, range))
    expect(refused).toEqual([])
  })
})
