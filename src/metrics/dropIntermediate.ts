import type { PrCurve } from './prCurve';

/**
 * The curve without the thresholds that a plot cannot show: inside each run
 * of thresholds with the same true-positive count (a vertical segment at one
 * recall), only the first and the last point are kept; the lowest and the
 * highest threshold are always kept. Curves with ≤ 2 thresholds are returned
 * unchanged. `ap`, `n`, `positives`, `chance` and the exclusions are those of
 * the full curve (AP is identical anyway: a dropped point has the same recall
 * as its neighbour on the higher-threshold side, so it adds 0 to Σ ΔR·P).
 *
 * Contract: `curve` comes from `prCurve` / `curveFromCounts` (thresholds
 * increasing, cumulative `tp`/`fp`, final point P = 1, R = 0). Returns a new
 * object with new arrays; the input is not modified.
 *
 * Reference: `sklearn.metrics.precision_recall_curve(..., drop_intermediate=True)`
 * added in scikit-learn 1.3 (1.2.1, our fixture version, has no such option):
 * `optimal_idxs = np.where(np.r_[True, np.logical_or(np.diff(tps[:-1]),
 * np.diff(tps[1:])), True])[0]` over the descending-threshold arrays,
 * applied when `len(fps) > 2`.
 */
export function dropIntermediatePoints(curve: PrCurve): PrCurve {
  const { thresholds, tp, fp, precision, recall } = curve;
  const m = thresholds.length;
  if (m <= 2) return curve;
  const keep = new Uint8Array(m);
  let kept = 0;
  for (let k = 0; k < m; k++) {
    // In increasing-threshold order: the ends, or a tp change on either side.
    const ok = k === 0 || k === m - 1 || tp[k] !== tp[k - 1] || tp[k] !== tp[k + 1];
    if (ok) {
      keep[k] = 1;
      kept++;
    }
  }
  const t2 = new Float64Array(kept);
  const tp2 = new Float64Array(kept);
  const fp2 = new Float64Array(kept);
  const p2 = new Float64Array(kept + 1);
  const r2 = new Float64Array(kept + 1);
  let j = 0;
  for (let k = 0; k < m; k++) {
    if (keep[k] === 0) continue;
    t2[j] = thresholds[k];
    tp2[j] = tp[k];
    fp2[j] = fp[k];
    p2[j] = precision[k];
    r2[j] = recall[k];
    j++;
  }
  p2[kept] = precision[m];
  r2[kept] = recall[m];
  return { ...curve, thresholds: t2, tp: tp2, fp: fp2, precision: p2, recall: r2, warnings: curve.warnings.slice() };
}
