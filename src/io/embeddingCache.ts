import { clear, createStore, getMany, setMany, type UseStore } from 'idb-keyval';

/** One cached image: its embedding and the pixel spread the diagnostics use (blank-image check). */
export interface CachedEmbedding {
  embedding: Float32Array;
  pixelStd: number;
}

export interface EmbeddingCache {
  getMany(keys: string[]): Promise<(CachedEmbedding | undefined)[]>;
  setMany(entries: [string, CachedEmbedding][]): Promise<void>;
  clear(): Promise<void>;
}

/** Raised when the browser refuses to store more (quota) or has no IndexedDB; the run goes on without the cache. */
export class CacheUnavailable extends Error {
  constructor(readonly reason: 'quota' | 'unavailable', detail: string) {
    super(
      reason === 'quota'
        ? `The embedding cache is full (the browser's storage quota for this page is used up): embeddings of this run are not all saved, so a reload will embed those images again. Free space with "Clear embedding cache" on the start page. (${detail})`
        : `The embedding cache is not available in this browser (${detail}): a reload will embed the images again.`,
    );
    this.name = 'CacheUnavailable';
  }
}

/** Maps what IndexedDB threw to a CacheUnavailable (a full quota is named as such). */
export function cacheError(e: unknown): CacheUnavailable {
  if (e instanceof CacheUnavailable) return e;
  const err = e as Error | null;
  const quota = err?.name === 'QuotaExceededError' || /quota/i.test(err?.message ?? '');
  return new CacheUnavailable(quota ? 'quota' : 'unavailable', err?.message || String(e));
}

let store: UseStore | null = null;

/**
 * Browser adapter: embeddings in IndexedDB (idb-keyval), shared by the page
 * and the embedding worker (same origin, same database). Keys come from
 * embeddingCacheKey. Errors become CacheUnavailable, never a crash.
 */
export function idbEmbeddingCache(): EmbeddingCache {
  const db = () => (store ??= createStore('dipscope-embeddings', 'embeddings'));
  const wrap = async <T>(op: () => Promise<T>): Promise<T> => {
    try {
      if (typeof indexedDB === 'undefined') throw new Error('no indexedDB');
      return await op();
    } catch (e) {
      throw cacheError(e);
    }
  };
  return {
    getMany: (keys) => wrap(() => getMany<CachedEmbedding>(keys, db())),
    setMany: (entries) => wrap(() => setMany(entries, db())),
    clear: () => wrap(() => clear(db())),
  };
}
