import type { ScoreHistograms } from './histograms';
import type { RocCurve } from './roc';
import type { ClassIds, PairMetric } from './pairs';
import { pairLabels, pairScores } from './pairs';
import type { PrCurve } from './prCurve';
import { rankedPrCurve } from './rankedCurve';

/** 'neg-sq-l2': score = −‖a − b‖² (our user's convention); 'cosine': a·b / (‖a‖‖b‖). */
export type ScoreMetric = PairMetric;

export interface Evaluation {
  curve: PrCurve;
  /** Pair indices (row-major i < j, see pairs.ts) of the finite-score pairs, most confident first; ties keep pair order. */
  order: Uint32Array;
  /** Score of every pair, by pair index (NaN where an image failed or cosine was 0/0); float64 when the scores were given (a scores table). */
  scores: Float32Array | Float64Array;
  /** 1 when both images share a class, by pair index. */
  labels: Uint8Array;
  /** Number of images. */
  n: number;
  /** How the scores were computed. */
  metric: ScoreMetric;
  /** Listed pairs: pair k is (pairA[k], pairB[k]) (item indices); absent: every pair of n items, row-major (see pairs.ts). */
  pairA?: Uint32Array;
  pairB?: Uint32Array;
  /** The scores were given, not computed (a scores table): the file they came from; `metric` is then meaningless. */
  scoresFrom?: string;
  /** Genuine vs impostor histograms (HIST_BINS bins), computed with the evaluation off the main thread. */
  histograms?: ScoreHistograms;
  /** The ROC curve of `curve` for drawing (rocFromPrCurve thinned to ROC_DRAW_STEP; AUC over every point), computed with the evaluation off the main thread. */
  roc?: RocCurve;
}

/**
 * Every unordered pair of `n` embeddings (never an image with itself): scores,
 * labels, the exact PR curve (scikit-learn semantics, see prCurve.ts) and the
 * ranking the gallery walks, from one sort (see rankedCurve.ts). `emb` is
 * n × dim row-major.
 */
export function evaluateEmbeddings(emb: Float32Array, n: number, dim: number, classes: ClassIds, metric: ScoreMetric): Evaluation {
  if (classes.length !== n) throw new Error(`${n} embeddings but ${classes.length} class labels`);
  const scores = pairScores(emb, n, dim, metric);
  const labels = pairLabels(classes);
  const { curve, order } = rankedPrCurve(scores, labels); // one sort for both
  return { curve, order, scores, labels, n, metric };
}

