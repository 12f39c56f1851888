import type { EmbedRequest, EmbedResult } from '../model/embedPipeline';
import type { Evaluation, ScoreMetric } from '../metrics/evaluateEmbeddings';

/** Messages to the embedding worker. */
export type EmbedIn = { type: 'embed'; id: number; request: EmbedRequest } | { type: 'cancel'; id: number };

/** Messages from the embedding worker. */
export type EmbedOut =
  | { type: 'stage'; id: number; stage: 'backend' | 'embed'; detail?: string }
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'result'; id: number; result: EmbedResult }
  | { type: 'cancelled'; id: number; done: number; total: number }
  | { type: 'error'; id: number; message: string };

export interface EvaluateRequest {
  embeddings: Float32Array;
  n: number;
  dim: number;
  classes: Int32Array;
  metric: ScoreMetric;
}

/** Messages to the metrics worker. */
export type MetricsIn = { type: 'evaluate'; id: number; request: EvaluateRequest };

/** Messages from the metrics worker. */
export type MetricsOut = { type: 'evaluation'; id: number; evaluation: Evaluation } | { type: 'error'; id: number; message: string };

/** Buffers of an evaluation that can be transferred instead of copied. */
export function evaluationTransferables(e: Evaluation): ArrayBuffer[] {
  const c = e.curve;
  return [c.thresholds, c.precision, c.recall, c.tp, c.fp, c.excludedIndices, e.order, e.scores, e.labels].map((a) => a.buffer as ArrayBuffer);
}
