import { averagePrecisionFromCurve } from './averagePrecision';
import { dropIntermediatePoints } from './dropIntermediate';
import { splitFinite } from './finite';
import { cumulativeCounts, type CumulativeCounts } from './tieCounts';

/** A precision-recall curve in scikit-learn's layout, plus counts and diagnostics. */
export interface PrCurve {
  /** distinct finite scores, increasing, as sklearn.metrics.precision_recall_curve */
  thresholds: Float64Array;
  /** length thresholds.length + 1; last element 1 */
  precision: Float64Array;
  /** length thresholds.length + 1; last element 0 */
  recall: Float64Array;
  /** cumulative true positives (score ≥ threshold), same order as thresholds */
  tp: Float64Array;
  /** cumulative false positives (score ≥ threshold), same order as thresholds */
  fp: Float64Array;
  /** finite scores used */
  n: number;
  /** positives among the finite scores */
  positives: number;
  /** NaN/±inf scores dropped */
  excludedNonFinite: number;
  /** original indices of the dropped scores, increasing */
  excludedIndices: Uint32Array;
  /** average_precision_score */
  ap: number;
  /** positives / n (0 when n = 0): the AP of a random ranking */
  chance: number;
  /** human-readable notes, see the WARN_* constants */
  warnings: string[];
}

/** Options of `prCurve`. */
export interface PrCurveOptions {
  /**
   * Drop the thresholds that do not change the drawn curve (keep only the
   * first and last point of each run of equal recall), as scikit-learn ≥ 1.3
   * `precision_recall_curve(drop_intermediate=True)`. Default false (1.2 has
   * no such option and keeps every threshold). `ap` is unaffected.
   */
  dropIntermediate?: boolean;
}

export const WARN_NO_POSITIVES = 'no positive pairs';
export const WARN_NO_NEGATIVES = 'no negative pairs';
export const WARN_ONE_SCORE = 'only 1 distinct score';
export const WARN_EMPTY = 'no finite scores';
/** Warning text for `count` dropped NaN/±Infinity scores. */
export function warnNonFinite(count: number): string {
  return count === 1 ? '1 non-finite score excluded' : `${count} non-finite scores excluded`;
}

/**
 * Precision-recall curve and average precision of binary `labels` ranked by
 * `scores` (higher score = more likely positive).
 *
 * Contract: `scores.length === labels.length`; labels are 0 or 1 (throws
 * otherwise). NaN/±Infinity scores are dropped and reported
 * (`excludedNonFinite`, `excludedIndices`, a warning); −0 equals +0.
 * The result does not depend on input order or on Float32Array vs
 * Float64Array for the same values. O(n): the scores of each class are
 * radix-sorted and merged (see `cumulativeCounts`); counts are accumulated
 * in float64 (exact up to 2^53).
 *
 * Reference: scikit-learn 1.2 `precision_recall_curve(labels, scores)` for
 * `thresholds`, `precision`, `recall` (tied scores form one threshold; the
 * full curve down to the lowest score is kept: 1.2 no longer cuts it at the
 * first full-recall threshold as ≤ 1.0 did with `last_ind`), and
 * `average_precision_score` for `ap`. Deliberate differences:
 *  - no positives: sklearn sets recall to 1 everywhere and warns; we define
 *    recall as 0 everywhere, so AP is 0 (sklearn also gives 0) and nothing is NaN;
 *  - n = 0 after filtering (sklearn raises): thresholds empty, precision [1],
 *    recall [0], AP 0, with a warning.
 * `options.dropIntermediate` follows scikit-learn ≥ 1.3 (see `PrCurveOptions`).
 */
export function prCurve(
  scores: Float32Array | Float64Array,
  labels: Uint8Array,
  options: PrCurveOptions = {},
): PrCurve {
  const split = splitFinite(scores, labels);
  const positives = countPositives(split.labels);
  const counts = split.scores.length > 0 ? cumulativeCounts(split.scores, split.labels, positives) : null;
  const curve = curveFromFiniteCounts(counts, split.excludedIndices);
  return options.dropIntermediate ? dropIntermediatePoints(curve) : curve;
}

