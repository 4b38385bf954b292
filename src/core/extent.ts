// Smallest and largest of a list by a loop. Math.max(...values) passes every value as an argument,
// and past about 10^5 of them (checkpoint rows, coordinates) it throws "Maximum call stack size
// exceeded"; these take any length. Like Math.max, a NaN anywhere gives NaN.

/** max(init, ...values) for any number of values. */
export const maxOf = (values: Iterable<number>, init = -Infinity): number => {
  let m = init
  for (const v of values) {
    if (v > m || Number.isNaN(v)) m = v
    if (Number.isNaN(m)) return NaN
  }
  return m
}

/** min(init, ...values) for any number of values. */
export const minOf = (values: Iterable<number>, init = Infinity): number => {
  let m = init
  for (const v of values) {
    if (v < m || Number.isNaN(v)) m = v
    if (Number.isNaN(m)) return NaN
  }
  return m
}
