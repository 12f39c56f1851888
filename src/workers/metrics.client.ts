import type { Evaluation } from '../metrics/evaluateEmbeddings';
import type { CounterfactualRequest, CounterfactualResult, EvaluateRequest, MetricsIn, MetricsOut, ScoresRequest } from './protocol';
import { copyPairs, uniqueBuffers } from './protocol';
import { lazyWorker } from './lazyWorker';

export interface Evaluator {
  /** Scores every pair (or the request's pair list) and computes the exact curve off the main thread. The caller's buffers are copied, not transferred (it keeps its embeddings and pairs). */
  evaluate(req: EvaluateRequest): Promise<Evaluation>;
  /** The exact curve and ranking of given scores (a scores table) off the main thread. The request's buffers are transferred: the caller must not use them afterwards (pass copies). */
  evaluateScores(req: ScoresRequest): Promise<Evaluation>;
  /** Replays the curve with the user's flags applied (exclusions, label errors, relabels), off the main thread. */
  counterfactual(req: CounterfactualRequest): Promise<CounterfactualResult>;
}

type Reply<K extends MetricsOut['type']> = Extract<MetricsOut, { type: K }>;

/**
 * Promise API over the metrics worker; falls back to the main thread (same pure
 * functions) when a worker cannot be started.
 */
export function createEvaluator(): Evaluator {
  const worker = lazyWorker(() => new Worker(new URL('./metrics.worker.ts', import.meta.url), { type: 'module', name: 'metrics' }));
  const getWorker = () => worker.get();
  let nextId = 1;

  function ask<K extends MetricsOut['type']>(w: Worker, msg: MetricsIn, expect: K, transfer: Transferable[] = []): Promise<Reply<K>> {
    return new Promise((resolve, reject) => {
      const onMessage = (ev: MessageEvent<MetricsOut>) => {
        if (ev.data.id !== msg.id) return;
        cleanup();
        if (ev.data.type === expect) resolve(ev.data as Reply<K>);
        else if (ev.data.type === 'error') reject(new Error(ev.data.message));
        else reject(new Error(`metrics worker answered '${ev.data.type}' to '${msg.type}'`));
      };
      const onError = (ev: ErrorEvent) => {
        cleanup();
        reject(new Error(`metrics worker crashed: ${ev.message || 'unknown error'}`));
      };
      const cleanup = () => {
        w.removeEventListener('message', onMessage);
        w.removeEventListener('error', onError);
      };
      w.addEventListener('message', onMessage);
      w.addEventListener('error', onError);
      w.postMessage(msg, transfer);
    });
  }

  return {
    async evaluate(request) {
      const w = getWorker();
      if (!w) return (await import('./metricsCompute')).evaluateRequest(request);
      // The pair list's copies are transferred; the embeddings are copied by postMessage (the caller keeps them).
      const sent = copyPairs(request);
      return (await ask(w, { type: 'evaluate', id: nextId++, request: sent.request }, 'evaluation', sent.transfer)).evaluation;
    },
    async evaluateScores(request) {
      const w = getWorker();
      if (!w) return (await import('./metricsCompute')).evaluateScoresRequest(request);
      const transfer = uniqueBuffers([request.scores, request.labels]);
      return (await ask(w, { type: 'evaluate-scores', id: nextId++, request }, 'evaluation', transfer)).evaluation;
    },
    async counterfactual(request) {
      const w = getWorker();
      if (!w) return (await import('./metricsCompute')).counterfactualRequest(request);
      const sent = copyPairs(request);
      return (await ask(w, { type: 'counterfactual', id: nextId++, request: sent.request }, 'counterfactual', sent.transfer)).result;
    },
  };
}
