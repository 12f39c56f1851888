import type { BackendName, BackendReport } from './backendTypes';
import { fetchModelArtifacts, type LoadedArtifacts } from './loadModel';
import { chooseBackend } from './chooseBackend';
import { embedBatch } from './embed';
import type { Preprocessing } from './preprocess';
import { inputSize, rgbaToInput } from './preprocess';
import { probeWebGpu, probeWebGl } from './gpuProbe';
import { decodeToRgba } from '../io/decodeImage';
import { contentHash } from '../io/contentHash';
import { isAllZero } from './selfTest';
import { modelHash } from './weightsHash';
import { embeddingCacheKey } from '../io/embeddingCacheKey';
import { CacheUnavailable, type CachedEmbedding, type EmbeddingCache } from '../io/embeddingCache';

/** Where the model comes from: a served model.json (the demo) or files the user dropped, already assembled. */
export type ModelSource = { kind: 'url'; url: string } | { kind: 'artifacts'; loaded: LoadedArtifacts };

export interface EmbedRequest {
  model: ModelSource;
  /** Same-origin URLs (or blob: URLs) of the images, in dataset order. */
  imageUrls: string[];
  backend?: BackendName;
  batchSize: number;
  /** The user's edited preprocessing; absent: the one read from the model. */
  preprocessing?: Preprocessing;
  /** modelHash of the artifacts when the caller knows it (else computed here when a cache is used). */
  modelHash?: string;
}

export interface EmbedFailure {
  index: number;
  url: string;
  reason: string;
}

export interface EmbedResult {
  embeddings: Float32Array; // n × dim; rows of failed images are NaN and listed in `failed`
  dim: number;
  n: number;
  backend: BackendReport;
  preprocessing: Preprocessing;
  failed: EmbedFailure[];
  /** SHA-256 of each image file ('' where it failed): equal hashes are byte duplicates. */
  contentHashes: string[];
  /** Std of each decoded image's RGB values on the 0–255 scale (NaN where it failed): ≈0 is a blank image. */
  pixelStd: Float32Array;
  seconds: { backend: number; embed: number };
  /** Images whose embedding came from the cache (not embedded again). */
  fromCache?: number;
  /** Problems that did not stop the run (e.g. the cache is full). */
  warnings?: string[];
}

export interface EmbedHooks {
  onStage(stage: 'backend' | 'embed', detail?: string): void;
  onProgress(done: number, total: number): void;
  isCancelled(): boolean;
  /** Embeddings stored by earlier runs (IndexedDB in the browser); absent: embed everything. */
  cache?: EmbeddingCache;
}

/**
 * The whole embedding run: fetch the model once, choose a backend (self-tests),
 * then decode and embed the images in batches, reporting progress after each
 * batch. Undecodable images are skipped with their name and reason. At most two
 * batches of file bytes (this one and the prefetched next) and one batch of
 * decoded pixels are held at a time.
 */
export async function runEmbedding(req: EmbedRequest, hooks: EmbedHooks): Promise<EmbedResult> {
  const t0 = performance.now();
  hooks.onStage('backend');
  const loaded = req.model.kind === 'url' ? await fetchModelArtifacts(req.model.url) : req.model.loaded;
  const reference = req.model.kind === 'url' ? await fetchReference(req.model.url) : null;
  const chosen = await chooseBackend({
    loaded,
    reference,
    forced: req.backend,
    probes: { webgpu: probeWebGpu, webgl: probeWebGl },
    onTrial: (name) => hooks.onStage('backend', name),
  });
  const t1 = performance.now();
  const { model } = chosen;
  const p = req.preprocessing ?? chosen.preprocessing;
  try {
    hooks.onStage('embed', chosen.report.chosen);
    const n = req.imageUrls.length;
    const size = inputSize(p);
    const failed: EmbedFailure[] = [];
    const contentHashes = new Array<string>(n).fill('');
    const pixelStd = new Float32Array(n).fill(NaN);
    let embeddings: Float32Array | null = null;
    let dim = 0;
    const input = new Float32Array(req.batchSize * size);
    let cache = hooks.cache;
    const warnings: string[] = [];
    const dropCache = (e: unknown) => {
      if (!(e instanceof CacheUnavailable)) throw e;
      warnings.push(e.message);
      cache = undefined;
    };
    const mh = cache ? (req.modelHash ?? (await modelHash(loaded.artifacts))) : '';
    let fromCache = 0;
    hooks.onProgress(0, n);
    // The next batch's files are fetched while this one is decoded and embedded (fetchBytes never rejects).
    const fetchBatch = (from: number) => Promise.all(req.imageUrls.slice(from, from + req.batchSize).map(fetchBytes));
    let pending = fetchBatch(0);
    for (let start = 0; start < n; start += req.batchSize) {
      if (hooks.isCancelled()) throw new CancelledError(start, n);
      const urls = req.imageUrls.slice(start, start + req.batchSize);
      const fetched = await pending;
      pending = start + req.batchSize < n ? fetchBatch(start + req.batchSize) : Promise.resolve([]);
      const hashes = await Promise.all(fetched.map((f) => (typeof f === 'string' ? '' : contentHash(f))));
      const keys = hashes.map((h) => (h ? embeddingCacheKey(mh, p, h) : ''));
      let hits: (CachedEmbedding | undefined)[] = [];
      if (cache) {
        try {
          const found = await cache.getMany(keys.filter(Boolean));
          hits = keys.map((k) => (k ? found.shift() : undefined));
        } catch (e) {
          dropCache(e);
        }
      }
      // Only the images not in the cache are decoded and embedded (packed in order).
      const todo: number[] = [];
      const usable = (k: number) => !!hits[k] && (!dim || hits[k]!.embedding.length === dim);
      const decoded = await Promise.all(fetched.map((f, k) => (typeof f === 'string' ? f : usable(k) ? null : decode(f, p))));
      input.fill(0);
      decoded.forEach((d, k) => {
        contentHashes[start + k] = hashes[k];
        if (typeof d === 'string') {
          failed.push({ index: start + k, url: urls[k], reason: d });
          contentHashes[start + k] = '';
        } else if (d) {
          rgbaToInput(d, p, input, todo.length * size);
          pixelStd[start + k] = rgbStd(d);
          todo.push(k);
        }
      });
      const out = todo.length > 0 ? await embedBatch(model, input, todo.length, p) : null;
      if (!embeddings) {
        dim = out?.dim ?? hits.find(Boolean)!.embedding.length;
        embeddings = new Float32Array(n * dim);
      }
      const fresh: [string, CachedEmbedding][] = [];
      decoded.forEach((d, k) => {
        const row = (start + k) * dim;
        // A failed image gets a NaN row: every pair that uses it scores NaN and is
        // excluded and counted by the metrics (never silently scored as zero).
        if (typeof d === 'string') embeddings!.fill(NaN, row, row + dim);
        else if (d === null) {
          embeddings!.set(hits[k]!.embedding, row);
          pixelStd[start + k] = hits[k]!.pixelStd;
          fromCache++;
        } else {
          const j = todo.indexOf(k);
          const vec = out!.values.slice(j * dim, (j + 1) * dim);
          embeddings!.set(vec, row);
          fresh.push([keys[k], { embedding: vec, pixelStd: pixelStd[start + k] }]);
        }
      });
      // Stored batch by batch, so a run interrupted by a reload resumes from here.
      if (cache && fresh.length > 0) await cache.setMany(fresh).catch(dropCache);
      hooks.onProgress(Math.min(start + req.batchSize, n), n);
    }
    if (!embeddings) throw new Error('no images to embed');
    assertNotCollapsedToZero(embeddings, n, dim, failed);
    return { embeddings, dim, n, backend: chosen.report, preprocessing: p, failed, contentHashes, pixelStd, fromCache, warnings, seconds: { backend: (t1 - t0) / 1000, embed: (performance.now() - t1) / 1000 } };
  } finally {
    model.dispose();
  }
}

