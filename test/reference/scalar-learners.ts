// An independent, deliberately plain scalar implementation of each published update rule, written
// from the formulas in docs/reference/reddi2018.md §1/§1a (Math.pow for bias corrections, no shared code with the
// kernel). The vector kernel must agree with it: torch's "two code paths agree" test.

export interface ScalarRule {
  (x: number, g: number, t: number): number
}

const clip = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x))

/** Reddi Algorithm 1 Adam / RMSprop: no bias correction, no ε, α_t = α/√t, clipped to [lo, hi]. */
export const paperAdam = (alpha: number, beta1: number, beta2: number, lo = -1, hi = 1): ScalarRule => {
  let m = 0, v = 0
  return (x, g, t) => {
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g * g
    const step = v === 0 ? 0 : (alpha / Math.sqrt(t)) * m / Math.sqrt(v)
    return clip(x - step, lo, hi)
  }
}

/** Reddi Algorithm 2 AMSGrad: max over raw v. */
export const paperAmsgrad = (alpha: number, beta1: number, beta2: number, lo = -1, hi = 1): ScalarRule => {
  let m = 0, v = 0, vhat = 0
  return (x, g, t) => {
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g * g
    vhat = Math.max(vhat, v)
    const step = vhat === 0 ? 0 : (alpha / Math.sqrt(t)) * m / Math.sqrt(vhat)
    return clip(x - step, lo, hi)
  }
}

/** AdaGrad as Duchi et al. state it: x − α g/√(Σ g²). */
export const duchiAdagrad = (alpha: number, lo = -1, hi = 1): ScalarRule => {
  let s = 0
  return (x, g) => {
    s += g * g
    return clip(x - (s === 0 ? 0 : alpha * g / Math.sqrt(s)), lo, hi)
  }
}

/** torch.optim.Adam (_single_tensor_adam), optionally amsgrad=True, weight_decay as L2, clipped. */
export const torchAdam = (lr: number, beta1: number, beta2: number, eps: number, amsgrad: boolean, weightDecay = 0, lo = -1, hi = 1): ScalarRule => {
  let m = 0, v = 0, vmax = 0
  return (x, g, t) => {
    const grad = g + weightDecay * x
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad * grad
    const bc1 = 1 - Math.pow(beta1, t)
    const bc2 = 1 - Math.pow(beta2, t)
    let denom: number
    if (amsgrad) {
      vmax = Math.max(vmax, v)
      denom = Math.sqrt(vmax) / Math.sqrt(bc2) + eps
    } else denom = Math.sqrt(v) / Math.sqrt(bc2) + eps
    return clip(x - (lr / bc1) * m / denom, lo, hi)
  }
}

/** torch.optim.AdamW: decoupled decay x ← x(1 − lr·λ) before the Adam step. */
export const torchAdamW = (lr: number, beta1: number, beta2: number, eps: number, weightDecay: number, lo = -1, hi = 1): ScalarRule => {
  const adam = torchAdam(lr, beta1, beta2, eps, false, 0, -Infinity, Infinity)
  return (x, g, t) => clip(adam(x * (1 - lr * weightDecay), g, t), lo, hi)
}

/** optax.amsgrad defaults: max over the bias-corrected ν, denominator √(ν_max + eps_root) + eps. */
export const optaxAmsgrad = (lr: number, beta1: number, beta2: number, eps: number, epsRoot: number, lo = -1, hi = 1): ScalarRule => {
  let mu = 0, nu = 0, numax = 0
  return (x, g, t) => {
    mu = (1 - beta1) * g + beta1 * mu
    nu = (1 - beta2) * g * g + beta2 * nu
    const muHat = mu / (1 - Math.pow(beta1, t))
    const nuHat = nu / (1 - Math.pow(beta2, t))
    numax = Math.max(numax, nuHat)
    return clip(x - lr * muHat / (Math.sqrt(numax + epsRoot) + eps), lo, hi)
  }
}

/** torch.optim.Adagrad: clr = lr/(1+(t−1)·lr_decay), x − clr·g/(√Σg² + eps). */
export const torchAdagrad = (lr: number, lrDecay: number, eps: number, lo = -1, hi = 1): ScalarRule => {
  let s = 0
  return (x, g, t) => {
    s += g * g
    const clr = lr / (1 + (t - 1) * lrDecay)
    return clip(x - clr * g / (Math.sqrt(s) + eps), lo, hi)
  }
}

/** optax.adagrad: ν = ν₀ + Σg², update g/√(ν + eps) (eps inside), constant lr. */
export const optaxAdagrad = (lr: number, initial: number, eps: number, lo = -1, hi = 1): ScalarRule => {
  let s = initial
  return (x, g) => {
    s += g * g
    return clip(x - lr * g / Math.sqrt(s + eps), lo, hi)
  }
}

/** torch.optim.RMSprop (no momentum, not centered): v = αv + (1−α)g², x − lr·g/(√v + eps). */
export const torchRmsprop = (lr: number, alpha: number, eps: number, lo = -1, hi = 1): ScalarRule => {
  let v = 0
  return (x, g) => {
    v = alpha * v + (1 - alpha) * g * g
    return clip(x - lr * g / (Math.sqrt(v) + eps), lo, hi)
  }
}

/** torch.optim.SGD with momentum μ, dampening 0: b = μb + g (b₁ = g₁), x − lr·b. */
export const torchSgdMomentum = (lr: number, mu: number, lo = -1, hi = 1): ScalarRule => {
  let b = 0
  let first = true
  return (x, g) => {
    b = first ? g : mu * b + g
    first = false
    return clip(x - lr * b, lo, hi)
  }
}

/** AdamNC (Reddi Algorithm 3 with β2t = 1 − 1/t): v_t is the plain mean of g². */
export const paperAdamNC = (alpha: number, beta1: number, lo = -1, hi = 1): ScalarRule => {
  let m = 0, s = 0
  return (x, g, t) => {
    m = beta1 * m + (1 - beta1) * g
    s += g * g
    const v = s / t
    return clip(x - (v === 0 ? 0 : (alpha / Math.sqrt(t)) * m / Math.sqrt(v)), lo, hi)
  }
}

/** SignGD / signum: m = β1 m + (1−β1) g, x − α_t·sign(m). */
export const signum = (alpha: number, beta1: number, constant: boolean, lo = -1, hi = 1): ScalarRule => {
  let m = 0
  return (x, g, t) => {
    m = beta1 * m + (1 - beta1) * g
    return clip(x - (constant ? alpha : alpha / Math.sqrt(t)) * Math.sign(m), lo, hi)
  }
}
