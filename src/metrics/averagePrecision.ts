/**
 * Average precision as the step integral of a precision-recall curve:
 * AP = Σₖ (R[k] − R[k+1]) · P[k], summed from k = 0 upwards.
 *
 * Contract: `precision` and `recall` have the same length L ≥ 1, in
 * scikit-learn's order (recall non-increasing, last point (P=1, R=0)).
 * Returns 0 for a single point. Never NaN if the inputs are finite, never
 * outside [0, 1]: the float sum of recall steps can exceed 1 by a few ulps
 * (scikit-learn returns that noise, e.g. 1.000000000000278; we clamp it).
 *
 * Reference: `sklearn.metrics.average_precision_score` (1.2), which computes
 * `-np.sum(np.diff(recall) * precision[:-1])` on `precision_recall_curve`.
 */
export function averagePrecisionFromCurve(precision: Float64Array, recall: Float64Array): number {
  let ap = 0;
  for (let k = 0; k + 1 < recall.length; k++) {
    ap += (recall[k] - recall[k + 1]) * precision[k];
  }
  if (ap > 1) return 1;
  return ap > 0 ? ap : 0; // never −0, never negative
}
