// Builds the browser playground into a folder (default reports/playground), as
// `regretlab playground` does; for a package build step: node --import tsx/esm scripts/build-playground.ts dist/playground
import { buildPlayground } from "../src/playground/build.ts"
import { version } from "../src/report/version.ts"

const out = process.argv[2] ?? "reports/playground"
const built = await buildPlayground({ outDir: out, version })
console.log(`${built.index} (${(built.bytes / 1e6).toFixed(2)} MB)`)
