// Parameter specs several linear adversary kinds share.
import type { Field } from "../config/fields.ts"

export const direction = { type: "vector", doc: "Direction u of the gradient (a number is broadcast to every coordinate).", default: 1 } satisfies Field
export const scale = { type: "number", doc: "Scale s of every loss.", default: 1, min: 0, minOpen: true } satisfies Field
