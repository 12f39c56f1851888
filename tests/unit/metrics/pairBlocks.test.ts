import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { evaluateEmbeddings } from '../../../src/metrics/evaluateEmbeddings';
import {
  mergeTopPairs,
  pairCount,
  pairLabels,
  pairScores,
  pairScoresBlocked,
  prCurve,
  prCurveChunked,
  topPairsInRange,
  type TopPairs,
} from '../../../src/metrics';

function embeddings(n: number, d: number, seed: number): Float32Array {
  const out = new Float32Array(n * d);
  for (let i = 0; i < out.length; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    out[i] = Math.round((seed / 2 ** 32) * 8) / 4 - 1; // coarse grid: many tied scores
  }
  return out;
}

describe('pairScoresBlocked yields all pair scores in row blocks, bit-identical to pairScores', () => {
  test('blocks cover the pair order contiguously, whole rows each, within the budget; scores and labels match', () => {
    const n = 37;
    const d = 5;
    const emb = embeddings(n, d, 1);
    const classes = Int32Array.from({ length: n }, (_, i) => i % 4);
    for (const metric of ['neg-sq-l2', 'cosine'] as const) {
      const all = pairScores(emb, n, d, metric);
      const labels = pairLabels(classes);
      for (const maxBlockPairs of [1, 50, 100, 10_000]) {
        let next = 0;
        let row = 0;
        for (const b of pairScoresBlocked(emb, n, d, metric, { classes, maxBlockPairs })) {
          expect(b.firstPair).toBe(next);
          expect(b.rowStart).toBe(row);
          expect(b.scores.length).toBeLessThanOrEqual(Math.max(maxBlockPairs, n - 1));
          expect(Array.from(b.scores)).toEqual(Array.from(all.subarray(next, next + b.scores.length)));
          expect(Array.from(b.labels!)).toEqual(Array.from(labels.subarray(next, next + b.scores.length)));
          next += b.scores.length;
          row = b.rowEnd;
        }
        expect(next).toBe(pairCount(n));
        expect(row).toBe(n - 1);
      }
    }
  });

  test('streamed into prCurveChunked, the curve equals prCurve over all pairs; no blocks for n < 2', () => {
    const n = 60;
    const emb = embeddings(n, 3, 9);
    const classes = Int32Array.from({ length: n }, (_, i) => i % 5);
    const blocks = pairScoresBlocked(emb, n, 3, 'neg-sq-l2', { classes, maxBlockPairs: 200 });
    const chunks = (function* () {
      for (const b of blocks) yield { scores: b.scores, labels: b.labels! };
    })();
    const streamed = prCurveChunked(chunks);
    const whole = prCurve(pairScores(emb, n, 3, 'neg-sq-l2'), pairLabels(classes));
    expect(streamed.thresholds).toEqual(whole.thresholds);
    expect(streamed.precision).toEqual(whole.precision);
    expect(streamed.ap).toBe(whole.ap);
    expect([...pairScoresBlocked(new Float32Array(3), 1, 3, 'cosine')]).toEqual([]);
  });
});

/** Reference: stable sort of the filtered pairs. */
function naiveTop(scores: ArrayLike<number>, lo: number, hi: number, k: number, labels?: Uint8Array, label?: 0 | 1): number[] {
  return Array.from({ length: scores.length }, (_, i) => i)
    .filter((i) => scores[i] >= lo && scores[i] <= hi && (label === undefined || labels![i] === label))
    .sort((a, b) => scores[b] - scores[a] || a - b)
    .slice(0, k);
}

describe('topPairsInRange returns the top-K pairs of a score range without an object per pair', () => {
  test('a hand case: range [−1, 0.5], ties by pair index, label filter, NaN never matches', () => {
    const s = Float32Array.from([0.9, 0.5, NaN, 0.5, -1, -2, 0.25]);
    const y = Uint8Array.from([0, 1, 0, 0, 0, 1, 0]);
    expect(Array.from(topPairsInRange(s, -1, 0.5, 3).index)).toEqual([1, 3, 6]);
    expect(Array.from(topPairsInRange(s, -1, 0.5, 10, { labels: y, label: 0 }).index)).toEqual([3, 6, 4]);
    expect(Array.from(topPairsInRange(s, -1, 0.5, 2).score)).toEqual([0.5, 0.5]);
    expect(topPairsInRange(s, 5, 6, 3).index.length).toBe(0);
    expect(() => topPairsInRange(s, 1, 0, 3)).toThrow(/bad range/);
  });

  test('scan, order-based walk and block-wise merge agree with a stable-sort reference (fast-check)', () => {
    const input = fc.record({
      scores: fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constant(NaN)), { maxLength: 120 }),
      a: fc.integer({ min: -6, max: 6 }),
      b: fc.integer({ min: -6, max: 6 }),
      k: fc.integer({ min: 0, max: 15 }),
      label: fc.constantFrom(undefined, 0 as const, 1 as const),
      cut: fc.nat(),
    });
    fc.assert(
      fc.property(input, ({ scores, a, b, k, label, cut }) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const s = Float32Array.from(scores);
        const y = Uint8Array.from(scores, (_, i) => (i * 7) % 3 === 0 ? 1 : 0);
        const want = naiveTop(s, lo, hi, k, y, label);
        const filter = label === undefined ? {} : { labels: y, label };
        expect(Array.from(topPairsInRange(s, lo, hi, k, filter).index)).toEqual(want);
        // Evaluation.order: finite pairs, stable descending.
        const order = Uint32Array.from(naiveTop(s, -Infinity, Infinity, s.length));
        expect(Array.from(topPairsInRange(s, lo, hi, k, { ...filter, order }).index)).toEqual(want);
        // Two blocks, merged.
        const c = s.length === 0 ? 0 : cut % s.length;
        const first = topPairsInRange(s.subarray(0, c), lo, hi, k, label === undefined ? {} : { labels: y.subarray(0, c), label });
        const second: TopPairs = topPairsInRange(s.subarray(c), lo, hi, k, { indexOffset: c, ...(label === undefined ? {} : { labels: y.subarray(c), label }) });
        expect(Array.from(mergeTopPairs(first, second, k).index)).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });

  test('on an Evaluation: the 5 most confident false positives with scores in [−0.5, 0]', () => {
    const n = 40;
    const emb = embeddings(n, 4, 3);
    const classes = Int32Array.from({ length: n }, (_, i) => i % 3);
    const ev = evaluateEmbeddings(emb, n, 4, classes, 'neg-sq-l2');
    const got = topPairsInRange(ev.scores, -0.5, 0, 5, { order: ev.order, labels: ev.labels, label: 0 });
    expect(Array.from(got.index)).toEqual(naiveTop(ev.scores, -0.5, 0, 5, ev.labels, 0));
  });
});
