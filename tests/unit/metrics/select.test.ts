import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { kthLargest, topPositions } from '../../../src/metrics';

const stableTop = (xs: number[], k: number) =>
  xs
    .map((_, i) => i)
    .sort((a, b) => (xs[a] > xs[b] ? -1 : xs[a] < xs[b] ? 1 : a - b))
    .slice(0, k);

describe('topPositions(values, k) = the first k of a stable descending argsort', () => {
  test('ties go to the lower position; ±Infinity allowed', () => {
    const v = Float64Array.from([1, 3, 3, -Infinity, 3, Infinity, 0]);
    expect(Array.from(topPositions(v, 3))).toEqual([5, 1, 2]);
    expect(Array.from(topPositions(v, 7))).toEqual([5, 1, 2, 4, 0, 6, 3]);
    expect(Array.from(topPositions(v, 0))).toEqual([]);
    expect(() => topPositions(v, 8)).toThrow();
  });

  test('matches the reference for random values with many ties, every k (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -4, max: 4 }), { maxLength: 80 }), fc.nat(), (xs, kSeed) => {
        const k = xs.length === 0 ? 0 : kSeed % (xs.length + 1);
        const v = Float64Array.from(xs);
        expect(Array.from(topPositions(v, k))).toEqual(stableTop(xs, k));
        if (xs.length > 0) {
          const r = kSeed % xs.length;
          expect(kthLargest(v.slice(), r)).toBe([...xs].sort((a, b) => b - a)[r]);
        }
      }),
      { numRuns: 500 },
    );
  });
});