/**
 * The number of ones in `labels` (of the finite scores, see `splitFinite`).
 * Throws when a label is not 0 or 1; the index is the position among the
 * finite scores. Shared by `prCurve` and `rankedPrCurve`.
 */
export function countPositives(labels: Uint8Array): number {
  let positives = 0;
  for (let i = 0; i < labels.length; i++) {
    const v = labels[i];
    if (v > 1) throw new Error(`prCurve: label ${v} at index ${i}; labels must be 0 or 1`);
    positives += v;
  }
  return positives;
}

/**
 * `curveFromCounts` with the warning for the dropped non-finite scores
 * first; `counts` null when no finite score is left (an empty curve).
 * Used by `prCurve`, `rankedPrCurve` and `mergePrCurves`.
 */
export function curveFromFiniteCounts(counts: CumulativeCounts | null, excludedIndices: Uint32Array): PrCurve {
  const warnings = excludedIndices.length > 0 ? [warnNonFinite(excludedIndices.length)] : [];
  if (counts === null) {
    const none = new Float64Array(0);
    return curveFromCounts(none, none, none.slice(), excludedIndices, warnings);
  }
  return curveFromCounts(counts.thresholds, counts.tp, counts.fp, excludedIndices, warnings);
}

/**
 * Assembles a `PrCurve` from cumulative counts: precision, recall, AP, chance
 * and warnings (`warnings` is extended with the data-dependent ones).
 *
 * Contract: `thresholds` strictly increasing and finite; `tp[k]`/`fp[k]` the
 * positives/negatives with score ≥ thresholds[k] (so non-increasing in k, and
 * tp[0] + fp[0] = n, tp[0] = positives); `excludedIndices` the dropped scores.
 * Used by `prCurve` and by `mergePrCurves` (chunked computation).
 * Reference: the tail of `sklearn.metrics.precision_recall_curve` (1.2).
 */
export function curveFromCounts(
  thresholds: Float64Array,
  tp: Float64Array,
  fp: Float64Array,
  excludedIndices: Uint32Array,
  warnings: string[] = [],
): PrCurve {
  const m = thresholds.length;
  const n = m > 0 ? tp[0] + fp[0] : 0;
  const positives = m > 0 ? tp[0] : 0;
  const precision = new Float64Array(m + 1);
  const recall = new Float64Array(m + 1);
  for (let j = 0; j < m; j++) {
    precision[j] = tp[j] / (tp[j] + fp[j]); // tp + fp ≥ 1 at every threshold
    recall[j] = positives > 0 ? tp[j] / positives : 0;
  }
  precision[m] = 1;
  recall[m] = 0;

  if (m === 0) warnings.push(WARN_EMPTY);
  else if (positives === 0) warnings.push(WARN_NO_POSITIVES);
  else if (positives === n) warnings.push(WARN_NO_NEGATIVES);
  if (m === 1) warnings.push(WARN_ONE_SCORE);

  return {
    thresholds,
    precision,
    recall,
    tp,
    fp,
    n,
    positives,
    excludedNonFinite: excludedIndices.length,
    excludedIndices,
    ap: averagePrecisionFromCurve(precision, recall),
    chance: n > 0 ? positives / n : 0,
    warnings,
  };
}

/**
 * Average precision of binary `labels` ranked by `scores`; a shortcut for
 * `prCurve(scores, labels).ap` (same contract: labels 0/1, NaN/±Infinity
 * scores dropped, 0 when there are no positives or no finite scores).
 *
 * Reference: `sklearn.metrics.average_precision_score(labels, scores)` (1.2),
 * AP = Σₙ (Rₙ − Rₙ₋₁) Pₙ without interpolation.
 */
export function averagePrecision(scores: Float32Array | Float64Array, labels: Uint8Array): number {
  return prCurve(scores, labels).ap;
}
