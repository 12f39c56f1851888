import { describe, expect, it } from 'vitest';
import { encode } from 'fast-png';
import { readFileSync } from 'node:fs';
import { isPng, pngToOpaqueRgba } from '../../../src/io/pngPixels';

describe('pngToOpaqueRgba(bytes)', () => {
  it('an RGBA PNG keeps the colour of a fully transparent pixel, alpha set to 255 (I1)', () => {
    const bytes = encode({ width: 2, height: 1, channels: 4, depth: 8, data: Uint8Array.from([200, 100, 50, 0, 10, 20, 30, 255]) });
    expect(isPng(bytes)).toBe(true);
    expect(Array.from(pngToOpaqueRgba(bytes).rgba)).toEqual([200, 100, 50, 255, 10, 20, 30, 255]);
  });
  it('a 1-channel grayscale PNG becomes gray RGBA', () => {
    const bytes = encode({ width: 2, height: 1, channels: 1, depth: 8, data: Uint8Array.from([7, 250]) });
    expect(Array.from(pngToOpaqueRgba(bytes).rgba)).toEqual([7, 7, 7, 255, 250, 250, 250, 255]);
  });
  it('gray + alpha keeps the gray under alpha 0', () => {
    const bytes = encode({ width: 1, height: 1, channels: 2, depth: 8, data: Uint8Array.from([99, 0]) });
    expect(Array.from(pngToOpaqueRgba(bytes).rgba)).toEqual([99, 99, 99, 255]);
  });
  it('a 16-bit PNG is reduced to 8 bits and says so', () => {
    const bytes = encode({ width: 1, height: 1, channels: 3, depth: 16, data: Uint16Array.from([0xffff, 0x8000, 0x00ff]) });
    const px = pngToOpaqueRgba(bytes);
    expect(px.depth).toBe(16);
    expect(Array.from(px.rgba)).toEqual([255, 128, 0, 255]);
  });
  it('is not fooled by other formats', () => {
    expect(isPng(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0]))).toBe(false);
  });
});

describe('pngToOpaqueRgba on packed low bit depths', () => {
  it('a 1-bit 8×8 white PNG is white in every pixel (fast-png leaves the bits packed)', () => {
    const px = pngToOpaqueRgba(new Uint8Array(readFileSync('tests/fixtures/images/c/white.png')));
    expect(px.depth).toBe(1);
    expect(px.rgba.every((v) => v === 255)).toBe(true);
  });
  it('a 2-bit gray PNG with 3 pixels per row unpacks each sample to 0–255', () => {
    // row of 3 two-bit samples 0,1,3 → bits 00 01 11 00 = 0x1c; two rows
    const bytes = encode({ width: 3, height: 2, channels: 1, depth: 2, data: Uint8Array.from([0x1c, 0xfc]) });
    expect(Array.from(pngToOpaqueRgba(bytes).rgba.filter((_, k) => k % 4 === 0))).toEqual([0, 85, 255, 255, 255, 255]);
  });
});
