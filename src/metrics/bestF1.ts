import type { PrCurve } from './prCurve';

/** Counts and rates of one operating point (score ≥ threshold = predicted positive). */
export interface OperatingPoint {
  threshold: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  /** tp / (tp + fp); 0 when nothing is predicted positive (sklearn zero_division=0) */
  precision: number;
  /** tp / (tp + fn); 0 when there are no positives */
  recall: number;
  /** 2tp / (2tp + fp + fn); 0 when that is 0/0 */
  f1: number;
}

/** The operating point at curve point `k` (k = thresholds.length: nothing predicted positive). */
export function operatingPointAt(curve: PrCurve, k: number, threshold: number): OperatingPoint {
  const m = curve.thresholds.length;
  const positives = curve.positives;
  const negatives = curve.n - positives;
  const tp = k < m ? curve.tp[k] : 0;
  const fp = k < m ? curve.fp[k] : 0;
  const fn = positives - tp;
  const tn = negatives - fp;
  return {
    threshold,
    tp,
    fp,
    tn,
    fn,
    precision: tp + fp > 0 ? tp / (tp + fp) : 0,
    recall: positives > 0 ? tp / positives : 0,
    f1: 2 * tp + fp + fn > 0 ? (2 * tp) / (2 * tp + fp + fn) : 0,
  };
}

/**
 * The threshold with the highest F1 score among the curve's distinct score
 * thresholds. F1 = 2tp / (2tp + fp + fn) from exact counts; on equal F1 the
 * lowest threshold wins (the first maximum in increasing-threshold order).
 *
 * Contract: `curve` from `prCurve`. null when there are no positives (F1 is
 * 0 everywhere) or no finite scores.
 * Reference: `np.argmax` of F1 over the thresholds of
 * `sklearn.metrics.precision_recall_curve` (excluding its final P = 1, R = 0
 * point, which has no threshold); F1 at that threshold equals
 * `sklearn.metrics.f1_score(labels, scores >= threshold)`.
 */
export function bestF1(curve: PrCurve): OperatingPoint | null {
  const { tp, fp, thresholds } = curve;
  const positives = curve.positives;
  if (positives === 0 || thresholds.length === 0) return null;
  let best = 0;
  let bestF = -1;
  for (let k = 0; k < thresholds.length; k++) {
    const f = (2 * tp[k]) / (tp[k] + fp[k] + positives); // 2tp + fp + fn = tp + fp + P
    if (f > bestF) {
      bestF = f;
      best = k;
    }
  }
  return operatingPointAt(curve, best, thresholds[best]);
}
