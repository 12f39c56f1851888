/// <reference lib="webworker" />
import type { MetricsIn, MetricsOut } from './protocol';
import { curveTransferables, evaluationTransferables } from './protocol';
import { counterfactualRequest, evaluateRequest } from './metricsCompute';

const post = (m: MetricsOut, transfer: Transferable[] = []) => (self as DedicatedWorkerGlobalScope).postMessage(m, transfer);

self.onmessage = (ev: MessageEvent<MetricsIn>) => {
  const msg = ev.data;
  switch (msg.type) {
    case 'evaluate': {
      try {
        const evaluation = evaluateRequest(msg.request);
        post({ type: 'evaluation', id: msg.id, evaluation }, evaluationTransferables(evaluation));
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
