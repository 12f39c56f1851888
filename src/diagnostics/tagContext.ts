import type { Evaluation } from '../metrics/evaluateEmbeddings';
import type { ClassIds } from '../metrics/pairs';
import { classConfusion, type ClassConfusion } from './classConfusion';
import { collapseStats, type CollapseStats } from './collapse';
import { embeddingStats, type EmbeddingStats } from './embeddingStats';
import { hubRanking, type HubRanking } from './hubs';
import { resolveTagOptions, type TagOptions } from './tagOptions';
import { topFalsePositives, type TopFalsePositives } from './topFalsePositives';

/** What the root-cause tags are computed from. Only `evaluation`, `embeddings`, `dim` and `classes` are required. */
export interface TagInputs {
  /** The evaluation of these embeddings (evaluateEmbeddings). */
  evaluation: Evaluation;
  /** n × dim embeddings, row-major (the ones the evaluation scored). */
  embeddings: Float32Array;
  dim: number;
  /** Class id of each image (the ones the evaluation's labels came from). */
  classes: ClassIds;
  /** Class names; their count sets the size of the confusion matrix (default: largest class id + 1). */
  classNames?: readonly string[];
  /**
   * false when the evaluation's labels were not derived from `classes` (a pair
   * list: its labels are as listed, and its classes are unknown or, like LFW
   * identities, one per person): skips the check that negatives span two
   * classes and leaves the class confusion empty (`confusion.classCount` 0),
   * so no pair is tagged confused-class-pair. Default true.
   */
  classPairs?: boolean;
  /**
   * Content hash of each image file (e.g. SHA-256 hex of its bytes, or a
   * numeric hash): equal hashes = exact byte duplicates. '' means unknown and
   * matches nothing. A 32-bit hash collides by chance (≈1 % at 10k images):
   * prefer a cryptographic one.
   */
  contentHashes?: ArrayLike<string | number>;
  /** Standard deviation of each image's decoded pixel values, 0–255 scale, all channels; NaN = unknown. */
  pixelStd?: ArrayLike<number>;
}

/** Everything the per-pair tags are decided from, plus the dataset-level summaries the UI shows. */
export interface TagContext {
  options: TagOptions;
  evaluation: Evaluation;
  embeddings: Float32Array;
  dim: number;
  classes: ClassIds;
  contentHashes: ArrayLike<string | number> | null;
  /** Norms, near-zero and identical embeddings. */
  embedding: EmbeddingStats;
  /** The top `options.topK` false positives the summaries are computed over. */
  top: TopFalsePositives;
  /** Per-image false-positive count ranking and the hubs. */
  hubs: HubRanking;
  /** Class-pair counts of the top false positives (heat map and sorted list); empty (classCount 0) when inputs.classPairs is false. */
  confusion: ClassConfusion;
  /** Whether the labels came from the classes (see TagInputs.classPairs). */
  classPairs: boolean;
  /** 1 where the class pair (a, b) is confused, classCount × classCount, symmetric. */
  confusedMatrix: Uint8Array;
  /** Tie blocks, near-zero and identical embeddings. */
  collapse: CollapseStats;
  /** 1 where the image's pixel std ≤ degenerateMaxStd (all 0 without pixelStd). */
  degenerate: Uint8Array;
  degenerateCount: number;
  /** The absolute squared-distance bound of a near duplicate: nearDuplicateRelSqDist × median ‖e‖². */
  nearDuplicateMaxSqDist: number;
}

/**
 * Computes the dataset-level diagnostics once (O(n·dim + n log n + topK +
 * distinct scores + classes²); no pass over all pairs), so that tagging any
 * listed pair afterwards is O(dim + log distinct scores) (see tagPairs.ts).
 *
 * Contract: the inputs describe the same n images as `evaluation`; throws an
 * Error naming the input whose length or content does not fit. Inputs are
 * not modified (the context keeps references to them).
 */
export function buildTagContext(inputs: TagInputs, options: Partial<TagOptions> = {}): TagContext {
  const opts = resolveTagOptions(options);
  const ev = inputs.evaluation;
  const n = ev.n;
  const { embeddings, dim, classes } = inputs;
  if (classes.length !== n) throw new Error(`buildTagContext: classes has ${classes.length} entries for ${n} images`);
  if (inputs.contentHashes && inputs.contentHashes.length !== n) throw new Error(`buildTagContext: contentHashes has ${inputs.contentHashes.length} entries for ${n} images`);
  if (inputs.pixelStd && inputs.pixelStd.length !== n) throw new Error(`buildTagContext: pixelStd has ${inputs.pixelStd.length} entries for ${n} images`);
  let maxClass = -1;
  for (let i = 0; i < n; i++) maxClass = Math.max(maxClass, classes[i]);
  const classCount = inputs.classNames ? inputs.classNames.length : maxClass + 1;
  if (maxClass >= classCount) throw new Error(`buildTagContext: class id ${maxClass} but only ${classCount} classNames`);

  const classPairs = inputs.classPairs ?? true;
  const embedding = embeddingStats(embeddings, n, dim, opts.zeroNormRatio);
  const top = topFalsePositives(ev, opts.topK);
  for (let t = 0; classPairs && t < top.pairs.length; t++) {
    if (classes[top.imageA[t]] === classes[top.imageB[t]]) {
      throw new Error(`buildTagContext: pair (${top.imageA[t]}, ${top.imageB[t]}) is a negative in the evaluation but both images have class ${classes[top.imageA[t]]}: classes do not match the evaluation`);
    }
  }
  const hubs = hubRanking(n, top, opts.hubMinCount, opts.hubMedianFactor);
  const confusion = classPairs
    ? classConfusion(classes, classCount, top, opts.confusedMinShare, opts.confusedMinCount)
    : { classCount: 0, count: () => 0, entries: [], shareThreshold: Infinity, total: top.pairs.length };
  const confusedMatrix = new Uint8Array(confusion.classCount * confusion.classCount);
  for (const e of confusion.entries) {
    if (!e.confused) continue;
    confusedMatrix[e.classA * classCount + e.classB] = 1;
    confusedMatrix[e.classB * classCount + e.classA] = 1;
  }
  const degenerate = new Uint8Array(n);
  let degenerateCount = 0;
  if (inputs.pixelStd) {
    for (let i = 0; i < n; i++) {
      if (inputs.pixelStd[i] <= opts.degenerateMaxStd) {
        degenerate[i] = 1;
        degenerateCount++;
      }
    }
  }
  return {
    options: opts,
    evaluation: ev,
    embeddings,
    dim,
    classes,
    contentHashes: inputs.contentHashes ?? null,
    embedding,
    top,
    hubs,
    confusion,
    classPairs,
    confusedMatrix,
    collapse: collapseStats(ev.curve, top, embedding),
    degenerate,
    degenerateCount,
    nearDuplicateMaxSqDist: opts.nearDuplicateRelSqDist * embedding.medianSqNorm,
  };
}
