// The package version, recorded in the reports the API writes: read once from the package.json
// two folders up (from src/api/ and from the bundle in dist/lib/ alike).
import { readFileSync } from "node:fs"

export const version: string = (() => {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version?: string }
    return pkg.version ?? "0.0.0"
  } catch {
    return "0.0.0"
  }
})()
