// The public API as the TypeScript compiler sees it from src/index.ts: every export with its doc
// comment and the ```ts examples in it. Shared by the docs test (which runs the examples) and the
// consumer test (which type-checks them against the built package).
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import ts from "typescript"

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")
export const entry = path.join(repo, "src", "index.ts")

export interface ApiExport {
  readonly name: string
  /** "function", "class", "type", … (the declaration's kind). */
  readonly kind: string
  /** The doc comment's text (summary and tags), empty when there is none. */
  readonly doc: string
  /** The code of each ```ts block in the comment's @example tags. */
  readonly examples: readonly string[]
  /** The declared signature, as the compiler prints it. */
  readonly signature: string
}

const examplesOf = (tags: readonly ts.JSDocTagInfo[]): string[] =>
  tags.filter((t) => t.name === "example").flatMap((t) => {
    const text = ts.displayPartsToString(t.text)
    return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1])
  })

export const publicApi = (): ApiExport[] => {
  const program = ts.createProgram([entry], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, allowImportingTsExtensions: true, noEmit: true, strict: true, types: ["node"] })
  const checker = program.getTypeChecker()
  const module = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!
  return checker.getExportsOfModule(module).map((exported) => {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported
    const decl = symbol.declarations?.[0] ?? exported.declarations?.[0]
    // A type alias re-exported under its own doc comment documents itself; otherwise the original does.
    const own = exported.declarations?.[0]
    const source = own !== undefined && ts.isTypeAliasDeclaration(own) ? exported : symbol
    const doc = ts.displayPartsToString(source.getDocumentationComment(checker))
    const tags = source.getJsDocTags(checker)
    const kind = decl === undefined ? "unknown" : ts.SyntaxKind[decl.kind].replace(/Declaration$/, "")
    const type = checker.getTypeOfSymbol(symbol)
    const signature = symbol.flags & (ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Interface)
      ? `type ${exported.name}`
      : symbol.flags & ts.SymbolFlags.Class
        ? `class ${exported.name}`
        : `${exported.name}: ${checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation)}`
    return { name: exported.name, kind, doc: [doc, ...tags.map((t) => `@${t.name}`)].join(" "), examples: examplesOf(tags), signature }
  })
}
