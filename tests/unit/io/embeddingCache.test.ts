import { describe, expect, it } from 'vitest';
import { CacheUnavailable, cacheError, idbEmbeddingCache } from '../../../src/io/embeddingCache';

describe('embedding cache errors', () => {
  it('a QuotaExceededError becomes a CacheUnavailable that says the cache is full and how to free it', () => {
    const e = cacheError(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    expect(e).toBeInstanceOf(CacheUnavailable);
    expect(e.reason).toBe('quota');
    expect(e.message).toMatch(/cache is full .*Clear embedding cache/);
  });

  it('without IndexedDB (Node, some private modes) every operation rejects with CacheUnavailable, never a TypeError', async () => {
    await expect(idbEmbeddingCache().getMany(['k'])).rejects.toBeInstanceOf(CacheUnavailable);
    await expect(idbEmbeddingCache().setMany([['k', { embedding: new Float32Array(2), pixelStd: 1 }]])).rejects.toMatchObject({ reason: 'unavailable' });
  });
});
