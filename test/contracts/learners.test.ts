// The learner battery: every registered learner kind, picked up from the registry, is checked
// against the same contract with no test file of its own (in the manner of torch's OptimizerInfo
// database): presets resolve; every field rejects out-of-range values with its exact message; the
// kind's own invalid examples fail with theirs; its valid examples learn a fixed quadratic on a
// domain it plays on, deterministically, on the plain and the fused path alike; a non-finite
// gradient is reported, never hidden.
import { describe, expect, it } from "vitest"
import { learnerKinds } from "../../src/core/learner/registry.ts"
import { learnerContract } from "../support/contracts/learners.ts"

describe("learner contract battery", () => {
  it("covers the registry (every kind has valid examples)", () => {
    for (const entry of learnerKinds.values()) expect(entry.examples?.valid?.length ?? 0, entry.kind).toBeGreaterThan(0)
  })

  for (const entry of learnerKinds.values()) learnerContract(entry)
})
