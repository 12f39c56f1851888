import type { PrCurve } from './prCurve';

/*
 * Alternatives to scikit-learn's average precision. They are NOT what
 * `average_precision_score` (and `PrCurve.ap`) reports; they exist so that
 * numbers from other tools can be reproduced and compared. Both are
 * optimistic: they are ≥ the step-wise AP on the same curve (interpolated AP
 * always; the trapezoid usually, and it can exceed the achievable area).
 */

/**
 * All-point interpolated average precision (PASCAL VOC 2010+ / COCO-style
 * "interpolated" AP): precision is replaced by its running maximum towards
 * higher recall, p̂(r) = max_{r' ≥ r} p(r'), and integrated as a step
 * function over recall: AP = Σ (rᵢ₊₁ − rᵢ) · p̂(rᵢ₊₁) at every recall change.
 *
 * Contract: `curve` in scikit-learn's layout (from `prCurve`); tied scores
 * are one point (no per-item ranking inside a tie). 0 with no positives.
 * Reference: `voc_ap(rec, prec, use_07_metric=False)` of the PASCAL VOC
 * devkit / py-faster-rcnn `voc_eval.py`, applied to sklearn's
 * `precision_recall_curve` output in increasing-recall order:
 * `mrec = [0, rec…, 1]`, `mpre = [0, prec…, 0]`, envelope from the right.
 */
export function interpolatedAveragePrecision(curve: PrCurve): number {
  const { precision, recall } = curve;
  const len = precision.length; // increasing recall = index len−1 down to 0
  // mrec/mpre of voc_ap, built back to front without allocating the padded copies.
  const mrec = new Float64Array(len + 2);
  const mpre = new Float64Array(len + 2);
  for (let i = 0; i < len; i++) {
    mrec[i + 1] = recall[len - 1 - i];
    mpre[i + 1] = precision[len - 1 - i];
  }
  mrec[len + 1] = 1;
  for (let i = len + 1; i > 0; i--) if (mpre[i] > mpre[i - 1]) mpre[i - 1] = mpre[i];
  let ap = 0;
  for (let i = 0; i < len + 1; i++) {
    if (mrec[i + 1] !== mrec[i]) ap += (mrec[i + 1] - mrec[i]) * mpre[i + 1];
  }
  return ap;
}

/**
 * Area under the precision-recall curve by the trapezoidal rule (straight
 * lines between the curve's points, including the final (R = 0, P = 1)
 * point). Linear interpolation of precision is known to overestimate the
 * achievable area (Davis & Goadrich 2006); prefer `PrCurve.ap`.
 *
 * Contract: `curve` from `prCurve`. 0 for a single point.
 * Reference: `sklearn.metrics.auc(recall, precision)` on the output of
 * `precision_recall_curve` (np.trapz; recall is decreasing, so auc flips the sign).
 */
export function trapezoidPrArea(curve: PrCurve): number {
  const { precision, recall } = curve;
  let area = 0;
  for (let k = 0; k + 1 < recall.length; k++) {
    area += ((recall[k] - recall[k + 1]) * (precision[k] + precision[k + 1])) / 2;
  }
  return area === 0 ? 0 : area;
}
