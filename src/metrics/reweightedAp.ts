import type { PrCurve } from './prCurve';

/**
 * AP of a curve whose negatives are a uniform sample, with each sampled
 * negative counted `weight` times (weight = all negatives / sampled
 * negatives): precision_k = tp_k / (tp_k + weight·fp_k), AP = Σ (R_k − R_{k+1})·P_k
 * over the curve's points (scikit-learn's step sum, see prCurve.ts). An
 * estimate of the AP over every pair (the expected false-positive count above
 * each threshold is weight·fp), consistent as the sample grows; weight 1 gives
 * the curve's own AP. 0 when the curve has no positives. Clamped to [0, 1]:
 * the step sum of recall differences can land a few ulps past 1 (a sample
 * with no negatives summed to 1.000000000000278), and an AP above 1 is noise.
 * Contract: `curve` from prCurve; weight ≥ 1 finite. Callers should not
 * present it as an estimate when the sample has no negatives (weight is then
 * undefined: nothing was sampled to stand for the negatives).
 */
export function reweightedAp(curve: Pick<PrCurve, 'tp' | 'fp' | 'recall' | 'positives'>, weight: number): number {
  if (curve.positives === 0) return 0;
  let ap = 0;
  const m = curve.tp.length;
  for (let k = 0; k < m; k++) {
    const tp = curve.tp[k];
    const denom = tp + weight * curve.fp[k];
    const p = denom > 0 ? tp / denom : 1;
    const next = k + 1 < curve.recall.length ? curve.recall[k + 1] : 0;
    ap += (curve.recall[k] - next) * p;
  }
  return Math.min(1, Math.max(0, ap));
}
