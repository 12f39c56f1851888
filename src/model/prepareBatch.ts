import type { Preprocessing } from './preprocess';
import { inputSize, rgbaToInput } from './preprocess';
import type { DecodedImage } from '../io/decodeImage';
import { ImageTooLarge } from '../io/imageSize';
import { embeddingCacheKey } from '../io/embeddingCacheKey';
import { CacheUnavailable, type CachedEmbedding, type EmbeddingCache } from '../io/embeddingCache';

/** Where an image's bytes come from: a same-origin URL (the demo) or the dropped file itself. */
export type ImageSource = string | Blob;

/** One batch to prepare: read, hash, look up in the cache, decode and preprocess what is not cached. */
export interface PrepareJob {
  sources: ImageSource[];
  p: Preprocessing;
  /** The model's hash when the embedding cache is used; null: decode every image. */
  modelHash: string | null;
  /** Embedding size when known (a cached embedding of another size is not used). */
  dim: number;
}

/** A prepared batch: everything the model needs, and what the diagnostics keep. */
export interface PreparedBatch {
  /** SHA-256 of each file ('' where it failed). */
  hashes: string[];
  /** Why each image failed (null: it did not). */
  failed: (string | null)[];
  /** Cached embeddings (undefined: not cached, or no cache). */
  hits: (CachedEmbedding | undefined)[];
  /** Images decoded for the model, in the order their rows are packed in `input`. */
  todo: number[];
  /** todo.length preprocessed images, [H, W, C] each. */
  input: Float32Array;
  /** Std of each decoded image's RGB values on the 0–255 scale (NaN where not decoded). */
  pixelStd: Float32Array;
  /** Images whose file had 16-bit samples (reduced to 8 bits). */
  sixteenBit: number[];
  /** The cache failed (quota, no IndexedDB): its message; later batches go without it. */
  cacheWarning?: string;
  /** Milliseconds spent reading, hashing, looking up the cache and decoding + preprocessing this batch (for the benchmark). */
  ms: { read: number; hash: number; cache: number; decode: number };
}

/** What preparation needs from the platform (the browser's fetch/decoder/IndexedDB, or fakes in tests). */
export interface PrepareDeps {
  /** The file's bytes, or why they could not be read (never rejects). */
  read(source: ImageSource): Promise<Uint8Array | string>;
  /** Reads a whole batch at once (cheaper than one read per file in the browser); absent: `read` each. */
  readAll?(sources: ImageSource[]): Promise<(Uint8Array | string)[]>;
  hash(bytes: Uint8Array): Promise<string>;
  decode(bytes: Uint8Array, p: Preprocessing): Promise<DecodedImage>;
  cache?: EmbeddingCache;
}

/**
 * Prepares one batch. Images are read and hashed first so that cached ones are
 * never decoded; failures (unreadable, undecodable) are recorded per image and
 * never stop the batch. Decoding is sequential: one image's pixels at a time,
 * preprocessed straight into the batch's input.
 */
export async function prepareBatch(job: PrepareJob, deps: PrepareDeps): Promise<PreparedBatch> {
  const count = job.sources.length;
  const t0 = performance.now();
  const bytes = deps.readAll ? await deps.readAll(job.sources) : await Promise.all(job.sources.map((s) => deps.read(s)));
  const t1 = performance.now();
  // An empty file is said as such (not "the browser cannot decode it; re-save it as PNG").
  const failed: (string | null)[] = bytes.map((b) => (typeof b === 'string' ? b : b.length === 0 ? 'the file is empty (0 bytes): it was not written completely; copy it again or remove it' : null));
  const hashes = await Promise.all(bytes.map((b, k) => (typeof b === 'string' || failed[k] !== null ? '' : deps.hash(b))));
  const t2 = performance.now();
  let hits: (CachedEmbedding | undefined)[] = new Array(count).fill(undefined);
  let cacheWarning: string | undefined;
  if (deps.cache && job.modelHash !== null) {
    const keys = hashes.map((h) => (h ? embeddingCacheKey(job.modelHash!, job.p, h) : ''));
    try {
      const found = await deps.cache.getMany(keys.filter(Boolean));
      hits = keys.map((k) => (k ? found.shift() : undefined));
    } catch (e) {
      if (!(e instanceof CacheUnavailable)) throw e;
      cacheWarning = e.message;
    }
  }
  const t3 = performance.now();
  const usable = (k: number) => !!hits[k] && (!job.dim || hits[k]!.embedding.length === job.dim);
  const size = inputSize(job.p);
  const pending = bytes.flatMap((b, k) => (typeof b === 'string' || failed[k] !== null || usable(k) ? [] : [k]));
  const input = new Float32Array(pending.length * size);
  const pixelStd = new Float32Array(count).fill(NaN);
  const todo: number[] = [];
  const sixteenBit: number[] = [];
  for (const k of pending) {
    let decoded: DecodedImage;
    try {
      decoded = await deps.decode(bytes[k] as Uint8Array, job.p);
    } catch (e) {
      failed[k] = e instanceof ImageTooLarge ? e.message : `the browser cannot decode it (${decodeReason(e)}); re-save it as PNG or JPEG, or remove it`;
      hashes[k] = '';
      continue;
    }
    rgbaToInput(decoded.rgba, job.p, input, todo.length * size);
    pixelStd[k] = rgbStd(decoded.rgba);
    if (decoded.depth === 16) sixteenBit.push(k);
    todo.push(k);
  }
  const ms = { read: t1 - t0, hash: t2 - t1, cache: t3 - t2, decode: performance.now() - t3 };
  for (let k = 0; k < count; k++) {
    if (!usable(k)) hits[k] = undefined;
    if (failed[k] !== null) hashes[k] = '';
  }
  return { hashes, failed, hits, todo, input: input.subarray(0, todo.length * size), pixelStd, sixteenBit, cacheWarning, ms };
}

/** Standard deviation of the R, G and B values (alpha ignored). */
export function rgbStd(rgba: ArrayLike<number>): number {
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

/** A decoder's message as a reason: trailing punctuation dropped ("Error while decompressing the data:" → "…data"); empty → a generic one. */
function decodeReason(e: unknown): string {
  const text = ((e as Error)?.message ?? '').trim().replace(/[.:;,]+$/, '');
  return text || 'unsupported or broken image';
}
