import { describe, expect, it } from 'vitest';
import { classFolderPairs } from '../../../src/io/classPairs';
import { sampleDistinct, seededRandom } from '../../../src/io/seededRandom';
import { pairIndex, pairLabels } from '../../../src/metrics/pairs';

function check(classIds: number[], r: ReturnType<typeof classFolderPairs>): void {
  const n = classIds.length;
  let prev = -1;
  for (let k = 0; k < r.a.length; k++) {
    expect(r.a[k]).toBeLessThan(r.b[k]);
    expect(r.label[k]).toBe(classIds[r.a[k]] === classIds[r.b[k]] ? 1 : 0);
    const p = pairIndex(r.a[k], r.b[k], n);
    expect(p).toBeGreaterThan(prev); // sorted row-major, no repeats
    prev = p;
  }
}

describe('classFolderPairs(classIds, options)', () => {
  const ids = [0, 0, 0, 1, 1, 2, 2, 2, 2, 3];
  it('gives every pair, in pairLabels order, while their count is within the limit', () => {
    const r = classFolderPairs(ids);
    expect(r.a.length).toBe(45);
    expect(Array.from(r.label)).toEqual(Array.from(pairLabels(Uint32Array.from(ids))));
    expect(r.counts).toEqual({ images: 10, classes: 4, positives: 10, negatives: 35, allPositives: 10, allNegatives: 35, sampled: false, positivesSampled: false });
  });
  it('past the limit: every positive plus negativeRatio × positives seeded negatives, sorted and distinct', () => {
    const r = classFolderPairs(ids, { limit: 20, negativeRatio: 2, seed: 5 });
    expect(r.counts).toMatchObject({ positives: 10, negatives: 20, sampled: true, positivesSampled: false });
    check(ids, r);
    expect(Array.from(r.label).filter((l) => l === 1)).toHaveLength(10);
  });
  it('is deterministic for a seed and differs across seeds', () => {
    const a = classFolderPairs(ids, { limit: 20, seed: 1 });
    const b = classFolderPairs(ids, { limit: 20, seed: 1 });
    const c = classFolderPairs(ids, { limit: 20, seed: 2 });
    expect(Array.from(a.b)).toEqual(Array.from(b.b));
    expect(Array.from(a.a).join() + Array.from(a.b).join()).not.toBe(Array.from(c.a).join() + Array.from(c.b).join());
  });
  it('takes every negative when the ratio asks for more than exist, and samples the complement when asked for most', () => {
    expect(classFolderPairs(ids, { limit: 20, negativeRatio: 10 }).counts.negatives).toBe(35);
    const r = classFolderPairs(ids, { limit: 20, negativeRatio: 3 });
    expect(r.counts.negatives).toBe(30);
    check(ids, r);
  });
  it('samples positives too past maxPositives, flagged', () => {
    const r = classFolderPairs(ids, { limit: 20, maxPositives: 4, seed: 3 });
    expect(r.counts).toMatchObject({ positives: 4, negatives: 4, positivesSampled: true, allPositives: 10 });
    check(ids, r);
  });
  it('negative sample is uniform: every negative pair is drawn about equally often over seeds', () => {
    const hits = new Map<string, number>();
    const runs = 2000;
    for (let s = 0; s < runs; s++) {
      const r = classFolderPairs(ids, { limit: 20, negativeRatio: 1, seed: s });
      for (let k = 0; k < r.a.length; k++) if (!r.label[k]) hits.set(`${r.a[k]},${r.b[k]}`, (hits.get(`${r.a[k]},${r.b[k]}`) ?? 0) + 1);
    }
    expect(hits.size).toBe(35);
    const expected = (runs * 10) / 35; // 571
    for (const h of hits.values()) expect(Math.abs(h - expected)).toBeLessThan(0.2 * expected);
  });
  it('4,000 images in 8 classes (8M pairs): all 1M positives + 1M sampled negatives, row-major, labelled by class', () => {
    const big = Array.from({ length: 4000 }, (_, i) => i % 8);
    const r = classFolderPairs(big, { seed: 9 });
    expect(r.counts.positives).toBe(8 * ((500 * 499) / 2));
    expect(r.counts.negatives).toBe(r.counts.positives);
    let pos = 0;
    for (let k = 1; k < r.a.length; k++) {
      if (!(r.a[k] > r.a[k - 1] || (r.a[k] === r.a[k - 1] && r.b[k] > r.b[k - 1]))) throw new Error(`not row-major at ${k}`);
      if (r.label[k] !== (big[r.a[k]] === big[r.b[k]] ? 1 : 0)) throw new Error(`wrong label at ${k}`);
      pos += r.label[k];
    }
    expect(pos + r.label[0]).toBe(r.counts.positives);
  });
});

describe('sampleDistinct(random, k, n)', () => {
  it('returns k sorted distinct integers in [0, n)', () => {
    const s = sampleDistinct(seededRandom(1), 500, 1000);
    expect(s.length).toBe(500);
    for (let i = 1; i < s.length; i++) expect(s[i]).toBeGreaterThan(s[i - 1]);
    expect(s[0]).toBeGreaterThanOrEqual(0);
    expect(s[499]).toBeLessThan(1000);
  });
});