export class CancelledError extends Error {
  constructor(readonly done: number, readonly total: number) {
    super(`cancelled after ${done} of ${total} images`);
    this.name = 'CancelledError';
  }
}

/** reference.json next to the model: parsed JSON, null when there is none, an error naming the file when it is broken. */
async function fetchReference(modelUrl: string): Promise<unknown | null> {
  const url = new URL('reference.json', new URL(modelUrl, self.location.href)).href;
  const res = await fetch(url);
  if (!res.ok || (res.headers.get('content-type') ?? '').includes('text/html')) return null;
  try {
    return await res.json();
  } catch (e) {
    throw new Error(`reference.json is not valid JSON (${(e as Error).message}): regenerate it with \`npm run demo:train\`, or delete it to skip this check`);
  }
}

/** A stalled request must not hang the run: each image gets this long. */
export const IMAGE_TIMEOUT_MS = 30_000;

async function fetchBytes(url: string): Promise<ArrayBuffer | string> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(IMAGE_TIMEOUT_MS) });
    if (!res.ok) return `not found (HTTP ${res.status})`;
    if ((res.headers.get('content-type') ?? '').includes('text/html')) return 'not found (the server sent an HTML page)';
    return await res.arrayBuffer();
  } catch (e) {
    return (e as Error).name === 'TimeoutError' ? `no answer within ${IMAGE_TIMEOUT_MS / 1000} s` : `could not be fetched (${(e as Error).message})`;
  }
}

async function decode(bytes: ArrayBuffer, p: Preprocessing): Promise<Uint8ClampedArray | string> {
  try {
    return await decodeToRgba(new Blob([bytes]), p.width, p.height, p.resize);
  } catch (e) {
    return `the browser cannot decode it (${((e as Error).message || 'unsupported or broken image').replace(/\.$/, '')})`;
  }
}

/** Standard deviation of the R, G and B values (alpha ignored). */
function rgbStd(rgba: Uint8ClampedArray): number {
  let sum = 0;
  let sq = 0;
  const count = (rgba.length / 4) * 3;
  for (let i = 0; i < rgba.length; i += 4) {
    for (let c = 0; c < 3; c++) {
      const v = rgba[i + c];
      sum += v;
      sq += v * v;
    }
  }
  const mean = sum / count;
  return Math.sqrt(Math.max(0, sq / count - mean * mean));
}

/** B2: all-zero embeddings are never plotted; a set where no image could be read says so. */
function assertNotCollapsedToZero(emb: Float32Array, n: number, dim: number, failed: EmbedFailure[]): void {
  if (failed.length === n) {
    throw new Error(`none of the ${n} images could be read — the first, ${failed[0].url}: ${failed[0].reason}`);
  }
  const failedSet = new Set(failed.map((f) => f.index));
  for (let i = 0; i < n; i++) {
    if (!failedSet.has(i) && !isAllZero(emb.subarray(i * dim, (i + 1) * dim))) return;
  }
  throw new Error('every embedding is zero: the backend or the model is broken; try another backend with ?backend=wasm');
}
