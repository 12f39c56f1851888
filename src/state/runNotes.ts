/** Sentences about a run's progress that state and components share. */

const fmt = (n: number) => n.toLocaleString('en-US');
const images = (n: number) => `${fmt(n)} image${n === 1 ? '' : 's'}`;

/**
 * Where a run cancelled during embedding stopped. The embeddings of finished
 * batches are already in this browser's cache, so a rerun embeds only the rest.
 */
export function cancelledDuringEmbedding(done: number, total: number): string {
  if (done <= 0) return `Cancelled before any of the ${images(total)} was embedded — Run again starts over`;
  if (done >= total) return `Cancelled after all ${images(total)} were embedded; they are stored — Run again only scores the pairs`;
  return `Cancelled after ${fmt(done)} of ${images(total)}; the ${fmt(done)} embedded ${done === 1 ? 'is' : 'are'} stored — Run again continues from there`;
}

/** Where a run cancelled outside the embedding stage stopped: loading the model or choosing a backend (nothing embedded yet), or scoring (`stored`: embeddings kept, or null for a run that embeds nothing). */
export function cancelledOutsideEmbedding(stage: 'loading' | 'backend' | 'scoring', stored: number | null): string {
  if (stage === 'scoring') {
    return stored === null
      ? 'Cancelled while computing the curve — Run again starts it over'
      : `Cancelled while scoring the pairs; the ${images(stored)} embedded ${stored === 1 ? 'is' : 'are'} stored — Run again only scores the pairs`;
  }
  return `Cancelled while ${stage === 'loading' ? 'loading' : 'choosing a backend'}, before any image was embedded — Run again starts over`;
}

/** Images whose embedding was not computed in this run but reused: same file bytes, same model and preprocessing, from an earlier run or an earlier batch of this one. */
export function reusedEmbeddingsNote(n: number): string {
  return `${images(n)} reused a stored embedding (same file bytes, same model and preprocessing): not embedded again`;
}

/** The pairs a run scores: the listed or sampled pairs, else every pair of the n images. */
export function pairsToScore(n: number, listedPairs: number | null): number {
  return listedPairs ?? (n * (n - 1)) / 2;
}

/** What the scoring stage says while it runs (no count moves during it: the bar is indeterminate). */
export function scoringDetail(pairs: number): string {
  return `Scoring ${fmt(pairs)} pair${pairs === 1 ? '' : 's'} and computing the exact curve`;
}
