// Everything regretlab prints for people goes through a console that escapes control characters
// (see terminalText): no label or file name can move the cursor, clear the screen or set the
// window title. The progress bar writes its own escapes directly, not through this console.
import { format } from "node:util"
import type { Console } from "effect"
import { terminalText } from "../report/terminal-text.ts"

export { terminalCell, terminalText } from "../report/terminal-text.ts"

export interface Sink {
  readonly out: (text: string) => void
  readonly err: (text: string) => void
}

export const processSink: Sink = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }

/** A console whose every line is made safe for a terminal (Effect's Console service). */
export const terminalConsole = (sink: Sink): Console.Console => {
  const line = (write: (t: string) => void) => (...args: readonly unknown[]) => write(`${terminalText(format(...args))}\n`)
  return Object.assign(Object.create(globalThis.console) as Console.Console, {
    log: line(sink.out),
    info: line(sink.out),
    debug: line(sink.out),
    error: line(sink.err),
    warn: line(sink.err),
    trace: line(sink.err)
  })
}
