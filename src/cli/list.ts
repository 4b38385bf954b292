// `regretlab list`: what can be run (registered scenarios) and what can learn (learner kinds with
// their presets), as a table or --json.
import { Console, Effect } from "effect"
import { Command, Flag } from "effect/cli"
import { learnerKinds } from "../core/learner/registry.ts"
import { listScenarios } from "../scenario/index.ts"
import { checkedCall } from "./input.ts"
import { maxOf } from "../core/extent.ts"

interface ScenarioLine {
  readonly id: string
  readonly title: string
  readonly citation: string
  readonly description: string
}

const firstLine = (text: string | undefined): string => (text ?? "").split("\n")[0]?.trim() ?? ""

const columns = (rows: readonly (readonly string[])[]): string[] => {
  const widths = rows[0]?.map((_, i) => maxOf(rows.map((r) => [...r[i]].length))) ?? []
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell + " ".repeat(widths[i] - [...cell].length))).join("  ").trimEnd())
}

export const listText = (scenarios: readonly ScenarioLine[]): string => {
  const learners = [...learnerKinds.values()].map((e) => [e.kind, e.title, `presets: ${Object.keys(e.presets).join(", ")}`])
  return [
    "Scenarios (run one with: regretlab run <id>)",
    ...columns(scenarios.map((s) => [`  ${s.id}`, s.citation, firstLine(s.title || s.description)])),
    "",
    "Learners (kind, what it is, presets)",
    ...columns(learners.map(([k, t, p]) => [`  ${k}`, t, p]))
  ].join("\n")
}

export const listCommand = Command.make(
  "list",
  { json: Flag.Boolean("json").pipe(Flag.withDescription("Print the lists as JSON"), Flag.withDefault(false)) },
  (flags) =>
    Effect.gen(function* () {
      const all = yield* checkedCall(() => listScenarios())
      const scenarios: ScenarioLine[] = all.map((s) => ({
        id: s.id,
        title: s.title,
        citation: s.citation ?? "",
        description: firstLine(s.description)
      }))
      if (flags.json) {
        const learners = [...learnerKinds.values()].map((e) => ({ kind: e.kind, title: e.title, citation: e.citation, presets: Object.keys(e.presets) }))
        yield* Console.log(JSON.stringify({ scenarios, learners }, null, 2))
      } else yield* Console.log(listText(scenarios))
    })
).pipe(
  Command.withDescription("List the registered scenarios and the learners with their presets"),
  Command.withExamples([
    { command: "npx regretlab list", description: "Scenario ids, citations and learners" },
    { command: "npx regretlab list --json", description: "The same as JSON" }
  ])
)
