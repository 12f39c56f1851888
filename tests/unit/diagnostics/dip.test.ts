import { describe, expect, it } from 'vitest';
import { findDip, MARGIN } from '../../../src/diagnostics/dip';
import { prCurve } from '../../../src/metrics/prCurve';

const curveOf = (scores: number[], labels: number[]) => prCurve(Float64Array.from(scores), Uint8Array.from(labels));

describe('findDip(precision, recall)', () => {
  it('finds a dip when the most confident pairs are wrong and precision recovers later', () => {
    // ranks 1–2 negatives, then 8 positives, then a tail of mixed pairs
    const scores = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0.5, 0.4, 0.3, 0.2];
    const labels = [0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 0];
    const c = curveOf(scores, labels);
    const dip = findDip(c.precision, c.recall)!;
    expect(dip).not.toBeNull();
    const last = c.thresholds.length - 1;
    expect(dip.topIdx).toBe(last);
    expect(c.thresholds[dip.topIdx]).toBe(10);
    expect(dip.minPrecision).toBe(0);
    // the dip ends before precision comes within MARGIN of its low-recall best
    expect(c.precision[dip.endIdx - 1]).toBeGreaterThanOrEqual(dip.refPrecision - MARGIN);
    for (let i = dip.endIdx; i <= last; i++) expect(c.precision[i]).toBeLessThan(dip.refPrecision - MARGIN);
  });

  it('finds a dip at rank 1 (only the single most confident pair is wrong)', () => {
    const c = curveOf([5, 4, 3, 2, 1], [0, 1, 1, 1, 0]);
    const dip = findDip(c.precision, c.recall)!;
    expect(dip.topIdx).toBe(dip.endIdx);
    expect(c.tp[dip.endIdx] + c.fp[dip.endIdx]).toBe(1);
  });

  it('returns null for a curve whose precision is highest at the top', () => {
    const c = curveOf([5, 4, 3, 2, 1], [1, 1, 0, 1, 0]);
    expect(findDip(c.precision, c.recall)).toBeNull();
  });

  it('returns null when there are no positive pairs', () => {
    const c = curveOf([0.1, 0.1, 0.1], [0, 0, 0]);
    expect(findDip(c.precision, c.recall)).toBeNull();
  });

  it('ignores a shallow wobble smaller than the margin (a tied top block with 1 wrong pair in 30)', () => {
    const scores = [...Array(30).fill(9), 8, 7, 6, 5];
    const labels = [...Array(29).fill(1), 0, 1, 1, 1, 0];
    const c = curveOf(scores, labels);
    expect(c.precision[c.thresholds.length - 1]).toBeCloseTo(29 / 30, 12);
    expect(findDip(c.precision, c.recall)).toBeNull();
  });
});
