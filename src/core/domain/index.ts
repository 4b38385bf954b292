// Builds a Domain from its serialisable config. Validation lives here, at the boundary where
// configs arrive from scenario files and the CLI; the factories below trust their inputs.
import type { Domain, DomainConfig } from "../types.ts"
import { createBall } from "./ball.ts"
import { createBox } from "./box.ts"
import { createSimplex } from "./simplex.ts"
import { showValue } from "../show.ts"

export { createBall } from "./ball.ts"
export { createBox, createInterval } from "./box.ts"
export { createSimplex } from "./simplex.ts"
export { normalizeWeights, WEIGHT_FLOOR } from "./weights.ts"


const fail = (field: string, expected: string, value: unknown): never => {
  throw new Error(`domain.${field}: expected ${expected}, got ${showValue(value)}`)
}

const isFiniteNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value)

/** A non-empty array of finite numbers, else throws naming the field (and the bad index). */
const checkVector = (field: string, value: unknown): readonly number[] => {
  if (!Array.isArray(value)) return fail(field, "an array of finite numbers", value)
  if (value.length === 0) return fail(field, "a non-empty array of finite numbers", value)
  value.forEach((v, i) => {
    if (!isFiniteNumber(v)) fail(`${field}[${i}]`, "a finite number", v)
  })
  return value as readonly number[]
}

/** Throws an Error naming the field, the value and what was expected if config is not a valid DomainConfig. */
export const validateDomainConfig = (config: unknown): DomainConfig => {
  if (typeof config !== "object" || config === null || Array.isArray(config)) {
    throw new Error(`domain: expected an object with a "kind" field, got ${showValue(config)}`)
  }
  const c = config as Record<string, unknown>
  switch (c.kind) {
    case "box": {
      const lower = checkVector("lower", c.lower)
      const upper = checkVector("upper", c.upper)
      if (upper.length !== lower.length) {
        fail("upper", `an array of length ${lower.length} (the length of domain.lower)`, upper)
      }
      lower.forEach((l, i) => {
        if (!(l <= upper[i])) fail(`lower[${i}]`, `a number ≤ domain.upper[${i}] = ${upper[i]}`, l)
      })
      return { kind: "box", lower, upper }
    }
    case "ball": {
      const center = checkVector("center", c.center)
      if (!isFiniteNumber(c.radius) || c.radius <= 0) fail("radius", "a positive finite number", c.radius)
      return { kind: "ball", center, radius: c.radius as number }
    }
    case "simplex": {
      if (!Number.isInteger(c.dim) || (c.dim as number) < 1) fail("dim", "an integer ≥ 1", c.dim)
      return { kind: "simplex", dim: c.dim as number }
    }
    default:
      return fail("kind", `one of "box", "ball", "simplex"`, c.kind)
  }
}

/** The feasible set described by config, after validating it (see validateDomainConfig). */
export const createDomain = (config: DomainConfig): Domain => {
  const valid = validateDomainConfig(config)
  switch (valid.kind) {
    case "box":
      return createBox(valid.lower, valid.upper)
    case "ball":
      return createBall(valid.center, valid.radius)
    case "simplex":
      return createSimplex(valid.dim)
  }
}
