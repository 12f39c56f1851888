import type { EmbedRequest, EmbedResult } from '../model/embedPipeline';
import type { EmbedBenchResult } from '../model/benchEmbedding';
import type { Evaluation, ScoreMetric } from '../metrics/evaluateEmbeddings';
import type { ListedEvaluation } from '../metrics/listedPairs';
import type { PrCurve } from '../metrics/prCurve';
import type { Flag } from '../diagnostics/flags';

/** Messages to the embedding worker. */
export type EmbedIn =
  /** `fileCount` > 0: the request's imageFiles follow in 'files' messages (cloning a File costs main-thread time, so they go in small chunks). */
  | { type: 'embed'; id: number; request: EmbedRequest; fileCount?: number }
  | { type: 'files'; id: number; from: number; files: (Blob | undefined)[] }
  | { type: 'cancel'; id: number }
  | { type: 'bench'; id: number; request: EmbedRequest };

/** Messages from the embedding worker. */
export type EmbedOut =
  | { type: 'stage'; id: number; stage: 'backend' | 'embed'; detail?: string }
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'result'; id: number; result: EmbedResult }
  | { type: 'cancelled'; id: number; done: number; total: number }
  | { type: 'bench-result'; id: number; result: EmbedBenchResult }
  | { type: 'error'; id: number; message: string };

export interface EvaluateRequest {
  embeddings: Float32Array;
  n: number;
  dim: number;
  classes: Int32Array;
  metric: ScoreMetric;
  /**
   * Score only these pairs, with these labels (a pair list, or a sample of
   * class-folder pairs): pair k = (a[k], b[k]); the evaluation then carries
   * pairA/pairB (metrics/listedPairs.ts). Absent: every pair i < j, labelled by `classes`.
   */
  pairs?: { a: Uint32Array; b: Uint32Array; labels: Uint8Array };
}

/** Given scores (a scores table): one row per pair, no embeddings. Both buffers are transferred. */
export interface ScoresRequest {
  scores: Float64Array;
  labels: Uint8Array;
}

export interface CounterfactualRequest {
  n: number;
  scores: Float32Array | Float64Array;
  labels: Uint8Array;
  /** Listed pairs (a pair list, a sample, a scores table): pair k is (pairA[k], pairB[k]); absent: every pair of n items. */
  pairA?: Uint32Array;
  pairB?: Uint32Array;
  /** The pairs are the rows of a scores table (pair labels only, no classes: relabelling is refused). */
  scoresTable?: boolean;
  classes: Int32Array;
  classCount: number;
  flags: Flag[];
}

/** The replayed curve; only what the overlay and the summary need travels back. */
export interface CounterfactualResult {
  curve: PrCurve;
  excludedPairs: number;
  changedLabels: number;
}

/** Messages to the metrics worker. */
export type MetricsIn =
  | { type: 'evaluate'; id: number; request: EvaluateRequest }
  | { type: 'evaluate-scores'; id: number; request: ScoresRequest }
  | { type: 'counterfactual'; id: number; request: CounterfactualRequest };

/** Messages from the metrics worker. */
export type MetricsOut =
  | { type: 'evaluation'; id: number; evaluation: Evaluation }
  | { type: 'counterfactual'; id: number; result: CounterfactualResult }
  | { type: 'error'; id: number; message: string };

/** Buffers of a curve that can be transferred instead of copied. */
export function curveTransferables(c: PrCurve): ArrayBuffer[] {
  return uniqueBuffers([c.thresholds, c.precision, c.recall, c.tp, c.fp, c.excludedIndices]);
}

/**
 * The distinct, transferable buffers behind `arrays`, for a postMessage
 * transfer list: a buffer listed twice makes postMessage throw
 * ("ArrayBuffer at index 3 is a duplicate"), and a degenerate result (all
 * scores NaN, no pairs) has empty arrays that may share one buffer, or views
 * of one buffer. Empty buffers are left out (cloning them costs nothing, and a
 * detached one cannot be transferred), as are SharedArrayBuffers.
 */
export function uniqueBuffers(arrays: readonly ArrayBufferView[]): ArrayBuffer[] {
  const seen = new Set<ArrayBuffer>();
  for (const a of arrays) {
    const buffer = a.buffer;
    if (buffer instanceof ArrayBuffer && buffer.byteLength > 0) seen.add(buffer);
  }
  return [...seen];
}

/** Buffers of an evaluation that can be transferred instead of copied. */
export function evaluationTransferables(e: Evaluation): ArrayBuffer[] {
  const h = [...(e.histograms ? [e.histograms.edges, e.histograms.genuine, e.histograms.impostor] : []), ...(e.roc ? [e.roc.fpr, e.roc.tpr, e.roc.thresholds, e.roc.fp, e.roc.tp] : [])];
  const listed = e as Partial<Pick<ListedEvaluation, 'pairA' | 'pairB'>>;
  const pairs = listed.pairA && listed.pairB ? [listed.pairA, listed.pairB] : [];
  const c = e.curve;
  return uniqueBuffers([c.thresholds, c.precision, c.recall, c.tp, c.fp, c.excludedIndices, e.order, e.scores, e.labels, ...pairs, ...h]);
}

/** Buffers of a request's pair list, copied so the sender keeps its own (the copies are transferred). */
export function copyPairs<T extends { pairs?: EvaluateRequest['pairs'] } | { pairA?: Uint32Array; pairB?: Uint32Array }>(req: T): { request: T; transfer: ArrayBuffer[] } {
  if ('pairs' in req && req.pairs) {
    const pairs = { a: req.pairs.a.slice(), b: req.pairs.b.slice(), labels: req.pairs.labels.slice() };
    return { request: { ...req, pairs }, transfer: uniqueBuffers([pairs.a, pairs.b, pairs.labels]) };
  }
  if ('pairA' in req && req.pairA && req.pairB) {
    const pairA = req.pairA.slice();
    const pairB = req.pairB.slice();
    return { request: { ...req, pairA, pairB }, transfer: uniqueBuffers([pairA, pairB]) };
  }
  return { request: req, transfer: [] };
}
