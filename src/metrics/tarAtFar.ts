import type { PrCurve } from './prCurve';

/** The face-verification operating points: FAR = 10⁻¹ … 10⁻⁶. */
export const FAR_TARGETS: readonly number[] = [1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6];

/** One operating point of `tarAtFar`. */
export interface TarAtFar {
  /** the FAR target asked for */
  targetFar: number;
  /** true accept rate (= TPR = recall) at the chosen point */
  tar: number;
  /** the FAR actually reached there (≤ targetFar) */
  far: number;
  /** accept when score ≥ threshold; +Infinity = accept nothing (the ROC origin) */
  threshold: number;
  /** true accepts (positive pairs accepted) at that threshold */
  trueAccepts: number;
  /** false accepts (negative pairs accepted) at that threshold */
  falseAccepts: number;
  /**
   * false when negatives · targetFar < 1: the target is below the smallest
   * non-zero FAR this data can measure (1 / negatives), so only FAR = 0
   * points qualify and the TAR is a pessimistic bound, not an estimate.
   */
  resolvable: boolean;
}

/**
 * TAR at FAR: for each target f, the largest true accept rate among the
 * exact ROC points (one per distinct score, plus the origin: accept nothing)
 * whose false accept rate is ≤ f. Among points with that TAR the one with
 * the lowest FAR (highest threshold) is reported. No interpolation between
 * points: every reported (TAR, FAR, threshold) is achievable by thresholding.
 *
 * Definition, exactly: with FAR(t) = fp(t)/N and TAR(t) = tp(t)/P computed
 * in float64 like sklearn's `fpr`/`tpr`, TAR@f = max{ TAR(t) : FAR(t) ≤ f }
 * over t ∈ {distinct finite scores} ∪ {+∞}.
 *
 * Contract: `curve` from `prCurve`; targets in [0, 1]. Returns null when the
 * curve has no positives or no negatives (TAR or FAR undefined).
 * Reference: the "TAR @ FAR" protocol of face verification (e.g. IJB-B/C,
 * MegaFace) evaluated as `tpr[fpr <= f].max()` on
 * `sklearn.metrics.roc_curve(labels, scores, drop_intermediate=False)`.
 */
export function tarAtFar(curve: PrCurve, targets: readonly number[] = FAR_TARGETS): TarAtFar[] | null {
  const { tp, fp, thresholds } = curve;
  const m = thresholds.length;
  const positives = curve.positives;
  const negatives = curve.n - positives;
  if (positives === 0 || negatives === 0) return null;
  return targets.map((target) => {
    // fp/N is non-increasing in k: binary search for the smallest k with fp[k]/N ≤ target.
    let lo = 0;
    let hi = m; // k = m stands for the origin (accept nothing), always FAR 0
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (fp[mid] / negatives <= target) hi = mid;
      else lo = mid + 1;
    }
    let k = lo;
    // Same TAR at a higher threshold has a lower FAR: move up while tp stays equal.
    while (k < m && (k + 1 < m ? tp[k + 1] : 0) === tp[k]) k++;
    const trueAccepts = k < m ? tp[k] : 0;
    const falseAccepts = k < m ? fp[k] : 0;
    return {
      targetFar: target,
      tar: trueAccepts / positives,
      far: falseAccepts / negatives,
      threshold: k < m ? thresholds[k] : Infinity,
      trueAccepts,
      falseAccepts,
      resolvable: negatives * target >= 1,
    };
  });
}
