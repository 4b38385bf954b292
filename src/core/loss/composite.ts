// The comparator statistics shared by the absolute, hinge and logistic families: every revealed
// (w_s, p_s) is stored (O(T·d) memory; no finite sufficient statistic exists) and best() solves the
// prefix problem, exactly in 1-D for piecewise-linear terms, numerically otherwise (solve.ts),
// warm-started from the previous checkpoint's solution.
import type { ComparatorResult, ComparatorStats, Domain, Loss } from "../types.ts"
import { expectDomain } from "./check.ts"
import { solvePiecewise1d } from "./exact1d.ts"
import { RowStore } from "./rows.ts"
import { DEFAULT_NUMERIC_OPTIONS, solveComposite, type NumericOptions, type WarmStart } from "./solve.ts"
import type { ScalarTerm } from "./term.ts"

export interface CompositeOptions extends Partial<NumericOptions> {
  /** Use the exact sort-based solve for 1-D piecewise-linear sums (default true). */
  readonly exact1d?: boolean
}

export abstract class CompositeStats implements ComparatorStats {
  readonly dim: number
  /** Iterations used by the last numeric solve (0 after an exact one); for diagnostics and tests. */
  lastIterations = 0
  protected readonly rows: RowStore
  private readonly term: ScalarTerm
  private readonly options: NumericOptions
  private readonly exact1d: boolean
  private readonly warm: WarmStart = { x: undefined }

  constructor(dim: number, term: ScalarTerm, options: CompositeOptions = {}) {
    if (!Number.isInteger(dim) || dim < 1) throw new RangeError(`dimension must be an integer ≥ 1, got ${dim}`)
    this.dim = dim
    this.rows = new RowStore(dim)
    this.term = term
    this.options = {
      maxIterations: options.maxIterations ?? DEFAULT_NUMERIC_OPTIONS.maxIterations,
      relTol: options.relTol ?? DEFAULT_NUMERIC_OPTIONS.relTol
    }
    this.exact1d = options.exact1d ?? true
  }

  get count(): number {
    return this.rows.count
  }

  abstract add(loss: Loss): void

  /** Σ_s f_s(x) over the stored prefix (plain loop; for checks). */
  sumValue(x: Float64Array): number {
    const { rows, term } = this
    const d = this.dim
    let total = 0
    for (let s = 0, o = 0; s < rows.count; s++, o += d) {
      let z = 0
      for (let i = 0; i < d; i++) z += rows.weights[o + i] * x[i]
      total += term.value(z, rows.params[s])
    }
    return total
  }

  best(domain: Domain, out: Float64Array): ComparatorResult {
    expectDomain(domain, this.dim)
    this.lastIterations = 0
    if (this.rows.count === 0) {
      // Nothing revealed yet: the empty sum is 0 everywhere.
      out.fill(0)
      domain.project(out, out)
      return { value: 0, gap: 0, method: "closed-form" }
    }
    if (this.exact1d && this.dim === 1 && this.term.piecewise !== undefined) {
      return solvePiecewise1d(this.rows, this.term, domain, out)
    }
    const result = solveComposite(this.rows, this.term, domain, this.warm, this.options, out)
    this.lastIterations = result.iterations
    return { value: result.value, gap: result.gap, method: result.method }
  }
}
