/**
 * Reader for the IDX files of (Fashion-)MNIST, as shipped gzip-compressed by
 * Debian's `dataset-fashion-mnist` package. Node only (node:fs, node:zlib).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';

export const FASHION_MNIST_DIR = '/usr/share/datasets/fashion-mnist';

/** Readable class names, index = label (upstream order). */
export const FASHION_CLASSES = [
  't-shirt_top', 'trouser', 'pullover', 'dress', 'coat',
  'sandal', 'shirt', 'sneaker', 'bag', 'ankle_boot',
] as const;

export interface IdxImages {
  count: number;
  rows: number;
  cols: number;
  /** count × rows × cols uint8 pixels, row-major. */
  pixels: Uint8Array;
}

function readIdx(path: string, magic: number): { dims: number[]; data: Uint8Array } {
  const buf = gunzipSync(readFileSync(path));
  const got = buf.readUInt32BE(0);
  if (got !== magic) throw new Error(`${path}: magic ${got}, expected ${magic}`);
  const nDims = magic & 0xff;
  const dims = Array.from({ length: nDims }, (_, i) => buf.readUInt32BE(4 + 4 * i));
  const offset = 4 + 4 * nDims;
  const size = dims.reduce((a, b) => a * b, 1);
  if (buf.length !== offset + size) throw new Error(`${path}: truncated or oversized IDX file`);
  return { dims, data: new Uint8Array(buf.buffer, buf.byteOffset + offset, size) };
}

/** Reads `<split>-images-idx3-ubyte.gz`; split is 'train' or 't10k'. */
export function readImages(split: 'train' | 't10k', dir = FASHION_MNIST_DIR): IdxImages {
  const { dims, data } = readIdx(join(dir, `${split}-images-idx3-ubyte.gz`), 0x00000803);
  return { count: dims[0], rows: dims[1], cols: dims[2], pixels: data };
}

/** Reads `<split>-labels-idx1-ubyte.gz`. */
export function readLabels(split: 'train' | 't10k', dir = FASHION_MNIST_DIR): Uint8Array {
  return readIdx(join(dir, `${split}-labels-idx1-ubyte.gz`), 0x00000801).data;
}
