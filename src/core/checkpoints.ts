// Which rounds get a recorded row. Log-spaced by default, so a run's memory is flat in T:
// every round up to 10, then `perDecade` rounds per factor of ten, plus the horizon and any requested rounds.

export const logCheckpoints = (horizon: number, perDecade = 20, extra: readonly number[] = []): number[] => {
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
