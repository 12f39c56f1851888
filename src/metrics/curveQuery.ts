import { assert } from '../base/assert';
import type { PrCurve } from './prCurve';

/**
 * Index of the curve point that predicts "positive" exactly for scores ≥ `t`:
 * the first k with `thresholds[k] ≥ t`, or `thresholds.length` (the final
 * point, precision 1, recall 0, nothing predicted positive) when `t` is above
 * every threshold. O(log n) binary search.
 *
 * Contract: `t` is not NaN (±Infinity is fine); `curve` comes from `prCurve`.
 * Reference: the row of `sklearn.metrics.precision_recall_curve` whose
 * threshold is `min(thresholds[thresholds >= t])`, i.e.
 * `np.searchsorted(thresholds, t, side='left')`.
 */
export function pointAtThreshold(curve: PrCurve, t: number): number {
  assert(!Number.isNaN(t), 'pointAtThreshold: threshold is NaN');
  const th = curve.thresholds;
  let lo = 0;
  let hi = th.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (th[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Number of items predicted positive at curve point `i` (= tp[i] + fp[i]),
 * i.e. the rank cut-off of that threshold in the descending ordering.
 * The final point (`i === thresholds.length`) predicts nothing: 0.
 *
 * Contract: 0 ≤ i ≤ thresholds.length. Reference: `tps + fps` inside
 * `sklearn.metrics._ranking._binary_clf_curve`.
 */
export function rankAtIndex(curve: PrCurve, i: number): number {
  const m = curve.thresholds.length;
  assert(Number.isInteger(i) && i >= 0 && i <= m, `rankAtIndex: index ${i} outside 0..${m}`);
  return i === m ? 0 : curve.tp[i] + curve.fp[i];
}

/**
 * Indices (increasing) of at most `maxPoints` curve points to draw, chosen so
 * that no dip or spike in precision is smoothed away.
 *
 * The points are the curve's `precision.length` entries. If they already fit,
 * all are returned. Otherwise the first and last points are always kept, and
 * the interior points are split into B = ⌊(maxPoints − 2) / 2⌋ equal-width
 * buckets over recall ∈ [0, 1]; in each bucket the points of minimum and of
 * maximum precision are kept (min-max decimation, first occurrence on ties).
 * So every point that is a precision extreme of its recall bucket, e.g. an
 * isolated one-point dip, is drawn. O(points) time, O(maxPoints) memory.
 *
 * Contract: `maxPoints ≥ 2` (below 4 only the end points fit).
 * Reference: none in scikit-learn (a plotting aid, like M4/min-max
 * downsampling of time series).
 */
export function downsampleCurve(curve: PrCurve, maxPoints: number): Uint32Array {
  assert(Number.isInteger(maxPoints) && maxPoints >= 2, `downsampleCurve: maxPoints ${maxPoints} < 2`);
  const { precision, recall } = curve;
  const len = precision.length;
  if (len <= maxPoints) {
    const all = new Uint32Array(len);
    for (let i = 0; i < len; i++) all[i] = i;
    return all;
  }
  const buckets = Math.floor((maxPoints - 2) / 2);
  if (buckets === 0) return Uint32Array.of(0, len - 1);

  const minIdx = new Int32Array(buckets).fill(-1);
  const maxIdx = new Int32Array(buckets).fill(-1);
  for (let i = 1; i < len - 1; i++) {
    const b = Math.min(buckets - 1, Math.max(0, Math.floor(recall[i] * buckets)));
    const p = precision[i];
    if (minIdx[b] < 0 || p < precision[minIdx[b]]) minIdx[b] = i;
    if (maxIdx[b] < 0 || p > precision[maxIdx[b]]) maxIdx[b] = i;
  }

  const picked: number[] = [0, len - 1];
  for (let b = 0; b < buckets; b++) {
    if (minIdx[b] >= 0) picked.push(minIdx[b]);
    if (maxIdx[b] > 0 && maxIdx[b] !== minIdx[b]) picked.push(maxIdx[b]);
  }
  const out = Uint32Array.from(picked).sort();
  return out;
}
