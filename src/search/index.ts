// The adversary search as a library: give a learner, get back the loss sequence that hurts it most,
// certified at ten times the horizon, as a scenario. Pure TypeScript (no IO, no Effect): it runs in
// a worker or a browser unchanged. searchAdversary() is the whole of it in one call; the parts
// below let a caller drive the games elsewhere (runSearchAsync with a worker pool).
export { searchAdversary, searchSpecOf, reportedCandidate, type SearchAdversaryOptions, type SearchOutcome, type SearchRequest } from "./request.ts"
export {
  createSearch, periodLadder, resolveSpec, runSearch, runSearchAsync, scoreCandidate, searchSteps, verifyCandidate,
  type Certified, type Found, type HistoryEntry, type ResolvedSetting, type RunOptions, type Search, type SearchProgress, type SearchResult, type SearchSpec, type SearchSteps
} from "./search.ts"
export { contendersFor, verificationOf, verificationQueries, verifyFound, type CheckedExpectation, type Contender, type ContenderRuns, type Verification, type VerifyOptions } from "./verify.ts"
export { createEngineEvaluator, createEvaluator, createScalarEvaluator, usesScalarLoop, type Evaluate, type GameQuery, type Rows } from "./evaluate.ts"
export { adversaryDim, createFamily, familyNames, gradientBound, periodOf, type Family, type FamilyName, type FoundAdversary } from "./families.ts"
export { certify, l1Diameter, score, type Certificate, type DecadeRegret, type RegretMeasure, type Score, type ScoredRow } from "./objective.ts"
export { contrastFor, adagradFor } from "./contrast.ts"
export { scalarLearnerOf } from "./fast-path.ts"
export { createCmaEs, type CmaEs, type CmaEsOptions } from "./cmaes.ts"
export { regionCells, runRegionCell, type CellOutcome, type RegionAxis, type RegionCell, type RegionPlan, type RegionValue } from "./region.ts"
