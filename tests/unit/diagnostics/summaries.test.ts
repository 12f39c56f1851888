import { describe, expect, it } from 'vitest';
import { evaluateEmbeddings } from '../../../src/metrics/evaluateEmbeddings';
import { prCurve } from '../../../src/metrics/prCurve';
import { embeddingStats, identicalRows, squaredDistance } from '../../../src/diagnostics/embeddingStats';
import { hubRanking } from '../../../src/diagnostics/hubs';
import { classConfusion } from '../../../src/diagnostics/classConfusion';
import { collapseStats, tieBlockOf } from '../../../src/diagnostics/collapse';
import { topFalsePositives, type TopFalsePositives } from '../../../src/diagnostics/topFalsePositives';

/** Top false positives given as image pairs (scores unused). */
function topOf(pairs: [number, number][]): TopFalsePositives {
  const t = pairs.length;
  return {
    pairs: new Uint32Array(t),
    ranks: Uint32Array.from(pairs, (_, k) => k + 1),
    imageA: Uint32Array.from(pairs, (p) => p[0]),
    imageB: Uint32Array.from(pairs, (p) => p[1]),
    scores: Float32Array.from(pairs, (_, k) => -k),
  };
}

describe('topFalsePositives(ev, k)', () => {
  const ev = evaluateEmbeddings(Float32Array.from([0, 0.1, 0.05, 5]), 4, 1, Int32Array.from([0, 0, 1, 1]), 'neg-sq-l2');

  it('returns the first k negatives of the ranking with their 1-based ranks, images and scores', () => {
    const top = topFalsePositives(ev, 3);
    // ranking by d²: (0,2) −, (1,2) − (.0025), (0,1) + (.01), (1,3) − (24.01), (2,3) + (24.5025), (0,3) − (25)
    expect(Array.from(top.imageA)).toEqual([0, 1, 1]);
    expect(Array.from(top.imageB)).toEqual([2, 2, 3]);
    expect(Array.from(top.ranks)).toEqual([1, 2, 4]);
    expect(top.scores[0]).toBeCloseTo(-0.0025, 6);
  });

  it('returns fewer when there are fewer negatives, and none for k = 0', () => {
    expect(topFalsePositives(ev, 100).pairs.length).toBe(4);
    expect(topFalsePositives(ev, 0).pairs.length).toBe(0);
    expect(() => topFalsePositives(ev, -1)).toThrow('k = -1');
  });
});

describe('embeddingStats(emb, n, dim, zeroNormRatio)', () => {
  it('groups bit-identical rows (−0 = +0), leaves NaN rows unique, and flags near-zero norms relative to the median', () => {
    const emb = Float32Array.from([1, 0, /* */ 1, -0, /* */ 0, 1, /* */ 1, 0, /* */ NaN, 0, /* */ 1e-4, 0, /* */ 0.6, 0.8]);
    const s = embeddingStats(emb, 7, 2, 1e-3);
    expect(Array.from(s.identicalGroupSize)).toEqual([3, 3, 1, 3, 1, 1, 1]);
    expect(s.identicalCount).toBe(3);
    expect(s.largestIdenticalGroup).toBe(3);
    expect(s.medianNorm).toBe(1);
    expect(Array.from(s.nearZero)).toEqual([0, 0, 0, 0, 0, 1, 0]);
    expect(s.nearZeroCount).toBe(1);
  });

  it('separates rows whose hashes collide but whose values differ', () => {
    // many rows: identical pairs among them are found, distinct rows never merged
    const n = 500;
    const emb = new Float32Array(n * 3);
    for (let i = 0; i < n; i++) emb.set([i % 250, 1, 2], i * 3); // row i = row i + 250
    const s = embeddingStats(emb, n, 3, 1e-3);
    expect(s.identicalCount).toBe(500);
    expect(s.largestIdenticalGroup).toBe(2);
  });

  it('computes squared distances in float64 and identity componentwise', () => {
    const emb = Float32Array.from([0, 0, 3, 4]);
    expect(squaredDistance(emb, 2, 0, 1)).toBe(25);
    expect(identicalRows(emb, 2, 0, 0)).toBe(true);
    expect(identicalRows(emb, 2, 0, 1)).toBe(false);
  });

  it('throws on a shape mismatch', () => {
    expect(() => embeddingStats(new Float32Array(5), 2, 3, 1e-3)).toThrow('embedding length 5 ≠ n·dim = 2·3');
  });
});

