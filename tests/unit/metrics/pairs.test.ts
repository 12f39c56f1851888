import { describe, expect, test } from 'vitest';
import { MAX_PAIRS, pairCount, pairFromIndex, pairIndex, pairLabels, pairScores } from '../../../src/metrics';

describe('pairCount(n) = n(n−1)/2 unordered pairs, no self-pairs', () => {
  test('small and large n, exact up to 2^53', () => {
    expect([0, 1, 2, 3, 5, 40, 5000].map(pairCount)).toEqual([0, 0, 1, 3, 10, 780, 12_497_500]);
    expect(pairCount(134_217_728)).toBe(9_007_199_187_632_128); // 2^53 − 2^26, exact
    expect(Number.isSafeInteger(pairCount(134_217_728))).toBe(true);
    expect(() => pairCount(-1)).toThrow();
    expect(() => pairCount(2.5)).toThrow();
  });
});

describe('pairIndex / pairFromIndex enumerate i < j row-major and invert each other', () => {
  test('round trip against a plain loop for every n ≤ 60 and for n = 2000', () => {
    for (const n of [...Array.from({ length: 61 }, (_, i) => i), 2000]) {
      let k = 0;
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const [a, b] = pairFromIndex(k, n);
          if (a !== i || b !== j || pairIndex(i, j, n) !== k) throw new Error(`n=${n} k=${k}: (${a},${b}) vs (${i},${j})`);
          k++;
        }
      }
      expect(k).toBe(pairCount(n));
    }
  });

  test('spot checks for n = 10000 at row boundaries and random positions', () => {
    const n = 10_000;
    const count = pairCount(n);
    expect(pairFromIndex(0, n)).toEqual([0, 1]);
    expect(pairFromIndex(n - 2, n)).toEqual([0, n - 1]);
    expect(pairFromIndex(n - 1, n)).toEqual([1, 2]);
    expect(pairFromIndex(count - 1, n)).toEqual([n - 2, n - 1]);
    let seed = 3;
    for (let t = 0; t < 5000; t++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const k = seed % count;
      const [i, j] = pairFromIndex(k, n);
      expect(0 <= i && i < j && j < n).toBe(true);
      expect(pairIndex(i, j, n)).toBe(k);
      if (i + 1 < n - 1) expect(pairFromIndex(pairIndex(i + 1, i + 2, n), n)).toEqual([i + 1, i + 2]);
    }
  });

  test('stays exact near 2^53 pairs, where the float square root alone is off', () => {
    const n = 134_217_728;
    const count = pairCount(n);
    for (const [i, j] of [[0, 1], [0, n - 1], [1, 2], [n / 2, n / 2 + 1], [n - 3, n - 1], [n - 2, n - 1], [12_345_678, 87_654_321]]) {
      expect(pairFromIndex(pairIndex(i, j, n), n)).toEqual([i, j]);
    }
    expect(pairIndex(n - 2, n - 1, n)).toBe(count - 1);
  });

  test('invalid arguments throw', () => {
    expect(() => pairIndex(2, 2, 5)).toThrow();
    expect(() => pairIndex(3, 1, 5)).toThrow();
    expect(() => pairIndex(1, 5, 5)).toThrow();
    expect(() => pairFromIndex(10, 5)).toThrow();
    expect(() => pairFromIndex(-1, 5)).toThrow();
  });
});

describe('pairLabels(classOf) is 1 for same-class pairs, in pair order', () => {
  test('five items', () => {
    // pairs: 01 02 03 04 12 13 14 23 24 34
    expect(Array.from(pairLabels(Int32Array.from([0, 1, 0, 2, 1])))).toEqual([0, 1, 0, 0, 0, 0, 1, 0, 0, 0]);
    expect(Array.from(pairLabels(Uint16Array.from([7, 7, 7])))).toEqual([1, 1, 1]);
    expect(pairLabels(new Int32Array(1)).length).toBe(0);
  });
});

describe('pairScores(emb, n, d, metric) scores every pair i < j', () => {
  const emb = Float32Array.from([1, 0, 0, 1, 1, 0, 0, 0, 3, 4]); // 5 items, d = 2

  test("'neg-sq-l2' is −Σ(a−b)², exactly +0 for identical embeddings", () => {
    const s = pairScores(emb, 5, 2, 'neg-sq-l2');
    expect(Array.from(s)).toEqual([-2, 0, -1, -20, -2, -1, -18, -1, -20, -25]);
    expect(Object.is(s[1], 0)).toBe(true);
  });

  test("'cosine' is a·b/(‖a‖‖b‖), NaN when an embedding is all zeros", () => {
    const s = pairScores(emb, 5, 2, 'cosine');
    expect(s[0]).toBe(0);
    expect(s[1]).toBe(1);
    expect(s[3]).toBeCloseTo(0.6, 6);
    for (const k of [pairIndex(0, 3, 5), pairIndex(1, 3, 5), pairIndex(2, 3, 5), pairIndex(3, 4, 5)]) {
      expect(Number.isNaN(s[k])).toBe(true);
    }
  });

  test('blockwise computation matches a naive double loop across tile boundaries (n = 150)', () => {
    const n = 150;
    const d = 5;
    const x = Float32Array.from({ length: n * d }, (_, i) => Math.sin(i * 12.9898) * 3);
    const s = pairScores(x, n, d, 'neg-sq-l2');
    const c = pairScores(x, n, d, 'cosine');
    let k = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++, k++) {
        let sq = 0;
        let dot = 0;
        let ni = 0;
        let nj = 0;
        for (let t = 0; t < d; t++) {
          const a = x[i * d + t];
          const b = x[j * d + t];
          sq += (a - b) * (a - b);
          dot += a * b;
          ni += a * a;
          nj += b * b;
        }
        if (s[k] !== Math.fround(-sq)) throw new Error(`neg-sq-l2 pair ${k}`);
        if (Math.abs(c[k] - dot / Math.sqrt(ni * nj)) > 1e-6) throw new Error(`cosine pair ${k}`);
      }
    }
  });

  test('refuses more than 2^31 pairs or more bytes than the memory budget, with a clear message', () => {
    expect(MAX_PAIRS).toBe(2 ** 31);
    expect(() => pairScores(new Float32Array(0), 65_537, 0, 'cosine')).toThrow(/more than the limit/);
    expect(() => pairScores(new Float32Array(1000), 1000, 1, 'cosine', { maxBytes: 1_000_000 })).toThrow(/memory budget/);
    expect(() => pairScores(new Float32Array(9), 5, 2, 'cosine')).toThrow(/n·d/);
    expect(() => pairLabels(new Int32Array(65_537))).toThrow(/exceeds the limit/);
  });
});
