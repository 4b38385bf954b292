// The adversary battery: every registered adversary kind, picked up from the registry, with its
// examples in 1-D and in 3-D, must keep the contract the game relies on: the same seed gives the
// same bits; one loss object is reused (no allocation per round); an oblivious or stochastic
// adversary ignores x; revealLinearChunk gives exactly what reveal() gives; linearSums gives the
// summed rounds; a declared expected loss is the mean of the revealed ones; parameters are
// documented and their out-of-range values rejected with exact messages.
import { describe } from "vitest"
import { adversaryKinds } from "../../src/core/adversary/index.ts"
import { adversaryContract } from "../support/contracts/adversaries.ts"

describe("adversary contract battery", () => {
  for (const entry of adversaryKinds.values()) adversaryContract(entry)
})
