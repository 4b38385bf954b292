// `regretlab playground`: builds the browser playground (the engine bundled from this package's own
// sources) into a folder that opens from file://, and with --serve also serves it on 127.0.0.1
// until Ctrl-C.
import * as path from "node:path"
import { pathToFileURL } from "node:url"
import { Console, Effect, Option } from "effect"
import { Command, Flag } from "effect/cli"
import { resolveReportDir } from "../report/paths.ts"
import { StopSignal } from "../run/stop.ts"
import { fail, userCall } from "./input.ts"
import { displayPath } from "./run.ts"
import { version } from "../report/version.ts"

export const playgroundCommand = Command.make(
  "playground",
  {
    out: Flag.String("out").pipe(
      Flag.withMetavar("dir"),
      Flag.withDescription("Folder to write (default reports/playground; a relative path is taken inside reports/)"),
      Flag.optional
    ),
    serve: Flag.Boolean("serve").pipe(Flag.withDescription("Also serve the folder on http://127.0.0.1 (until Ctrl-C)"), Flag.withDefault(false)),
    port: Flag.Int("port").pipe(Flag.withDescription("Port for --serve (default: any free port)"), Flag.optional)
  },
  (flags) =>
    Effect.gen(function* () {
      const port = Option.getOrUndefined(flags.port)
      if (port !== undefined && (port < 0 || port > 65535)) return yield* fail(`--port: expected an integer in [0, 65535], got ${port}`)
      const outDir = yield* userCall(() => resolveReportDir("playground", Option.getOrUndefined(flags.out), path.join(process.cwd(), "reports")))
      // Loaded here, not at startup: esbuild is needed by this command only.
      const { buildPlayground } = yield* Effect.promise(() => import("../playground/build.ts"))
      const built = yield* userCall(() => buildPlayground({ outDir, version }))
      yield* Console.log(`playground: ${displayPath(built.index)}\nopen ${pathToFileURL(built.index).href}`)
      if (!flags.serve) return
      const { serveFolder } = yield* Effect.promise(() => import("../playground/serve.ts"))
      const served = yield* userCall(() => serveFolder(built.dir, port))
      yield* Console.log(`serving ${served.url} (Ctrl-C to stop)`)
      const stop = yield* StopSignal
      while (!(yield* stop.requested)) yield* Effect.sleep("200 millis")
      yield* Effect.promise(() => served.close())
    })
).pipe(
  Command.withDescription("Build the browser playground (charts redrawn as you move the knobs), optionally serving it locally"),
  Command.withExamples([
    { command: "npx regretlab playground", description: "Write reports/playground/index.html (opens from file://, no network)" },
    { command: "npx regretlab playground --out lecture", description: "Write it to reports/lecture/ instead (add --serve to serve it on http://127.0.0.1)" }
  ])
)
