import type { BackendName, BackendReport } from './backendTypes';
import { fetchModelArtifacts, type LoadedArtifacts } from './loadModel';
import { chooseBackend, disposeQuietly, inputSizeHint } from './chooseBackend';
import { embedBatch } from './embed';
import type { Preprocessing } from './preprocess';
import { inputSize } from './preprocess';
import { probeWebGpu, probeWebGl } from './gpuProbe';
import { isAllZero } from './selfTest';
import { modelHash } from './weightsHash';
import { embeddingCacheKey, embeddingModelKey } from '../io/embeddingCacheKey';
import { CacheUnavailable, type CachedEmbedding, type EmbeddingCache } from '../io/embeddingCache';
import { prepareBatch, type ImageSource, type PrepareJob, type PreparedBatch } from './prepareBatch';
import { browserPrepareDeps } from './browserPrepare';
import { streamBatches } from './streamBatches';

/** Where the model comes from: a served model.json (the demo) or files the user dropped, already assembled. */
export type ModelSource = { kind: 'url'; url: string } | { kind: 'artifacts'; loaded: LoadedArtifacts };

export interface EmbedRequest {
  model: ModelSource;
  /** Same-origin URLs of the images, in dataset order (for a dropped file, given in imageFiles, just its name). */
  imageUrls: string[];
  /** The dropped files themselves, parallel to imageUrls: read directly (absent entries are fetched from imageUrls). */
  imageFiles?: (Blob | undefined)[];
  /** Paths as the user knows them, parallel to imageUrls, for messages (absent: the URLs). */
  imageNames?: string[];
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
  seconds: { backend: number; embed: number; /** From the end of the first batch to the end: the pipeline's steady state (the first batch also pays for warm-up and filling the stream). */ afterFirstBatch?: number };
  /** Where the embedding stage's time went, summed over batches (seconds; reading … decoding run in decode workers, in parallel with the model). */
  stages?: { read: number; hash: number; cache: number; decode: number; model: number; waitForPrepared: number };
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
  /** Decode workers (absent: batches are prepared in this thread, one at a time ahead of the model). */
  preparer?: BatchPreparer;
  /** The dropped files of images from…to−1 when they arrive after the request (absent: req.imageFiles). */
  files?(from: number, to: number): Promise<(Blob | undefined)[]>;
}

/** Prepares batches (read, hash, cache lookup, decode, preprocess), possibly in other threads. */
export interface BatchPreparer {
  /** How many batches it prepares at once. */
  workers: number;
  prepare(job: PrepareJob, useCache: boolean): Promise<PreparedBatch>;
}

/** Prepared input held ahead of the model is capped at this many bytes (plus the batch being embedded). */
export const MAX_PREPARED_BYTES = 128 * 2 ** 20;

