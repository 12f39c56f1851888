import { decodeImage } from '../io/decodeImage';
import { contentHash } from '../io/contentHash';
import type { EmbeddingCache } from '../io/embeddingCache';
import type { ImageSource, PrepareDeps } from './prepareBatch';

/** A stalled request must not hang the run: each image gets this long. */
export const IMAGE_TIMEOUT_MS = 30_000;

/**
 * Browser adapter for prepareBatch: a dropped file is read directly (a File
 * passed to a worker is a reference, no copy; ~6× cheaper than fetching its
 * blob: URL), a served image is fetched with a timeout; SHA-256 via WebCrypto;
 * pixels from decodeImage (exact PNG, the browser's decoder for the rest).
 */
export function browserPrepareDeps(cache?: EmbeddingCache): PrepareDeps {
  return {
    read: readSource,
    readAll: (sources) => readSources(sources),
    hash: (bytes) => contentHash(bytes),
    decode: (bytes, p) => decodeImage(bytes, p.width, p.height, p.resize),
    cache,
  };
}

/**
 * Reads a batch: the dropped files together as one Blob (one read of the
 * browser's file store instead of one per file: ~0.5 ms per small file →
 * see bench:embed), then sliced by their sizes; if that read fails (a file
 * was moved or deleted), each file is read alone so only that one fails.
 */
export async function readSources(
  sources: ImageSource[],
  readJoined: (blobs: Blob[]) => Promise<ArrayBuffer> = (blobs) => new Blob(blobs).arrayBuffer(),
): Promise<(Uint8Array | string)[]> {
  const files = sources.flatMap((s, k) => (typeof s === 'string' ? [] : [k]));
  const out = new Array<Uint8Array | string | undefined>(sources.length);
  if (files.length > 1) {
    try {
      const joined = new Uint8Array(await readJoined(files.map((k) => sources[k] as Blob)));
      let at = 0;
      for (const k of files) {
        const size = (sources[k] as Blob).size;
        out[k] = joined.subarray(at, at + size);
        at += size;
      }
      if (at !== joined.length) files.forEach((k) => (out[k] = undefined));
    } catch {
      // read one by one below
    }
  }
  return Promise.all(sources.map((s, k) => out[k] ?? readSource(s)));
}

async function readSource(source: ImageSource): Promise<Uint8Array | string> {
  if (typeof source !== 'string') {
    try {
      return new Uint8Array(await source.arrayBuffer());
    } catch (e) {
      return `could not be read (${(e as Error).message || 'the file was moved or deleted'})`;
    }
  }
  try {
    const res = await fetch(source, { signal: AbortSignal.timeout(IMAGE_TIMEOUT_MS) });
    if (!res.ok) return `not found (HTTP ${res.status})`;
    if ((res.headers.get('content-type') ?? '').includes('text/html')) return 'not found (the server sent an HTML page)';
    return new Uint8Array(await res.arrayBuffer());
  } catch (e) {
    return (e as Error).name === 'TimeoutError' ? `no answer within ${IMAGE_TIMEOUT_MS / 1000} s` : `could not be fetched (${(e as Error).message})`;
  }
}
