// The round kernel's source holds the structure of a configuration, never its numbers, so sweeps
// over numbers share one compiled kernel (see kernelParams in src/core/learner/algorithm1/kernel.ts).
import { describe, expect, it } from "vitest"
import { compileKernel, kernelParams, kernelSource, type KernelShape } from "../../src/core/learner/algorithm1/kernel.ts"
import type { LearnerSpec } from "../../src/core/learner/resolve.ts"
import { resolveLearner } from "../../src/core/learner/resolve.ts"
import type { Algorithm1Config } from "../../src/core/learner/algorithm1/fields.ts"

const shape = (spec: LearnerSpec, dim = 1): KernelShape => ({
  config: resolveLearner(spec).config as Algorithm1Config, dim, bounds: "uniform", lo: -1, hi: 1, symmetric: true, accounting: true, linear: true, expected: "none", gradientSums: true, windowX: true, windowRegret: true
})

describe("round kernel", () => {
  it("configurations that differ only in numbers share one kernel; their numbers differ", () => {
    const a = shape({ kind: "adam", alpha: 0.5, beta1: 0.9, beta2: 0.99 })
    const b = shape({ kind: "adam", alpha: 0.25, beta1: 0.3, beta2: 0.999 }, 1)
    expect(kernelSource(a)).toBe(kernelSource(b))
    expect(compileKernel(a)).toBe(compileKernel(b))
    expect(Array.from(kernelParams(a))).not.toEqual(Array.from(kernelParams(b)))
    for (const n of ["0.5", "0.9", "0.99", "0.25", "0.3", "0.999"]) expect(kernelSource(b)).not.toContain(n)
  })

  it("a change of structure gives another kernel: ε = 0 vs ε > 0, AMSGrad, the dimension", () => {
    const base = kernelSource(shape({ kind: "adam", preset: "pytorch" }))
    expect(kernelSource(shape({ kind: "adam", preset: "pytorch", eps: 0 }))).not.toBe(base)
    expect(kernelSource(shape({ kind: "amsgrad", preset: "pytorch" }))).not.toBe(base)
    expect(kernelSource(shape({ kind: "adam", preset: "pytorch" }, 3))).not.toBe(base)
  })

  it("kernelParams holds each field's number in the slot its field declares, the domain's bounds last", () => {
    const p = kernelParams(shape({ kind: "adam", alpha: 0.3, beta1: 0.7, beta2: 0.95, eps: 1e-7, epsRoot: 1e-9, beta1Schedule: { kind: "exponential", lambda: 0.99 }, stepSchedule: { kind: "power", power: 0.7 } }))
    expect(Array.from(p)).toEqual([0.3, 0.7, 0, 0.7, 0.99, 0.95, 1e-7, 1e-9, 0, -1, 1])
  })
})
