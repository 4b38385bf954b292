// The browser builds of vega, vega-lite and vega-embed, copied into each report's lib/ folder so
// index.html works offline from file:// (no CDN). Located through Node's resolver, then the
// package folder, because the packages' export maps do not expose their build/ files.
import { existsSync, readFileSync } from "node:fs"
import { createRequire } from "node:module"
import * as path from "node:path"

const require = createRequire(import.meta.url)

const packageDir = (name: string): string => {
  let dir = path.dirname(require.resolve(name))
  for (;;) {
    const pkg = path.join(dir, "package.json")
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === name) return dir
    const up = path.dirname(dir)
    if (up === dir) throw new Error(`cannot find the folder of package ${name}`)
    dir = up
  }
}

export interface BrowserLib {
  /** Path inside the report, e.g. lib/vega.min.js. */
  readonly file: string
  readonly source: string
  readonly version: string
}

/** In load order: vega-lite needs vega, vega-embed needs both. Licences (BSD-3-Clause) travel along. */
export const browserLibs = (): readonly BrowserLib[] =>
  [
    ["vega", "build/vega.min.js"],
    ["vega-lite", "build/vega-lite.min.js"],
    ["vega-embed", "build/vega-embed.min.js"]
  ].flatMap(([name, build]) => {
    const dir = packageDir(name)
    const version = (JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string }).version
    return [
      { file: `lib/${name}.min.js`, source: path.join(dir, build), version },
      { file: `lib/${name}.LICENSE`, source: path.join(dir, "LICENSE"), version }
    ]
  })

/** The script files only, in load order. */
export const scriptFiles = (libs: readonly BrowserLib[]): string[] => libs.filter((l) => l.file.endsWith(".js")).map((l) => l.file)
