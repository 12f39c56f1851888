import { exactFloat32, HIGH_WORD, keyToScore, radixSortKeys, scoreKey32, scoreKeyHi64, scoreKeyLo64 } from './argsort';

/** Distinct scores (increasing) with cumulative counts, in scikit-learn's curve order. */
export interface CumulativeCounts {
  /** distinct scores, increasing */
  thresholds: Float64Array;
  /** positives with score ≥ thresholds[k] */
  tp: Float64Array;
  /** negatives with score ≥ thresholds[k] */
  fp: Float64Array;
}

type Keys = { hi: Uint32Array; lo: Uint32Array | null };

/**
 * One threshold per distinct score with the cumulative positive/negative
 * counts at or above it: the `_binary_clf_curve` step of scikit-learn.
 *
 * Why not an argsort: the curve needs only the sorted scores of each class,
 * not the permutation. The scores are split by label into two key arrays,
 * each radix-sorted without a payload (half the memory traffic of sorting
 * keys plus indices), and the two sorted runs are merged, tie groups counted
 * on the fly. Equal keys ⇔ equal scores (−0 = +0), so ties are exact.
 *
 * Contract: finite scores only (see `splitFinite`); labels 0/1 (validated by
 * the caller) with `positives` ones; n ≥ 1. Float64 input whose values are
 * all float32 values is keyed in 32 bits, else in 64 bits.
 * Reference: `sklearn.metrics._ranking._binary_clf_curve` (fps, tps,
 * thresholds), reversed to increasing thresholds.
 */
export function cumulativeCounts(scores: Float32Array | Float64Array, labels: Uint8Array, positives: number): CumulativeCounts {
  const [pos, neg] = keysByLabel(scores, labels, positives);
  const a = radixSortKeys(pos.hi, pos.lo, null);
  const b = radixSortKeys(neg.hi, neg.lo, null);
  return mergeRuns(a, b);
}

/** Descending-order keys (ascending key = descending score), split by label. */
function keysByLabel(scores: Float32Array | Float64Array, labels: Uint8Array, positives: number): [Keys, Keys] {
  const n = scores.length;
  const f32 = exactFloat32(scores);
  if (f32 !== null) {
    const bits = new Uint32Array(f32.buffer, f32.byteOffset, n);
    const pos = new Uint32Array(positives);
    const neg = new Uint32Array(n - positives);
    let p = 0;
    let q = 0;
    for (let i = 0; i < n; i++) {
      const key = scoreKey32(bits[i]);
      if (labels[i] === 1) pos[p++] = key;
      else neg[q++] = key;
    }
    return [
      { hi: pos, lo: null },
      { hi: neg, lo: null },
    ];
  }
  const words = new Uint32Array(scores.buffer, scores.byteOffset, 2 * n);
  const posHi = new Uint32Array(positives);
  const posLo = new Uint32Array(positives);
  const negHi = new Uint32Array(n - positives);
  const negLo = new Uint32Array(n - positives);
  let p = 0;
  let q = 0;
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + HIGH_WORD];
    const l = words[2 * i + 1 - HIGH_WORD];
    if (labels[i] === 1) {
      posHi[p] = scoreKeyHi64(h, l);
      posLo[p++] = scoreKeyLo64(h, l);
    } else {
      negHi[q] = scoreKeyHi64(h, l);
      negLo[q++] = scoreKeyLo64(h, l);
    }
  }
  return [
    { hi: posHi, lo: posLo },
    { hi: negHi, lo: negLo },
  ];
}

/**
 * Merges two ascending key runs (positives `a`, negatives `b`) into per-tie-group
 * cumulative counts, highest score first: a counting pass sizes the output, a
 * second pass fills it back to front so thresholds increase.
 */
