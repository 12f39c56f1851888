/**
 * Writes tests/fixtures/images/: the image cases I1–I4 of the case list, tiny.
 * Needs ImageMagick (`apt-get install imagemagick`) — only to regenerate; the
 * files are committed. Run: npx tsx scripts/make-image-fixtures.ts
 *
 *  a/gray.png        28×28 8-bit grayscale gradient
 *  a/rgba.png        the same pixels as RGBA, left half fully transparent (I1)
 *  a/gray16.png      the same pixels as a 16-bit grayscale PNG (v·257: high byte = v), reduced to 8 bits with a warning
 *  b/upright.jpg     20×40 picture stored upright
 *  b/rot6.jpg        the same picture stored 40×20 with EXIF Orientation 6 (I2)
 *  c/white.png       8×8 white
 *  c/cmyk.jpg        8×8 white stored as a CMYK JPEG (I3)
 *  c/broken.jpg      upright.jpg cut after 300 bytes (I4)
 *  c/photo.heic      a HEIC file, which Chrome cannot decode (I4)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { encode } from 'fast-png';

const OUT = 'tests/fixtures/images';
const IM = '/usr/bin/convert';
rmSync(OUT, { recursive: true, force: true });
for (const d of ['a', 'b', 'c']) mkdirSync(join(OUT, d), { recursive: true });
const im = (...args: string[]) => execFileSync(IM, args);

im('-size', '28x28', 'gradient:gray20-gray80', '-colorspace', 'Gray', '-depth', '8', '-define', 'png:color-type=0', join(OUT, 'a/gray.png'));
// RGBA copy written with pngjs so the colour under alpha 0 is exactly the gray value.
const gray = PNG.sync.read(readFileSync(join(OUT, 'a/gray.png')));
const rgba = new PNG({ width: 28, height: 28 });
for (let i = 0; i < 28 * 28; i++) {
  const v = gray.data[4 * i];
  rgba.data.set([v, v, v, i % 28 < 14 ? 0 : 255], 4 * i);
}
writeFileSync(join(OUT, 'a/rgba.png'), PNG.sync.write(rgba, { colorType: 6 }));
// 16-bit copy (fast-png writes 16-bit samples; ImageMagick would store 8-bit content as 8 bits).
const deep = new Uint16Array(28 * 28);
for (let i = 0; i < deep.length; i++) deep[i] = gray.data[4 * i] * 257;
writeFileSync(join(OUT, 'a/gray16.png'), encode({ width: 28, height: 28, data: deep, depth: 16, channels: 1 }));

const tmp = join(OUT, 'upright.png');
im('-size', '20x40', 'gradient:white-black', '-fill', 'gray30', '-draw', 'rectangle 4,4 15,14', tmp);
im(tmp, '-quality', '100', '-sampling-factor', '1x1', join(OUT, 'b/upright.jpg'));
// Stored rotated 90° counter-clockwise; Orientation 6 tells the viewer to rotate it back clockwise.
im(tmp, '-rotate', '-90', '-quality', '100', '-sampling-factor', '1x1', join(OUT, 'b/rot6.jpg'));
writeFileSync(join(OUT, 'b/rot6.jpg'), withExifOrientation(readFileSync(join(OUT, 'b/rot6.jpg')), 6));
im('-size', '8x8', 'xc:white', join(OUT, 'c/white.png'));
im('-size', '8x8', 'xc:white', '-colorspace', 'CMYK', '-quality', '100', join(OUT, 'c/cmyk.jpg'));
writeFileSync(join(OUT, 'c/broken.jpg'), readFileSync(join(OUT, 'b/upright.jpg')).subarray(0, 300));
im(tmp, join(OUT, 'c/photo.heic'));
rmSync(tmp);
console.log(`wrote ${OUT}`);

/** Inserts an APP1 Exif segment holding only Orientation right after the JPEG's SOI marker. */
function withExifOrientation(jpeg: Buffer, orientation: number): Buffer {
  const tiff = Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0]);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'binary'), tiff]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);
  return Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]);
}
