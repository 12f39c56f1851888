import { findDip, type Dip } from '../diagnostics/dip';
import { diagnoseTopFalsePositives, type Diagnosis } from '../diagnostics/tagPairs';
import type { Dataset } from './types';
import type { EmbedResult } from '../model/embedPipeline';
import type { Evaluation } from '../metrics/evaluateEmbeddings';

const dipCache = new WeakMap<Evaluation, Dip | null>();

/** The dip of the current evaluation, derived (and memoised per evaluation object). */
export function dipOf(ev: Evaluation | null): Dip | null {
  if (!ev) return null;
  if (!dipCache.has(ev)) dipCache.set(ev, findDip(ev.curve.precision, ev.curve.recall));
  return dipCache.get(ev)!;
}

/**
 * The curve index whose rank (tp + fp, pairs predicted positive) is the smallest
 * one ≥ `rank`: carries a selection over to a recomputed curve (e.g. another
 * score metric) at the same depth of the ranking. Rank is non-increasing with the index.
 */
export function indexAtRank(curve: { tp: Float64Array; fp: Float64Array; thresholds: Float64Array }, rank: number): number {
  let lo = 0;
  let hi = curve.thresholds.length - 1;
  if (hi < 0) return 0;
  // largest index whose rank ≥ rank
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (curve.tp[mid] + curve.fp[mid] >= rank) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const diagnosisCache = new WeakMap<Evaluation, Diagnosis | null>();

const classIdsCache = new WeakMap<Dataset, Int32Array>();

/** Each image's class id, made once per dataset (requests copy it; a scores table has millions of items and a flag replays the curve). */
export function classIdsOf(dataset: Dataset): Int32Array {
  let ids = classIdsCache.get(dataset);
  if (!ids) {
    // A plain loop: Int32Array.from with a mapping function took 0.85 s for the 10 M items of a 5 M-row table.
    const images = dataset.images;
    ids = new Int32Array(images.length);
    for (let i = 0; i < images.length; i++) ids[i] = images[i].label;
    classIdsCache.set(dataset, ids);
  }
  return ids;
}

/** Root-cause tags of the top false positives and the dataset summaries, derived (memoised per evaluation). */
export function diagnosisOf(ev: Evaluation | null, embedding: EmbedResult | null, dataset: Dataset | null): Diagnosis | null {
  if (!ev || !embedding || !dataset || embedding.n !== ev.n) return null;
  if (!diagnosisCache.has(ev)) {
    diagnosisCache.set(
      ev,
      diagnoseTopFalsePositives({
        evaluation: ev,
        embeddings: embedding.embeddings,
        dim: embedding.dim,
        classes: classIdsOf(dataset),
        classNames: dataset.classes,
        classPairs: classPairsKnown(dataset),
        contentHashes: embedding.contentHashes,
        pixelStd: embedding.pixelStd,
      }),
    );
  }
  return diagnosisCache.get(ev)!;
}

/**
 * Whether the evaluation's labels are "same class or not" over known classes,
 * so class-pair confusion means something: class folders (all pairs or a
 * sample), not a dropped pair list (labels as listed; LFW names are
 * identities, each mismatched pair of people about once).
 */
export function classPairsKnown(dataset: Dataset): boolean {
  return dataset.pairs?.origin.kind !== 'list';
}
