import { assert } from '../base/assert';

const RADIX = 2048; // 11-bit digits: 3 passes per 32-bit word (11 + 11 + 10)
const MASK = RADIX - 1;
const SHIFTS = [0, 11, 22] as const;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** Index of the high 32-bit word of a float64 in a Uint32Array view of it. */
export const HIGH_WORD = LITTLE_ENDIAN ? 1 : 0;

/** Keys and payload after `sortDescending`, in descending score order. */
export interface SortedKeys {
  /** sort keys (the high word of 64-bit keys); equal keys ⇔ equal scores (−0 = +0) */
  hi: Uint32Array;
  /** low words of 64-bit keys (float64 input not representable in float32); else null */
  lo: Uint32Array | null;
  /** the caller's payload, permuted along with the keys */
  payload: Uint32Array;
}

/**
 * Indices that order `scores` from highest to lowest; stable, so equal scores
 * keep their input order. −0 and +0 are equal (a tie).
 *
 * Contract: no NaN (callers drop non-finite scores first, see `splitFinite`);
 * ±Infinity is allowed. Throws on NaN. The input is not modified.
 *
 * Reference: `np.argsort(-scores, kind='stable')`, the descending order that
 * `sklearn.metrics._ranking._binary_clf_curve` relies on (it uses
 * `argsort(kind='mergesort')[::-1]`, which reverses ties, but the curve only
 * depends on tie groups, not on the order inside a group).
 *
 * Algorithm: LSD radix sort with 11-bit digits over a uint32 key derived from
 * the float bit pattern: O(n), no per-element objects. Float64 input whose
 * values are all exact float32 values uses 32-bit keys (3 passes), otherwise
 * 64-bit keys (6 passes). Passes where all keys share the digit are skipped.
 */
export function argsortDescending(scores: Float32Array | Float64Array): Uint32Array {
  const idx = new Uint32Array(scores.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  return sortDescending(scores, idx).payload;
}

/**
 * The radix sort behind `argsortDescending`, exposed so that `prCurve` can
 * carry labels through the sort and detect ties on the sorted keys (sequential
 * reads) instead of gathering `scores[order[i]]` (random reads, ~3× slower).
 *
 * Contract: as `argsortDescending`; `payload.length === scores.length`. The
 * payload array is consumed (used as scratch): use the returned one.
 * Decode a key back to its score with `keyToScore`.
 */
export function sortDescending(scores: Float32Array | Float64Array, payload: Uint32Array): SortedKeys {
  const n = scores.length;
  assert(payload.length === n, `sortDescending: ${n} scores but payload of ${payload.length}`);
  const f32 = exactFloat32(scores); // NaN is never exact, so it takes the 64-bit path, which rejects it
  return f32 !== null ? radixSort(float32Keys(f32), null, payload) : float64Sort(scores as Float64Array, payload);
}

/**
 * `scores` itself when float32, a float32 copy when every float64 value is
 * exactly a float32 value (then 32-bit keys sort them: half the passes), else
 * null (64-bit keys needed). NaN is never exact.
 */
export function exactFloat32(scores: Float32Array | Float64Array): Float32Array | null {
  if (scores instanceof Float32Array) return scores;
  const f32 = new Float32Array(scores);
  for (let i = 0; i < scores.length; i++) if (f32[i] !== scores[i]) return null;
  return f32;
}

/**
 * The sort key of a float32 bit pattern: ascending keys = descending scores.
 * Negative floats keep their bits; non-negative ones get bits ^ 0x7fffffff;
 * −0 gets +0's key. The one mapping behind `argsortDescending` and
 * `cumulativeCounts` (NaN patterns are the caller's to refuse).
 */
export function scoreKey32(bits: number): number {
  const b = bits === 0x80000000 ? 0 : bits; // −0 → +0
  return b >= 0x80000000 ? b : (b ^ 0x7fffffff) >>> 0;
}

/** The same mapping for a float64 bit pattern (high word `h`, low word `l`): the key's high word. */
export function scoreKeyHi64(h: number, l: number): number {
  const b = h === 0x80000000 && l === 0 ? 0 : h; // −0 → +0
  return b >= 0x80000000 ? b : (b ^ 0x7fffffff) >>> 0;
}

/** The key's low word (see `scoreKeyHi64`). */
export function scoreKeyLo64(h: number, l: number): number {
  return h >= 0x80000000 && !(h === 0x80000000 && l === 0) ? l : ~l >>> 0;
}

const scratch = new Float64Array(1);
const scratchWords = new Uint32Array(scratch.buffer);
const scratch32 = new Float32Array(scratchWords.buffer, 0, 1);

/** Inverse of the key mapping: the score whose key is (hi, lo); lo null for 32-bit keys. */
export function keyToScore(hi: number, lo: number | null): number {
  const negative = hi >= 0x80000000;
  if (lo === null) {
    scratchWords[0] = negative ? hi : hi ^ 0x7fffffff;
    return scratch32[0];
  }
  scratchWords[LITTLE_ENDIAN ? 1 : 0] = negative ? hi : hi ^ 0x7fffffff;
  scratchWords[LITTLE_ENDIAN ? 0 : 1] = negative ? lo : ~lo;
  return scratch[0];
}

function nanError(i: number): Error {
  return new Error(`argsortDescending: NaN score at index ${i} (drop non-finite scores first)`);
}

/** Descending keys (see `scoreKey32`); throws on NaN. */
function float32Keys(scores: Float32Array): Uint32Array {
  const n = scores.length;
  const bits = new Uint32Array(scores.buffer, scores.byteOffset, n);
  const keys = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const b = bits[i];
    if ((b & 0x7fffffff) > 0x7f800000) throw nanError(i);
    keys[i] = scoreKey32(b);
  }
  return keys;
}

