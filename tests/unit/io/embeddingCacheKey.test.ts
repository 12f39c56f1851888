import { describe, expect, it } from 'vitest';
import { embeddingCacheKey } from '../../../src/io/embeddingCacheKey';

const p = { width: 28, height: 28, channels: 1, normalization: 'unit', channelOrder: 'rgb' };

describe('embeddingCacheKey', () => {
  it('embeddingCacheKey(model, preprocessing, content) changes with each of them and treats a missing resize as stretch', () => {
    const k = embeddingCacheKey('m', p, 'c');
    expect(embeddingCacheKey('m', { ...p, resize: 'stretch' }, 'c')).toBe(k);
    expect(embeddingCacheKey('m2', p, 'c')).not.toBe(k);
    expect(embeddingCacheKey('m', p, 'c2')).not.toBe(k);
    expect(embeddingCacheKey('m', { ...p, normalization: 'tf' }, 'c')).not.toBe(k);
    expect(embeddingCacheKey('m', { ...p, resize: 'crop' }, 'c')).not.toBe(k);
    expect(embeddingCacheKey('m', { ...p, width: 32 }, 'c')).not.toBe(k);
  });
});
