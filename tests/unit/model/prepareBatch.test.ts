import { describe, expect, it } from 'vitest';
import { prepareBatch, type PrepareDeps, type PrepareJob } from '../../../src/model/prepareBatch';
import { embeddingCacheKey } from '../../../src/io/embeddingCacheKey';
import { CacheUnavailable, type CachedEmbedding, type EmbeddingCache } from '../../../src/io/embeddingCache';
import type { Preprocessing } from '../../../src/model/preprocess';

const p: Preprocessing = { width: 2, height: 1, channels: 1, normalization: 'raw', channelOrder: 'rgb' };

/**
 * A fake platform: a source "gray:v" is a file whose two pixels have gray level v;
 * "missing" cannot be read; "broken" cannot be decoded; "deep:v" is a 16-bit PNG.
 */
function deps(cache?: EmbeddingCache) {
  const decoded: string[] = [];
  const d: PrepareDeps = {
    read: async (s) => (s === 'missing' ? 'not found (HTTP 404)' : s === 'empty' ? new Uint8Array(0) : new TextEncoder().encode(String(s))),
    hash: async (b) => `h(${new TextDecoder().decode(b)})`,
    decode: async (b) => {
      const name = new TextDecoder().decode(b);
      decoded.push(name);
      if (name === 'broken') throw new Error('The source image cannot be decoded.');
      const v = Number(name.split(':')[1]);
      return { rgba: new Uint8ClampedArray([v, v, v, 255, v, v, v, 255]), depth: name.startsWith('deep') ? 16 : 8 };
    },
    cache,
  };
  return { d, decoded };
}

function memoryCache(entries: [string, CachedEmbedding][] = []): EmbeddingCache {
  const m = new Map(entries);
  return {
    getMany: async (keys) => keys.map((k) => m.get(k)),
    setMany: async (e) => e.forEach(([k, v]) => m.set(k, v)),
    clear: async () => m.clear(),
  };
}

const job = (sources: string[], over: Partial<PrepareJob> = {}): PrepareJob => ({ sources, p, modelHash: null, dim: 0, ...over });

describe('prepareBatch(job, deps)', () => {
  it('packs the decoded images into the input in order, with their hashes and pixel spread', async () => {
    const { d } = deps();
    const b = await prepareBatch(job(['gray:10', 'gray:20']), d);
    expect([...b.input]).toEqual([10, 10, 20, 20]);
    expect(b.todo).toEqual([0, 1]);
    expect(b.hashes).toEqual(['h(gray:10)', 'h(gray:20)']);
    expect(b.failed).toEqual([null, null]);
    expect([...b.pixelStd]).toEqual([0, 0]);
  });

  it('names an unreadable or undecodable image and keeps the rest of the batch (no hash, no input row for it)', async () => {
    const { d } = deps();
    const b = await prepareBatch(job(['gray:1', 'missing', 'broken', 'gray:4']), d);
    expect(b.failed).toEqual([null, 'not found (HTTP 404)', 'the browser cannot decode it (The source image cannot be decoded); re-save it as PNG or JPEG, or remove it', null]);
    expect(b.hashes).toEqual(['h(gray:1)', '', '', 'h(gray:4)']);
    expect(b.todo).toEqual([0, 3]);
    expect([...b.input]).toEqual([1, 1, 4, 4]);
    expect(Number.isNaN(b.pixelStd[1]) && Number.isNaN(b.pixelStd[2])).toBe(true);
  });

  it('an empty (0-byte) file is said to be empty, never decoded or hashed', async () => {
    const { d, decoded } = deps();
    const b = await prepareBatch(job(['empty', 'gray:2']), d);
    expect(b.failed).toEqual(['the file is empty (0 bytes): it was not written completely; copy it again or remove it', null]);
    expect(b.hashes).toEqual(['', 'h(gray:2)']);
    expect(decoded).toEqual(['gray:2']);
    expect(b.todo).toEqual([1]);
  });

  it('never decodes an image whose embedding is cached under this model and preprocessing, and returns the cached one', async () => {
    const hit = { embedding: new Float32Array([0.6, 0.8]), pixelStd: 3 };
    const { d, decoded } = deps(memoryCache([[embeddingCacheKey('M', p, 'h(gray:2)'), hit]]));
    const b = await prepareBatch(job(['gray:1', 'gray:2', 'gray:3'], { modelHash: 'M' }), d);
    expect(decoded).toEqual(['gray:1', 'gray:3']);
    expect(b.hits[1]).toEqual(hit);
    expect(b.hits[0]).toBeUndefined();
    expect(b.todo).toEqual([0, 2]);
  });

  it('ignores the cache without a model hash, and a cached embedding of another size', async () => {
    const hit = { embedding: new Float32Array([1, 0, 0]), pixelStd: 3 };
    const cache = memoryCache([[embeddingCacheKey('M', p, 'h(gray:2)'), hit]]);
    for (const over of [{ modelHash: null }, { modelHash: 'M', dim: 2 }]) {
      const { d, decoded } = deps(cache);
      const b = await prepareBatch(job(['gray:2'], over), d);
      expect(decoded).toEqual(['gray:2']);
      expect(b.hits[0]).toBeUndefined();
    }
  });

  it('goes on without the cache when it fails (quota), saying so once', async () => {
    const failing: EmbeddingCache = { ...memoryCache(), getMany: async () => Promise.reject(new CacheUnavailable('quota', 'QuotaExceededError')) };
    const { d } = deps(failing);
    const b = await prepareBatch(job(['gray:1'], { modelHash: 'M' }), d);
    expect(b.todo).toEqual([0]);
    expect(b.cacheWarning).toMatch(/cache is full/);
  });

  it('lists the 16-bit images (reduced to 8 bits) so the run can warn about them', async () => {
    const { d } = deps();
    expect((await prepareBatch(job(['gray:1', 'deep:2', 'deep:3']), d)).sixteenBit).toEqual([1, 2]);
  });
});
