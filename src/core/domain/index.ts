// The domains: the contract lives in ../types.ts, the kinds in their own files, the registry in
// registry.ts.
export type { DomainKind } from "./kind.ts"
export { createDomain, describeDomain, domainDiameters, domainDim, domainKinds, registerDomainKind, validateDomainConfig } from "./registry.ts"
export { createBall } from "./ball.ts"
export { createBox, createInterval } from "./box.ts"
export { createSimplex } from "./simplex.ts"
export { normalizeWeights, WEIGHT_FLOOR } from "./weights.ts"