describe('hubRanking(n, top, hubMinCount, hubMedianFactor)', () => {
  it('ranks images by false-positive count (ties by index) and uses max(minCount, factor × median) as the bar', () => {
    const top = topOf([[0, 1], [0, 2], [0, 3], [0, 4], [0, 5], [2, 5]]);
    const h = hubRanking(7, top, 3, 5);
    expect(Array.from(h.images)).toEqual([0, 2, 5, 1, 3, 4]);
    expect(Array.from(h.counts)).toEqual([5, 2, 2, 1, 1, 1]);
    expect(h.median).toBe(1.5);
    expect(h.threshold).toBe(7.5);
    expect(h.hubCount).toBe(0);
    const loose = hubRanking(7, top, 3, 2);
    expect(loose.threshold).toBe(3);
    expect(Array.from(loose.isHub)).toEqual([1, 0, 0, 0, 0, 0, 0]);
    expect(loose.countByImage[6]).toBe(0);
  });

  it('finds no hub when there are no false positives', () => {
    const h = hubRanking(3, topOf([]), 3, 5);
    expect(h.images.length).toBe(0);
    expect(h.median).toBe(0);
    expect(h.hubCount).toBe(0);
  });
});

describe('classConfusion(classes, classCount, top, minShare, minCount)', () => {
  const classes = Int32Array.from([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]); // 6 classes → 15 class pairs
  it('counts false positives per unordered class pair into a symmetric matrix and a sorted list', () => {
    const top = topOf([[0, 2], [1, 3], [0, 3], [4, 6], [2, 10]]);
    const c = classConfusion(classes, 6, top, 0.2, 3);
    expect(c.total).toBe(5);
    expect(c.entries.map((e) => [e.classA, e.classB, e.count])).toEqual([[0, 1, 3], [1, 5, 1], [2, 3, 1]]);
    expect(c.entries[0].share).toBe(0.6);
    expect(c.entries[0].confused).toBe(true);
    expect(c.count(0, 1)).toBe(3);
    expect(c.count(1, 0)).toBe(3);
    expect(c.count(4, 5)).toBe(0);
    expect(c.shareThreshold).toBe(0.2);
  });

  it('needs twice the fair share: with 3 classes a pair needs ≥ 2/3 of the false positives', () => {
    const three = Int32Array.from([0, 1, 2, 0, 1, 2]);
    const c = classConfusion(three, 3, topOf([[0, 1], [3, 4], [0, 4], [1, 2]]), 0.2, 3);
    expect(c.shareThreshold).toBeCloseTo(2 / 3, 15);
    expect(c.entries[0]).toMatchObject({ classA: 0, classB: 1, count: 3, share: 0.75, confused: true });
  });

  it('needs at least minCount false positives', () => {
    const c = classConfusion(classes, 6, topOf([[0, 2], [1, 3]]), 0.2, 3);
    expect(c.entries[0]).toMatchObject({ share: 1, confused: false });
  });

  it('throws on a class id outside 0..classCount−1', () => {
    expect(() => classConfusion(Int32Array.from([0, 7]), 2, topOf([]), 0.2, 3)).toThrow('image 1 has class 7, outside 0..1');
  });
});

describe('collapseStats(curve, top, stats) and tieBlockOf(curve, score)', () => {
  it('case P4 (3 classes × 2 identical embeddings): one block of 15 pairs at 0, 1/15 distinct, 6 identical images', () => {
    const emb = new Float32Array(6 * 2).fill(0.5);
    const ev = evaluateEmbeddings(emb, 6, 2, Int32Array.from([0, 0, 1, 1, 2, 2]), 'neg-sq-l2');
    const stats = embeddingStats(emb, 6, 2, 1e-3);
    const c = collapseStats(ev.curve, topFalsePositives(ev, 200), stats);
    expect(c).toMatchObject({ largestTieBlock: 15, largestTieScore: 0, topLargestTieBlock: 12, topLargestTieScore: 0, identicalEmbeddingCount: 6, largestIdenticalGroup: 6, nearZeroNormCount: 0 });
    expect(c.distinctScoreFraction).toBeCloseTo(1 / 15, 15);
  });

  it('reads tie block sizes off the curve: P1 scores [0.8, 0.8, 0.8, 0.2, 0.2]', () => {
    const curve = prCurve(Float64Array.from([0.8, 0.8, 0.8, 0.2, 0.2]), Uint8Array.from([0, 0, 1, 1, 0]));
    expect(tieBlockOf(curve, 0.8)).toBe(3);
    expect(tieBlockOf(curve, 0.2)).toBe(2);
    expect(tieBlockOf(curve, 0.5)).toBe(0);
    expect(tieBlockOf(curve, NaN)).toBe(0);
  });

  it('reports an empty evaluation as no ties', () => {
    const curve = prCurve(new Float64Array(0), new Uint8Array(0));
    const c = collapseStats(curve, topOf([]), embeddingStats(new Float32Array(0), 0, 2, 1e-3));
    expect(c).toMatchObject({ largestTieBlock: 0, topLargestTieBlock: 0, distinctScoreFraction: 0, largestIdenticalGroup: 0 });
    expect(c.largestTieScore).toBeNaN();
  });
});
