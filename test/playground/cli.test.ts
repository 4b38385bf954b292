// `regretlab playground` from the command line: the folder it writes, and --serve until Ctrl-C.
import * as fs from "node:fs/promises"
import * as os from "node:os"
import * as path from "node:path"
import { describe, expect, it } from "vitest"
import { cli, start } from "../cli/run-cli.ts"

describe("regretlab playground", () => {
  it("writes reports/playground/ under the working directory and prints where", async () => {
    const cwd = await fs.mkdtemp(path.join(os.tmpdir(), "regretlab-playground-cli-"))
    try {
      const r = await cli(["playground"], { cwd })
      expect(r.code, r.stderr).toBe(0)
      expect(r.stdout).toContain("playground: reports/playground/index.html")
      expect(r.stdout).toContain(`open file://${path.join(await fs.realpath(cwd), "reports/playground/index.html")}`)
      expect((await fs.readdir(path.join(cwd, "reports/playground"))).sort()).toEqual(["LICENSES.txt", "index.html", "playground.js"])
      const outside = await cli(["playground", "--out", "../elsewhere"], { cwd })
      expect(outside.code).toBe(2)
      expect(outside.stderr).toMatch(/^regretlab: refusing --out "\.\.\/elsewhere"/)
    } finally {
      await fs.rm(cwd, { recursive: true, force: true })
    }
  })

  it("--serve prints a 127.0.0.1 URL that serves the page, and stops on Ctrl-C", async () => {
    const cwd = await fs.mkdtemp(path.join(os.tmpdir(), "regretlab-playground-serve-"))
    const run = start(["playground", "--serve"], { cwd })
    try {
      let out = ""
      run.child.stdout!.on("data", (d: string) => { out += d })
      await new Promise<void>((resolve, reject) => {
        const timer = setInterval(() => { if (/serving http:\/\/127\.0\.0\.1:\d+\//.test(out)) { clearInterval(timer); resolve() } }, 50)
        run.done.then((r) => { clearInterval(timer); reject(new Error(`exited early: ${r.stderr}`)) }, reject)
      })
      const url = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)![1]
      const page = await fetch(url)
      expect(page.status).toBe(200)
      expect(await page.text()).toContain("<title>regretlab playground</title>")
      run.child.kill("SIGINT")
      const r = await run.done
      expect(r.code).toBe(130)
    } finally {
      run.child.kill("SIGKILL")
      await fs.rm(cwd, { recursive: true, force: true })
    }
  })
})
