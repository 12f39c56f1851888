import type { DroppedFile } from '../io/dropFiles';
import type { DataInspection } from '../io/dataDrop';
import type { InspectIn, InspectOut } from './inspectProtocol';
import { isImagePath } from '../io/pathRules';
import { lazyWorker } from './lazyWorker';

/** Bytes of tables or arrays past which a drop is read in the worker. */
export const WORKER_FILE_BYTES = 1 << 20;

/**
 * Whether a drop is read in the worker: one without image files that holds a
 * big table or array (CSV, Parquet, .npy). Drops with images stay in this
 * thread: their inspection only reads names, and posting thousands of File
 * objects each way costs more than it saves (1.2 s per 2,000 Files).
 */
export function worthAWorker(files: readonly DroppedFile[]): boolean {
  return !files.some((f) => isImagePath(f.path)) && files.some((f) => /\.(csv|tsv|txt|parquet|npy)$/i.test(f.path) && f.file.size > WORKER_FILE_BYTES);
}

/**
 * Reads validation-set drops worthAWorker picks in a worker: parsing a scores
 * table of millions of rows or a big .npy would otherwise hold the page for
 * seconds (1.5 s for a 5 M-row Parquet table). Dropped files are passed as
 * File references (no bytes copied); the inspection's arrays come back
 * transferred. Other drops, and every drop where a worker cannot be started,
 * are read in this thread.
 */
export function createDataInspector(inThisThread: (files: readonly DroppedFile[]) => Promise<DataInspection>): (files: readonly DroppedFile[]) => Promise<DataInspection> {
  const worker = lazyWorker(() => new Worker(new URL('./inspect.worker.ts', import.meta.url), { type: 'module', name: 'inspect' }));
  let nextId = 1;
  return (files) => {
    const w = worthAWorker(files) ? worker.get() : null;
    if (!w) return inThisThread(files);
    const id = nextId++;
    return new Promise<DataInspection>((resolve, reject) => {
      const onMessage = (ev: MessageEvent<InspectOut>) => {
        if (ev.data.id !== id) return;
        cleanup();
        if (ev.data.type === 'data-inspected') resolve(ev.data.inspection);
        else reject(new Error(ev.data.message));
      };
      const onError = (ev: ErrorEvent) => {
        cleanup();
        // The worker is gone: later drops are read here, this one too.
        worker.lost();
        ev.preventDefault();
        inThisThread(files).then(resolve, reject);
      };
      const cleanup = () => {
        w.removeEventListener('message', onMessage);
        w.removeEventListener('error', onError);
      };
      w.addEventListener('message', onMessage);
      w.addEventListener('error', onError);
      w.postMessage({ type: 'inspect-data', id, files: [...files] } satisfies InspectIn);
    });
  };
}
