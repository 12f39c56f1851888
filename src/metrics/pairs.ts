import { assert } from '../base/assert';

/**
 * Unordered pairs i < j of n items, enumerated row-major:
 * (0,1), (0,2), …, (0,n−1), (1,2), …, (n−2,n−1). Pair k of that list is the
 * k-th element of the arrays from `pairLabels` and `pairScores`.
 * Reference: the order of `np.triu_indices(n, k=1)` and of the condensed
 * matrix of `scipy.spatial.distance.pdist`.
 */

/** Largest pair count a typed-array pair buffer may hold. */
export const MAX_PAIRS = 2 ** 31;

/** Typed arrays accepted as class ids. */
export type ClassIds = Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array;

/**
 * n(n−1)/2, the number of unordered pairs of n items; exact while the result
 * is ≤ 2^53. Contract: n is a non-negative integer.
 * Reference: `len(np.triu_indices(n, 1)[0])`.
 */
export function pairCount(n: number): number {
  assert(Number.isInteger(n) && n >= 0, `pairCount: n = ${n} is not a non-negative integer`);
  // One of n, n − 1 is even, so halve that factor first: no rounding.
  if (n < 2) return 0;
  return n % 2 === 0 ? (n / 2) * (n - 1) : n * ((n - 1) / 2);
}

/** Index of the first pair (i, i+1) of row i: i(2n − i − 1)/2, exact (the product is even). */
export function rowStart(i: number, n: number): number {
  return (i * (2 * n - i - 1)) / 2;
}

/**
 * Position of pair (i, j) in the row-major enumeration.
 * Contract: integers with 0 ≤ i < j < n (throws otherwise).
 * Reference: `scipy.spatial.distance.squareform` condensed index.
 */
export function pairIndex(i: number, j: number, n: number): number {
  assert(Number.isInteger(i) && Number.isInteger(j) && 0 <= i && i < j && j < n, `pairIndex: need 0 ≤ i < j < n, got (${i}, ${j}), n = ${n}`);
  return rowStart(i, n) + (j - i - 1);
}

/**
 * Inverse of `pairIndex`: the pair (i, j) at position k, in O(1) via the
 * quadratic formula followed by an exact integer correction.
 * Contract: integer 0 ≤ k < pairCount(n) (throws otherwise).
 * Reference: `np.triu_indices(n, 1)` evaluated at k.
 */
export function pairFromIndex(k: number, n: number): [number, number] {
  const count = pairCount(n);
  assert(Number.isInteger(k) && k >= 0 && k < count, `pairFromIndex: k = ${k} outside 0..${count - 1}`);
  const b = 2 * n - 1;
  let i = Math.floor((b - Math.sqrt(b * b - 8 * k)) / 2);
  if (i < 0) i = 0;
  if (i > n - 2) i = n - 2;
  while (i > 0 && rowStart(i, n) > k) i--;
  while (i < n - 2 && rowStart(i + 1, n) <= k) i++;
  return [i, k - rowStart(i, n) + i + 1];
}

/**
 * Pair labels for items with class ids `classOf` (length n): 1 where the two
 * items of the pair share a class, else 0, in row-major pair order.
 * Contract: pairCount(n) ≤ MAX_PAIRS (throws otherwise).
 * Reference: `(c[:, None] == c[None, :])[np.triu_indices(n, 1)]`.
 */
export function pairLabels(classOf: ClassIds): Uint8Array {
  const n = classOf.length;
  const count = pairCount(n);
  assert(count <= MAX_PAIRS, `pairLabels: ${count} pairs for ${n} items exceeds the limit of ${MAX_PAIRS}`);
  const out = new Uint8Array(count);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const ci = classOf[i];
    for (let j = i + 1; j < n; j++) out[k++] = classOf[j] === ci ? 1 : 0;
  }
  return out;
}

/** Pair similarity: −‖a − b‖² or cosine similarity a·b / (‖a‖‖b‖). */
export type PairMetric = 'neg-sq-l2' | 'cosine';

/** Default memory budget for the `pairScores` output: 1 GiB (≈ 268 M pairs). */
export const DEFAULT_PAIR_BYTES = 2 ** 30;

const TILE = 64; // rows per cache block

