/// <reference lib="webworker" />
import type { MetricsIn, MetricsOut } from './protocol';
import { curveTransferables, evaluationTransferables } from './protocol';
import type { Evaluation } from '../metrics/evaluateEmbeddings';
import { scoreHistograms, HIST_BINS } from '../metrics/histograms';
import { rocFromPrCurve, ROC_DRAW_STEP } from '../metrics/roc';
import { counterfactualRequest, evaluateRequest, evaluateScoresRequest } from './metricsCompute';

const post = (m: MetricsOut, transfer: Transferable[] = []) => (self as DedicatedWorkerGlobalScope).postMessage(m, transfer);

/**
 * Every evaluation goes back with its score histograms and ROC curve, so the
 * page never walks millions of scores or curve points itself (50 M pairs:
 * 700 ms to bin, 430 ms for the ROC, on the main thread).
 */
const postEvaluation = (id: number, evaluation: Evaluation) => {
  evaluation.histograms = scoreHistograms(evaluation.scores, evaluation.labels, HIST_BINS);
  evaluation.roc = rocFromPrCurve(evaluation.curve, { minStep: ROC_DRAW_STEP });
  post({ type: 'evaluation', id, evaluation }, evaluationTransferables(evaluation));
};

self.onmessage = (ev: MessageEvent<MetricsIn>) => {
  const msg = ev.data;
  switch (msg.type) {
    case 'evaluate': {
      try {
        postEvaluation(msg.id, evaluateRequest(msg.request));
      } catch (e) {
        post({ type: 'error', id: msg.id, message: (e as Error).message ?? String(e) });
      }
      return;
    }
    case 'evaluate-scores': {
      try {
        postEvaluation(msg.id, evaluateScoresRequest(msg.request));
      } catch (e) {
        post({ type: 'error', id: msg.id, message: (e as Error).message ?? String(e) });
      }
      return;
    }
    case 'counterfactual': {
      try {
        const result = counterfactualRequest(msg.request);
        post({ type: 'counterfactual', id: msg.id, result }, curveTransferables(result.curve));
      } catch (e) {
        post({ type: 'error', id: msg.id, message: (e as Error).message ?? String(e) });
      }
      return;
    }
    default:
      throw new Error(`metrics worker: unknown message ${JSON.stringify((msg as { type: unknown }).type)}`);
  }
};
