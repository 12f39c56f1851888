import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { imageDimensions } from '../../../src/io/imageSize';

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/image-headers/${name}`));

describe('imageDimensions(bytes): width and height from the header, nothing decoded (scripts/make-header-fixtures.ts)', () => {
  it.each(['picture.png', 'baseline.jpg', 'progressive.jpg', 'picture.gif', 'v3.bmp', 'v5.bmp', 'lossy.webp', 'lossless.webp', 'alpha.webp'])('reads 40 × 20 from %s', (name) => {
    expect(imageDimensions(fixture(name))).toEqual({ width: 40, height: 20 });
  });

  it('reads a huge PNG\'s claimed size from its first bytes', () => {
    expect(imageDimensions(fixture('bomb-30000.png').subarray(0, 64))).toEqual({ width: 30_000, height: 30_000 });
  });

  it('reads the rotated JPEG and the CMYK JPEG of the image cases (I2, I3) as stored', () => {
    expect(imageDimensions(new Uint8Array(readFileSync('tests/fixtures/images/b/rot6.jpg')))).toEqual({ width: 40, height: 20 });
    expect(imageDimensions(new Uint8Array(readFileSync('tests/fixtures/images/c/cmyk.jpg')))).toEqual({ width: 8, height: 8 });
  });

  it('is null for other formats and for headers cut short', () => {
    expect(imageDimensions(new Uint8Array(readFileSync('tests/fixtures/images/c/photo.heic')))).toBeNull();
    expect(imageDimensions(fixture('picture.png').subarray(0, 20))).toBeNull();
    expect(imageDimensions(fixture('baseline.jpg').subarray(0, 30))).toBeNull();
    expect(imageDimensions(new TextEncoder().encode('<html>not an image</html>'))).toBeNull();
    expect(imageDimensions(new Uint8Array(0))).toBeNull();
  });
});