/**
 * The whole embedding run: fetch the model once, choose a backend (self-tests),
 * then stream the images through in batches: while the model embeds one batch,
 * the next ones are read, hashed, looked up in the cache and decoded (in
 * decode workers when given), at most `lookahead` batches ahead so memory stays
 * bounded (never all decoded pixels at once). Progress after each batch.
 * Undecodable images are skipped with their name and reason.
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
    preprocessing: req.preprocessing,
    probes: { webgpu: probeWebGpu, webgl: probeWebGl },
    onTrial: (name) => hooks.onStage('backend', name),
  });
  const t1 = performance.now();
  const { model } = chosen;
  const p = req.preprocessing ?? chosen.preprocessing;
  try {
    hooks.onStage('embed', chosen.report.chosen);
    const n = req.imageUrls.length;
    const bs = req.batchSize;
    const failed: EmbedFailure[] = [];
    const contentHashes = new Array<string>(n).fill('');
    const pixelStd = new Float32Array(n).fill(NaN);
    const sixteenBit: string[] = [];
    let embeddings: Float32Array | null = null;
    let dim = 0;
    let cache = hooks.cache;
    const warnings = new Set<string>();
    const dropCache = (e: unknown) => {
      if (!(e instanceof CacheUnavailable)) throw e;
      warnings.add(e.message);
      cache = undefined;
    };
    const mh = cache ? (req.modelHash ?? embeddingModelKey(await modelHash(loaded.artifacts), loaded.output)) : '';
    const inThread: BatchPreparer = { workers: 1, prepare: (job, useCache) => prepareBatch(job, browserPrepareDeps(useCache ? cache : undefined)) };
    const preparer = hooks.preparer ?? inThread;
    const lookahead = Math.max(1, Math.min(preparer.workers + 1, Math.floor(MAX_PREPARED_BYTES / (bs * inputSize(p) * 4))));
    const sourcesOf = async (from: number, to: number): Promise<ImageSource[]> => {
      const files = hooks.files ? await hooks.files(from, to) : req.imageFiles?.slice(from, to);
      return req.imageUrls.slice(from, to).map((u, k) => files?.[k] ?? u);
    };
    let fromCache = 0;
    let doneImages = 0;
    const stages = { read: 0, hash: 0, cache: 0, decode: 0, model: 0, waitForPrepared: 0 };
    let lastConsumed = performance.now();
    let firstBatchDone: number | null = null;
    hooks.onProgress(0, n);
    const stream = streamBatches<PreparedBatch>({
      count: Math.ceil(n / bs),
      lookahead,
      stop: () => hooks.isCancelled(),
      prepare: async (b) => {
        const job: PrepareJob = { sources: await sourcesOf(b * bs, Math.min(n, (b + 1) * bs)), p, modelHash: cache ? mh : null, dim };
        return preparer.prepare(job, !!cache);
      },
      consume: async (b, pb) => {
        const start = b * bs;
        const tIn = performance.now();
        stages.waitForPrepared += (tIn - lastConsumed) / 1000;
        for (const k of ['read', 'hash', 'cache', 'decode'] as const) stages[k] += pb.ms[k] / 1000;
        if (pb.cacheWarning) dropCache(new CacheUnavailable('unavailable', pb.cacheWarning));
        const out = pb.todo.length > 0 ? await embedBatch(model, pb.input, pb.todo.length, p).catch((e: unknown) => { throw modelFailed(e, start, pb.todo.length, p, chosen.report.chosen); }) : null;
        stages.model += (performance.now() - tIn) / 1000;
        if (!embeddings) {
          const firstHit = pb.hits.find(Boolean);
          if (!out && !firstHit) {
            // Nothing in this batch could be read: the size is not known yet, keep its failures.
            pb.failed.forEach((reason, k) => reason !== null && failed.push({ index: start + k, url: req.imageUrls[start + k], reason }));
            hooks.onProgress(Math.min(start + bs, n), n);
            lastConsumed = performance.now();
            return;
          }
          dim = out?.dim ?? firstHit!.embedding.length;
          embeddings = new Float32Array(n * dim).fill(NaN);
        }
        const emb = embeddings;
        const fresh: [string, CachedEmbedding][] = [];
        pb.sixteenBit.forEach((k) => sixteenBit.push(req.imageNames?.[start + k] ?? req.imageUrls[start + k]));
        pb.failed.forEach((reason, k) => {
          const row = (start + k) * dim;
          contentHashes[start + k] = pb.hashes[k];
          // A failed image keeps its NaN row: every pair that uses it scores NaN and is
          // excluded and counted by the metrics (never silently scored as zero).
          if (reason !== null) failed.push({ index: start + k, url: req.imageUrls[start + k], reason });
          else if (pb.hits[k]) {
            emb.set(pb.hits[k]!.embedding, row);
            pixelStd[start + k] = pb.hits[k]!.pixelStd;
            fromCache++;
          }
        });
        pb.todo.forEach((k, j) => {
          const vec = out!.values.slice(j * dim, (j + 1) * dim);
          emb.set(vec, (start + k) * dim);
          pixelStd[start + k] = pb.pixelStd[k];
          if (cache) fresh.push([embeddingCacheKey(mh, p, pb.hashes[k]), { embedding: vec, pixelStd: pb.pixelStd[k] }]);
        });
        // Stored batch by batch, so a run interrupted by a reload resumes from here.
        if (cache && fresh.length > 0) await cache.setMany(fresh).catch(dropCache);
        doneImages = Math.min(start + bs, n);
        hooks.onProgress(doneImages, n);
        lastConsumed = performance.now();
        firstBatchDone ??= lastConsumed;
      },
    });
    let consumed = 0;
    try {
      consumed = (await stream).consumed;
    } catch (e) {
      // Cancelling also stops the file feed, which rejects batches waiting for their files.
      if (hooks.isCancelled()) throw new CancelledError(Math.min(n, doneImages), n);
      throw e;
    }
    if (consumed * bs < n) throw new CancelledError(consumed * bs, n);
    failed.sort((a, b) => a.index - b.index);
    if (!embeddings) throw noneEmbedded(n, failed, req.imageNames);
    if (sixteenBit.length > 0) warnings.add(sixteenBitWarning(sixteenBit));
    assertNotCollapsedToZero(embeddings, n, dim, failed, req.imageNames);
    return { embeddings, dim, n, backend: chosen.report, preprocessing: p, failed, contentHashes, pixelStd, fromCache, warnings: [...warnings], stages, seconds: { backend: (t1 - t0) / 1000, embed: (performance.now() - t1) / 1000, afterFirstBatch: firstBatchDone === null ? undefined : (performance.now() - firstBatchDone) / 1000 } };
  } finally {
    disposeQuietly(model);
  }
}

/** 16-bit PNGs keep their high byte: said once, with how many and which. */
export function sixteenBitWarning(names: string[]): string {
  const shown = names.slice(0, 3).join(', ');
  const more = names.length > 3 ? ` and ${(names.length - 3).toLocaleString('en-US')} more` : '';
  return `${names.length.toLocaleString('en-US')} image${names.length === 1 ? ' is a 16-bit PNG' : 's are 16-bit PNGs'} (${shown}${more}): reduced to 8 bits (the high byte of each sample kept), as the browser's canvas would. If your model was trained on 16-bit data, the small differences are lost; export 8-bit images to compare like with like.`;
}

