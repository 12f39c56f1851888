import type { Evaluation } from '../metrics/evaluateEmbeddings';
import { pairFromIndex } from '../metrics/pairs';

export type PairFilter = 'fp' | 'all';

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
 * chosen point of the curve), most confident first. With filter 'fp' only the
 * false positives (different classes). Returns at most `limit` pairs and the
 * total that matched.
 */
export function listPairs(ev: Evaluation, uptoRank: number, filter: PairFilter, limit: number): { pairs: ListedPair[]; total: number } {
  const end = Math.min(uptoRank, ev.order.length);
  const pairs: ListedPair[] = [];
  let total = 0;
  for (let r = 0; r < end; r++) {
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
