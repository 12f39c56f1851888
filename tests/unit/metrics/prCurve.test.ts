import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { prCurve, WARN_EMPTY, WARN_NO_POSITIVES, WARN_ONE_SCORE, warnNonFinite, type PrCurve } from '../../../src/metrics';
import { expectAllClose } from './fixtures';

const f64 = (xs: number[]) => Float64Array.from(xs);
const u8 = (xs: number[]) => Uint8Array.from(xs);

function expectNoNaN(c: PrCurve): void {
  for (const arr of [c.thresholds, c.precision, c.recall, c.tp, c.fp]) {
    expect(Array.from(arr).some(Number.isNaN)).toBe(false);
  }
  expect(Number.isNaN(c.ap)).toBe(false);
  expect(Number.isNaN(c.chance)).toBe(false);
}

/** O(n·m) reference straight from the definition: one threshold per distinct score. */
function naiveCurve(scores: number[], labels: number[]) {
  const finite = scores.map((s, i) => [s, labels[i]] as const).filter(([s]) => Number.isFinite(s));
  const thresholds = [...new Set(finite.map(([s]) => (s === 0 ? 0 : s)))].sort((a, b) => a - b);
  const pos = finite.filter(([, y]) => y === 1).length;
  const precision: number[] = [];
  const recall: number[] = [];
  for (const t of thresholds) {
    const above = finite.filter(([s]) => s >= t);
    const tp = above.filter(([, y]) => y === 1).length;
    precision.push(tp / above.length);
    recall.push(pos > 0 ? tp / pos : 0);
  }
  precision.push(1);
  recall.push(0);
  let ap = 0;
  for (let k = 0; k + 1 < recall.length; k++) ap += (recall[k] - recall[k + 1]) * precision[k];
  return { thresholds, precision, recall, ap };
}

describe('prCurve contract cases', () => {
  test('P1: prCurve(scores, labels) groups tied scores like scikit-learn', () => {
    const c = prCurve(f64([0.8, 0.8, 0.8, 0.2, 0.2]), u8([0, 0, 1, 1, 0]));
    expect(Array.from(c.thresholds)).toEqual([0.2, 0.8]);
    expectAllClose(c.precision, [0.4, 1 / 3, 1], 1e-15, 'precision');
    expect(Array.from(c.recall)).toEqual([1, 0.5, 0]);
    expect(c.ap).toBeCloseTo(0.5 * (1 / 3) + 0.5 * 0.4, 15);
    expect(c.ap).toBeCloseTo(0.3667, 4);
    expect(Array.from(c.tp)).toEqual([2, 1]);
    expect(Array.from(c.fp)).toEqual([3, 2]);
    expect(c.n).toBe(5);
    expect(c.positives).toBe(2);
    expect(c.chance).toBe(0.4);
    expect(c.warnings).toEqual([]);
  });

  test('P1: shuffling the input order never changes the curve or AP', () => {
    const s = [0.8, 0.8, 0.8, 0.2, 0.2];
    const y = [0, 0, 1, 1, 0];
    const ref = prCurve(f64(s), u8(y));
    for (const perm of [[4, 3, 2, 1, 0], [2, 0, 4, 1, 3], [3, 2, 1, 0, 4]]) {
      const c = prCurve(f64(perm.map((i) => s[i])), u8(perm.map((i) => y[i])));
      expect(c.thresholds).toEqual(ref.thresholds);
      expect(c.precision).toEqual(ref.precision);
      expect(c.recall).toEqual(ref.recall);
      expect(c.ap).toBe(ref.ap);
    }
  });

  test('P2: no positives gives AP 0, recall 0, a "no positive pairs" warning and no NaN anywhere', () => {
    const c = prCurve(f64([0.1, 0.1, 0.1, 0.1]), u8([0, 0, 0, 0]));
    expect(c.ap).toBe(0);
    expect(Array.from(c.thresholds)).toEqual([0.1]);
    expect(Array.from(c.precision)).toEqual([0, 1]);
    expect(Array.from(c.recall)).toEqual([0, 0]);
    expect(c.warnings).toContain(WARN_NO_POSITIVES);
    expect(c.warnings).toContain('no positive pairs');
    expectNoNaN(c);
  });

  test('P2: all positives gives precision 1 everywhere, recall [1, 2/3, 1/3, 0] and AP 1', () => {
    const c = prCurve(f64([0.3, 0.2, 0.1]), u8([1, 1, 1]));
    expect(Array.from(c.thresholds)).toEqual([0.1, 0.2, 0.3]);
    expect(Array.from(c.precision)).toEqual([1, 1, 1, 1]);
    expectAllClose(c.recall, [1, 2 / 3, 1 / 3, 0], 1e-15, 'recall');
    expect(c.ap).toBe(1);
    expectNoNaN(c);
  });

  test('P3: a NaN score is excluded and counted, never sorted, and AP over the rest is 1', () => {
    const c = prCurve(f64([0.9, NaN, 0.1, 0.2]), u8([1, 0, 0, 1]));
    expect(c.excludedNonFinite).toBe(1);
    expect(Array.from(c.excludedIndices)).toEqual([1]);
    expect(c.n).toBe(3);
    expect(c.ap).toBe(1);
    expect(Array.from(c.thresholds)).toEqual([0.1, 0.2, 0.9]);
    expect(c.warnings).toContain(warnNonFinite(1));
    expectNoNaN(c);
  });

  test('P3: ±Infinity scores are excluded like NaN and reported by original index', () => {
    const c = prCurve(Float32Array.from([Infinity, 0.9, -Infinity, NaN, 0.1]), u8([1, 1, 0, 0, 0]));
    expect(Array.from(c.excludedIndices)).toEqual([0, 2, 3]);
    expect(c.warnings).toContain('3 non-finite scores excluded');
    expect(c.ap).toBe(1);
  });

  test('P4: 15 scores all 0 (some −0) with 3 positives give one threshold, AP 0.2 = chance', () => {
    const s = f64(Array.from({ length: 15 }, (_, i) => (i % 2 ? -0 : 0)));
    const y = u8(Array.from({ length: 15 }, (_, i) => (i % 5 === 0 ? 1 : 0)));
    const c = prCurve(s, y);
    expect(Array.from(c.thresholds)).toEqual([0]);
    expect(Object.is(c.thresholds[0], 0)).toBe(true);
    expect(Array.from(c.precision)).toEqual([0.2, 1]);
    expect(Array.from(c.recall)).toEqual([1, 0]);
    expect(c.ap).toBeCloseTo(0.2, 15);
    expect(c.ap).toBeCloseTo(c.chance, 15);
    expect(c.warnings).toContain(WARN_ONE_SCORE);
    expect(c.warnings).toContain('only 1 distinct score');
  });

  test('empty input (nothing finite) gives no thresholds, precision [1], recall [0], AP 0 and a warning', () => {
    for (const c of [prCurve(f64([]), u8([])), prCurve(f64([NaN, Infinity]), u8([1, 0]))]) {
      expect(Array.from(c.thresholds)).toEqual([]);
      expect(Array.from(c.precision)).toEqual([1]);
      expect(Array.from(c.recall)).toEqual([0]);
      expect(c.ap).toBe(0);
      expect(c.chance).toBe(0);
      expect(c.n).toBe(0);
      expect(c.warnings).toContain(WARN_EMPTY);
      expectNoNaN(c);
    }
  });

  test('labels other than 0/1 and mismatched lengths are rejected', () => {
    expect(() => prCurve(f64([0.1, 0.2]), u8([0, 2]))).toThrow(/labels must be 0 or 1/);
    expect(() => prCurve(f64([0.1, 0.2]), u8([0]))).toThrow(/2 scores but 1 labels/);
  });
});

