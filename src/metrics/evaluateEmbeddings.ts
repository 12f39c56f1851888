import type { ScoreHistograms } from './histograms';
import type { ClassIds, PairMetric } from './pairs';
import { pairLabels, pairScores } from './pairs';
import type { PrCurve } from './prCurve';
import { prCurve } from './prCurve';
import { splitFinite } from './finite';
import { argsortDescending } from './argsort';

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
}

/**
 * Every unordered pair of `n` embeddings (never an image with itself): scores,
 * labels, the exact PR curve (scikit-learn semantics, see prCurve.ts) and the
 * ranking the gallery walks. `emb` is n × dim row-major.
 */
export function evaluateEmbeddings(emb: Float32Array, n: number, dim: number, classes: ClassIds, metric: ScoreMetric): Evaluation {
  if (classes.length !== n) throw new Error(`${n} embeddings but ${classes.length} class labels`);
  const scores = pairScores(emb, n, dim, metric);
  const labels = pairLabels(classes);
  return { curve: prCurve(scores, labels), order: rankFinite(scores, labels), scores, labels, n, metric };
}

/** Pair indices of finite scores, sorted by score (descending, stable). */
function rankFinite(scores: Float32Array, labels: Uint8Array): Uint32Array {
  const split = splitFinite(scores, labels);
  const order = argsortDescending(split.scores);
  if (split.keptIndex) for (let k = 0; k < order.length; k++) order[k] = split.keptIndex[order[k]];
  return order;
}