/**
 * Similarity scores for all pairs i < j of `n` embeddings of dimension `d`
 * (row-major in `emb`, length n·d), in row-major pair order; higher = more
 * similar. Accumulates in float64, stores float32.
 *  - 'neg-sq-l2': −Σ(aₖ − bₖ)², summed directly (not ‖a‖² + ‖b‖² − 2a·b),
 *    so identical embeddings score exactly +0 (never −0 or a tiny negative).
 *  - 'cosine': a·b / (‖a‖‖b‖) with precomputed row norms; NaN when either
 *    embedding is all zeros (0/0), left for `splitFinite` to report.
 *
 * Contract: `emb.length === n * d`; throws a clear Error when pairCount(n)
 * exceeds MAX_PAIRS or the output would exceed `maxBytes` (default 1 GiB).
 * Reference: `-sklearn.metrics.pairwise.euclidean_distances(X, squared=True)`
 * and `sklearn.metrics.pairwise.cosine_similarity(X)` at `np.triu_indices(n, 1)`
 * (sklearn returns 0 instead of NaN for zero vectors in cosine).
 */
export function pairScores(
  emb: Float32Array,
  n: number,
  d: number,
  metric: PairMetric,
  options: { maxBytes?: number } = {},
): Float32Array {
  assert(Number.isInteger(n) && n >= 0 && Number.isInteger(d) && d >= 0, `pairScores: bad shape n = ${n}, d = ${d}`);
  assert(emb.length === n * d, `pairScores: embedding length ${emb.length} ≠ n·d = ${n * d}`);
  const count = pairCount(n);
  assert(count <= MAX_PAIRS, `pairScores: ${n} items give ${count} pairs, more than the limit of ${MAX_PAIRS}`);
  const maxBytes = options.maxBytes ?? DEFAULT_PAIR_BYTES;
  const bytes = count * Float32Array.BYTES_PER_ELEMENT;
  assert(bytes <= maxBytes, `pairScores: ${n} items give ${count} pairs (${bytes} bytes), over the memory budget of ${maxBytes} bytes`);
  const out = new Float32Array(count);
  fillPairRows(emb, n, d, metric, rowNorms(emb, n, d, metric), 0, n, out, 0);
  return out;
}

/**
 * Row norms ‖eᵢ‖ (float64 sums) for 'cosine', an empty array for 'neg-sq-l2'.
 * Contract: as `pairScores`. Shared with `pairScoresBlocked`.
 */
export function rowNorms(emb: Float32Array, n: number, d: number, metric: PairMetric): Float64Array {
  const cosine = metric === 'cosine';
  assert(cosine || metric === 'neg-sq-l2', `pairScores: unknown metric ${String(metric)}`);
  const norms = new Float64Array(cosine ? n : 0);
  for (let i = 0; cosine && i < n; i++) {
    let s = 0;
    for (let k = i * d; k < (i + 1) * d; k++) s += emb[k] * emb[k];
    norms[i] = Math.sqrt(s);
  }
  return norms;
}

/**
 * Writes the scores of every pair (i, j), r0 ≤ i < r1, j > i — a contiguous
 * run of the row-major pair order — to `out[pairIndex(i, j, n) − outBase]`,
 * in cache tiles of TILE × TILE items. The arithmetic per pair is fixed (a
 * sequential float64 sum over k), so any split into row blocks gives
 * bit-identical scores. Contract: as `pairScores`; `norms` from `rowNorms`.
 */
export function fillPairRows(
  emb: Float32Array,
  n: number,
  d: number,
  metric: PairMetric,
  norms: Float64Array,
  r0: number,
  r1: number,
  out: Float32Array,
  outBase: number,
): void {
  const cosine = metric === 'cosine';
  for (let i0 = r0; i0 < r1; i0 += TILE) {
    const i1 = Math.min(i0 + TILE, r1);
    for (let j0 = i0; j0 < n; j0 += TILE) {
      const j1 = Math.min(j0 + TILE, n);
      for (let i = i0; i < i1; i++) {
        const a = i * d;
        const base = rowStart(i, n) - i - 1 - outBase; // out index of (i, j) is base + j
        for (let j = Math.max(j0, i + 1); j < j1; j++) {
          const b = j * d;
          let acc = 0;
          if (cosine) {
            for (let k = 0; k < d; k++) acc += emb[a + k] * emb[b + k];
            out[base + j] = acc / (norms[i] * norms[j]);
          } else {
            for (let k = 0; k < d; k++) {
              const diff = emb[a + k] - emb[b + k];
              acc += diff * diff;
            }
            out[base + j] = 0 - acc; // 0 − 0 is +0
          }
        }
      }
    }
  }
}
