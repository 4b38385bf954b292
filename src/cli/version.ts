// The package version, read once from package.json next to src/ (works from a checkout and from
// an installed package alike).
import { readFileSync } from "node:fs"

export const version: string = (() => {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version?: string }
    return pkg.version ?? "0.0.0"
  } catch {
    return "0.0.0"
  }
})()
