import { describe, expect, it } from 'vitest';
import { allPairsIndex, listedPairsIndex, pairIndexOf } from '../../../src/metrics/pairIndex';
import { pairCount, pairFromIndex } from '../../../src/metrics/pairs';
import { evaluateEmbeddings } from '../../../src/metrics/evaluateEmbeddings';
import { evaluateListedPairs } from '../../../src/metrics/listedPairs';

describe('PairIndex', () => {
  it('allPairsIndex(n): pairOf is row-major (i < j) like pairFromIndex, find inverts it in either order, pairsWith lists the n − 1 pairs of an image ascending', () => {
    const n = 9;
    const index = allPairsIndex(n);
    expect(index.count).toBe(pairCount(n));
    for (let k = 0; k < index.count; k++) {
      const [i, j] = index.pairOf(k);
      expect([i, j]).toEqual(pairFromIndex(k, n));
      expect(index.find(i, j)).toEqual([k]);
      expect(index.find(j, i)).toEqual([k]);
    }
    expect(index.find(4, 4)).toEqual([]);
    for (let i = 0; i < n; i++) {
      const ks = Array.from(index.pairsWith(i));
      expect(ks).toHaveLength(n - 1);
      expect([...ks].sort((x, y) => x - y)).toEqual(ks);
      for (const k of ks) expect(index.pairOf(k)).toContain(i);
    }
  });

  it('listedPairsIndex(n, a, b): pair k is (a[k], b[k]) as listed; find returns every copy of a repeated pair in either direction; images in no pair have none', () => {
    const a = Uint32Array.from([3, 0, 5, 0, 2]);
    const b = Uint32Array.from([0, 3, 1, 5, 4]);
    const index = listedPairsIndex(7, a, b);
    expect(index.count).toBe(5);
    expect(index.pairOf(2)).toEqual([5, 1]);
    expect(index.find(0, 3)).toEqual([0, 1]);
    expect(index.find(3, 0)).toEqual([0, 1]);
    expect(index.find(1, 2)).toEqual([]);
    expect(Array.from(index.pairsWith(0))).toEqual([0, 1, 3]);
    expect(Array.from(index.pairsWith(6))).toEqual([]);
    expect(() => index.pairOf(5)).toThrow(/outside/);
  });

  it('listedPairsIndex refuses a pair of an image with itself or an image ≥ n (on first lookup)', () => {
    expect(() => listedPairsIndex(3, Uint32Array.from([1]), Uint32Array.from([1])).pairsWith(0)).toThrow(/two different images/);
    expect(() => listedPairsIndex(3, Uint32Array.from([1]), Uint32Array.from([3])).pairsWith(0)).toThrow(/two different images/);
  });

  it('pairIndexOf(evaluation) is the list for evaluateListedPairs and all pairs for evaluateEmbeddings, memoised per evaluation', () => {
    const emb = Float32Array.from({ length: 10 }, (_, k) => k);
    const all = evaluateEmbeddings(emb, 5, 2, Int32Array.from([0, 0, 1, 1, 2]), 'neg-sq-l2');
    const listed = evaluateListedPairs(emb, 5, 2, Uint32Array.from([4, 1]), Uint32Array.from([0, 2]), Uint8Array.from([0, 0]), 'neg-sq-l2');
    expect(pairIndexOf(all).kind).toBe('all');
    expect(pairIndexOf(all).count).toBe(10);
    expect(pairIndexOf(listed).kind).toBe('list');
    expect(pairIndexOf(listed).pairOf(0)).toEqual([4, 0]);
    expect(pairIndexOf(listed)).toBe(pairIndexOf(listed));
  });
});