/**
 * A batch the model could not run (the warm-up passed): says which images,
 * the size they were fed at and the backend, and what to check, instead of
 * the backend's bare message ("memory access out of bounds").
 */
export function modelFailed(e: unknown, start: number, count: number, p: Preprocessing, backend: string): Error {
  const reason = ((e as Error)?.message ?? String(e)).trim() || 'unknown error';
  return new Error(
    `the model failed on images ${(start + 1).toLocaleString('en-US')}–${(start + count).toLocaleString('en-US')} on the ${backend} backend (${reason}). They were fed as ${inputSizeHint(p)}, and run again; otherwise try another backend with ?backend=cpu`,
  );
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

function noneEmbedded(n: number, failed: EmbedFailure[], names?: string[]): Error {
  if (n === 0) return new Error('no images to embed');
  return new Error(`none of the ${n} images could be read — the first, ${names?.[failed[0].index] ?? failed[0].url}: ${failed[0].reason}`);
}

/** B2: all-zero embeddings are never plotted; a set where no image could be read says so. */
function assertNotCollapsedToZero(emb: Float32Array, n: number, dim: number, failed: EmbedFailure[], names?: string[]): void {
  if (failed.length === n) throw noneEmbedded(n, failed, names);
  const failedSet = new Set(failed.map((f) => f.index));
  for (let i = 0; i < n; i++) {
    if (!failedSet.has(i) && !isAllZero(emb.subarray(i * dim, (i + 1) * dim))) return;
  }
  throw new Error('every embedding is zero: the backend or the model is broken; try another backend with ?backend=wasm');
}
