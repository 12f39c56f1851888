import type { EmbedRequest, EmbedResult } from '../model/embedPipeline';
import type { EmbedBenchResult } from '../model/benchEmbedding';
import type { Evaluation, ScoreMetric } from '../metrics/evaluateEmbeddings';
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
  /** Listed pairs (a scores table): pair k is (pairA[k], pairB[k]); absent: every pair of n items. */
  pairA?: Uint32Array;
  pairB?: Uint32Array;
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
  return [c.thresholds, c.precision, c.recall, c.tp, c.fp, c.excludedIndices].map((a) => a.buffer as ArrayBuffer);
}

/** Buffers of an evaluation that can be transferred instead of copied. */
export function evaluationTransferables(e: Evaluation): ArrayBuffer[] {
  const h = e.histograms ? [e.histograms.edges, e.histograms.genuine, e.histograms.impostor] : [];
  return [...curveTransferables(e.curve), ...[e.order, e.scores, e.labels, ...h].map((a) => a.buffer as ArrayBuffer)];
}
