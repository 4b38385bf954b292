// The committed example (reports/examples/reddi2018-online) must be exactly what the code makes
// now: regenerate it in memory and compare file by file.
import * as fs from "node:fs/promises"
import * as path from "node:path"
import { describe, expect, it } from "vitest"
import { EXAMPLE_DIR, exampleFiles } from "../../src/report/example.ts"

describe("committed example report", () => {
  it("regenerating reddi2018/online gives the committed SVGs and summary, byte for byte", async () => {
    const fresh = await exampleFiles()
    const committed = (await fs.readdir(EXAMPLE_DIR)).sort()
    expect(committed).toEqual([...fresh.keys()].sort())
    for (const [name, content] of fresh) {
      const onDisk = await fs.readFile(path.join(EXAMPLE_DIR, name))
      expect(onDisk.equals(Buffer.from(content)), `${name} differs from a fresh regeneration; run \`npm run example\``).toBe(true)
    }
    expect(committed).toEqual(expect.arrayContaining(["figure1.svg", "figure1.pdf", "avg-regret.svg", "iterate.svg", "gamma.svg"]))
    // The reproduction it shows: Adam ends at +1, AMSGrad and AdaGrad near −1, every expectation holds.
    const md = fresh.get("summary.md") as string
    expect(md).toMatch(/\| adam \| 1 \|/)
    expect(md).not.toContain("✗")
  })
})
