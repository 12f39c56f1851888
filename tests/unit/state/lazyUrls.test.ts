import { describe, expect, it } from 'vitest';
import { lazyImageUrls } from '../../../src/state/lazyUrls';

describe('lazyImageUrls(io)', () => {
  it('makes a blob URL only when an image\'s url is read, once per image, and release() revokes exactly those', () => {
    const made: Blob[] = [];
    const revoked: string[] = [];
    const urls = lazyImageUrls({ objectUrl: (f) => `blob:${made.push(f)}`, revokeUrl: (u) => revoked.push(u) });
    const files = [new Blob(['a']), new Blob(['b']), new Blob(['c'])];
    const images = files.map((f, k) => urls.image(`c/${k}.png`, k, f));
    expect(urls.count).toBe(0);
    expect(images[1].path).toBe('c/1.png');
    expect(images[1].file).toBe(files[1]);
    expect(urls.count).toBe(0);
    expect(images[2].url).toBe('blob:1');
    expect(images[2].url).toBe('blob:1');
    expect(images[0].url).toBe('blob:2');
    expect(made).toEqual([files[2], files[0]]);
    urls.release();
    expect(revoked).toEqual(['blob:1', 'blob:2']);
    urls.release();
    expect(revoked).toHaveLength(2);
  });
});
