import { describe, expect, it } from 'vitest';
import { contentHash } from '../../../src/io/contentHash';

describe('contentHash(bytes)', () => {
  it('is the SHA-256 hex digest (FIPS 180-2 test vector "abc")', async () => {
    expect(await contentHash(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
  it('is equal for byte-identical files and differs by one byte; takes a view or an ArrayBuffer', async () => {
    const a = new Uint8Array([1, 2, 3, 4]);
    expect(await contentHash(a.subarray(1))).toBe(await contentHash(new Uint8Array([2, 3, 4]).buffer));
    expect(await contentHash(a)).not.toBe(await contentHash(new Uint8Array([1, 2, 3, 5])));
  });
});
