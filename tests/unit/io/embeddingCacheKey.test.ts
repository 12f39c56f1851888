import { describe, expect, it } from 'vitest';
import { embeddingCacheKey, embeddingModelKey } from '../../../src/io/embeddingCacheKey';

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

  it('embeddingModelKey(hash, output) gives each output of a model its own keys, and leaves a one-output model\'s keys as they were', () => {
    expect(embeddingModelKey('m')).toBe('m');
    const e = embeddingCacheKey(embeddingModelKey('m', 'embedding'), p, 'c');
    const l = embeddingCacheKey(embeddingModelKey('m', 'logits'), p, 'c');
    expect(e).not.toBe(l);
    expect(e).not.toBe(embeddingCacheKey('m', p, 'c'));
    expect(embeddingModelKey('m', 'a|b')).not.toBe(embeddingModelKey('m', 'a'));
  });
});
