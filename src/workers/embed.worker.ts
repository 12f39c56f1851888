/// <reference lib="webworker" />
import type { EmbedIn, EmbedOut } from './protocol';
import { runEmbedding, CancelledError } from '../model/embedPipeline';
import { configureWasm } from '../model/wasmPaths';
import { benchEmbedding } from '../model/benchEmbedding';
import { idbEmbeddingCache } from '../io/embeddingCache';
import { createDecodePool } from './decodePool';

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
      // Images are read and decoded in decode workers while this one runs the model.
      const pool = createDecodePool();
      try {
        const result = await runEmbedding(msg.request, {
          onStage: (stage, detail) => post({ type: 'stage', id, stage, detail }),
          onProgress: (done, total) => post({ type: 'progress', id, done, total }),
          isCancelled: () => cancelled.has(id),
          cache: idbEmbeddingCache(),
          preparer: pool ?? undefined,
        });
        post({ type: 'result', id, result }, [result.embeddings.buffer]);
      } catch (e) {
        if (e instanceof CancelledError) post({ type: 'cancelled', id, done: e.done, total: e.total });
        else post({ type: 'error', id, message: (e as Error).message ?? String(e) });
      } finally {
        pool?.close();
      }
      return;
    }
    case 'bench': {
      // npm run bench:embed: pipeline vs bare model.predict on this worker's backend (no cache).
      const pool = createDecodePool();
      try {
        post({ type: 'bench-result', id: msg.id, result: await benchEmbedding(msg.request, pool ?? undefined) });
      } catch (e) {
        post({ type: 'error', id: msg.id, message: (e as Error).message ?? String(e) });
      } finally {
        pool?.close();
      }
      return;
    }
    default:
      throw new Error(`embed worker: unknown message ${JSON.stringify(msg satisfies never)}`);
  }
};
