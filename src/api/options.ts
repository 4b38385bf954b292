// The TypeScript type of what a user may write for a fields table: required fields required,
// fields with a default (or optional ones) optional. Derived from the table, so the API's option
// types cannot drift from what the validators accept.
import type { ValueOf } from "../core/config/fields.ts"
import type { AdversaryConfig } from "../scenario/types.ts"

type Optional<F> = F extends { readonly optional: true } | { readonly type: "function" } | { readonly default: unknown } ? true : false

type OptionValue<F> = F extends { readonly type: "adversaries" } ? readonly AdversaryConfig[] : ValueOf<F>

type Flatten<T> = { [K in keyof T]: T[K] }

/** The options object for a fields table: `{C: number, period?: number, …}`. */
export type OptionsOf<Fs> = Flatten<
  { readonly [K in keyof Fs as Optional<Fs[K]> extends true ? never : K]: OptionValue<Fs[K]> } &
  { readonly [K in keyof Fs as Optional<Fs[K]> extends true ? K : never]?: OptionValue<Fs[K]> }
>
