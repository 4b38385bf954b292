// Which rounds get a recorded row. Log-spaced by default, so a run's memory is flat in T:
// every round up to 10, then `perDecade` rounds per factor of ten, plus the horizon and any requested rounds.

export const logCheckpoints = (horizon: number, perDecade = 20, extra: readonly number[] = []): number[] => {
  // Neighbouring log-spaced rounds near t are t·(10^(1/perDecade) − 1) ≈ 2.3·t/perDecade apart, so
  // from perDecade ≥ 3·horizon on every round is one: list them instead of looping perDecade·log10(T) times.
  if (perDecade >= 3 * horizon) return Array.from({ length: horizon }, (_, i) => i + 1)
  const set = new Set<number>()
  for (let t = 1; t <= Math.min(10, horizon); t++) set.add(t)
  const decades = Math.log10(Math.max(horizon, 1))
  for (let k = perDecade; k <= decades * perDecade + 1e-9; k++) {
    const t = Math.round(Math.pow(10, k / perDecade))
    if (t <= horizon) set.add(t)
  }
  for (const t of extra) if (t >= 1 && t <= horizon) set.add(t)
  set.add(horizon)
  return [...set].sort((a, b) => a - b)
}

/** An upper bound on logCheckpoints(horizon, perDecade, extra).length, without building the list. */
export const checkpointCountBound = (horizon: number, perDecade = 20, extras = 0): number =>
  Math.min(horizon, 11 + Math.ceil(perDecade * Math.log10(Math.max(horizon, 1))) + extras)
