import { assert } from '../base/assert';

/** The result of `topPairsInRange`, best first. */
export interface TopPairs {
  /** row-major pair indices (see pairs.ts; `pairFromIndex` gives (i, j)) */
  index: Float64Array;
  score: Float64Array;
}

/** Options of `topPairsInRange`. */
export interface TopPairsOptions {
  /** finite pair indices sorted by score, descending, ties by pair index (`Evaluation.order`): O(log n + walked) instead of a scan */
  order?: Uint32Array;
  /** pair labels, required with `label` */
  labels?: Uint8Array;
  /** keep only pairs with this label (0 = different classes: the false positives when predicted positive) */
  label?: 0 | 1;
  /** added to every reported index: the pair index of `scores[0]` (for blocks of `pairScoresBlocked`); not with `order` */
  indexOffset?: number;
}

/**
 * The `k` highest-scoring pairs with lo ≤ score ≤ hi (NaN never matches),
 * optionally only those with a given label, highest score first, ties by
 * pair index (lower first). Returns two typed arrays of ≤ k entries: no
 * object per pair is ever created, whatever the size of the range.
 *  - with `order`: binary search for the first score ≤ hi, then a walk
 *    down the ranking until k matches or a score < lo: O(log n + walked);
 *  - without: one pass with a bounded heap: O(n log k), O(k) memory.
 *
 * Contract: lo ≤ hi (not NaN); k a non-negative integer; `labels` the same
 * length as `scores` when given; `order` as described (from
 * `evaluateEmbeddings`). Reference: `np.argsort(-s, kind='stable')` restricted
 * to `(s >= lo) & (s <= hi) [& (labels == label)]`, first k.
 */
export function topPairsInRange(scores: Float32Array | Float64Array, lo: number, hi: number, k: number, options: TopPairsOptions = {}): TopPairs {
  assert(!Number.isNaN(lo) && !Number.isNaN(hi) && lo <= hi, `topPairsInRange: bad range [${lo}, ${hi}]`);
  assert(Number.isInteger(k) && k >= 0, `topPairsInRange: k = ${k} is not a non-negative integer`);
  const { order, labels, label } = options;
  assert(label === undefined || (labels !== undefined && labels.length === scores.length), 'topPairsInRange: label filter needs labels of the same length as scores');
  assert(order === undefined || options.indexOffset === undefined, 'topPairsInRange: indexOffset applies to scans, not to order');
  const wanted = (p: number) => label === undefined || labels![p] === label;
  if (order !== undefined) {
    let a = 0;
    let b = order.length;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (scores[order[mid]] > hi) a = mid + 1;
      else b = mid;
    }
    const index: number[] = [];
    for (let p = a; p < order.length && index.length < k && scores[order[p]] >= lo; p++) if (wanted(order[p])) index.push(order[p]);
    return { index: Float64Array.from(index), score: Float64Array.from(index, (p) => scores[p]) };
  }
  // Min-heap of the current best k, worst at the root: worse = lower score, or equal score and higher index.
  const hs = new Float64Array(k);
  const hx = new Float64Array(k);
  let size = 0;
  const worse = (a: number, b: number) => hs[a] < hs[b] || (hs[a] === hs[b] && hx[a] > hx[b]);
  const swap = (a: number, b: number) => {
    [hs[a], hs[b]] = [hs[b], hs[a]];
    [hx[a], hx[b]] = [hx[b], hx[a]];
  };
  const offset = options.indexOffset ?? 0;
  for (let p = 0; p < scores.length && k > 0; p++) {
    const s = scores[p];
    if (!(s >= lo && s <= hi) || !wanted(p)) continue;
    if (size === k) {
      if (s <= hs[0]) continue; // equal score: the earlier index (already kept) wins
      hs[0] = s;
      hx[0] = p + offset;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < size && worse(l, m)) m = l;
        if (r < size && worse(r, m)) m = r;
        if (m === i) break;
        swap(i, m);
        i = m;
      }
    } else {
      hs[size] = s;
      hx[size] = p + offset;
      for (let i = size++; i > 0 && worse(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
    }
  }
  return sortBest(hs.subarray(0, size), hx.subarray(0, size));
}

/**
 * The best `k` of two `TopPairs` results (e.g. from consecutive blocks of
 * `pairScoresBlocked`), best first, ties by pair index. Contract: each input
 * sorted best first. Reference: as `topPairsInRange` on the union.
 */
export function mergeTopPairs(a: TopPairs, b: TopPairs, k: number): TopPairs {
  const score = new Float64Array(a.score.length + b.score.length);
  const index = new Float64Array(score.length);
  score.set(a.score);
  score.set(b.score, a.score.length);
  index.set(a.index);
  index.set(b.index, a.index.length);
  const best = sortBest(score, index);
  return { index: best.index.slice(0, k), score: best.score.slice(0, k) };
}

function sortBest(score: Float64Array, index: Float64Array): TopPairs {
  const perm = Array.from({ length: score.length }, (_, i) => i).sort((a, b) => score[b] - score[a] || index[a] - index[b]);
  return { index: Float64Array.from(perm, (i) => index[i]), score: Float64Array.from(perm, (i) => score[i]) };
}
