import { prCurve, type PrCurve } from './prCurve';

/** A ROC curve in scikit-learn's layout (thresholds decreasing), with counts. */
export interface RocCurve {
  /** false positive rate fp / negatives; 0 everywhere when there are no negatives */
  fpr: Float64Array;
  /** true positive rate tp / positives; 0 everywhere when there are no positives */
  tpr: Float64Array;
  /** decreasing; thresholds[0] = highest score + 1 (the (0, 0) point), as sklearn 1.2 */
  thresholds: Float64Array;
  /** false positives with score ≥ threshold */
  fp: Float64Array;
  /** true positives with score ≥ threshold */
  tp: Float64Array;
  positives: number;
  negatives: number;
  excludedNonFinite: number;
  /** area under the full ROC curve; null when one class is missing (sklearn raises) */
  auc: number | null;
  warnings: string[];
}

/** Options of `rocCurve` / `rocFromPrCurve`. */
/** The ROC the page draws is thinned to this step of each axis (see RocOptions.minStep). */
export const ROC_DRAW_STEP = 1 / 4096;

export interface RocOptions {
  /** drop collinear points (sklearn's default true); false keeps one point per distinct score */
  dropIntermediate?: boolean;
  /**
   * For drawing: keep a point only when its FPR or TPR moved at least this
   * much since the last kept one (the first and last are always kept), so a
   * curve of millions of points comes out as a few thousand within minStep of
   * it (1/4096: under a pixel on any chart). AUC is still over every point.
   */
  minStep?: number;
}

/**
 * ROC curve of binary `labels` ranked by `scores` (higher = more positive).
 *
 * Contract: as `prCurve` (labels 0/1; NaN/±Infinity scores dropped and
 * counted; −0 = +0; order-independent). O(n) after one radix sort.
 * Reference: `sklearn.metrics.roc_curve(labels, scores, drop_intermediate=True)`
 * (1.2). Deliberate differences: with no positives (negatives) sklearn
 * returns NaN tpr (fpr) and warns; we return 0 and a warning, and `auc` null.
 * With no finite scores: the single point (0, 0) at threshold +Infinity.
 */
export function rocCurve(scores: Float32Array | Float64Array, labels: Uint8Array, options: RocOptions = {}): RocCurve {
  return rocFromPrCurve(prCurve(scores, labels), options);
}

/**
 * `rocCurve` from an existing `PrCurve` (no second sort): the same points,
 * reversed, with the (0, 0) origin prepended.
 * Reference: `roc_curve`'s use of `_binary_clf_curve` and its
 * `drop_intermediate` rule `np.r_[True, np.logical_or(np.diff(fps, 2),
 * np.diff(tps, 2)), True]` (applied when there are > 2 thresholds, before
 * the origin is added). scikit-learn ≥ 1.3 sets thresholds[0] = +inf instead
 * of max + 1; the points are the same.
 */
export function rocFromPrCurve(curve: PrCurve, options: RocOptions = {}): RocCurve {
  const drop = options.dropIntermediate ?? true;
  const m = curve.thresholds.length;
  const positives = curve.positives;
  const negatives = curve.n - curve.positives;
  // Descending order (sklearn's fps/tps), then the kept subset.
  const keep = new Uint8Array(m);
  let kept = 0;
  const step = options.minStep ?? 0;
  const rate = (count: number, total: number) => (total > 0 ? count / total : 0);
  let lastFpr = 0;
  let lastTpr = 0;
  for (let i = 0; i < m; i++) {
    const k = m - 1 - i;
    const end = i === 0 || i === m - 1;
    let ok = !drop || m <= 2 || end;
    if (!ok) {
      const d2fp = curve.fp[k - 1] - 2 * curve.fp[k] + curve.fp[k + 1];
      const d2tp = curve.tp[k - 1] - 2 * curve.tp[k] + curve.tp[k + 1];
      ok = d2fp !== 0 || d2tp !== 0;
    }
    if (ok && step > 0 && !end) {
      const f = rate(curve.fp[k], negatives);
      const t = rate(curve.tp[k], positives);
      ok = Math.abs(f - lastFpr) >= step || Math.abs(t - lastTpr) >= step;
    }
    if (ok) {
      lastFpr = rate(curve.fp[k], negatives);
      lastTpr = rate(curve.tp[k], positives);
      keep[i] = 1;
      kept++;
    }
  }
  const len = kept + 1;
  const fp = new Float64Array(len);
  const tp = new Float64Array(len);
  const thresholds = new Float64Array(len);
  thresholds[0] = m > 0 ? curve.thresholds[m - 1] + 1 : Infinity;
  let j = 1;
  for (let i = 0; i < m; i++) {
    if (keep[i] === 0) continue;
    const k = m - 1 - i;
    fp[j] = curve.fp[k];
    tp[j] = curve.tp[k];
    thresholds[j] = curve.thresholds[k];
    j++;
  }
  const fpr = new Float64Array(len);
  const tpr = new Float64Array(len);
  for (let i = 0; i < len; i++) {
    fpr[i] = negatives > 0 ? fp[i] / negatives : 0;
    tpr[i] = positives > 0 ? tp[i] / positives : 0;
  }
  return {
    fpr,
    tpr,
    thresholds,
    fp,
    tp,
    positives,
    negatives,
    excludedNonFinite: curve.excludedNonFinite,
    auc: rocAucFromPrCurve(curve),
    warnings: curve.warnings.slice(), // includes "no positive/negative pairs"
  };
}

/**
 * Area under the ROC curve from a `PrCurve`'s cumulative counts, by the
 * trapezoidal rule over every distinct threshold plus the origin, summed in
 * integer-valued float64 (exact while 2·positives·negatives < 2^53, i.e. for
 * all pairs of > 10⁵ images) and divided once. Equals the Mann–Whitney U
 * statistic / (P·N) with ties counted ½.
 *
 * Contract: `curve` from `prCurve`. null when positives or negatives are 0.
 * Reference: `sklearn.metrics.roc_auc_score(labels, scores)` (binary), which
 * is `auc(fpr, tpr)` on `roc_curve`; agrees to ~1e-15.
 */
export function rocAucFromPrCurve(curve: PrCurve): number | null {
  const positives = curve.positives;
  const negatives = curve.n - positives;
  if (positives === 0 || negatives === 0) return null;
  const { tp, fp } = curve;
  let twiceArea = 0; // Σ Δfp · (tp + tp_prev), an integer
  let prevTp = 0;
  let prevFp = 0;
  for (let k = tp.length - 1; k >= 0; k--) {
    twiceArea += (fp[k] - prevFp) * (tp[k] + prevTp);
    prevTp = tp[k];
    prevFp = fp[k];
  }
  return twiceArea / 2 / positives / negatives;
}

/**
 * ROC AUC of `labels` ranked by `scores`; null with one class only.
 * Contract: as `prCurve`. Reference: `sklearn.metrics.roc_auc_score` (binary).
 */
export function rocAucScore(scores: Float32Array | Float64Array, labels: Uint8Array): number | null {
  return rocAucFromPrCurve(prCurve(scores, labels));
}
