import type { Evaluation } from '../metrics/evaluateEmbeddings';
import { pairIndexOf } from '../metrics/pairIndex';

/**
 * Which pairs of a stretch of the ranking to list:
 *  - 'fp': false positives inside the stretch (different classes);
 *  - 'tp': true positives inside the stretch;
 *  - 'fn': false negatives — positive pairs ranked *below* the stretch (missed at that threshold);
 *  - 'all': every pair inside the stretch.
 */
export type PairFilter = 'fp' | 'tp' | 'fn' | 'all';
/** 'top': most confident first; 'threshold': those ranked just above the stretch's lower end first. */
export type PairOrder = 'top' | 'threshold';

export interface ListedPair {
  /** Pair index into the evaluation's scores (all pairs: row-major i < j; a list: its position in the list). */
  pair: number;
  i: number;
  j: number;
  score: number;
  /** 1-based position in the ranking, most confident first. */
  rank: number;
  label: 0 | 1;
}

/**
 * 0-based ranks of the pairs that match `filter` for the stretch of ranks
 * [fromRank, toRank) (0-based, most confident first), in the requested order.
 * O(pairs scanned), one Uint32Array: cheap enough to run on every selection of
 * a 500k-pair curve, and the gallery renders only the visible ones.
 */
export function matchingRanks(ev: Evaluation, fromRank: number, toRank: number, filter: PairFilter, order: PairOrder = 'top'): Uint32Array {
  const total = ev.order.length;
  const lo = filter === 'fn' ? Math.min(toRank, total) : Math.max(0, Math.min(fromRank, total));
  const hi = filter === 'fn' ? total : Math.min(toRank, total);
  const want = filter === 'fp' ? 0 : filter === 'all' ? -1 : 1;
  const out = new Uint32Array(Math.max(0, hi - lo));
  let count = 0;
  for (let r = lo; r < hi; r++) if (want < 0 || ev.labels[ev.order[r]] === want) out[count++] = r;
  const ranks = out.subarray(0, count);
  if (order === 'threshold') ranks.reverse();
  return ranks;
}

/** The pair at 0-based rank `r` (listed pairs, e.g. a scores table's rows: its pairA/pairB items). */
export function pairAtRank(ev: Evaluation, r: number): ListedPair {
  const k = ev.order[r];
  const [i, j] = pairIndexOf(ev).pairOf(k);
  return { pair: k, i, j, score: ev.scores[k], rank: r + 1, label: ev.labels[k] as 0 | 1 };
}

/**
 * The first `limit` matching pairs of the top `uptoRank` (those predicted
 * positive at a point of the curve), and how many matched in all.
 */
export function listPairs(ev: Evaluation, uptoRank: number, filter: PairFilter, limit: number, order: PairOrder = 'top'): { pairs: ListedPair[]; total: number } {
  const ranks = matchingRanks(ev, 0, uptoRank, filter, order);
  return { pairs: Array.from(ranks.subarray(0, limit), (r) => pairAtRank(ev, r)), total: ranks.length };
}
