import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  bestF1,
  confusionAtThreshold,
  detCurve,
  interpolatedAveragePrecision,
  prCurve,
  rocAucScore,
  rocCurve,
  tarAtFar,
  trapezoidPrArea,
} from '../../../src/metrics';
import { expectAllClose } from './fixtures';

const f64 = (xs: number[]) => Float64Array.from(xs);
const u8 = (xs: number[]) => Uint8Array.from(xs);
const P1 = [f64([0.8, 0.8, 0.8, 0.2, 0.2]), u8([0, 0, 1, 1, 0])] as const;

describe('prCurve dropIntermediate (scikit-learn ≥ 1.3 semantics), hand-computed', () => {
  test('a run of equal recall keeps only its first and last threshold; AP is unchanged', () => {
    // Descending: 5(+) 4(−) 3(−) 2(−) 1(+): tps 1 1 1 1 2 → thresholds 4 and 3 are dropped.
    const s = f64([3, 1, 5, 2, 4]);
    const y = u8([0, 1, 1, 0, 0]);
    const full = prCurve(s, y);
    const c = prCurve(s, y, { dropIntermediate: true });
    expect(Array.from(full.thresholds)).toEqual([1, 2, 3, 4, 5]);
    expect(Array.from(c.thresholds)).toEqual([1, 2, 5]);
    expect(Array.from(c.precision)).toEqual([0.4, 0.25, 1, 1]);
    expect(Array.from(c.recall)).toEqual([1, 0.5, 0.5, 0]);
    expect(Array.from(c.tp)).toEqual([2, 1, 1]);
    expect(Array.from(c.fp)).toEqual([3, 3, 0]);
    expect(c.ap).toBeCloseTo(0.7, 15);
    expect(full.ap).toBe(c.ap);
  });

  test('curves with ≤ 2 thresholds are returned unchanged (sklearn applies the rule only when len(fps) > 2)', () => {
    const c = prCurve(...P1, { dropIntermediate: true });
    expect(Array.from(c.thresholds)).toEqual([0.2, 0.8]);
  });
});

describe('ROC, AUC, DET on case P1 (ties at the top), hand-computed', () => {
  test('rocCurve: fpr [0, 2/3, 1], tpr [0, 1/2, 1], thresholds [1.8, 0.8, 0.2]; AUC 5/12 (Mann–Whitney with ties ½)', () => {
    const roc = rocCurve(...P1);
    expectAllClose(roc.fpr, [0, 2 / 3, 1], 1e-15, 'fpr');
    expect(Array.from(roc.tpr)).toEqual([0, 0.5, 1]);
    expect(Array.from(roc.thresholds)).toEqual([1.8, 0.8, 0.2]);
    expect(roc.auc).toBeCloseTo(5 / 12, 15);
    expect(rocAucScore(...P1)).toBe(roc.auc);
  });

  test('detCurve: FMR 1 → 2/3, FNMR 0 → 1/2 over thresholds [0.2, 0.8]', () => {
    const det = detCurve(...P1);
    expectAllClose(det.fmr, [1, 2 / 3], 1e-15, 'fmr');
    expect(Array.from(det.fnmr)).toEqual([0, 0.5]);
    expect(Array.from(det.thresholds)).toEqual([0.2, 0.8]);
  });

  test('one class only: AUC null, DET empty with a warning, ROC rates 0 instead of NaN', () => {
    const s = f64([0.3, 0.2, 0.1]);
    expect(rocAucScore(s, u8([1, 1, 1]))).toBeNull();
    expect(detCurve(s, u8([0, 0, 0])).fmr.length).toBe(0);
    const roc = rocCurve(s, u8([1, 1, 1]));
    expect(Array.from(roc.fpr)).toEqual([0, 0, 0]);
    expectAllClose(roc.tpr, [0, 1 / 3, 1], 1e-15, 'tpr'); // collinear middle point (0.2) dropped
  });
});

