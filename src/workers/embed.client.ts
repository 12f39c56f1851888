import type { EmbedRequest, EmbedResult } from '../model/embedPipeline';
import type { EmbedIn, EmbedOut } from './protocol';
import { yieldToPage } from '../base/yieldToPage';

export interface EmbedCallbacks {
  onStage(stage: 'backend' | 'embed', detail?: string): void;
  onProgress(done: number, total: number): void;
}

/** Raised when the user cancels; `done` images were finished. */
export class EmbedCancelled extends Error {
  constructor(readonly done: number, readonly total: number) {
    super(`cancelled after ${done} of ${total} images`);
    this.name = 'EmbedCancelled';
  }
}

export interface Embedder {
  embed(req: EmbedRequest, cb: EmbedCallbacks, signal?: AbortSignal): Promise<EmbedResult>;
}

/**
 * Runs embedding in a module worker so the page never freezes. Falls back to the
 * main thread (same pipeline) when the worker cannot start.
 */
/** After Cancel, how long the worker gets to stop at a batch boundary before it is terminated. */
export const CANCEL_GRACE_MS = 1500;

export function createEmbedder(): Embedder {
  let worker: Worker | null = null;
  let nextId = 1;
  const getWorker = () => (worker ??= new Worker(new URL('./embed.worker.ts', import.meta.url), { type: 'module', name: 'embed' }));

  return {
    embed(req, cb, signal) {
      let w: Worker;
      try {
        w = getWorker();
      } catch {
        return embedOnMainThread(req, cb, signal);
      }
      const id = nextId++;
      let progress = { done: 0, total: req.imageUrls.length };
      return new Promise<EmbedResult>((resolve, reject) => {
        let graceTimer: ReturnType<typeof setTimeout> | undefined;
        let finished = false;
        const onMessage = (ev: MessageEvent<EmbedOut>) => {
          const m = ev.data;
          if (m.id !== id) return;
          switch (m.type) {
            case 'stage':
              return cb.onStage(m.stage, m.detail);
            case 'progress':
              progress = { done: m.done, total: m.total };
              return cb.onProgress(m.done, m.total);
            case 'result':
              done();
              return resolve(m.result);
            case 'cancelled':
              done();
              return reject(new EmbedCancelled(m.done, m.total));
            case 'error':
              done();
              // A backend can be left broken by a failure (a WASM trap, a lost GPU device): the next run starts a fresh worker.
              w.terminate();
              if (worker === w) worker = null;
              return reject(new Error(m.message));
          }
        };
        const onError = (ev: ErrorEvent) => {
          done();
          w.terminate();
          if (worker === w) worker = null;
          reject(new Error(`embedding worker crashed: ${ev.message || 'unknown error'}`));
        };
        const onAbort = () => {
          w.postMessage({ type: 'cancel', id } satisfies EmbedIn);
          // A batch stuck on a slow request must not keep the user waiting: stop the worker.
          graceTimer = setTimeout(() => {
            done();
            w.terminate();
            if (worker === w) worker = null;
            reject(new EmbedCancelled(progress.done, progress.total));
          }, CANCEL_GRACE_MS);
        };
        const done = () => {
          finished = true;
          clearTimeout(graceTimer);
          w.removeEventListener('message', onMessage);
          w.removeEventListener('error', onError);
          signal?.removeEventListener('abort', onAbort);
        };
        w.addEventListener('message', onMessage);
        w.addEventListener('error', onError);
        signal?.addEventListener('abort', onAbort);
        const { imageFiles, ...request } = req;
        w.postMessage({ type: 'embed', id, request, fileCount: imageFiles?.length ?? 0 } satisfies EmbedIn);
        if (imageFiles) void sendFiles(w, id, imageFiles, () => finished);
        if (signal?.aborted) onAbort();
      });
    },
  };
}

/** Files cloned per message: ~0.55 ms of main thread each (measured), so a chunk takes ~20 ms, under a 50 ms long task. */
export const FILES_PER_MESSAGE = 32;

/**
 * Hands the dropped files to the worker in small chunks, yielding to the event
 * loop between them: cloning 10,000 Files in one postMessage froze the page
 * for seconds (measured 1.2 s for 2,000). The worker starts on the first
 * chunks while the rest follow.
 */
async function sendFiles(w: Worker, id: number, files: (Blob | undefined)[], stopped: () => boolean): Promise<void> {
  for (let from = 0; from < files.length && !stopped(); from += FILES_PER_MESSAGE) {
    w.postMessage({ type: 'files', id, from, files: files.slice(from, from + FILES_PER_MESSAGE) } satisfies EmbedIn);
    await yieldToPage();
  }
}

async function embedOnMainThread(req: EmbedRequest, cb: EmbedCallbacks, signal?: AbortSignal): Promise<EmbedResult> {
  const [{ runEmbedding, CancelledError }, { configureWasm }, { idbEmbeddingCache }] = await Promise.all([
    import('../model/embedPipeline'),
    import('../model/wasmPaths'),
    import('../io/embeddingCache'),
  ]);
  configureWasm();
  try {
    return await runEmbedding(req, { ...cb, isCancelled: () => !!signal?.aborted, cache: idbEmbeddingCache() });
  } catch (e) {
    if (e instanceof CancelledError) throw new EmbedCancelled(e.done, e.total);
    throw e;
  }
}
