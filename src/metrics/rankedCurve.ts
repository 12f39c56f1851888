import { assert } from '../base/assert';
import { sortDescending } from './argsort';
import { splitFinite } from './finite';
import { countPositives, curveFromFiniteCounts, type PrCurve } from './prCurve';
import { countsFromSortedKeys, POSITIVE_BIT } from './tieCounts';

const INDEX_BITS = 0x7fffffff;

/** The curve of `prCurve` and the ranking of the finite scores, from one sort. */
export interface RankedCurve {
  /** equal to `prCurve(scores, labels)` (every array bit for bit, AP, warnings) */
  curve: PrCurve;
  /** original indices of the finite scores, highest score first; ties in index order */
  order: Uint32Array;
}

/**
 * `prCurve(scores, labels)` together with the stable descending ranking of
 * the finite scores — what `evaluateEmbeddings` and `evaluateListedPairs`
 * need — from a single radix sort instead of two (`prCurve`'s per-label
 * sorts plus `argsortDescending`).
 *
 * Why not build the curve by walking a finished order: reading
 * `scores[order[i]]` and `labels[order[i]]` is a random gather (~3× slower
 * than sequential reads at millions of pairs). Instead each index travels
 * through the sort with its label in bit 31, so the tie groups are counted
 * on the sorted keys and labels sequentially, and the bit is masked off to
 * give the order. `prCurve` alone stays the cheaper call when no ranking is
 * wanted (it sorts keys without a payload).
 *
 * Contract: as `prCurve` (labels 0/1, NaN/±Infinity dropped and reported,
 * −0 = +0), and fewer than 2^31 scores (`MAX_PAIRS`).
 * Reference: scikit-learn 1.2 `precision_recall_curve` and
 * `average_precision_score` for the curve (see prCurve.ts);
 * `np.argsort(-scores, kind='stable')` over the finite scores for `order`.
 */
export function rankedPrCurve(scores: Float32Array | Float64Array, labels: Uint8Array): RankedCurve {
  assert(scores.length < POSITIVE_BIT, `rankedPrCurve: ${scores.length} scores; at most 2^31 − 1 fit beside the label bit`);
  const split = splitFinite(scores, labels);
  const y = split.labels;
  const n = y.length;
  countPositives(y); // validates the labels, with prCurve's error
  if (n === 0) return { curve: curveFromFiniteCounts(null, split.excludedIndices), order: new Uint32Array(0) };

  const tagged = new Uint32Array(n);
  for (let i = 0; i < n; i++) tagged[i] = y[i] === 1 ? (i | POSITIVE_BIT) >>> 0 : i;
  const sorted = sortDescending(split.scores, tagged);
  const counts = countsFromSortedKeys(sorted.hi, sorted.lo, sorted.payload);

  const order = sorted.payload; // reused: label bit masked off, kept position → original index
  const kept = split.keptIndex;
  if (kept) for (let k = 0; k < n; k++) order[k] = kept[order[k] & INDEX_BITS];
  else for (let k = 0; k < n; k++) order[k] = order[k] & INDEX_BITS;
  return { curve: curveFromFiniteCounts(counts, split.excludedIndices), order };
}
