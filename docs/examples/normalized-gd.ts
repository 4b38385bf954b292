// Normalized gradient descent: x_{t+1} = Π_F(x_t − η_t g_t/‖g_t‖₂), a step of length η_t whatever
// the gradient's size. A learner in one file: its fields, its presets, its update and its kind.
import type { Fields, ValuesOf } from "../../src/core/config/fields.ts"
import type { Learner, LearnerFailure, LearnerKind } from "../../src/core/learner/learner.ts"
import { stepSize, stepSizeFields, stepSizeText } from "../../src/core/learner/step-size.ts"
import type { Domain } from "../../src/core/types.ts"

const fields = { ...stepSizeFields } as const satisfies Fields

type NgdConfig = { readonly kind: "ngd"; readonly preset: string } & ValuesOf<typeof fields>

class NormalizedGd implements Learner {
  readonly dim: number
  readonly x: Float64Array
  failure: LearnerFailure | undefined = undefined

  constructor(readonly config: NgdConfig, private readonly domain: Domain) {
    this.dim = domain.dim
    this.x = new Float64Array(domain.dim)
  }

  reset(start: Float64Array): void {
    this.x.set(start)
    this.failure = undefined
  }

  update(t: number, g: Float64Array): boolean {
    let norm = 0
    for (let i = 0; i < this.dim; i++) {
      if (!Number.isFinite(g[i])) {
        this.failure = { what: "gradient", value: g[i] }
        return false
      }
      norm += g[i] * g[i]
    }
    norm = Math.sqrt(norm)
    if (norm === 0) return true
    const step = stepSize(this.config, t) / norm
    for (let i = 0; i < this.dim; i++) this.x[i] -= step * g[i]
    this.domain.project(this.x, this.x)
    return true
  }

  snapshot() {
    return {}
  }
}

export const ngdKind: LearnerKind<NgdConfig> = {
  kind: "ngd",
  family: "ngd",
  title: "Normalized gradient descent",
  citation: "Shor 1985; Hazan, Levy & Shalev-Shwartz 2015",
  fields,
  presets: { paper: { preset: "paper", alpha: 0.5, stepSchedule: { kind: "inv-sqrt" } } },
  examples: { valid: [{}, { alpha: 0.2 }] },
  describe: stepSizeText,
  create: (config, domain) => new NormalizedGd(config, domain)
}
