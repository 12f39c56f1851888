/**
 * The low-recall dip of a precision-recall curve.
 *
 * Definition (what the chart marks and the tests pin down). Read the curve in
 * ranking order, from its most confident point towards lower thresholds, and
 * only its low-recall part (recall ≤ REF_RECALL = 0.5):
 *  - A point is *dipped* when its precision is more than MARGIN (0.05) below
 *    the best precision the curve reaches *later* in the ranking (at a lower
 *    threshold) while recall is still ≤ REF_RECALL: the curve falls, then
 *    recovers above it.
 *  - The dip is the most confident run of consecutive dipped points. It may
 *    start at rank 1 (the top pairs are wrong) or after a few correct pairs
 *    (precision 1.0 → 0.375 → back to 0.92). It ends at the first point that
 *    comes within MARGIN of the best precision still ahead.
 *  - Every point of the run is more than MARGIN below `refPrecision`, the best
 *    precision at recall ≤ REF_RECALL beyond the run (the maximum over later
 *    points is always reached after the run ends: a point inside the run is
 *    itself below a later one).
 *  - A curve that only falls (precision highest where the model is most
 *    confident) has no dip; neither does a wrong pair among many right ones
 *    (after n correct pairs one wrong pair costs 1/(n+1), under MARGIN once
 *    n ≥ 20), nor a curve with no positive pairs.
 *
 * Why the most confident run and not the deepest: the dip this tool is for is
 * the one at the top of the ranking — the pairs the model is surest of, which
 * any threshold accepts first, and which the user reads first. A deeper run
 * further down is usually the long-tail mixing of a weaker model, and would
 * make the marked dip jump around as flags change the curve.
 *
 * Why "best precision later" and not "best precision anywhere at low recall"
 * (the earlier definition): with a few correct pairs on top, precision 1.0 is
 * reached before the dip, and a curve that never returns to 1.0 would have no
 * end to its dip (or, counting only runs that start at rank 1, no dip at all).
 *
 * Arrays are in scikit-learn order (`precision_recall_curve`): index 0 is the
 * lowest threshold (recall 1) and the last index is the (recall 0, precision 1)
 * end point, which is not a threshold and never part of the dip or its
 * reference. O(n), one pass, no allocation.
 */
export const REF_RECALL = 0.5;
export const MARGIN = 0.05;

export interface Dip {
  /** Curve index of the most confident point in the dip (its first point in ranking order). */
  topIdx: number;
  /** Curve index of the last point still in the dip (lowest threshold in it). */
  endIdx: number;
  /** Curve index of the deepest point (lowest precision; the later one on ties). */
  minIdx: number;
  minPrecision: number;
  /** The best precision at recall ≤ REF_RECALL beyond the dip (lower thresholds); every dip point is more than MARGIN below it. */
  refPrecision: number;
  /** Recall at the end of the dip. */
  recallEnd: number;
}

export function findDip(precision: ArrayLike<number>, recall: ArrayLike<number>): Dip | null {
  const last = precision.length - 2; // last threshold point; precision.length-1 is the end point
  if (last < 0) return null;
  // Walk from the lowest threshold up (against the ranking), keeping the best
  // precision seen so far at recall ≤ REF_RECALL: that is the best precision
  // *later in the ranking* than the current point. Runs are met least
  // confident first; the last run met is the most confident one.
  let bestLater = -Infinity;
  let anyPositive = false;
  let runEnd = -1; // endIdx of the run being walked, -1 outside a run
  let runRef = 0;
  let found: { topIdx: number; endIdx: number; refPrecision: number } | null = null;
  for (let i = 0; i <= last; i++) {
    const p = precision[i];
    const r = recall[i];
    if (r > 0) anyPositive = true;
    const lowRecall = r <= REF_RECALL;
    if (lowRecall && p < bestLater - MARGIN) {
      if (runEnd < 0) {
        runEnd = i;
        runRef = bestLater;
      }
      found = { topIdx: i, endIdx: runEnd, refPrecision: runRef };
    } else {
      runEnd = -1;
    }
    if (lowRecall && p > bestLater) bestLater = p;
  }
  if (!anyPositive || !found) return null;
  let minIdx = found.topIdx;
  for (let i = found.topIdx; i >= found.endIdx; i--) if (precision[i] <= precision[minIdx]) minIdx = i;
  return { ...found, minIdx, minPrecision: precision[minIdx], recallEnd: recall[found.endIdx] };
}
