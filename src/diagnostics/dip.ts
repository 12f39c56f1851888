/**
 * The low-recall dip of a precision-recall curve.
 *
 * Definition (what the chart marks and the tests pin down):
 *  - Reference precision P_ref = the highest precision the curve reaches at
 *    recall ≤ REF_RECALL (0.5): what the model *can* do at low recall.
 *  - Walk the curve from its most confident point (highest threshold) towards
 *    lower thresholds. The dip is the run of points, starting at the very top,
 *    whose precision stays below P_ref − MARGIN (0.05). It ends at the first
 *    point that comes within MARGIN of P_ref.
 *  - No such run (the top point is already within MARGIN of P_ref), or no
 *    positive pairs at all → no dip.
 *
 * Arrays are in scikit-learn order (`precision_recall_curve`): index 0 is the
 * lowest threshold (recall 1) and the last index is the (recall 0, precision 1)
 * end point, which is not a threshold and never part of the dip.
 */
export const REF_RECALL = 0.5;
export const MARGIN = 0.05;

export interface Dip {
  /** Curve index of the most confident point (the top of the ranking). */
  topIdx: number;
  /** Curve index of the last point still in the dip (lowest threshold in it). */
  endIdx: number;
  /** Curve index of the deepest point (lowest precision; the later one on ties). */
  minIdx: number;
  minPrecision: number;
  refPrecision: number;
  /** Recall at the end of the dip. */
  recallEnd: number;
}

export function findDip(precision: ArrayLike<number>, recall: ArrayLike<number>): Dip | null {
  const last = precision.length - 2; // last threshold point; precision.length-1 is the end point
  if (last < 0) return null;
  let refPrecision = -Infinity;
  let anyPositive = false;
  for (let i = last; i >= 0; i--) {
    if (recall[i] > 0) anyPositive = true;
    if (recall[i] <= REF_RECALL && precision[i] > refPrecision) refPrecision = precision[i];
  }
  if (!anyPositive || !Number.isFinite(refPrecision)) return null;
  const bar = refPrecision - MARGIN;
  if (precision[last] >= bar) return null;
  let endIdx = last;
  let minIdx = last;
  for (let i = last; i >= 0 && precision[i] < bar; i--) {
    endIdx = i;
    if (precision[i] <= precision[minIdx]) minIdx = i;
  }
  return { topIdx: last, endIdx, minIdx, minPrecision: precision[minIdx], refPrecision, recallEnd: recall[endIdx] };
}
