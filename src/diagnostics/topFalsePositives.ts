import type { Evaluation } from '../metrics/evaluateEmbeddings';
import { pairIndexOf } from '../metrics/pairIndex';

/** The first false positives of a ranking, as parallel typed arrays (index t = the t-th false positive). */
export interface TopFalsePositives {
  /** Pair indices (see metrics/pairIndex.ts: row-major i < j, or list positions), most confident first. */
  pairs: Uint32Array;
  /** 1-based rank of each pair in the full ranking (true positives count too). */
  ranks: Uint32Array;
  /** First image of each pair (all pairs: i < j; a list: as listed). */
  imageA: Uint32Array;
  /** Second image of each pair. */
  imageB: Uint32Array;
  /** Score of each pair (non-increasing). */
  scores: Float32Array;
}

/**
 * The `k` most confident false positives (label 0) of `ev`, in ranking order
 * (`ev.order`: score descending, ties in pair order). Fewer when the ranking
 * holds fewer negatives. Pairs with non-finite scores are not ranked, so never
 * listed. O(rank of the k-th false positive).
 *
 * Contract: `k` a non-negative integer; `ev` as returned by evaluateEmbeddings.
 */
export function topFalsePositives(ev: Evaluation, k: number): TopFalsePositives {
  if (!Number.isInteger(k) || k < 0) throw new Error(`topFalsePositives: k = ${k} is not a non-negative integer`);
  const found = new Uint32Array(k);
  const ranks = new Uint32Array(k);
  let t = 0;
  for (let r = 0; r < ev.order.length && t < k; r++) {
    const p = ev.order[r];
    if (ev.labels[p] !== 0) continue;
    found[t] = p;
    ranks[t] = r + 1;
    t++;
  }
  const pairs = found.slice(0, t);
  const imageA = new Uint32Array(t);
  const imageB = new Uint32Array(t);
  const scores = new Float32Array(t);
  const index = pairIndexOf(ev);
  for (let u = 0; u < t; u++) {
    const [i, j] = index.pairOf(pairs[u]);
    imageA[u] = i;
    imageB[u] = j;
    scores[u] = ev.scores[pairs[u]];
  }
  return { pairs, ranks: ranks.slice(0, t), imageA, imageB, scores };
}
