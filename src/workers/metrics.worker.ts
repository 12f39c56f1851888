/// <reference lib="webworker" />
import type { MetricsIn, MetricsOut } from './protocol';
import { curveTransferables, evaluationTransferables } from './protocol';
import { counterfactual } from '../diagnostics/counterfactual';
import { evaluateEmbeddings, type Evaluation } from '../metrics/evaluateEmbeddings';
import { scoreHistograms, HIST_BINS } from '../metrics/histograms';
import { evaluateScores } from '../metrics/evaluateScores';
import { listedCounterfactual } from '../diagnostics/listedCounterfactual';

const post = (m: MetricsOut, transfer: Transferable[] = []) => (self as DedicatedWorkerGlobalScope).postMessage(m, transfer);

/** Every evaluation goes back with its score histograms, so the page never bins millions of scores itself (700 ms for 50 M). */
const postEvaluation = (id: number, evaluation: Evaluation) => {
  evaluation.histograms = scoreHistograms(evaluation.scores, evaluation.labels, HIST_BINS);
  post({ type: 'evaluation', id, evaluation }, evaluationTransferables(evaluation));
};

self.onmessage = (ev: MessageEvent<MetricsIn>) => {
  const msg = ev.data;
  switch (msg.type) {
    case 'evaluate': {
      try {
        const r = msg.request;
        const evaluation = evaluateEmbeddings(r.embeddings, r.n, r.dim, r.classes, r.metric);
        postEvaluation(msg.id, evaluation);
      } catch (e) {
        post({ type: 'error', id: msg.id, message: (e as Error).message ?? String(e) });
      }
      return;
    }
    case 'evaluate-scores': {
      try {
        const evaluation = evaluateScores(msg.request.scores, msg.request.labels);
        postEvaluation(msg.id, evaluation);
      } catch (e) {
        post({ type: 'error', id: msg.id, message: (e as Error).message ?? String(e) });
      }
      return;
    }
    case 'counterfactual': {
      try {
        const r = msg.request;
        const cf = r.pairA && r.pairB ? listedCounterfactual({ ...r, pairA: r.pairA, pairB: r.pairB }, r.flags) : counterfactual(r, r.classes, r.flags, r.classCount);
        const result = { curve: cf.curve, excludedPairs: cf.excludedPairs, changedLabels: cf.changedLabels };
        post({ type: 'counterfactual', id: msg.id, result }, curveTransferables(cf.curve));
      } catch (e) {
        post({ type: 'error', id: msg.id, message: (e as Error).message ?? String(e) });
      }
      return;
    }
    default:
      throw new Error(`metrics worker: unknown message ${JSON.stringify((msg as { type: unknown }).type)}`);
  }
};