describe('TAR@FAR: largest TAR over exact ROC points with FAR ≤ target', () => {
  test('P3: NaN excluded; with 1 negative FAR ≤ 0.1 is only FAR 0, reached at threshold 0.2 with TAR 1 (not resolvable)', () => {
    const r = tarAtFar(prCurve(f64([0.9, NaN, 0.1, 0.2]), u8([1, 0, 0, 1])), [0.1])!;
    expect(r).toEqual([{ targetFar: 0.1, tar: 1, far: 0, threshold: 0.2, trueAccepts: 2, falseAccepts: 0, resolvable: false }]);
  });

  test('P4: all scores tied: only the origin has FAR ≤ 0.1, so TAR 0 at threshold +Infinity', () => {
    const s = f64(Array.from({ length: 15 }, (_, i) => (i % 2 ? -0 : 0)));
    const y = u8(Array.from({ length: 15 }, (_, i) => (i % 5 === 0 ? 1 : 0)));
    const r = tarAtFar(prCurve(s, y), [0.1, 1])!;
    expect(r[0]).toMatchObject({ tar: 0, far: 0, threshold: Infinity, resolvable: true });
    expect(r[1]).toMatchObject({ tar: 1, far: 1, threshold: 0 });
  });

  test('10 negatives, 4 positives: FAR 0.1 allows exactly one false accept', () => {
    const s = f64([9, 8, 7, 6, 5, 4, 3, 2, 1, 0.5, 0.4, 0.3, 0.2, 0.1]);
    const y = u8([1, 0, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    const [r10, r0] = tarAtFar(prCurve(s, y), [0.1, 0.01])!;
    // Thresholds 8 … 6 have one false accept; 6 accepts 3 of 4 positives; 5 adds a second FA.
    expect(r10).toMatchObject({ tar: 0.75, far: 0.1, threshold: 6, trueAccepts: 3, falseAccepts: 1, resolvable: true });
    expect(r0).toMatchObject({ tar: 0.25, far: 0, threshold: 9, resolvable: false });
    expect(tarAtFar(prCurve(s, u8(Array(14).fill(0))))).toBeNull();
  });
});

describe('best F1 and the confusion counts at a threshold', () => {
  test('P1: F1 is 4/7 at 0.2 and 0.4 at 0.8, so the best threshold is 0.2', () => {
    const b = bestF1(prCurve(...P1))!;
    expect(b).toMatchObject({ threshold: 0.2, tp: 2, fp: 3, tn: 0, fn: 0, recall: 1 });
    expect(b.f1).toBeCloseTo(4 / 7, 15);
    expect(bestF1(prCurve(f64([0.1]), u8([0])))).toBeNull();
  });

  test('score ≥ t is predicted positive; −0 equals 0; above every score nothing is predicted (precision 0 by zero_division)', () => {
    const c = prCurve(f64([0, -0, 0.5, -1]), u8([1, 0, 1, 0]));
    expect(confusionAtThreshold(c, -0)).toEqual(confusionAtThreshold(c, 0));
    expect(confusionAtThreshold(c, 0)).toMatchObject({ tp: 2, fp: 1, tn: 1, fn: 0, recall: 1 });
    expect(confusionAtThreshold(c, 0.25)).toMatchObject({ tp: 1, fp: 0, tn: 2, fn: 1, precision: 1, recall: 0.5 });
    expect(confusionAtThreshold(c, 2)).toMatchObject({ tp: 0, fp: 0, tn: 2, fn: 2, precision: 0, recall: 0, f1: 0 });
    expect(() => confusionAtThreshold(c, NaN)).toThrow(/NaN/);
  });
});

describe('AP alternatives are labelled and ordered', () => {
  test('P1: interpolated AP (VOC all-point) = ½·(1/3 → envelope 0.4) + ½·0.4 = 0.4; trapezoid = 0.5·(0.4 + 1/3)/2 + 0.5·(1/3 + 1)/2', () => {
    const c = prCurve(...P1);
    expect(interpolatedAveragePrecision(c)).toBeCloseTo(0.4, 15);
    expect(trapezoidPrArea(c)).toBeCloseTo(0.25 * (0.4 + 1 / 3) + 0.25 * (1 / 3 + 1), 15);
    expect(c.ap).toBeLessThan(interpolatedAveragePrecision(c));
  });
});

describe('derived metrics never depend on input order, −0 vs +0, or NaN placement (fast-check)', () => {
  test('rocCurve, detCurve, tarAtFar, bestF1 and the AP alternatives are equal for a shuffled copy', () => {
    const score = fc.oneof(fc.constantFrom(0, -0, 0.5, 1, -1, NaN, Infinity), fc.double({ noNaN: true, min: -3, max: 3 }));
    const items = fc.array(fc.tuple(score, fc.integer({ min: 0, max: 1 }), fc.integer()), { maxLength: 50 });
    fc.assert(
      fc.property(items, (xs) => {
        const perm = xs.map((_, i) => i).sort((a, b) => xs[a][2] - xs[b][2] || a - b);
        const all = (order: number[]) => {
          const s = f64(order.map((i) => xs[i][0]));
          const y = u8(order.map((i) => xs[i][1]));
          const c = prCurve(s, y);
          return [rocCurve(s, y), detCurve(s, y), tarAtFar(c), bestF1(c), interpolatedAveragePrecision(c), trapezoidPrArea(c)];
        };
        expect(all(perm)).toEqual(all(xs.map((_, i) => i)));
      }),
      { numRuns: 200 },
    );
  });
});
