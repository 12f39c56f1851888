import { describe, expect, test } from 'vitest';
import {
  bestF1,
  confusionAtThreshold,
  detFromPrCurve,
  interpolatedAveragePrecision,
  prCurve,
  rocAucScore,
  rocFromPrCurve,
  tarAtFar,
  trapezoidPrArea,
  FAR_TARGETS,
} from '../../../src/metrics';
import { expectAllClose, fixtureScores, loadFixtures, type MetricFixture } from './fixtures';

const fixtures = loadFixtures();
const cases = fixtures.map((f) => [f.name, f] as const);
const curveOf = (f: MetricFixture, dropIntermediate = false) => prCurve(fixtureScores(f), Uint8Array.from(f.labels), { dropIntermediate });
const positivesOf = (f: MetricFixture) => f.labels.reduce((a, y, i) => a + (f.scores[i] === null ? 0 : y), 0);
/** sklearn's NaN (null) where a rate is undefined; our contract is 0 there. */
const nullAs0 = (xs: (number | null)[]) => xs.map((x) => x ?? 0);

describe('derived metrics match scikit-learn 1.2.1 fixtures to 1e-9', () => {
  test.each(cases)('prCurve(…, { dropIntermediate: true }) keeps the points of precision_recall_curve(drop_intermediate=True) (sklearn ≥ 1.3 rule): %s', (_n, f) => {
    const c = curveOf(f, true);
    expectAllClose(c.thresholds, f.pr_drop_thresholds, 1e-9, 'thresholds');
    expectAllClose(c.precision, f.pr_drop_precision, 1e-9, 'precision');
    expectAllClose(c.recall, positivesOf(f) === 0 ? f.pr_drop_recall.map(() => 0) : f.pr_drop_recall, 1e-9, 'recall');
    expect(Math.abs(c.ap - f.ap)).toBeLessThanOrEqual(1e-9);
  });

  test.each(cases)('interpolatedAveragePrecision equals the VOC devkit all-point voc_ap, trapezoidPrArea equals sklearn auc(recall, precision): %s', (_n, f) => {
    const c = curveOf(f);
    expect(Math.abs(interpolatedAveragePrecision(c) - f.voc_ap)).toBeLessThanOrEqual(1e-9);
    expect(interpolatedAveragePrecision(c)).toBeGreaterThanOrEqual(c.ap - 1e-12);
    // With no positives sklearn's recall is 1 everywhere (area > 0); ours is 0 everywhere (area 0).
    const expectedArea = positivesOf(f) === 0 ? 0 : f.trapezoid_area;
    expect(Math.abs(trapezoidPrArea(c) - expectedArea)).toBeLessThanOrEqual(1e-9);
  });

  test.each(cases)('rocFromPrCurve matches roc_curve with drop_intermediate True and False, and the AUC matches roc_auc_score: %s', (_n, f) => {
    const c = curveOf(f);
    for (const [drop, fpr, tpr, th] of [
      [true, f.roc_fpr, f.roc_tpr, f.roc_thresholds],
      [false, f.roc_full_fpr, f.roc_full_tpr, f.roc_full_thresholds],
    ] as const) {
      const roc = rocFromPrCurve(c, { dropIntermediate: drop });
      expectAllClose(roc.fpr, nullAs0(fpr), 1e-9, `fpr drop=${drop}`);
      expectAllClose(roc.tpr, nullAs0(tpr), 1e-9, `tpr drop=${drop}`);
      expectAllClose(roc.thresholds, th, 1e-9, `thresholds drop=${drop}`);
    }
    const auc = rocAucScore(fixtureScores(f), Uint8Array.from(f.labels));
    if (f.roc_auc === null) expect(auc).toBeNull();
    else expect(Math.abs(auc! - f.roc_auc)).toBeLessThanOrEqual(1e-9);
  });

  test.each(cases)('detFromPrCurve gives det_curve (FMR = fpr, FNMR = fnr, thresholds), or empty with a warning for one class: %s', (_n, f) => {
    const det = detFromPrCurve(curveOf(f));
    if (f.det_fmr === null) {
      expect(det.fmr.length).toBe(0);
      expect(det.warnings.length).toBe(1);
      return;
    }
    expectAllClose(det.fmr, f.det_fmr, 1e-9, 'fmr');
    expectAllClose(det.fnmr, f.det_fnmr!, 1e-9, 'fnmr');
    expectAllClose(det.thresholds, f.det_thresholds!, 1e-9, 'thresholds');
  });

  test.each(cases)('tarAtFar gives, per FAR target, max TPR over exact ROC points with FPR ≤ target, at the lowest FAR reaching it: %s', (_n, f) => {
    const got = tarAtFar(curveOf(f));
    if (f.tar_at_far === null) {
      expect(got).toBeNull();
      return;
    }
    expect(got!.map((g) => g.targetFar)).toEqual(FAR_TARGETS);
    got!.forEach((g, i) => {
      const want = f.tar_at_far![i];
      expect(Math.abs(g.tar - want.tar)).toBeLessThanOrEqual(1e-9);
      expect(Math.abs(g.far - want.far)).toBeLessThanOrEqual(1e-9);
      expect(g.far).toBeLessThanOrEqual(g.targetFar);
      expect(g.threshold).toBe(want.threshold ?? Infinity);
    });
  });

  test.each(cases)('bestF1 picks the argmax-F1 threshold, and its counts and scores equal sklearn confusion_matrix / f1_score there: %s', (_n, f) => {
    const got = bestF1(curveOf(f));
    if (f.best_f1 === null) {
      expect(got).toBeNull();
      return;
    }
    expect(got!.threshold).toBe(f.best_f1.threshold);
    for (const key of ['tp', 'fp', 'tn', 'fn'] as const) expect(got![key], key).toBe(f.best_f1[key]);
    for (const key of ['precision', 'recall', 'f1'] as const) expect(Math.abs(got![key] - f.best_f1[key]), key).toBeLessThanOrEqual(1e-9);
  });

  test.each(cases)('confusionAtThreshold(curve, t) predicts positive for score ≥ t, like sklearn at quartiles, extremes and beyond: %s', (_n, f) => {
    const c = curveOf(f);
    for (const want of f.at_thresholds) {
      const got = confusionAtThreshold(c, want.threshold);
      for (const key of ['tp', 'fp', 'tn', 'fn'] as const) expect(got[key], `${key} at ${want.threshold}`).toBe(want[key]);
      for (const key of ['precision', 'recall', 'f1'] as const) {
        expect(Math.abs(got[key] - want[key]), `${key} at ${want.threshold}`).toBeLessThanOrEqual(1e-9);
      }
    }
  });
});
