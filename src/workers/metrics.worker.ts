/// <reference lib="webworker" />
import type { MetricsIn, MetricsOut } from './protocol';
import { curveTransferables, evaluationTransferables } from './protocol';
import { counterfactual } from '../diagnostics/counterfactual';
import { evaluateEmbeddings } from '../metrics/evaluateEmbeddings';
import { evaluateScores } from '../metrics/evaluateScores';
import { listedCounterfactual } from '../diagnostics/listedCounterfactual';

const post = (m: MetricsOut, transfer: Transferable[] = []) => (self as DedicatedWorkerGlobalScope).postMessage(m, transfer);

self.onmessage = (ev: MessageEvent<MetricsIn>) => {
  const msg = ev.data;
  switch (msg.type) {
    case 'evaluate': {
      try {
        const r = msg.request;
        const evaluation = evaluateEmbeddings(r.embeddings, r.n, r.dim, r.classes, r.metric);
        post({ type: 'evaluation', id: msg.id, evaluation }, evaluationTransferables(evaluation));
      } catch (e) {
        post({ type: 'error', id: msg.id, message: (e as Error).message ?? String(e) });
      }
      return;
    }
    case 'evaluate-scores': {
      try {
        const evaluation = evaluateScores(msg.request.scores, msg.request.labels);
        post({ type: 'evaluation', id: msg.id, evaluation }, evaluationTransferables(evaluation));
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
