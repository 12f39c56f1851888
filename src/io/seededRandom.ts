/** mulberry32 (public domain, Tommy Ettinger): a seeded stream of uint32 values. */
export function mulberry32Uint32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** mulberry32 as floats in [0, 1) with 32 random bits (one draw each). */
export function mulberry32(seed: number): () => number {
  const next32 = mulberry32Uint32(seed);
  return () => next32() / 4294967296;
}

/**
 * A small seeded PRNG so that sampled pairs are the same on every run and
 * machine for the same seed. Uniform floats in [0, 1) with 53 random bits
 * (two mulberry32 draws each).
 */
export function seededRandom(seed: number): () => number {
  const next32 = mulberry32Uint32(seed);
  return () => ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / 9007199254740992;
}

/**
 * `k` distinct integers drawn uniformly from [0, n), sorted ascending, as a
 * Float64Array (exact up to 2^53). Draws with replacement, sorts, drops
 * repeats and tops up until `k` remain — a uniform k-subset by symmetry —
 * in O(k) memory however large `n` is. Contract: k ≤ n; fast while k ≤ n/2
 * (callers sample the complement otherwise).
 */
export function sampleDistinct(random: () => number, k: number, n: number): Float64Array {
  let have: Float64Array = new Float64Array(0);
  while (have.length < k) have = mergeUnique(have, drawSortedUnique(random, k - have.length, n));
  return have;
}

/** `count` uniform draws from [0, n), sorted, repeats removed (so possibly fewer). */
export function drawSortedUnique(random: () => number, count: number, n: number): Float64Array {
  const d = new Float64Array(count);
  for (let i = 0; i < count; i++) d[i] = Math.floor(random() * n);
  return uniqueSorted(sortIntegers(d));
}

/** Union of two sorted, repeat-free arrays, sorted and repeat-free. */
export function mergeUnique(x: Float64Array, y: Float64Array): Float64Array {
  const out = new Float64Array(x.length + y.length);
  let i = 0;
  let j = 0;
  let w = 0;
  while (i < x.length || j < y.length) {
    const v = j >= y.length || (i < x.length && x[i] <= y[j]) ? x[i++] : y[j++];
    if (w === 0 || out[w - 1] !== v) out[w++] = v;
  }
  return out.subarray(0, w);
}

/** Removes adjacent repeats in place; returns the shortened view. */
export function uniqueSorted(a: Float64Array): Float64Array {
  let w = 0;
  for (let r = 0; r < a.length; r++) if (w === 0 || a[r] !== a[w - 1]) a[w++] = a[r];
  return a.subarray(0, w);
}

/**
 * Sorts non-negative integers < 2^53 held in a Float64Array, ascending, by
 * LSD radix on 11-bit digits (V8's comparison sort of typed arrays is
 * several times slower at 10^7 elements). Returns the sorted array (may be
 * `a` itself or a new buffer).
 */
export function sortIntegers(a: Float64Array): Float64Array {
  let max = 0;
  for (let i = 0; i < a.length; i++) if (a[i] > max) max = a[i];
  let src: Float64Array = a;
  let dst: Float64Array = new Float64Array(a.length);
  const count = new Uint32Array(2048);
  for (let shift = 0; shift === 0 || max >= 2 ** shift; shift += 11) {
    const div = 2 ** shift;
    count.fill(0);
    for (let i = 0; i < src.length; i++) count[Math.floor(src[i] / div) & 2047]++;
    let sum = 0;
    for (let d = 0; d < 2048; d++) {
      const c = count[d];
      count[d] = sum;
      sum += c;
    }
    for (let i = 0; i < src.length; i++) dst[count[Math.floor(src[i] / div) & 2047]++] = src[i];
    [src, dst] = [dst, src];
  }
  return src;
}
