import { assert } from '../base/assert';
import { pairCount, pairFromIndex, rowStart } from './pairs';

/**
 * Which two images pair k of an evaluation holds — the one question every
 * consumer of an Evaluation asks (gallery, tags, counterfactual, exports),
 * answered the same way for both kinds of evaluation:
 *  - all pairs: every i < j of n images, row-major (src/metrics/pairs.ts);
 *  - a pair list: pair k is (a[k], b[k]) as listed (pairs CSV, LFW pairs.txt,
 *    triplets, or a sample of class-folder pairs); a list may repeat a pair.
 */
export interface PairIndex {
  readonly kind: 'all' | 'list';
  /** Number of images. */
  readonly n: number;
  /** Number of pairs (length of the evaluation's scores and labels). */
  readonly count: number;
  /** The two images of pair k (all pairs: i < j; a list: as listed). Contract: 0 ≤ k < count. */
  pairOf(k: number): [number, number];
  /** Indices of the pairs of images i and j, in either order, ascending: exactly one for all pairs, zero or more for a list. */
  find(i: number, j: number): number[];
  /** Indices of every pair that holds image i, ascending. */
  pairsWith(i: number): Uint32Array;
}

/** Every unordered pair of n images, row-major (the order of pairScores / pairLabels). */
export function allPairsIndex(n: number): PairIndex {
  const count = pairCount(n);
  return {
    kind: 'all',
    n,
    count,
    pairOf: (k) => pairFromIndex(k, n),
    find(i, j) {
      assert(Number.isInteger(i) && Number.isInteger(j) && i >= 0 && j >= 0 && i < n && j < n, `find: (${i}, ${j}) are not images in 0..${n - 1}`);
      if (i === j) return [];
      const lo = Math.min(i, j);
      const hi = Math.max(i, j);
      return [rowStart(lo, n) + (hi - lo - 1)];
    },
    pairsWith(i) {
      assert(Number.isInteger(i) && i >= 0 && i < n, `pairsWith: ${i} is not an image in 0..${n - 1}`);
      const out = new Uint32Array(Math.max(0, n - 1));
      let w = 0;
      for (let j = 0; j < i; j++) out[w++] = rowStart(j, n) + (i - j - 1);
      const base = rowStart(i, n) - i - 1; // pair (i, j) sits at base + j
      for (let j = i + 1; j < n; j++) out[w++] = base + j;
      return out;
    },
  };
}

/**
 * The pairs (a[k], b[k]) of a list over n images. The per-image lookup
 * (`pairsWith`, `find`) is built on first use: one counting pass and one
 * Uint32Array of 2·count entries (CSR), no object per pair.
 * Contract: a.length === b.length; every entry < n; a[k] ≠ b[k].
 */
export function listedPairsIndex(n: number, a: Uint32Array, b: Uint32Array): PairIndex {
  assert(a.length === b.length, `listedPairsIndex: ${a.length} first and ${b.length} second images`);
  const count = a.length;
  let offsets: Uint32Array | null = null;
  let members: Uint32Array | null = null;
  const build = () => {
    const off = new Uint32Array(n + 1);
    for (let k = 0; k < count; k++) {
      assert(a[k] < n && b[k] < n && a[k] !== b[k], `listedPairsIndex: pair ${k} = (${a[k]}, ${b[k]}) is not two different images in 0..${n - 1}`);
      off[a[k] + 1]++;
      off[b[k] + 1]++;
    }
    for (let i = 0; i < n; i++) off[i + 1] += off[i];
    const fill = off.slice(0, n);
    const mem = new Uint32Array(2 * count);
    for (let k = 0; k < count; k++) {
      mem[fill[a[k]]++] = k;
      mem[fill[b[k]]++] = k;
    }
    offsets = off;
    members = mem;
  };
  const pairsWith = (i: number): Uint32Array => {
    assert(Number.isInteger(i) && i >= 0 && i < n, `pairsWith: ${i} is not an image in 0..${n - 1}`);
    if (!offsets) build();
    return members!.subarray(offsets![i], offsets![i + 1]);
  };
  return {
    kind: 'list',
    n,
    count,
    pairOf: (k) => {
      assert(Number.isInteger(k) && k >= 0 && k < count, `pairOf: k = ${k} outside 0..${count - 1}`);
      return [a[k], b[k]];
    },
    find(i, j) {
      assert(Number.isInteger(j) && j >= 0 && j < n, `find: ${j} is not an image in 0..${n - 1}`);
      return Array.from(pairsWith(i)).filter((k) => (a[k] === i && b[k] === j) || (a[k] === j && b[k] === i));
    },
    pairsWith,
  };
}

/** An evaluation, or anything with its image count and (for a list) its pair columns. */
export interface PairSource {
  n: number;
  pairA?: Uint32Array;
  pairB?: Uint32Array;
}

const cache = new WeakMap<PairSource, PairIndex>();

/** The PairIndex of an evaluation: a list when it carries pairA/pairB (evaluateListedPairs), else all pairs. Memoised per object. */
export function pairIndexOf(src: PairSource): PairIndex {
  let index = cache.get(src);
  if (!index) {
    index = src.pairA && src.pairB ? listedPairsIndex(src.n, src.pairA, src.pairB) : allPairsIndex(src.n);
    cache.set(src, index);
  }
  return index;
}
