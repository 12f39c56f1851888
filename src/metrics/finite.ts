import { assert } from '../base/assert';

/** Result of `splitFinite`: the finite scores and their labels, plus what was dropped. */
export interface FiniteSplit<S extends Float32Array | Float64Array> {
  /** finite scores, −0 normalised to +0; same array type as the input */
  scores: S;
  /** labels of the kept scores, in the same order */
  labels: Uint8Array;
  /** kept position → original index; null when nothing was removed */
  keptIndex: Uint32Array | null;
  /** original indices of the NaN/±Infinity scores, increasing */
  excludedIndices: Uint32Array;
}

/**
 * Drops NaN and ±Infinity scores (and their labels) and normalises −0 to +0,
 * so that later stages can sort and compare with `===`.
 *
 * Contract: `scores.length === labels.length`. Inputs are never modified;
 * when there is nothing to drop or normalise, the input arrays themselves are
 * returned. Excluded indices are reported so the UI can name the pairs/images.
 *
 * Reference: scikit-learn has no equivalent; `precision_recall_curve` rejects
 * non-finite input (`assert_all_finite`). This is the filter we apply before
 * calling the sklearn-equivalent code.
 */
export function splitFinite<S extends Float32Array | Float64Array>(
  scores: S,
  labels: Uint8Array,
): FiniteSplit<S> {
  const n = scores.length;
  assert(labels.length === n, `splitFinite: ${n} scores but ${labels.length} labels`);
  let nonFinite = 0;
  let negZero = false;
  for (let i = 0; i < n; i++) {
    const x = scores[i];
    if (x - x !== 0) nonFinite++; // NaN - NaN and ∞ - ∞ are NaN
    else if (x === 0 && 1 / x < 0) negZero = true;
  }
  if (nonFinite === 0) {
    if (!negZero) return { scores, labels, keptIndex: null, excludedIndices: new Uint32Array(0) };
    const copy = scores.slice() as S;
    for (let i = 0; i < n; i++) if (copy[i] === 0) copy[i] = 0;
    return { scores: copy, labels, keptIndex: null, excludedIndices: new Uint32Array(0) };
  }
  const kept = n - nonFinite;
  const outScores = (scores instanceof Float32Array ? new Float32Array(kept) : new Float64Array(kept)) as S;
  const outLabels = new Uint8Array(kept);
  const keptIndex = new Uint32Array(kept);
  const excludedIndices = new Uint32Array(nonFinite);
  let k = 0;
  let e = 0;
  for (let i = 0; i < n; i++) {
    const x = scores[i];
    if (x - x !== 0) {
      excludedIndices[e++] = i;
    } else {
      outScores[k] = x === 0 ? 0 : x;
      outLabels[k] = labels[i];
      keptIndex[k++] = i;
    }
  }
  return { scores: outScores, labels: outLabels, keptIndex, excludedIndices };
}
