/**
 * Writes tests/fixtures/image-headers/: one small 40×20 picture (wider than
 * tall, so width and height cannot be swapped unnoticed) in every format
 * whose header imageDimensions reads, plus a PNG whose header claims
 * 30,000 × 30,000 pixels (the size check must refuse it without decoding).
 * Needs ImageMagick with WebP (`apt-get install imagemagick webp`) — only to
 * regenerate; the files are committed. Run: npx tsx scripts/make-header-fixtures.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const OUT = 'tests/fixtures/image-headers';
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const im = (...args: string[]) => execFileSync('/usr/bin/convert', args);
const src = join(OUT, 'src.png');
im('-size', '40x20', 'gradient:white-navy', '-fill', 'orange', '-draw', 'rectangle 5,5 14,14', src);
im(src, '-quality', '90', join(OUT, 'baseline.jpg'));
im(src, '-quality', '90', '-interlace', 'Plane', join(OUT, 'progressive.jpg'));
im(src, join(OUT, 'picture.gif'));
im(src, 'BMP3:' + join(OUT, 'v3.bmp'));
im(src, join(OUT, 'v5.bmp'));
im(src, '-define', 'webp:lossless=false', '-quality', '80', join(OUT, 'lossy.webp'));
im(src, '-define', 'webp:lossless=true', join(OUT, 'lossless.webp'));
// Lossy with an alpha channel: libwebp writes the extended (VP8X) container.
im(src, '-alpha', 'set', '-channel', 'A', '-evaluate', 'set', '50%', '+channel', '-define', 'webp:lossless=false', join(OUT, 'alpha.webp'));
im(src, join(OUT, 'picture.png'));
rmSync(src);

// A "decompression bomb": 30,000 × 30,000 gray (the whole image would deflate to ~900 KB); 64 rows of zeros stored.
const W = 30_000;
const idat = deflateSync(Buffer.alloc(64 * (W + 1)), { level: 9 });
writeFileSync(join(OUT, 'bomb-30000.png'), png(W, W, idat));
console.log(`wrote ${OUT}`);

function png(width: number, height: number, data: Buffer): Buffer {
  const chunk = (type: string, body: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(body.length);
    const tb = Buffer.concat([Buffer.from(type, 'latin1'), body]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(tb));
    return Buffer.concat([len, tb, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grayscale
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', data), chunk('IEND', Buffer.alloc(0))]);
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
