/**
 * Big image sets for the streaming test and benchmark, written to a temp
 * folder from the bundled demo images (no download):
 *  - fmnistVariants: each of the 1,000 demo PNGs and copies with one pixel
 *    changed (copy 0 is the original file), so every file has its own
 *    content hash and none comes from the embedding cache;
 *  - photoLike: size × size RGB PNGs, a demo image scaled up and tinted per
 *    file, as stand-ins for photos of 224 px and up.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decode, encode } from 'fast-png';

interface DemoImage {
  cls: string;
  file: string;
  path: string;
}

function demoImages(): DemoImage[] {
  const manifest = JSON.parse(readFileSync('public/demo/manifest.json', 'utf8')) as { images: { path: string }[] };
  return manifest.images.map(({ path }) => {
    const [cls, file] = path.split('/');
    return { cls, file, path };
  });
}

/** `copies` × 1,000 Fashion-MNIST PNGs in class folders under <dir>/val; pixels by relative path. */
export function fmnistVariants(copies: number): { dir: string; pixels: Map<string, Uint8Array> } {
  const dir = mkdtempSync(join(tmpdir(), 'dipscope-many-'));
  const pixels = new Map<string, Uint8Array>();
  for (const { cls, file, path } of demoImages()) {
    mkdirSync(join(dir, 'val', cls), { recursive: true });
    const png = decode(readFileSync(join('public/demo', path)));
    for (let c = 0; c < copies; c++) {
      const name = `${cls}/${file.replace('.png', `-${c}.png`)}`;
      if (c === 0) {
        cpSync(join('public/demo', path), join(dir, 'val', name));
        pixels.set(name, png.data as Uint8Array);
        continue;
      }
      const data = Uint8Array.from(png.data as Uint8Array);
      data[c] = (data[c] + 37 * c) % 256;
      writeFileSync(join(dir, 'val', name), encode({ width: png.width, height: png.height, data, channels: png.channels, depth: 8 }));
      pixels.set(name, data);
    }
  }
  return { dir, pixels };
}

/** `count` RGB PNGs of size × size in class folders under <dir>/val. Returns the folder and the bytes written. */
export function photoLike(count: number, size: number): { dir: string; bytes: number } {
  const dir = mkdtempSync(join(tmpdir(), 'dipscope-photos-'));
  const demo = demoImages();
  let bytes = 0;
  for (let k = 0; k < count; k++) {
    const { cls, file, path } = demo[k % demo.length];
    const png = decode(readFileSync(join('public/demo', path)));
    const src = png.data as Uint8Array;
    const out = new Uint8Array(size * size * 3);
    const tint = [(k * 53) % 256, (k * 97) % 256, (k * 151) % 256];
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const v = src[Math.floor((y * png.height) / size) * png.width + Math.floor((x * png.width) / size)];
        for (let c = 0; c < 3; c++) out[(y * size + x) * 3 + c] = (v * 3 + tint[c] + ((x ^ y) & 7)) >> 2;
      }
    }
    mkdirSync(join(dir, 'val', cls), { recursive: true });
    const encoded = encode({ width: size, height: size, data: out, channels: 3, depth: 8 });
    writeFileSync(join(dir, 'val', cls, file.replace('.png', `-${k}.png`)), encoded);
    bytes += encoded.length;
  }
  return { dir, bytes };
}
