import { describe, expect, it } from 'vitest';
import { findDip, MARGIN, REF_RECALL } from '../../../src/diagnostics/dip';
import { prCurve } from '../../../src/metrics/prCurve';

const curveOf = (scores: number[], labels: number[]) => prCurve(Float64Array.from(scores), Uint8Array.from(labels));
/** Scores for labels given in ranking order (first = most confident), all distinct. */
const ranked = (labels: number[]) => curveOf(labels.map((_, i) => labels.length - i), labels);
/** A deterministic tail: positives with probability ~`rate` (a fixed LCG, no Math.random). */
function tail(n: number, rate: number, seed = 7): number[] {
  let s = seed;
  return Array.from({ length: n }, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648 < rate ? 1 : 0;
  });
}

/** The contract every dip must satisfy, checked point by point. */
function expectDipContract(c: ReturnType<typeof curveOf>, dip: NonNullable<ReturnType<typeof findDip>>) {
  for (let i = dip.endIdx; i <= dip.topIdx; i++) {
    expect(c.recall[i]).toBeLessThanOrEqual(REF_RECALL);
    expect(c.precision[i]).toBeLessThan(dip.refPrecision - MARGIN);
  }
  // the reference is reached beyond the run, at low recall
  let best = -Infinity;
  for (let j = 0; j < dip.endIdx; j++) if (c.recall[j] <= REF_RECALL) best = Math.max(best, c.precision[j]);
  expect(best).toBe(dip.refPrecision);
  // the run ends at the first point within MARGIN of the best precision still ahead
  let ahead = -Infinity;
  for (let j = 0; j < dip.endIdx - 1; j++) if (c.recall[j] <= REF_RECALL) ahead = Math.max(ahead, c.precision[j]);
  if (dip.endIdx > 0 && c.recall[dip.endIdx - 1] <= REF_RECALL) expect(c.precision[dip.endIdx - 1]).toBeGreaterThanOrEqual(ahead - MARGIN);
}

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
    expectDipContract(c, dip);
  });

  it('finds a dip at rank 1 (only the single most confident pair is wrong)', () => {
    const c = curveOf([5, 4, 3, 2, 1], [0, 1, 1, 1, 0]);
    const dip = findDip(c.precision, c.recall)!;
    expect(dip.topIdx).toBe(dip.endIdx);
    expect(c.tp[dip.endIdx] + c.fp[dip.endIdx]).toBe(1);
  });

  it('finds the rank-1 dip of a block of 12 tied false positives on top (the ?demo=noisy shape)', () => {
    const rest = tail(2000, 0.2);
    const scores = [...Array(12).fill(100), ...rest.map((_, i) => 50 - i * 0.01)];
    const labels = [...Array(12).fill(0), 1, 1, 1, 1, 1, 1, 1, 1, ...rest.slice(8)];
    const c = curveOf(scores, labels);
    const dip = findDip(c.precision, c.recall)!;
    expect(dip).not.toBeNull();
    expect(c.thresholds[dip.topIdx]).toBe(100);
    expect(dip.minPrecision).toBe(0);
    expectDipContract(c, dip);
  });

  it('finds a dip that starts after a few correct pairs: 3 positives, then 5 negatives, then precision climbs back (the new-user scores table)', () => {
    // 500 rows, 100 positives: precision 1.0 → 0.375 at recall 0.03 → back to ~0.92
    const labels = [1, 1, 1, 0, 0, 0, 0, 0, ...Array(60).fill(1), ...tail(432, 37 / 432, 3)];
    const c = ranked(labels);
    expect(c.positives).toBeGreaterThan(90);
    const dip = findDip(c.precision, c.recall)!;
    expect(dip).not.toBeNull();
    // the dip's first point is rank 4 (the first wrong pair), not rank 1
    expect(c.tp[dip.topIdx] + c.fp[dip.topIdx]).toBe(4);
    expect(dip.minPrecision).toBe(3 / 8);
    expect(c.precision[dip.minIdx]).toBe(3 / 8);
    expect(dip.refPrecision).toBeGreaterThan(0.9);
    expectDipContract(c, dip);
  });

  it('returns null for a curve whose precision is highest at the top', () => {
    const c = curveOf([5, 4, 3, 2, 1], [1, 1, 0, 1, 0]);
    expect(findDip(c.precision, c.recall)).toBeNull();
  });

  it('returns null for a curve that only falls from its most confident point (no later recovery)', () => {
    // positives get rarer down the ranking: precision never rises by more than the margin
    const labels = [...Array(50).fill(1), ...tail(200, 0.7, 1), ...tail(500, 0.3, 2), ...tail(2000, 0.05, 4)];
    const c = ranked(labels);
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

  it('ignores ordinary noise: one wrong pair after 25 right ones, in a long run of right pairs', () => {
    const labels = [...Array(25).fill(1), 0, ...Array(300).fill(1), ...tail(3000, 0.1, 5)];
    const c = ranked(labels);
    expect(findDip(c.precision, c.recall)).toBeNull();
  });

  it('ignores a recovery that only comes beyond recall 0.5 (not a low-recall dip); the same sag recovering by recall 0.5 is one', () => {
    // 100 positives: 40 right, 10 wrong (precision 0.8), then right pairs: precision passes 0.85 only at 57 positives (recall 0.57)
    const late = ranked([...Array(40).fill(1), ...Array(10).fill(0), ...Array(60).fill(1)]);
    expect(findDip(late.precision, late.recall)).toBeNull();
    // 200 positives: by recall 0.5 (100 positives) precision is back at 100/110
    const early = ranked([...Array(40).fill(1), ...Array(10).fill(0), ...Array(160).fill(1)]);
    const dip = findDip(early.precision, early.recall)!;
    expect(dip.minPrecision).toBe(0.8);
    expectDipContract(early, dip);
  });

  it('picks the most confident of two dips', () => {
    const labels = [0, 0, ...Array(40).fill(1), ...Array(12).fill(0), ...Array(60).fill(1), ...tail(1000, 0.05, 9)];
    const c = ranked(labels);
    const dip = findDip(c.precision, c.recall)!;
    expect(dip.topIdx).toBe(c.thresholds.length - 1);
    expect(dip.minPrecision).toBe(0);
    expect(c.tp[dip.endIdx]).toBeLessThan(40); // ends in the first block of right pairs, before the second dip
    expect(c.fp[dip.endIdx]).toBe(2);
    expectDipContract(c, dip);
  });
});
