// Parameters of adversary kinds are declared as field specs (../config/fields.ts): one table per
// kind drives validation, defaults, docs and the JSON Schema, so the docs cannot drift from what
// create() accepts.
import type { Field } from "../config/fields.ts"

/** A built-in adversary described as data: its kind plus named parameters. */
export type AdversaryParams = { readonly kind: string; readonly [param: string]: unknown }

export type ParamSpec = Field
