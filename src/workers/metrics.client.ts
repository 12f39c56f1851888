import type { Evaluation } from '../metrics/evaluateEmbeddings';
import type { EvaluateRequest, MetricsIn, MetricsOut } from './protocol';

export interface Evaluator {
  /** Scores every pair and computes the exact curve off the main thread. The request's buffers are copied, not transferred (the caller keeps its embeddings). */
  evaluate(req: EvaluateRequest): Promise<Evaluation>;
}

export function createEvaluator(): Evaluator {
  let worker: Worker | null = null;
  let nextId = 1;
  return {
    evaluate(req) {
      try {
        worker ??= new Worker(new URL('./metrics.worker.ts', import.meta.url), { type: 'module', name: 'metrics' });
      } catch {
        return import('../metrics/evaluateEmbeddings').then((m) => m.evaluateEmbeddings(req.embeddings, req.n, req.dim, req.classes, req.metric));
      }
      const w = worker;
      const id = nextId++;
      return new Promise<Evaluation>((resolve, reject) => {
        const onMessage = (ev: MessageEvent<MetricsOut>) => {
          if (ev.data.id !== id) return;
          cleanup();
          if (ev.data.type === 'evaluation') resolve(ev.data.evaluation);
          else reject(new Error(ev.data.message));
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
        w.postMessage({ type: 'evaluate', id, request: req } satisfies MetricsIn);
      });
    },
  };
}
