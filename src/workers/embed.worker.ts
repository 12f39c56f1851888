/// <reference lib="webworker" />
import type { EmbedIn, EmbedOut } from './protocol';
import { runEmbedding, CancelledError } from '../model/embedPipeline';
import { configureWasm } from '../model/wasmPaths';
import { benchEmbedding } from '../model/benchEmbedding';
import { idbEmbeddingCache } from '../io/embeddingCache';

configureWasm();
const cancelled = new Set<number>();
const post = (m: EmbedOut, transfer: Transferable[] = []) => (self as DedicatedWorkerGlobalScope).postMessage(m, transfer);

self.onmessage = async (ev: MessageEvent<EmbedIn>) => {
  const msg = ev.data;
  switch (msg.type) {
    case 'cancel':
      cancelled.add(msg.id);
      return;
    case 'embed': {
      const { id } = msg;
      try {
        const result = await runEmbedding(msg.request, {
          onStage: (stage, detail) => post({ type: 'stage', id, stage, detail }),
          onProgress: (done, total) => post({ type: 'progress', id, done, total }),
          isCancelled: () => cancelled.has(id),
          cache: idbEmbeddingCache(),
        });
        post({ type: 'result', id, result }, [result.embeddings.buffer]);
      } catch (e) {
        if (e instanceof CancelledError) post({ type: 'cancelled', id, done: e.done, total: e.total });
        else post({ type: 'error', id, message: (e as Error).message ?? String(e) });
      }
      return;
    }
    case 'bench': {
      // npm run bench:embed: pipeline vs bare model.predict on this worker's backend (no cache).
      try {
        post({ type: 'bench-result', id: msg.id, result: await benchEmbedding(msg.request) });
      } catch (e) {
        post({ type: 'error', id: msg.id, message: (e as Error).message ?? String(e) });
      }
      return;
    }
    default:
      throw new Error(`embed worker: unknown message ${JSON.stringify(msg satisfies never)}`);
  }
};
