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
      const onDisk = await fs.readFile(path.join(EXAMPLE_DIR, name), "utf8")
      expect(onDisk === content, `${name} differs from a fresh regeneration; run \`npx tsx src/report/example.ts\``).toBe(true)
    }
    // The reproduction it shows: Adam ends at +1, AMSGrad and AdaGrad near −1, every expectation holds.
    const md = fresh.get("summary.md")!
    expect(md).toMatch(/\| adam \| 1 \|/)
    expect(md).not.toContain("✗")
  })
})
