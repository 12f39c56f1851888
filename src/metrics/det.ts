import { prCurve, type PrCurve } from './prCurve';

/** A detection error tradeoff curve: false non-match rate vs false match rate. */
export interface DetCurve {
  /** false match rate (FMR = false positive rate), decreasing */
  fmr: Float64Array;
  /** false non-match rate (FNMR = false negative rate = 1 − TPR), increasing */
  fnmr: Float64Array;
  /** increasing; a pair is a predicted match when score ≥ threshold */
  thresholds: Float64Array;
  /** empty arrays + this note when positives or negatives are missing */
  warnings: string[];
}

export const WARN_DET_ONE_CLASS = 'DET curve needs both positive and negative pairs';

/**
 * DET curve (FNMR against FMR over every distinct score threshold), trimmed
 * like scikit-learn: it starts at the last threshold where FMR is still at
 * its minimum and stops at the first threshold where FNMR reaches 0.
 *
 * Contract: `curve` from `prCurve`. With one class only, sklearn raises;
 * we return empty arrays and a warning.
 * Reference: `sklearn.metrics.det_curve(labels, scores)` (1.2) returns
 * `(fpr, fnr, thresholds)` = our `(fmr, fnmr, thresholds)`; the biometric
 * names follow ISO/IEC 19795-1 (FMR, FNMR).
 */
export function detFromPrCurve(curve: PrCurve): DetCurve {
  const { tp, fp, thresholds } = curve;
  const m = thresholds.length;
  const positives = curve.positives;
  const negatives = curve.n - positives;
  if (positives === 0 || negatives === 0) {
    const none = new Float64Array(0);
    return { fmr: none, fnmr: none.slice(), thresholds: none.slice(), warnings: [WARN_DET_ONE_CLASS] };
  }
  // In increasing-threshold order: from the largest k with tp = P (sklearn's
  // last_ind) to the smallest k whose fp equals the top threshold's (first_ind).
  let lo = 0;
  while (lo + 1 < m && tp[lo + 1] === positives) lo++;
  let hi = m - 1;
  while (hi - 1 >= 0 && fp[hi - 1] === fp[m - 1]) hi--;
  const len = hi - lo + 1; // ≥ 1: two thresholds never share both counts
  const fmr = new Float64Array(len);
  const fnmr = new Float64Array(len);
  const th = new Float64Array(len);
  for (let j = 0; j < len; j++) {
    const k = lo + j;
    fmr[j] = fp[k] / negatives;
    fnmr[j] = (positives - tp[k]) / positives;
    th[j] = thresholds[k];
  }
  return { fmr, fnmr, thresholds: th, warnings: [] };
}

/**
 * DET curve of `labels` ranked by `scores`. Contract: as `prCurve`.
 * Reference: `sklearn.metrics.det_curve` (see `detFromPrCurve`).
 */
export function detCurve(scores: Float32Array | Float64Array, labels: Uint8Array): DetCurve {
  return detFromPrCurve(prCurve(scores, labels));
}
