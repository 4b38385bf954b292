// An adversary config may carry the function that builds it (a TypeScript scenario's own kind):
// it rides on a symbol key, so the config stays plain data for JSON, reports and the Schema, and
// survives the object spreads that --set overrides make.
import type { Adversary } from "../core/types.ts"
import type { AdversaryConfig } from "./types.ts"

/** Builds one run's adversary from the (possibly overridden) config, for a domain of dimension dim. */
export type AdversaryFactory = (config: AdversaryConfig, dim: number) => Adversary

const factoryKey: unique symbol = Symbol.for("regretlab.adversaryFactory")

/** The config with its factory attached (a new object; the input is not changed). */
export const withAdversaryFactory = <C extends AdversaryConfig>(config: C, create: AdversaryFactory): C => ({ ...config, [factoryKey]: create })

/** The factory a config carries, if any. */
export const adversaryFactoryOf = (config: unknown): AdversaryFactory | undefined => {
  if (typeof config !== "object" || config === null) return undefined
  const f = (config as { [factoryKey]?: unknown })[factoryKey]
  return typeof f === "function" ? (f as AdversaryFactory) : undefined
}
