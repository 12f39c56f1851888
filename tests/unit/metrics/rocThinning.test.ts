import { describe, expect, it } from 'vitest';
import { prCurve } from '../../../src/metrics/prCurve';
import { rocFromPrCurve, ROC_DRAW_STEP } from '../../../src/metrics/roc';
import { mulberry32 } from '../../../src/io/seededRandom';

/** 200,000 scores with many distinct values: a ROC of tens of thousands of points. */
function world(seed: number) {
  const rand = mulberry32(seed);
  const n = 200_000;
  const scores = new Float64Array(n);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    labels[i] = rand() < 0.1 ? 1 : 0;
    scores[i] = rand() + labels[i] * 0.6 * rand();
  }
  return prCurve(scores, labels);
}

describe('rocFromPrCurve(curve, { minStep }): the ROC thinned for drawing', () => {
  it('keeps the first and last point, at most a few thousand points, consecutive kept points ≥ minStep apart, the same AUC', () => {
    const curve = world(3);
    const full = rocFromPrCurve(curve);
    const thin = rocFromPrCurve(curve, { minStep: ROC_DRAW_STEP });
    expect(full.fpr.length).toBeGreaterThan(20_000);
    expect(thin.fpr.length).toBeLessThan(2 * 4096 + 2);
    expect(thin.auc).toBe(full.auc);
    expect([thin.fpr[0], thin.tpr[0], thin.thresholds[0]]).toEqual([full.fpr[0], full.tpr[0], full.thresholds[0]]);
    const last = (a: Float64Array) => a[a.length - 1];
    expect([last(thin.fpr), last(thin.tpr), last(thin.thresholds)]).toEqual([last(full.fpr), last(full.tpr), last(full.thresholds)]);
    for (let i = 2; i < thin.fpr.length - 1; i++) {
      expect(Math.max(thin.fpr[i] - thin.fpr[i - 1], thin.tpr[i] - thin.tpr[i - 1])).toBeGreaterThanOrEqual(ROC_DRAW_STEP);
    }
  });

  it('every point of the full ROC lies within minStep (in FPR and TPR) of the last kept point at or before it: the drawn line stays under a pixel from the exact one', () => {
    const curve = world(5);
    const full = rocFromPrCurve(curve);
    const thin = rocFromPrCurve(curve, { minStep: ROC_DRAW_STEP });
    let j = 0;
    for (let i = 0; i < full.fpr.length; i++) {
      while (j + 1 < thin.thresholds.length && thin.thresholds[j + 1] >= full.thresholds[i]) j++;
      expect(full.fpr[i] - thin.fpr[j]).toBeLessThan(ROC_DRAW_STEP);
      expect(full.tpr[i] - thin.tpr[j]).toBeLessThan(ROC_DRAW_STEP);
    }
  });
});
