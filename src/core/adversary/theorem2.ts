// Reddi et al. Theorem 2: for β1 < √β2, the period-C sequence (C·x once, then −x) defeats Adam when
// C is an even integer meeting conditions (i)–(iii) (docs/reference/reddi2018.md §3, table of smallest C).
import { ConfigError } from "../config/error.ts"
import { checkVector } from "../config/fields.ts"
import { fmt, num, type AdversaryKind } from "./kind.ts"
import { PeriodicLinearAdversary } from "./periodic-linear.ts"
import { direction, scale } from "./shared-params.ts"

/** Conditions (i)–(iii) for an even C, with γ = β1/√β2. */
export const theorem2Holds = (beta1: number, beta2: number, C: number): boolean => {
  const g = beta1 / Math.sqrt(beta2)
  const i = (1 - beta1) * Math.pow(beta1, C - 1) * C <= 1 - Math.pow(beta1, C - 1)
  const ii = Math.pow(beta2, (C - 2) / 2) * C * C <= 1
  const series = g === 0 ? 0 : (g * (1 - Math.pow(g, C - 1))) / (1 - g)
  const iii = ((3 * (1 - beta1)) / (2 * Math.sqrt(1 - beta2))) * (1 + series) + Math.pow(beta1, C / 2 - 1) / (1 - beta1) < C / 3
  return i && ii && iii
}

/** The smallest even C ≥ 4 (C > 2 is needed for a positive period sum) meeting (i)–(iii). */
export const theorem2C = (beta1: number, beta2: number, limit = 10_000_000): number => {
  if (!(beta1 >= 0 && beta2 > 0 && beta2 < 1 && beta1 < Math.sqrt(beta2))) {
    throw new RangeError(`Theorem 2 needs 0 ≤ β1 < √β2 < 1, got β1 = ${beta1}, β2 = ${beta2}`)
  }
  for (let C = 4; C <= limit; C += 2) if (theorem2Holds(beta1, beta2, C)) return C
  throw new RangeError(`no even C ≤ ${limit} meets Theorem 2's conditions for β1 = ${beta1}, β2 = ${beta2}`)
}

export const theorem2Kind = {
  kind: "reddi-theorem2",
  title: "Reddi et al. Theorem 2 sequence (C computed from β1, β2)",
  citation: "Reddi, Kale & Kumar 2018, Theorem 2",
  information: "oblivious",
  family: "linear",
  params: {
    beta1: { type: "number", doc: "Adam's β1 the sequence is built against.", min: 0, max: 1, maxOpen: true },
    beta2: { type: "number", doc: "Adam's β2 (needs β1 < √β2).", min: 0, max: 1, minOpen: true, maxOpen: true },
    scale,
    direction
  },
  check: (c) => {
    if (!(num(c, "beta1") < Math.sqrt(num(c, "beta2")))) {
      throw new ConfigError("beta1", c.beta1, `a number < √β2 = ${fmt(Math.sqrt(num(c, "beta2")))} (Theorem 2 needs β1 < √β2)`)
    }
    return c
  },
  examples: {
    valid: [{ kind: "reddi-theorem2", beta1: 0, beta2: 0.1 }, { kind: "reddi-theorem2", beta1: 0.5, beta2: 0.9 }],
    invalid: [[{ kind: "reddi-theorem2", beta1: 0.9, beta2: 0.5 }, "beta1: expected a number < √β2 = 0.707107 (Theorem 2 needs β1 < √β2), got 0.9"]]
  },
  describe: (c) => {
    const C = theorem2C(num(c, "beta1"), num(c, "beta2"))
    return `f_t(x) = ${C}·x if t mod ${C} = 1, else −x (C = ${C}: smallest even C meeting (i)–(iii) for β1 = ${num(c, "beta1")}, β2 = ${num(c, "beta2")})`
  },
  create: (c, dim) => {
    const C = theorem2C(num(c, "beta1"), num(c, "beta2"))
    return new PeriodicLinearAdversary(dim, C, C, num(c, "scale"), checkVector("direction", c.direction, dim))
  }
} satisfies AdversaryKind
