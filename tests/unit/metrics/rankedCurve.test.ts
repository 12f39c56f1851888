import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { argsortDescending, prCurve, rankedPrCurve, splitFinite, type PrCurve } from '../../../src/metrics';
import { evaluateEmbeddings } from '../../../src/metrics/evaluateEmbeddings';
import { evaluateListedPairs } from '../../../src/metrics/listedPairs';

/** The bit patterns of a float64 array, so −0 ≠ +0 and NaN payloads count. */
const bits = (a: Float64Array) => Array.from(new Uint32Array(a.buffer, a.byteOffset, 2 * a.length));

/** Expects `actual` to equal `expected` bit for bit in every field. */
function expectSameCurve(actual: PrCurve, expected: PrCurve): void {
  for (const key of ['thresholds', 'precision', 'recall', 'tp', 'fp'] as const) {
    expect(bits(actual[key]), key).toEqual(bits(expected[key]));
  }
  expect(Object.is(actual.ap, expected.ap), `ap ${actual.ap} vs ${expected.ap}`).toBe(true);
  expect(Object.is(actual.chance, expected.chance)).toBe(true);
  expect([actual.n, actual.positives, actual.excludedNonFinite]).toEqual([expected.n, expected.positives, expected.excludedNonFinite]);
  expect(Array.from(actual.excludedIndices)).toEqual(Array.from(expected.excludedIndices));
  expect(actual.warnings).toEqual(expected.warnings);
}

/** The ranking as evaluateEmbeddings built it before: argsort of the finite scores, mapped back. */
function referenceOrder(scores: Float32Array | Float64Array, labels: Uint8Array): number[] {
  const split = splitFinite(scores, labels);
  return Array.from(argsortDescending(split.scores), (k) => (split.keptIndex ? split.keptIndex[k] : k));
}

const score = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(0, -0, 1, -1, 0.5, 0.1, Infinity, -Infinity, NaN) },
  { weight: 2, arbitrary: fc.double() }, // includes NaN, ±Infinity, subnormals; 64-bit keys in float64
  { weight: 2, arbitrary: fc.integer({ min: -4, max: 4 }).map((k) => k / 8) }, // exact float32: 32-bit keys
);
const scoredLabels = fc.array(fc.tuple(score, fc.integer({ min: 0, max: 1 })), { maxLength: 300 });

describe('rankedPrCurve(scores, labels) gives prCurve’s curve and the stable ranking from one sort', () => {
  test('the curve equals prCurve bit for bit and the order equals the stable argsort, on random inputs with ties, NaN and ±Infinity (fast-check)', () => {
    fc.assert(
      fc.property(scoredLabels, (rows) => {
        const labels = Uint8Array.from(rows, (r) => r[1]);
        for (const scores of [Float64Array.from(rows, (r) => r[0]), Float32Array.from(rows, (r) => r[0])]) {
          const ranked = rankedPrCurve(scores, labels);
          expectSameCurve(ranked.curve, prCurve(scores, labels));
          expect(Array.from(ranked.order)).toEqual(referenceOrder(scores, labels));
        }
      }),
      { numRuns: 400 },
    );
  });

  test('ties keep index order and the label bit never leaks into the order', () => {
    const r = rankedPrCurve(Float32Array.from([0.5, NaN, 0.5, 1, -0, 0.5, 0]), Uint8Array.from([1, 1, 0, 1, 1, 0, 0]));
    expect(Array.from(r.order)).toEqual([3, 0, 2, 5, 4, 6]);
    expect(Array.from(r.curve.thresholds)).toEqual([0, 0.5, 1]);
    expect(Array.from(r.curve.tp)).toEqual([3, 2, 1]);
    expect(Array.from(r.curve.fp)).toEqual([3, 2, 0]);
  });

  test('no finite score: the empty curve of prCurve and an empty order', () => {
    const scores = Float64Array.from([NaN, Infinity]);
    const labels = Uint8Array.from([1, 0]);
    const r = rankedPrCurve(scores, labels);
    expectSameCurve(r.curve, prCurve(scores, labels));
    expect(r.order.length).toBe(0);
    expect(rankedPrCurve(new Float32Array(0), new Uint8Array(0)).order.length).toBe(0);
  });

  test('a label other than 0/1 throws prCurve’s error', () => {
    const scores = Float32Array.from([1, NaN, 2]);
    const labels = Uint8Array.from([0, 1, 2]);
    expect(() => rankedPrCurve(scores, labels)).toThrow(/label 2 at index 1; labels must be 0 or 1/);
    expect(() => prCurve(scores, labels)).toThrow(/label 2 at index 1; labels must be 0 or 1/);
  });
});

/** Small embeddings on a coarse grid (many tied pair scores), some entries NaN or ±Infinity. */
const world = fc
  .record({ n: fc.integer({ min: 2, max: 14 }), d: fc.integer({ min: 1, max: 4 }), seed: fc.integer() })
  .chain(({ n, d }) =>
    fc.record({
      n: fc.constant(n),
      d: fc.constant(d),
      emb: fc.array(fc.oneof({ weight: 12, arbitrary: fc.integer({ min: -2, max: 2 }) }, { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity) }), {
        minLength: n * d,
        maxLength: n * d,
      }),
      classes: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
    }),
  );

describe('evaluateEmbeddings / evaluateListedPairs use one ranking for the curve and the gallery order', () => {
  test('their curve equals prCurve of their scores and labels, and their order the stable argsort (fast-check)', () => {
    fc.assert(
      fc.property(world, fc.constantFrom('neg-sq-l2' as const, 'cosine' as const), ({ n, d, emb, classes }, metric) => {
        const e = Float32Array.from(emb);
        const ev = evaluateEmbeddings(e, n, d, Int32Array.from(classes), metric);
        expectSameCurve(ev.curve, prCurve(ev.scores, ev.labels));
        expect(Array.from(ev.order)).toEqual(referenceOrder(ev.scores, ev.labels));
        // The same pairs listed backwards, with the same labels.
        const m = ev.scores.length;
        const a = new Uint32Array(m);
        const b = new Uint32Array(m);
        for (let i = 0, k = 0; i < n; i++) for (let j = i + 1; j < n; j++, k++) [a[m - 1 - k], b[m - 1 - k]] = [j, i];
        const labels = ev.labels.slice().reverse();
        const listed = evaluateListedPairs(e, n, d, a, b, labels, metric);
        expectSameCurve(listed.curve, prCurve(listed.scores, labels));
        expect(Array.from(listed.order)).toEqual(referenceOrder(listed.scores, labels));
      }),
      { numRuns: 300 },
    );
  });
});
