import { describe, expect, it } from 'vitest';
import { excludedPairsWarning, type ExcludedCauses } from '../../../src/components/skippedPairsNote';
import { pairsUsingImages } from '../../../src/diagnostics/skippedPairs';

/** Every pair of n images; names are file names. */
const causes = (n: number, c: Partial<ExcludedCauses>): ExcludedCauses => ({
  skipped: [],
  zeroNorm: [],
  nonFinite: [],
  pairsUsing: (images) => pairsUsingImages(n, images),
  name: (i) => `img${i}.png`,
  ...c,
});

describe('excludedPairsWarning(excluded, causes): which pairs have no score, and why', () => {
  it('only skipped images: says so, without "non-finite"', () => {
    expect(excludedPairsWarning(15, causes(9, { skipped: [4, 8] }))).toBe('15 pairs left out: they use the 2 skipped images (see above), which have no embedding.');
    expect(excludedPairsWarning(1, causes(2, { skipped: [1] }))).toBe('1 pair left out: it uses the 1 skipped image (see above), which has no embedding.');
  });
  it('all-zero embeddings under cosine (P3): names the images and the fix', () => {
    expect(excludedPairsWarning(31, causes(17, { zeroNorm: [15, 16] }))).toBe(
      '31 pairs left out: they use 2 images whose embedding is all zeros, so the cosine similarity is 0/0 (img15.png, img16.png): look at them (blank or broken?), or score with −squared L2 distance.',
    );
  });
  it('several causes: each counted once (a pair of a skipped and a zero image goes to the skipped one), names cut after 3, and what is left', () => {
    const text = excludedPairsWarning(100, causes(10, { skipped: [0], zeroNorm: [1], nonFinite: [2, 3, 4, 5] }));
    // skipped: 9 pairs; zero: 8 more; non-finite: 4 images among the other 8 → 4·4 + 6 = 22 more; 100 − 39 = 61 other.
    expect(text).toBe(
      '100 pairs left out: 9 use the 1 skipped image (see above), which has no embedding; 8 use 1 image whose embedding is all zeros, so the cosine similarity is 0/0 (img1.png): look at it (blank or broken?), or score with −squared L2 distance; 22 use 4 images whose embedding holds NaN or ±∞ (img2.png, img3.png, img4.png and 1 more): check the model on them; the other 61 scored NaN or ±∞.',
    );
  });
  it('−squared L2 overflow: what is left after the known causes scored −∞, named by the largest embeddings, with the fix', () => {
    expect(excludedPairsWarning(5, causes(4, { largest: [0, 1, 3] }))).toBe(
      "5 pairs left out: 5 scored −∞: their squared distance passes float32's range (the largest embeddings: img0.png, img1.png, img3.png); check the model's output scale (a missing L2-normalisation?), or score with cosine similarity.",
    );
  });
  it('no known cause: the count alone', () => {
    expect(excludedPairsWarning(3, causes(5, {}))).toBe('3 pairs left out: 3 scored NaN or ±∞.');
  });
});
