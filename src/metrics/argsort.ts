const BITS = 11;
const RADIX = 1 << BITS; // 2048 buckets per pass
const MASK = RADIX - 1;
const SHIFTS = [0, 11, 22] as const; // 3 passes cover 32 bits (11 + 11 + 10)

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Indices that order `scores` from highest to lowest; stable, so equal scores
 * keep their input order. −0 and +0 are equal (a tie).
 *
 * Contract: no NaN (callers drop non-finite scores first, see `splitFinite`);
 * ±Infinity is allowed. Throws on NaN. The input is not modified.
 *
 * Reference: `np.argsort(-scores, kind='stable')`, i.e. the descending stable
 * order that `sklearn.metrics._ranking._binary_clf_curve` relies on (it uses
 * `argsort(kind='mergesort')[::-1]`, which orders ties differently, but the
 * curve only depends on tie *groups*, not on the order inside a group).
 *
 * Algorithm: LSD radix sort (11-bit digits) over a uint32 key derived from
 * the float bit pattern, so it is O(n) with no per-element objects. Float64
 * input whose values are all exactly representable as float32 uses 32-bit
 * keys (3 passes); otherwise a 64-bit key (6 passes over two uint32 halves).
 * Passes where every key has the same digit are skipped.
 */
export function argsortDescending(scores: Float32Array | Float64Array): Uint32Array {
  const n = scores.length;
  if (n === 0) return new Uint32Array(0);
  if (scores instanceof Float32Array) {
    return sort32(descKeysFromFloat32(scores));
  }
  const f32 = new Float32Array(scores);
  let exact = true;
  for (let i = 0; i < n; i++) {
    if (f32[i] !== scores[i]) {
      exact = false;
      break;
    }
  }
  // NaN !== NaN makes `exact` false, so NaN input always reaches the 64-bit
  // path, which checks for it.
  return exact ? sort32(descKeysFromFloat32(f32)) : sort64(scores);
}

/**
 * Key such that ascending key order = descending float order.
 * Ascending sortable key: negative → ~bits, non-negative → bits ^ 0x80000000.
 * Descending is its complement: negative → bits, non-negative → bits ^ 0x7fffffff.
 */
function descKeysFromFloat32(scores: Float32Array): Uint32Array {
  const n = scores.length;
  const bits = new Uint32Array(scores.buffer, scores.byteOffset, n);
  const keys = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let b = bits[i];
    if (b === 0x80000000) b = 0; // −0 → +0
    if ((b & 0x7fffffff) > 0x7f800000) throw nanError(i);
    keys[i] = b >= 0x80000000 ? b : (b ^ 0x7fffffff) >>> 0;
  }
  return keys;
}

function nanError(i: number): Error {
  return new Error(`argsortDescending: NaN score at index ${i} (drop non-finite scores first)`);
}

/** Counts per digit for the three 11-bit passes, in one scan of `keys`. */
function histograms(keys: Uint32Array): Float64Array[] {
  const h0 = new Float64Array(RADIX);
  const h1 = new Float64Array(RADIX);
  const h2 = new Float64Array(RADIX);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    h0[k & MASK]++;
    h1[(k >>> 11) & MASK]++;
    h2[k >>> 22]++;
  }
  return [h0, h1, h2];
}

/** Exclusive prefix sums as write offsets; null when one digit holds all n keys. */
function offsets(hist: Float64Array, n: number): Uint32Array | null {
  const off = new Uint32Array(RADIX);
  let sum = 0;
  for (let d = 0; d < RADIX; d++) {
    if (hist[d] === n) return null;
    off[d] = sum;
    sum += hist[d];
  }
  return off;
}

/** Stable ascending argsort of uint32 keys (identity order for ties). */
function sort32(keys: Uint32Array): Uint32Array {
  const n = keys.length;
  let idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  let keysOut: Uint32Array = new Uint32Array(n);
  let idxOut = new Uint32Array(n);
  const hists = histograms(keys);
  for (let p = 0; p < SHIFTS.length; p++) {
    const off = offsets(hists[p], n);
    if (off === null) continue;
    const shift = SHIFTS[p];
    for (let i = 0; i < n; i++) {
      const k = keys[i];
      const pos = off[(k >>> shift) & MASK]++;
      keysOut[pos] = k;
      idxOut[pos] = idx[i];
    }
    [keys, keysOut] = [keysOut, keys];
    [idx, idxOut] = [idxOut, idx];
  }
  return idx;
}

/** Stable descending argsort of float64 values via a 64-bit key (hi, lo). */
function sort64(scores: Float64Array): Uint32Array {
  const n = scores.length;
  const words = new Uint32Array(scores.buffer, scores.byteOffset, 2 * n);
  const hiWord = LITTLE_ENDIAN ? 1 : 0;
  let hi = new Uint32Array(n);
  let lo = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = words[2 * i + hiWord];
    const l = words[2 * i + 1 - hiWord];
    if (h === 0x80000000 && l === 0) h = 0; // −0 → +0
    const mag = h & 0x7fffffff;
    if (mag > 0x7ff00000 || (mag === 0x7ff00000 && l !== 0)) throw nanError(i);
    if (h >= 0x80000000) {
      hi[i] = h;
      lo[i] = l;
    } else {
      hi[i] = (h ^ 0x7fffffff) >>> 0;
      lo[i] = ~l >>> 0;
    }
  }
  let idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  let idxOut = new Uint32Array(n);
  let hiOut = new Uint32Array(n);
  let loOut = new Uint32Array(n);
  // Low word first: carry hi along so the high-word passes can read it.
  const loHists = histograms(lo);
  for (let p = 0; p < SHIFTS.length; p++) {
    const off = offsets(loHists[p], n);
    if (off === null) continue;
    const shift = SHIFTS[p];
    for (let i = 0; i < n; i++) {
      const l = lo[i];
      const pos = off[(l >>> shift) & MASK]++;
      loOut[pos] = l;
      hiOut[pos] = hi[i];
      idxOut[pos] = idx[i];
    }
    [lo, loOut] = [loOut, lo];
    [hi, hiOut] = [hiOut, hi];
    [idx, idxOut] = [idxOut, idx];
  }
  const hiHists = histograms(hi);
  for (let p = 0; p < SHIFTS.length; p++) {
    const off = offsets(hiHists[p], n);
    if (off === null) continue;
    const shift = SHIFTS[p];
    for (let i = 0; i < n; i++) {
      const h = hi[i];
      const pos = off[(h >>> shift) & MASK]++;
      hiOut[pos] = h;
      idxOut[pos] = idx[i];
    }
    [hi, hiOut] = [hiOut, hi];
    [idx, idxOut] = [idxOut, idx];
  }
  return idx;
}
