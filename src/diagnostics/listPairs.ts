import type { Evaluation } from '../metrics/evaluateEmbeddings';
import { pairFromIndex } from '../metrics/pairs';

export type PairFilter = 'fp' | 'all';
/** 'top': most confident first; 'threshold': those ranked just above the selected threshold first. */
export type PairOrder = 'top' | 'threshold';

export interface ListedPair {
  /** Pair index (row-major i < j). */
  pair: number;
  i: number;
  j: number;
  score: number;
  /** 1-based position in the ranking, most confident first. */
  rank: number;
  label: 0 | 1;
}

/**
 * The pairs ranked in the top `uptoRank` (those predicted positive at the
 * chosen point of the curve). With filter 'fp' only the false positives
 * (different classes). `order` 'top' lists the most confident first;
 * 'threshold' walks up from the selected threshold, so a click at high recall
 * shows the pairs that the threshold just let in. Returns at most `limit`
 * pairs and the total that matched.
 */
export function listPairs(
  ev: Evaluation,
  uptoRank: number,
  filter: PairFilter,
  limit: number,
  order: PairOrder = 'top',
): { pairs: ListedPair[]; total: number } {
  const end = Math.min(uptoRank, ev.order.length);
  const pairs: ListedPair[] = [];
  let total = 0;
  const fromThreshold = order === 'threshold';
  for (let step = 0; step < end; step++) {
    const r = fromThreshold ? end - 1 - step : step;
    const k = ev.order[r];
    const label = ev.labels[k] as 0 | 1;
    if (filter === 'fp' && label === 1) continue;
    total++;
    if (pairs.length < limit) {
      const [i, j] = pairFromIndex(k, ev.n);
      pairs.push({ pair: k, i, j, score: ev.scores[k], rank: r + 1, label });
    }
  }
  return { pairs, total };
}
