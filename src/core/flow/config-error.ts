import { showValue } from "../show.ts"

/** A bad argument to the flow tools: which field, the value given and what was expected. */
export class FlowConfigError extends Error {
  constructor(readonly field: string, readonly value: unknown, readonly expected: string) {
    super(`${field} must be ${expected}, got ${showValue(value)}`)
    this.name = "FlowConfigError"
  }
}
