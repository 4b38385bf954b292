// Exact arithmetic on doubles for tests: every finite double is an integer multiple of 2^-1074,
// so sums of doubles can be taken exactly as BigInts and compared with floating-point results.

/** The exact value of a double as a BigInt multiple of 2^-1074 (every finite double is one). */
export const exactScaled = (v: number): bigint => {
  const view = new DataView(new ArrayBuffer(8))
  view.setFloat64(0, v)
  const bits = view.getBigUint64(0)
  const sign = bits >> 63n ? -1n : 1n
  const exponent = Number((bits >> 52n) & 0x7ffn)
  const mantissa = bits & ((1n << 52n) - 1n)
  const magnitude = exponent === 0 ? mantissa : (mantissa | (1n << 52n)) << BigInt(exponent - 1)
  return sign * magnitude
}

/** A double close to S·2^-1074 (relative error ≈ 2^-900 before the final rounding). */
export const fromScaled = (scaled: bigint): number => {
  const abs = scaled < 0n ? -scaled : scaled
  const shift = Math.max(0, abs.toString(2).length - 1000)
  const head = Number(scaled >> BigInt(shift)) // arithmetic shift; fine at this precision
  return head * 2 ** (shift - 537) * 2 ** -537
}