describe('prCurve properties (fast-check)', () => {
  // Few distinct values so ties are common; float32-representable, with −0 and ±Infinity/NaN.
  const score = fc.oneof(
    fc.constantFrom(0, -0, 0.5, 1, -1, 0.25, 3, Infinity, -Infinity, NaN),
    fc.float({ noNaN: true, noDefaultInfinity: true }),
  );
  const items = fc.array(fc.tuple(score, fc.integer({ min: 0, max: 1 }), fc.integer()), { maxLength: 60 });

  test('shuffling the input, or Float32Array vs Float64Array for float32-representable scores, never changes the curve or AP', () => {
    fc.assert(
      fc.property(items, (xs) => {
        const s = xs.map((x) => x[0]);
        const y = xs.map((x) => x[1]);
        const perm = xs.map((_, i) => i).sort((a, b) => xs[a][2] - xs[b][2] || a - b);
        const ref = prCurve(f64(s), u8(y));
        for (const c of [
          prCurve(f64(perm.map((i) => s[i])), u8(perm.map((i) => y[i]))),
          prCurve(Float32Array.from(s), u8(y)),
          prCurve(Float32Array.from(perm.map((i) => s[i])), u8(perm.map((i) => y[i]))),
        ]) {
          expect(c.thresholds).toEqual(ref.thresholds);
          expect(c.precision).toEqual(ref.precision);
          expect(c.recall).toEqual(ref.recall);
          expect(c.tp).toEqual(ref.tp);
          expect(c.fp).toEqual(ref.fp);
          expect(c.ap).toBe(ref.ap);
          expect(c.excludedNonFinite).toBe(ref.excludedNonFinite);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('prCurve agrees with a naive per-threshold count and never produces NaN (float32 and float64 values)', () => {
    const anyScore = fc.oneof(score, fc.double({ noNaN: true }), fc.constantFrom(0.1, 0.2, 0.30000000000000004, 1e-300));
    const anyItems = fc.array(fc.tuple(anyScore, fc.integer({ min: 0, max: 1 })), { maxLength: 60 });
    fc.assert(
      fc.property(anyItems, (xs) => {
        const s = xs.map((x) => x[0]);
        const y = xs.map((x) => x[1]);
        const c = prCurve(f64(s), u8(y));
        const ref = naiveCurve(s, y);
        expect(Array.from(c.thresholds)).toEqual(ref.thresholds);
        expectAllClose(c.precision, ref.precision, 1e-12, 'precision');
        expectAllClose(c.recall, ref.recall, 1e-12, 'recall');
        expect(Math.abs(c.ap - ref.ap)).toBeLessThanOrEqual(1e-12);
        expect(c.ap).toBeGreaterThanOrEqual(0);
        expect(c.ap).toBeLessThanOrEqual(1 + 1e-12);
        expectNoNaN(c);
      }),
      { numRuns: 300 },
    );
  });
});