function mergeRuns(a: Keys, b: Keys): CumulativeCounts {
  const m = a.lo === null ? groups32(a.hi, b.hi, null) : groups64(a.hi, a.lo, b.hi, b.lo!, null);
  const out = { thresholds: new Float64Array(m), tp: new Float64Array(m), fp: new Float64Array(m) };
  if (a.lo === null) groups32(a.hi, b.hi, out);
  else groups64(a.hi, a.lo, b.hi, b.lo!, out);
  return out;
}

/** Walks the tie groups of two sorted 32-bit key runs; counts them, or fills `out` (sized by a counting call). */
function groups32(a: Uint32Array, b: Uint32Array, out: CumulativeCounts | null): number {
  const na = a.length;
  const nb = b.length;
  const m = out === null ? 0 : out.thresholds.length;
  let i = 0;
  let j = 0;
  let g = 0;
  while (i < na || j < nb) {
    const key = j >= nb || (i < na && a[i] <= b[j]) ? a[i] : b[j];
    while (i < na && a[i] === key) i++;
    while (j < nb && b[j] === key) j++;
    if (out !== null) {
      const k = m - 1 - g;
      out.thresholds[k] = keyToScore(key, null);
      out.tp[k] = i; // positives with key ≤ this one = positives with score ≥ this one
      out.fp[k] = j;
    }
    g++;
  }
  return g;
}

/** As `groups32` for 64-bit keys (hi, lo). */
function groups64(ah: Uint32Array, al: Uint32Array, bh: Uint32Array, bl: Uint32Array, out: CumulativeCounts | null): number {
  const na = ah.length;
  const nb = bh.length;
  const m = out === null ? 0 : out.thresholds.length;
  let i = 0;
  let j = 0;
  let g = 0;
  while (i < na || j < nb) {
    const takeA = j >= nb || (i < na && (ah[i] < bh[j] || (ah[i] === bh[j] && al[i] <= bl[j])));
    const kh = takeA ? ah[i] : bh[j];
    const kl = takeA ? al[i] : bl[j];
    while (i < na && ah[i] === kh && al[i] === kl) i++;
    while (j < nb && bh[j] === kh && bl[j] === kl) j++;
    if (out !== null) {
      const k = m - 1 - g;
      out.thresholds[k] = keyToScore(kh, kl);
      out.tp[k] = i;
      out.fp[k] = j;
    }
    g++;
  }
  return g;
}

/** Bit 31 of a `countsFromSortedKeys` payload: set for a positive. */
export const POSITIVE_BIT = 0x80000000;

/**
 * The same cumulative counts from one run of keys already sorted ascending
 * (descending score, as `sortDescending` returns them), each carrying its
 * label in bit 31 of `payload` (`POSITIVE_BIT`; the low 31 bits are free for
 * an index). One sequential pass counts the tie groups, a second fills them
 * back to front so thresholds increase. Lets a caller that needs the ranking
 * anyway (`rankedPrCurve`) get the curve without a second sort.
 *
 * Contract: `hi`, `lo` (null for 32-bit keys) and `payload` of equal length
 * n ≥ 1, keys ascending. Reference: as `cumulativeCounts`.
 */
export function countsFromSortedKeys(hi: Uint32Array, lo: Uint32Array | null, payload: Uint32Array): CumulativeCounts {
  const n = hi.length;
  let m = 1;
  for (let i = 1; i < n; i++) if (hi[i] !== hi[i - 1] || (lo !== null && lo[i] !== lo[i - 1])) m++;
  const out = { thresholds: new Float64Array(m), tp: new Float64Array(m), fp: new Float64Array(m) };
  let tp = 0;
  let k = m;
  for (let i = 0; i < n; i++) {
    tp += payload[i] >>> 31;
    if (i + 1 < n && hi[i + 1] === hi[i] && (lo === null || lo[i + 1] === lo[i])) continue;
    k--;
    out.thresholds[k] = keyToScore(hi[i], lo === null ? null : lo[i]);
    out.tp[k] = tp; // positives with key ≤ this one = positives with score ≥ this one
    out.fp[k] = i + 1 - tp;
  }
  return out;
}
