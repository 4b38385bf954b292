// The domain battery: every registered domain kind, picked up from the registry, with its examples,
// must keep the contract learners and comparators rely on, checked at random points: the Euclidean
// projection is feasible, idempotent, non-expansive and optimal; the weighted projection is feasible
// and optimal in its metric; the linear oracle is feasible and optimal; the centre is feasible; the
// declared diameters bound every distance and are attained; the config's size and diameters agree
// with the built set; out-of-range fields are rejected with exact messages.
import { describe } from "vitest"
import { domainKinds } from "../../src/core/domain/index.ts"
import { domainContract } from "../support/contracts/domains.ts"

describe("domain contract battery", () => {
  for (const entry of domainKinds.values()) domainContract(entry)
})
