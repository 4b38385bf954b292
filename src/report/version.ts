// The package version every report records (and `regretlab --version` prints): read once from the
// package.json two folders up, which is the same file from src/report/ in a checkout and from the
// bundle in dist/lib/ of an installed package.
import { readFileSync } from "node:fs"

export const version: string = (() => {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version?: string }
    return pkg.version ?? "0.0.0"
  } catch {
    return "0.0.0"
  }
})()
