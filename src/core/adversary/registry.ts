// The registry of adversary kinds: kind → {params, check, describe, create}. JSON scenarios name a
// kind and its parameters; TS scenarios may register their own kind or pass a factory. Adding a
// kind is one file (the adversary with its AdversaryKind) plus one line in `builtinKinds`.
import { ConfigError } from "../config/error.ts"
import { checkFields, enumText } from "../config/fields.ts"
import type { Adversary } from "../types.ts"
import { bernoulliLinearKind } from "./bernoulli-linear.ts"
import { mixtureKind, switchingKind } from "./composite.ts"
import { farEndKind } from "./far-end.ts"
import { fullBatchKind } from "./full-batch.ts"
import { quadraticKind } from "./fixed-quadratic.ts"
import { gaussianLinearKind } from "./gaussian-linear.ts"
import type { AdversaryKind, Nested } from "./kind.ts"
import { logisticStreamKind } from "./logistic-stream.ts"
import { noisyQuadraticKind } from "./noisy-quadratic.ts"
import type { AdversaryParams } from "./params.ts"
import { periodicLinearKind } from "./periodic-linear.ts"
import { periodicKind, scriptedKind } from "./sequence.ts"
import { theorem2Kind } from "./theorem2.ts"
import { twoPointLinearKind } from "./two-point-linear.ts"

const builtinKinds: readonly AdversaryKind[] = [
  periodicLinearKind,
  theorem2Kind,
  periodicKind,
  scriptedKind,
  bernoulliLinearKind,
  twoPointLinearKind,
  gaussianLinearKind,
  quadraticKind,
  noisyQuadraticKind,
  farEndKind,
  logisticStreamKind,
  switchingKind,
  mixtureKind,
  fullBatchKind
]

/** Every registered kind by id (the built-ins, then any registered at run time). */
export const adversaryKinds: ReadonlyMap<string, AdversaryKind> = new Map(builtinKinds.map((k) => [k.kind, k]))

export const registerAdversaryKind = (kind: AdversaryKind): void => {
  if (adversaryKinds.has(kind.kind)) throw new Error(`adversary kind "${kind.kind}" is already registered`)
  ;(adversaryKinds as Map<string, AdversaryKind>).set(kind.kind, kind)
}

/**
 * Validates a config for a domain of dimension dim and returns it with defaults filled in.
 * Throws ConfigError with a path relative to the config (e.g. "parts[1].C").
 */
export const validateAdversary = (config: unknown, dim: number): AdversaryParams => {
  if (typeof config !== "object" || config === null || Array.isArray(config)) {
    throw new ConfigError("", config, "an adversary config object with a \"kind\"")
  }
  const c = config as AdversaryParams
  const entry = adversaryKinds.get(c.kind)
  if (entry === undefined || !adversaryKinds.has(c.kind)) throw new ConfigError("kind", c.kind, enumText([...adversaryKinds.keys()]))
  const filled = { kind: c.kind, ...checkFields("", c, entry.params, dim, ["kind"]) } as AdversaryParams
  return entry.check ? entry.check(filled, dim, nested) : filled
}

/** The loss family a (validated) config reveals. */
export const familyOf = (config: AdversaryParams): string => {
  const entry = adversaryKinds.get(config.kind)
  if (entry === undefined) return "unknown"
  if (entry.family !== "parts") return entry.family
  return familyOf((config.parts as AdversaryParams[])[0])
}

export const describeAdversary = (config: AdversaryParams): string => {
  const entry = adversaryKinds.get(config.kind)
  return entry === undefined ? config.kind : entry.describe(config, nested)
}

/** Validates then builds a registered adversary for a domain of dimension dim. */
export const createAdversary = (config: AdversaryParams, dim: number): Adversary => {
  const valid = validateAdversary(config, dim)
  return adversaryKinds.get(valid.kind)!.create(valid, dim, nested)
}

const nested: Nested = { validate: validateAdversary, create: createAdversary, familyOf, describe: describeAdversary }