/** The same mapping on 64-bit patterns, as (hi, lo) word arrays. */
function float64Sort(scores: Float64Array, payload: Uint32Array): SortedKeys {
  const n = scores.length;
  const words = new Uint32Array(scores.buffer, scores.byteOffset, 2 * n);
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + HIGH_WORD];
    const l = words[2 * i + 1 - HIGH_WORD];
    const mag = h & 0x7fffffff;
    if (mag > 0x7ff00000 || (mag === 0x7ff00000 && l !== 0)) throw nanError(i);
    hi[i] = scoreKeyHi64(h, l);
    lo[i] = scoreKeyLo64(h, l);
  }
  return radixSort(hi, lo, payload);
}

/** Stable ascending sort by (hi, lo): low-word passes first, then high-word passes. */
function radixSort(hi: Uint32Array, lo: Uint32Array | null, payload: Uint32Array): SortedKeys {
  const sorted = radixSortKeys(hi, lo, payload);
  return { hi: sorted.hi, lo: sorted.lo, payload: sorted.payload! };
}

/**
 * Stable ascending LSD radix sort of the keys (hi, lo) — lo null for 32-bit
 * keys — carrying `payload` along when given. With `payload` null only the
 * keys move (half the memory traffic): enough for `prCurve`, which needs the
 * sorted scores per label, not the permutation.
 *
 * Contract: equal lengths; the input arrays are consumed (used as scratch):
 * use the returned ones. Keys come from `scoreKeys32` / `scoreKeys64`.
 * Reference: LSD radix sort (Knuth, TAOCP vol. 3, 5.2.5) with 11-bit digits.
 */
export function radixSortKeys(
  hi: Uint32Array,
  lo: Uint32Array | null,
  payload: Uint32Array | null,
): { hi: Uint32Array; lo: Uint32Array | null; payload: Uint32Array | null } {
  if (lo !== null) {
    const [sortedLo, carriedHi, p] = passes(lo, hi, payload);
    assert(carriedHi !== null, 'radixSort: lost the high words');
    [lo, hi, payload] = [sortedLo, carriedHi, p];
  }
  [hi, lo, payload] = passes(hi, lo, payload);
  return { hi, lo, payload };
}

/** Three stable counting-sort passes on `key`, moving `carry` and `payload` (if any) along. */
function passes(
  key: Uint32Array,
  carry: Uint32Array | null,
  payload: Uint32Array | null,
): [Uint32Array, Uint32Array | null, Uint32Array | null] {
  const n = key.length;
  const hist = [new Float64Array(RADIX), new Float64Array(RADIX), new Float64Array(RADIX)];
  for (let i = 0; i < n; i++) {
    const k = key[i];
    hist[0][k & MASK]++;
    hist[1][(k >>> 11) & MASK]++;
    hist[2][k >>> 22]++;
  }
  let key2: Uint32Array | null = null;
  let carry2: Uint32Array | null = null;
  let payload2: Uint32Array | null = null;
  for (let p = 0; p < 3; p++) {
    const off = new Uint32Array(RADIX);
    let sum = 0;
    let single = false;
    for (let d = 0; d < RADIX; d++) {
      if (hist[p][d] === n) single = true;
      off[d] = sum;
      sum += hist[p][d];
    }
    if (single) continue; // every key has this digit: the pass is a no-op
    key2 ??= new Uint32Array(n);
    const shift = SHIFTS[p];
    if (payload === null) {
      if (carry !== null) {
        carry2 ??= new Uint32Array(n);
        for (let i = 0; i < n; i++) {
          const k = key[i];
          const pos = off[(k >>> shift) & MASK]++;
          key2[pos] = k;
          carry2[pos] = carry[i];
        }
        [carry, carry2] = [carry2, carry];
      } else {
        for (let i = 0; i < n; i++) {
          const k = key[i];
          key2[off[(k >>> shift) & MASK]++] = k;
        }
      }
      [key, key2] = [key2, key];
      continue;
    }
    payload2 ??= new Uint32Array(n);
    if (carry !== null) {
      carry2 ??= new Uint32Array(n);
      for (let i = 0; i < n; i++) {
        const k = key[i];
        const pos = off[(k >>> shift) & MASK]++;
        key2[pos] = k;
        carry2[pos] = carry[i];
        payload2[pos] = payload[i];
      }
      [carry, carry2] = [carry2, carry];
    } else {
      for (let i = 0; i < n; i++) {
        const k = key[i];
        const pos = off[(k >>> shift) & MASK]++;
        key2[pos] = k;
        payload2[pos] = payload[i];
      }
    }
    [key, key2] = [key2, key];
    [payload, payload2] = [payload2, payload!];
  }
  return [key, carry, payload];
}
