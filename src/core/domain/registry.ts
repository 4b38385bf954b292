// The registry of domain kinds. A scenario's `domain: {kind, ...fields}` is validated, sized,
// described and built through the kind's entry, so no code outside src/core/domain switches on a
// domain kind. Adding a kind is one file (the set with its DomainKind) plus one line here.
import { ConfigError } from "../config/error.ts"
import { checkFields, enumText } from "../config/fields.ts"
import type { Domain, DomainConfig } from "../types.ts"
import { ballKind } from "./ball.ts"
import { boxKind } from "./box.ts"
import type { DomainKind } from "./kind.ts"
import { simplexKind } from "./simplex.ts"

const builtinKinds: readonly DomainKind[] = [boxKind, ballKind, simplexKind]

export const domainKinds: ReadonlyMap<string, DomainKind> = new Map(builtinKinds.map((k) => [k.kind, k]))

export const registerDomainKind = (kind: DomainKind): void => {
  if (domainKinds.has(kind.kind)) throw new Error(`domain kind "${kind.kind}" is already registered`)
  ;(domainKinds as Map<string, DomainKind>).set(kind.kind, kind)
}

const kindOf = (config: DomainConfig): DomainKind => {
  const entry = domainKinds.get(config.kind)
  if (entry === undefined) throw new ConfigError("kind", config.kind, enumText([...domainKinds.keys()]))
  return entry
}

/** Checks a domain config; throws ConfigError with a path relative to it ("lower[1]"). */
export const validateDomainConfig = (config: unknown): DomainConfig => {
  if (typeof config !== "object" || config === null || Array.isArray(config)) {
    throw new ConfigError("", config, "an object with a \"kind\" field")
  }
  const c = config as DomainConfig
  const entry = kindOf(c)
  const valid = { kind: c.kind, ...checkFields("", c, entry.fields, 1, ["kind"]) } as DomainConfig
  entry.check?.(valid)
  return valid
}

/** The feasible set a config describes, after validating it. */
export const createDomain = (config: DomainConfig): Domain => {
  const valid = validateDomainConfig(config)
  return kindOf(valid).create(valid)
}

/** Dimension of a valid config, without building the set. */
export const domainDim = (config: DomainConfig): number => kindOf(config).dim(config)

/** D∞ and D₂ of a valid config, without building the set. */
export const domainDiameters = (config: DomainConfig): { readonly inf: number; readonly two: number } => kindOf(config).diameters(config)

export const describeDomain = (config: DomainConfig): string => kindOf(config).describe(config)
