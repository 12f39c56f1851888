import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { mergePrCurves, prCurve, prCurveChunked, type PrCurve } from '../../../src/metrics';

function expectSameCurve(c: PrCurve, ref: PrCurve): void {
  expect(c.thresholds).toEqual(ref.thresholds);
  expect(c.precision).toEqual(ref.precision);
  expect(c.recall).toEqual(ref.recall);
  expect(c.tp).toEqual(ref.tp);
  expect(c.fp).toEqual(ref.fp);
  expect(c.ap).toBe(ref.ap);
  expect(c.n).toBe(ref.n);
  expect(c.positives).toBe(ref.positives);
  expect(Array.from(c.excludedIndices)).toEqual(Array.from(ref.excludedIndices));
  expect(c.warnings).toEqual(ref.warnings);
}

/** Cut [0, n) at the given (sorted, deduplicated) positions. */
function cut<T extends Float64Array | Uint8Array>(a: T, cuts: number[]): T[] {
  const bounds = [0, ...cuts.filter((c) => c > 0 && c < a.length), a.length];
  return bounds.slice(1).map((end, i) => a.subarray(bounds[i], end) as T);
}

const score = fc.oneof(fc.constantFrom(0, -0, 0.5, 1, -1, 3, NaN, Infinity), fc.double({ noNaN: true, min: -5, max: 5 }));
const items = fc.array(fc.tuple(score, fc.integer({ min: 0, max: 1 }), fc.integer()), { maxLength: 80 });
const cuts = fc.uniqueArray(fc.integer({ min: 0, max: 80 }), { maxLength: 8 }).map((c) => c.sort((a, b) => a - b));

describe('splitting the input into chunks or shuffling it never changes the curve or AP', () => {
  test('prCurveChunked(chunks) equals prCurve(concatenation), exclusions at their concatenated index (fast-check)', () => {
    fc.assert(
      fc.property(items, cuts, (xs, cs) => {
        const s = Float64Array.from(xs, (x) => x[0]);
        const y = Uint8Array.from(xs, (x) => x[1]);
        const ref = prCurve(s, y);
        const sc = cut(s, cs);
        const yc = cut(y, cs);
        expectSameCurve(prCurveChunked(sc.map((scores, i) => ({ scores, labels: yc[i] }))), ref);
        // Shuffled, then chunked: same curve (exclusions then name shuffled positions, so compare the rest).
        const perm = xs.map((_, i) => i).sort((a, b) => xs[a][2] - xs[b][2] || a - b);
        const ps = Float64Array.from(perm, (i) => s[i]);
        const py = Uint8Array.from(perm, (i) => y[i]);
        const shuffled = prCurveChunked(cut(ps, cs).map((scores, i) => ({ scores, labels: cut(py, cs)[i] })));
        expect(shuffled.thresholds).toEqual(ref.thresholds);
        expect(shuffled.precision).toEqual(ref.precision);
        expect(shuffled.recall).toEqual(ref.recall);
        expect(shuffled.ap).toBe(ref.ap);
        expect(shuffled.excludedNonFinite).toBe(ref.excludedNonFinite);
      }),
      { numRuns: 300 },
    );
  });

  test('mergePrCurves is order-free on the counts: merge(a, b) and merge(b, a) give the same curve', () => {
    const a = prCurve(Float64Array.from([0.8, 0.8, 0.2]), Uint8Array.from([0, 1, 1]));
    const b = prCurve(Float64Array.from([0.8, 0.2, NaN, 0.5]), Uint8Array.from([0, 0, 1, 1]));
    const ab = mergePrCurves(a, b);
    const ba = mergePrCurves(b, a);
    expect(ab.thresholds).toEqual(ba.thresholds);
    expect(ab.precision).toEqual(ba.precision);
    expect(ab.ap).toBe(ba.ap);
    expect(Array.from(ab.excludedIndices)).toEqual([5]);
    expect(Array.from(ba.excludedIndices)).toEqual([2]);
  });

  test('no chunks, or only empty chunks, give the empty curve; dropIntermediate applies to the merged curve', () => {
    expectSameCurve(prCurveChunked([]), prCurve(new Float64Array(0), new Uint8Array(0)));
    const empty = { scores: new Float32Array(0), labels: new Uint8Array(0) };
    expectSameCurve(prCurveChunked([empty, empty]), prCurve(new Float64Array(0), new Uint8Array(0)));
    const s = Float64Array.from([3, 1, 5, 2, 4]);
    const y = Uint8Array.from([0, 1, 1, 0, 0]);
    const chunks = [{ scores: s.subarray(0, 2), labels: y.subarray(0, 2) }, { scores: s.subarray(2), labels: y.subarray(2) }];
    expectSameCurve(prCurveChunked(chunks, { dropIntermediate: true }), prCurve(s, y, { dropIntermediate: true }));
  });
});
