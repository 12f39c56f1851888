import { describe, expect, it } from 'vitest';
import { unscorableImages } from '../../../src/diagnostics/unscorableImages';
import { evaluateEmbeddings } from '../../../src/metrics/evaluateEmbeddings';
import { pairsUsingImages } from '../../../src/diagnostics/skippedPairs';

// 5 images × 2-d: image 1 all zeros, image 3 holds NaN, image 4 is a skipped image (NaN row).
const emb = Float32Array.from([1, 0, 0, 0, 0.6, 0.8, NaN, 1, NaN, NaN]);

describe('unscorableImages(embeddings, n, dim, metric, skipped)', () => {
  it('cosine: names the all-zero rows and the non-finite rows, not the skipped images', () => {
    expect(unscorableImages(emb, 5, 2, 'cosine', new Set([4]))).toEqual({ zeroNorm: [1], nonFinite: [3], largest: [2, 0] });
  });
  it('−squared L2: an all-zero row scores fine, only non-finite rows are unscorable', () => {
    expect(unscorableImages(emb, 5, 2, 'neg-sq-l2', new Set([4]))).toEqual({ zeroNorm: [], nonFinite: [3], largest: [2, 0, 1] });
  });
  it('−squared L2 of finite rows past float32\'s range scores −∞: the largest rows are named for it', () => {
    const big = Float32Array.from([3e19, 0, -3e19, 1, 1, 0, 0.6, 0.8]);
    expect(unscorableImages(big, 4, 2, 'neg-sq-l2').largest).toEqual([0, 1, 3]);
    const ev = evaluateEmbeddings(big, 4, 2, Int32Array.from([0, 1, 0, 1]), 'neg-sq-l2');
    expect(ev.curve.excludedNonFinite).toBe(5); // (3e19)² = 9e38 > 3.4e38: every pair with row 0 or 1 is −∞; only (2, 3) scores
  });
  it('the pairs that use the named and skipped images are exactly the pairs the curve excludes (P3)', () => {
    for (const metric of ['cosine', 'neg-sq-l2'] as const) {
      const u = unscorableImages(emb, 5, 2, metric, new Set([4]));
      const excluded = evaluateEmbeddings(emb, 5, 2, Int32Array.from([0, 0, 1, 1, 0]), metric).curve.excludedNonFinite;
      expect(pairsUsingImages(5, [...u.zeroNorm, ...u.nonFinite, 4])).toBe(excluded);
    }
  });
});
