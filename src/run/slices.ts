// How long a slice of rounds should be. Between slices a runner reports progress and looks at the
// stop flag, so slices aim at a fixed wall time (~50 ms) whether a round costs 5 ns or 5 ms: the
// next slice is scaled by how long this one took, never more than doubling at once, so a slow
// stretch is caught early.

export interface SliceOptions {
  /** First slice length in rounds per run (default 2^12). */
  readonly initialChunk?: number
  /** Upper bound on a slice (default 2^20 rounds per run). */
  readonly maxChunk?: number
  /** Target wall time of one slice (default 50 ms). */
  readonly sliceMs?: number
}

export const firstChunk = (o: SliceOptions): number => Math.max(1, Math.min(o.maxChunk ?? 1 << 20, o.initialChunk ?? 1 << 12))

/** The next slice length after one of `chunk` rounds took `tookMs`. */
export const nextChunk = (chunk: number, tookMs: number, o: SliceOptions): number => {
  const maxChunk = o.maxChunk ?? 1 << 20
  const sliceMs = o.sliceMs ?? 50
  return tookMs <= 0 ? Math.min(maxChunk, chunk * 2) : Math.max(1, Math.min(maxChunk, chunk * 2, Math.floor((chunk * sliceMs) / tookMs)))
}
