import { describe, expect, it } from 'vitest';
import { evaluateListedPairs, listedPairScores } from '../../../src/metrics/listedPairs';
import { evaluateEmbeddings } from '../../../src/metrics/evaluateEmbeddings';
import { pairCount, pairFromIndex } from '../../../src/metrics/pairs';

const n = 7;
const d = 5;
const emb = Float32Array.from({ length: n * d }, (_, k) => Math.sin(k * 0.9) * 3);
const classes = Int32Array.from([0, 0, 1, 1, 1, 2, 2]);

function allPairs() {
  const m = pairCount(n);
  const a = new Uint32Array(m);
  const b = new Uint32Array(m);
  for (let k = 0; k < m; k++) [a[k], b[k]] = pairFromIndex(k, n);
  return { a, b };
}

describe('evaluateListedPairs', () => {
  for (const metric of ['neg-sq-l2', 'cosine'] as const) {
    it(`listing every pair row-major gives bit-identical ${metric} scores, the same curve and ranking as evaluateEmbeddings`, () => {
      const all = evaluateEmbeddings(emb, n, d, classes, metric);
      const { a, b } = allPairs();
      const listed = evaluateListedPairs(emb, n, d, a, b, all.labels, metric);
      expect(listed.scores).toEqual(all.scores);
      expect(listed.order).toEqual(all.order);
      expect(listed.curve.ap).toBe(all.curve.ap);
      expect(listed.curve.thresholds).toEqual(all.curve.thresholds);
    });
  }

  it('listed pairs are scored in any order and direction, with their given labels; the curve covers only them', () => {
    const a = Uint32Array.from([3, 0, 6]);
    const b = Uint32Array.from([2, 1, 0]);
    const labels = Uint8Array.from([1, 1, 0]);
    const r = evaluateListedPairs(emb, n, d, a, b, labels, 'neg-sq-l2');
    expect(r.curve.n).toBe(3);
    const swapped = listedPairScores(emb, n, d, b, a, 'neg-sq-l2');
    expect(swapped).toEqual(r.scores);
    expect([...r.pairA]).toEqual([3, 0, 6]);
  });

  it('a failed image (NaN row) excludes only the listed pairs that use it, and they are counted', () => {
    const bad = emb.slice();
    bad.fill(NaN, 2 * d, 3 * d);
    const r = evaluateListedPairs(bad, n, d, Uint32Array.from([0, 2, 3]), Uint32Array.from([1, 4, 4]), Uint8Array.from([1, 1, 1]), 'neg-sq-l2');
    expect(r.curve.n).toBe(2);
    expect(r.curve.excludedNonFinite).toBe(1);
    expect([...r.order].sort()).toEqual([0, 2]);
  });

  it('an image paired with itself is refused (never pair an image with itself)', () => {
    expect(() => listedPairScores(emb, n, d, Uint32Array.from([1]), Uint32Array.from([1]), 'cosine')).toThrow(/with itself/);
  });
});
