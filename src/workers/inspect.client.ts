import type { DroppedFile } from '../io/dropFiles';
import type { DataInspection } from '../io/dataDrop';
import type { ExpandedZips, InspectIn, InspectOut } from './inspectProtocol';
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
  if (files.some(isZip)) return true;
  return !files.some((f) => isImagePath(f.path)) && files.some((f) => /\.(csv|tsv|txt|parquet|npy)$/i.test(f.path) && f.file.size > WORKER_FILE_BYTES);
}

/** A zip is always unpacked in the worker: inflating 200 MB holds a thread for seconds (4.5 s for 200 photo PNGs). */
const isZip = (f: DroppedFile) => /\.zip$/i.test(f.path);

/**
 * Reads validation-set drops worthAWorker picks in a worker: parsing a scores
 * table of millions of rows or a big .npy would otherwise hold the page for
 * seconds (1.5 s for a 5 M-row Parquet table). Dropped files are passed as
 * File references (no bytes copied); the inspection's arrays come back
 * transferred. Other drops, and every drop where a worker cannot be started,
 * are read in this thread.
 */
export function createDataInspector(inThisThread: (files: readonly DroppedFile[]) => Promise<DataInspection>): (files: readonly DroppedFile[]) => Promise<DataInspection> {
  const ask = inspectWorker();
  return (files) => (worthAWorker(files) ? ask(files, 'inspect-data', () => inThisThread(files)) : inThisThread(files));
}

/**
 * Unpacks the zips of a drop (a model's) in the same worker, so a big zip
 * never holds the page; a drop without a zip, or where no worker can be
 * started, goes to `inThisThread`.
 */
export function createZipExpander(inThisThread: (files: readonly DroppedFile[]) => Promise<ExpandedZips>): (files: readonly DroppedFile[]) => Promise<ExpandedZips> {
  const ask = inspectWorker();
  return (files) => (files.some(isZip) ? ask(files, 'expand-zips', () => inThisThread(files)) : inThisThread(files));
}

type Answer<T extends InspectIn['type']> = T extends 'inspect-data' ? DataInspection : ExpandedZips;

/** One request to the (shared, lazily made) inspection worker; `fallback` answers when the worker cannot be made or crashes. */
function inspectWorker(): <T extends InspectIn['type']>(files: readonly DroppedFile[], type: T, fallback: () => Promise<Answer<T>>) => Promise<Answer<T>> {
  return (files, type, fallback) => {
    const w = sharedWorker.get();
    if (!w) return fallback();
    const id = nextId++;
    return new Promise((resolve, reject) => {
      const onMessage = (ev: MessageEvent<InspectOut>) => {
        if (ev.data.id !== id) return;
        cleanup();
        const m = ev.data;
        if (m.type === 'data-inspected') resolve(m.inspection as Answer<typeof type>);
        else if (m.type === 'zips-expanded') resolve(m.expanded as Answer<typeof type>);
        else reject(new Error(m.message));
      };
      const onError = (ev: ErrorEvent) => {
        cleanup();
        // The worker is gone: later drops are read here, this one too — but a zip that killed it (out of memory) would only freeze the page next.
        sharedWorker.lost();
        ev.preventDefault();
        const zips = files.filter(isZip).map((f) => f.path);
        if (zips.length > 0) reject(new Error(`${zips.join(', ')}: unpacking it stopped the browser's worker (${ev.message || 'out of memory?'}). Fix: unzip it yourself and drop the folder instead`));
        else fallback().then(resolve, reject);
      };
      const cleanup = () => {
        w.removeEventListener('message', onMessage);
        w.removeEventListener('error', onError);
      };
      w.addEventListener('message', onMessage);
      w.addEventListener('error', onError);
      w.postMessage({ type, id, files: [...files] } as InspectIn);
    });
  };
}

const sharedWorker = lazyWorker(() => new Worker(new URL('./inspect.worker.ts', import.meta.url), { type: 'module', name: 'inspect' }));
let nextId = 1;
