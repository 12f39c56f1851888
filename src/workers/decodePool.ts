import type { PrepareJob, PreparedBatch } from '../model/prepareBatch';
import type { BatchPreparer } from '../model/embedPipeline';
import type { DecodeIn, DecodeOut } from './decodeProtocol';

/** How many decode workers: every core but the one the model runs on, at least 1, at most 4. */
export function decodeWorkerCount(cores = globalThis.navigator?.hardwareConcurrency ?? 2): number {
  return Math.max(1, Math.min(4, cores - 1));
}

/**
 * Decode workers for the embedding worker: batches are prepared (read, hash,
 * cache lookup, decode, preprocess) in parallel with the model, round-robin
 * over `size` module workers. Returns null when workers cannot be created
 * here (the pipeline then prepares in its own thread).
 */
export function createDecodePool(size = decodeWorkerCount()): (BatchPreparer & { close(): void }) | null {
  const workers: Worker[] = [];
  try {
    for (let k = 0; k < size; k++) workers.push(new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module', name: `decode-${k + 1}` }));
  } catch {
    workers.forEach((w) => w.terminate());
    return null;
  }
  const waiting = new Map<number, { resolve(b: PreparedBatch): void; reject(e: Error): void }>();
  let nextId = 1;
  for (const w of workers) {
    w.onmessage = (ev: MessageEvent<DecodeOut>) => {
      const m = ev.data;
      const pending = waiting.get(m.id);
      waiting.delete(m.id);
      if (m.ok) pending?.resolve(m.batch);
      else pending?.reject(new Error(m.message));
    };
    w.onerror = (ev) => {
      ev.preventDefault();
      const error = new Error(`a decode worker crashed: ${ev.message || 'unknown error'}`);
      waiting.forEach((p) => p.reject(error));
      waiting.clear();
    };
  }
  return {
    workers: size,
    prepare(job: PrepareJob, useCache: boolean) {
      const id = nextId++;
      return new Promise<PreparedBatch>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        workers[id % size].postMessage({ id, job, useCache } satisfies DecodeIn);
      });
    },
    close() {
      workers.forEach((w) => w.terminate());
      waiting.forEach((p) => p.reject(new Error('the decode workers were stopped')));
      waiting.clear();
    },
  };
}
