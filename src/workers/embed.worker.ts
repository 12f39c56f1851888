/// <reference lib="webworker" />
import type { EmbedIn, EmbedOut } from './protocol';
import { uniqueBuffers } from './protocol';
import { runEmbedding, CancelledError } from '../model/embedPipeline';
import { configureWasm } from '../model/wasmPaths';
import { benchEmbedding } from '../model/benchEmbedding';
import { idbEmbeddingCache } from '../io/embeddingCache';
import { createDecodePool } from './decodePool';

configureWasm();
const cancelled = new Set<number>();
const feeds = new Map<number, FileFeed>();
const post = (m: EmbedOut, transfer: Transferable[] = []) => (self as DedicatedWorkerGlobalScope).postMessage(m, transfer);

self.onmessage = async (ev: MessageEvent<EmbedIn>) => {
  const msg = ev.data;
  switch (msg.type) {
    case 'cancel':
      cancelled.add(msg.id);
      feeds.get(msg.id)?.cancel();
      return;
    case 'files':
      feeds.get(msg.id)?.add(msg.from, msg.files);
      return;
    case 'embed': {
      const { id } = msg;
      // Images are read and decoded in decode workers while this one runs the model.
      const pool = createDecodePool();
      const feed = msg.fileCount ? fileFeed(msg.fileCount) : undefined;
      if (feed) feeds.set(id, feed);
      try {
        const result = await runEmbedding(msg.request, {
          files: feed?.get,
          onStage: (stage, detail) => post({ type: 'stage', id, stage, detail }),
          onProgress: (done, total) => post({ type: 'progress', id, done, total }),
          isCancelled: () => cancelled.has(id),
          cache: idbEmbeddingCache(),
          preparer: pool ?? undefined,
        });
        post({ type: 'result', id, result }, uniqueBuffers([result.embeddings]));
      } catch (e) {
        if (e instanceof CancelledError) post({ type: 'cancelled', id, done: e.done, total: e.total });
        else post({ type: 'error', id, message: (e as Error).message ?? String(e) });
      } finally {
        pool?.close();
        feeds.delete(id);
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

interface FileFeed {
  add(from: number, files: (Blob | undefined)[]): void;
  get(from: number, to: number): Promise<(Blob | undefined)[]>;
  cancel(): void;
}

/** The dropped files as they arrive from the page, chunk by chunk, in order; a batch waits for its own. */
function fileFeed(count: number): FileFeed {
  const files = new Array<Blob | undefined>(count);
  let received = 0;
  let waiting: { to: number; resolve(): void; reject(e: Error): void }[] = [];
  return {
    add(from, chunk) {
      chunk.forEach((f, k) => (files[from + k] = f));
      received = Math.max(received, from + chunk.length);
      waiting = waiting.filter((w) => (w.to <= received ? (w.resolve(), false) : true));
    },
    async get(from, to) {
      if (to > received) await new Promise<void>((resolve, reject) => waiting.push({ to, resolve, reject }));
      return files.slice(from, to);
    },
    cancel() {
      waiting.forEach((w) => w.reject(new Error('cancelled')));
      waiting = [];
    },
  };
}
