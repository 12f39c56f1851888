import { describe, expect, test } from 'vitest';
import { downsampleCurve, pointAtThreshold, prCurve, rankAtIndex } from '../../../src/metrics';

const p1 = prCurve(Float64Array.from([0.8, 0.8, 0.8, 0.2, 0.2]), Uint8Array.from([0, 0, 1, 1, 0]));

describe('pointAtThreshold(curve, t) is the curve point that predicts positive for score ≥ t', () => {
  test('returns the first threshold ≥ t, or the final (P=1, R=0) point above every threshold', () => {
    expect(pointAtThreshold(p1, -Infinity)).toBe(0);
    expect(pointAtThreshold(p1, 0.1)).toBe(0);
    expect(pointAtThreshold(p1, 0.2)).toBe(0);
    expect(pointAtThreshold(p1, 0.5)).toBe(1);
    expect(pointAtThreshold(p1, 0.8)).toBe(1);
    expect(pointAtThreshold(p1, 0.9)).toBe(2);
    expect(() => pointAtThreshold(p1, NaN)).toThrow(/NaN/);
  });

  test('rankAtIndex(curve, pointAtThreshold(curve, t)) counts the scores ≥ t', () => {
    let seed = 7;
    const n = 2000;
    const s = new Float64Array(n);
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      s[i] = Math.round((seed >>> 8) / 2 ** 16) / 64;
      y[i] = seed & 1;
    }
    const c = prCurve(s, y);
    for (const t of [-1, 0, 0.5, 10, 100, 200, 255.9, 1e9]) {
      const expected = Array.from(s).filter((x) => x >= t).length;
      expect(rankAtIndex(c, pointAtThreshold(c, t))).toBe(expected);
    }
  });
});

describe('rankAtIndex(curve, i) = tp[i] + fp[i], the number of items predicted positive', () => {
  test('on P1: 5 at threshold 0.2, 3 at 0.8, 0 at the final point; out-of-range throws', () => {
    expect([0, 1, 2].map((i) => rankAtIndex(p1, i))).toEqual([5, 3, 0]);
    expect(() => rankAtIndex(p1, 3)).toThrow(/outside/);
  });
});

describe('downsampleCurve(curve, maxPoints) keeps the ends and every per-bucket precision extreme', () => {
  test('a curve that already fits is returned whole', () => {
    expect(Array.from(downsampleCurve(p1, 50))).toEqual([0, 1, 2]);
  });

  test('a planted single-point dip survives downsampling to 50 points from 100k', () => {
    // Ranked items: pseudo-random labels (≈70 % positive) with distinct scores, except a
    // tie block of 10k negatives followed by a tie block of 10k positives at rank 40k:
    // precision dips at exactly one curve point and then recovers.
    const n = 100_000;
    const s = new Float64Array(n);
    const y = new Uint8Array(n);
    let seed = 99;
    for (let r = 0; r < n; r++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const inNeg = r >= 40_000 && r < 50_000;
      const inPos = r >= 50_000 && r < 60_000;
      s[r] = inNeg ? -40_000 : inPos ? -50_000 : -r;
      y[r] = inNeg ? 0 : inPos ? 1 : (seed >>> 16) % 10 < 7 ? 1 : 0;
    }
    const c = prCurve(s, y);
    expect(c.precision.length).toBeGreaterThan(80_000);
    const dip = pointAtThreshold(c, -40_000);
    expect(c.precision[dip]).toBeLessThan(c.precision[dip - 1] - 0.05); // a real dip...
    expect(c.precision[dip]).toBeLessThan(c.precision[dip + 1] - 0.05); // ...of one point

    const picked = downsampleCurve(c, 50);
    expect(picked.length).toBeLessThanOrEqual(50);
    expect(picked[0]).toBe(0);
    expect(picked[picked.length - 1]).toBe(c.precision.length - 1);
    for (let k = 1; k < picked.length; k++) expect(picked[k]).toBeGreaterThan(picked[k - 1]);
    expect(Array.from(picked)).toContain(dip);
    // The lowest and highest interior precision both survive as well.
    let lo = 1;
    let hi = 1;
    for (let i = 1; i < c.precision.length - 1; i++) {
      if (c.precision[i] < c.precision[lo]) lo = i;
      if (c.precision[i] > c.precision[hi]) hi = i;
    }
    expect(Array.from(picked)).toContain(lo);
    expect(Array.from(picked)).toContain(hi);
  });

  test('maxPoints below 4 keeps only the end points; below 2 throws', () => {
    const c = prCurve(Float64Array.from({ length: 100 }, (_, i) => i), Uint8Array.from({ length: 100 }, (_, i) => i % 2));
    expect(Array.from(downsampleCurve(c, 3))).toEqual([0, 100]);
    expect(() => downsampleCurve(c, 1)).toThrow();
  });
});
