import { decode, hasPngSignature, convertIndexedToRgb, type DecodedPng } from 'fast-png';

export interface OpaquePixels {
  width: number;
  height: number;
  /** 8-bit RGBA with alpha set to 255: the colour under a transparent pixel is kept (case I1). */
  rgba: Uint8ClampedArray;
  /** Bits per sample in the file (16-bit files are reduced to 8 bits). */
  depth: number;
}

/** True when the bytes start with the PNG signature. */
export function isPng(head: Uint8Array): boolean {
  return hasPngSignature(head);
}

/**
 * Decodes a PNG exactly (fast-png: gray, gray+alpha, RGB, RGBA, palette; 1–16
 * bits) to opaque 8-bit RGBA. The browser's canvas would premultiply alpha and
 * lose the colour of fully transparent pixels; models never see alpha, so it is
 * dropped here and the colour kept. 16-bit samples keep their high byte.
 */
export function pngToOpaqueRgba(bytes: Uint8Array): OpaquePixels {
  const png: DecodedPng = decode(bytes);
  const n = png.width * png.height;
  const out = new Uint8ClampedArray(n * 4);
  let src: ArrayLike<number> = png.data;
  let channels = png.channels;
  if (png.palette) {
    src = convertIndexedToRgb(png); // RGB, or RGBA when the palette has transparency
    channels = src.length / n;
  }
  const depth = png.palette ? 8 : png.depth;
  if (depth === 8) {
    eightBitToOpaque(src, channels, n, out);
    return { width: png.width, height: png.height, rgba: out, depth: png.depth };
  }
  const shift = depth === 16 ? 8 : 0;
  const scale = depth < 8 ? 255 / ((1 << depth) - 1) : 1; // 1/2/4-bit gray → 0–255
  // Below 8 bits fast-png leaves the samples packed, each row padded to whole bytes.
  const rowBytes = Math.ceil((png.width * channels * depth) / 8);
  const sample = (i: number, c: number): number => {
    if (depth >= 8) return src[i * channels + c] >> shift;
    const y = Math.floor(i / png.width);
    const bit = ((i % png.width) * channels + c) * depth;
    const byte = src[y * rowBytes + (bit >> 3)];
    return Math.round(((byte >> (8 - depth - (bit & 7))) & ((1 << depth) - 1)) * scale);
  };
  for (let i = 0; i < n; i++) {
    if (channels <= 2) {
      const v = sample(i, 0);
      out[4 * i] = out[4 * i + 1] = out[4 * i + 2] = v;
    } else {
      out[4 * i] = sample(i, 0);
      out[4 * i + 1] = sample(i, 1);
      out[4 * i + 2] = sample(i, 2);
    }
    out[4 * i + 3] = 255;
  }
  return { width: png.width, height: png.height, rgba: out, depth: png.depth };
}

/** The common case without per-sample work: 8-bit gray, gray+alpha, RGB or RGBA (or a palette expanded to RGB/RGBA). */
function eightBitToOpaque(src: ArrayLike<number>, channels: number, n: number, out: Uint8ClampedArray): void {
  if (channels <= 2) {
    for (let i = 0, j = 0; i < n; i++, j += channels) {
      const v = src[j];
      out[4 * i] = v;
      out[4 * i + 1] = v;
      out[4 * i + 2] = v;
      out[4 * i + 3] = 255;
    }
    return;
  }
  for (let i = 0, j = 0; i < n; i++, j += channels) {
    out[4 * i] = src[j];
    out[4 * i + 1] = src[j + 1];
    out[4 * i + 2] = src[j + 2];
    out[4 * i + 3] = 255;
  }
}
