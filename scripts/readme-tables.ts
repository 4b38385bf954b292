// The README's learner tables, generated from the registry and the fields tables, so the README
// states the conventions the code uses and cannot drift from it. `npm run readme` rewrites the
// marked sections of README.md; a test fails when they differ from what this produces.
import { readFileSync, writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { enumText, expectedText, type Field, type Fields } from "../src/core/config/fields.ts"
import { learnerKinds } from "../src/core/learner/registry.ts"
import { resolveLearner } from "../src/core/learner/resolve.ts"

const code = (s: string) => `\`${s}\``
const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ")

const values = (f: Field): string => {
  switch (f.type) {
    case "variant": return Object.entries(f.variants).map(([kind, sub]) => code(`{kind: "${kind}"${Object.keys(sub).map((k) => `, ${k}`).join("")}}`) + Object.entries(sub).map(([k, sf]) => (sf.type === "function" ? ` (${k}: TS only)` : ` (${k}: ${expectedText(sf)})`)).join("")).join(", ")
    case "enum": return enumText(f.values).replace(/^one of /, "")
    default: return expectedText(f)
  }
}

/** One row per field: name, allowed values, what it does. */
export const fieldsTable = (fields: Fields): string =>
  ["| field | values | meaning |", "|---|---|---|", ...Object.entries(fields).map(([name, f]) => `| ${code(name)}${f.optional ? " (optional)" : ""} | ${cell(values(f))} | ${cell(f.doc)} |`)].join("\n")

/** Every kind of a family with each preset's full hyperparameters, as the reports label them. */
export const presetsTable = (family: (f: string) => boolean): string => {
  const rows = [...learnerKinds.values()].filter((k) => family(k.family)).flatMap((k) =>
    Object.keys(k.presets).map((preset, i) => `| ${i === 0 ? `${code(k.kind)}` : ""} | ${code(preset)}${i === 0 ? " (default)" : ""} | ${cell(k.describe(resolveLearner({ kind: k.kind, preset }).config))} |`))
  return ["| kind | preset | step and knobs |", "|---|---|---|", ...rows].join("\n")
}

/** Kinds with their titles, families and citations. */
export const kindsTable = (): string =>
  ["| kind | what it is | family | source |", "|---|---|---|---|", ...[...learnerKinds.values()].map((k) => `| ${code(k.kind)} | ${cell(k.title)} | ${k.family} | ${cell(k.citation)} |`)].join("\n")

export const generated: Readonly<Record<string, () => string>> = {
  "learner-kinds": kindsTable,
  "algorithm1-presets": () => presetsTable((f) => f === "algorithm1"),
  "algorithm1-fields": () => fieldsTable(learnerKinds.get("adam")!.fields),
  "other-learners": () => [...learnerKinds.values()].filter((k) => k.family !== "algorithm1").map((k) =>
    `**${code(k.kind)}** — ${k.title}. Presets: ${Object.keys(k.presets).map(code).join(", ")} (${cell(k.describe(resolveLearner({ kind: k.kind }).config))}).\n\n${fieldsTable(k.fields)}`).join("\n\n")
}

/** README text with every `<!-- generated:NAME -->…<!-- /generated -->` section rewritten. */
export const withGeneratedSections = (readme: string): string =>
  readme.replace(/<!-- generated:([a-z0-9-]+) -->\n[\s\S]*?<!-- \/generated -->/g, (_m, name: string) => {
    const make = generated[name]
    if (make === undefined) throw new Error(`README.md: unknown generated section "${name}"`)
    return `<!-- generated:${name} -->\n${make()}\n<!-- /generated -->`
  })

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = fileURLToPath(new URL("../README.md", import.meta.url))
  writeFileSync(file, withGeneratedSections(readFileSync(file, "utf8")))
  console.log("README.md: generated sections rewritten")
}
