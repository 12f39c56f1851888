/** Images with more pixels are refused from their header, before any decoder allocates them (8,944 × 8,944; larger photos are rare and would take GBs). */
export const MAX_DECODE_PIXELS = 80_000_000;

/** An image refused for its size, with the size and the fix (not a decoding failure). */
export class ImageTooLarge extends Error {
  constructor(readonly width: number, readonly height: number) {
    const mp = (width * height) / 1e6;
    super(`too large to decode: ${width.toLocaleString('en-US')} × ${height.toLocaleString('en-US')} pixels (${mp >= 10 ? mp.toFixed(0) : mp.toFixed(1)} megapixels, over the ${MAX_DECODE_PIXELS / 1e6}-megapixel limit); downscale it (the model sees it at its input size anyway)`);
    this.name = 'ImageTooLarge';
  }
}

/**
 * Width and height of an image read from its header, without decoding it:
 * PNG (IHDR), JPEG (the first SOF marker), GIF (logical screen), WebP (VP8,
 * VP8L, VP8X) and BMP (BITMAPINFOHEADER and later). Null when the format is
 * not one of these or the header is cut short. Used to refuse images too big
 * to decode before any decoder allocates their pixels (a 1 MB PNG can hold
 * 30,000 × 30,000 pixels: 3.6 GB of RGBA).
 * Contract: `bytes` is the start of the file (64 KiB is plenty for JPEG's
 * markers in practice; the whole file is fine too).
 */
export function imageDimensions(bytes: Uint8Array): { width: number; height: number } | null {
  const n = bytes.length;
  const u16be = (o: number) => (bytes[o] << 8) | bytes[o + 1];
  const u16le = (o: number) => bytes[o] | (bytes[o + 1] << 8);
  const u24le = (o: number) => bytes[o] | (bytes[o + 1] << 8) | (bytes[o + 2] << 16);
  const u32be = (o: number) => ((bytes[o] << 24) | (bytes[o + 1] << 16) | (bytes[o + 2] << 8) | bytes[o + 3]) >>> 0;
  const i32le = (o: number) => bytes[o] | (bytes[o + 1] << 8) | (bytes[o + 2] << 16) | (bytes[o + 3] << 24);
  const ascii = (o: number, len: number) => String.fromCharCode(...bytes.subarray(o, o + len));

  // PNG: signature, then the IHDR chunk: width, height (big-endian u32).
  if (n >= 24 && bytes[0] === 0x89 && ascii(1, 3) === 'PNG' && ascii(12, 4) === 'IHDR') return { width: u32be(16), height: u32be(20) };
  // GIF87a / GIF89a: logical screen width, height (little-endian u16).
  if (n >= 10 && ascii(0, 3) === 'GIF') return { width: u16le(6), height: u16le(8) };
  // BMP: 'BM', then at 14 the DIB header; BITMAPCOREHEADER (12 bytes) has u16 sizes, later ones i32 (height negative = top-down).
  if (n >= 26 && bytes[0] === 0x42 && bytes[1] === 0x4d) {
    if (bytes[14] === 12) return { width: u16le(18), height: u16le(20) };
    return { width: Math.abs(i32le(18)), height: Math.abs(i32le(22)) };
  }
  // WebP: RIFF....WEBP then a VP8 / VP8L / VP8X chunk.
  if (n >= 30 && ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP') {
    const chunk = ascii(12, 4);
    if (chunk === 'VP8 ') return { width: u16le(26) & 0x3fff, height: u16le(28) & 0x3fff };
    if (chunk === 'VP8L') {
      const b = bytes.subarray(21, 25);
      return { width: 1 + (((b[1] & 0x3f) << 8) | b[0]), height: 1 + (((b[3] & 0xf) << 10) | (b[2] << 2) | ((b[1] & 0xc0) >> 6)) };
    }
    if (chunk === 'VP8X') return { width: 1 + u24le(24), height: 1 + u24le(27) };
    return null;
  }
  // JPEG: SOI, then markers; the first SOFn (C0–CF but C4 DHT, C8 JPG, CC DAC) holds height, width.
  if (n >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let o = 2;
    while (o + 9 < n) {
      if (bytes[o] !== 0xff) return null;
      const marker = bytes[o + 1];
      if (marker === 0xff) {
        o++; // fill byte
        continue;
      }
      if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        o += 2; // markers without a length
        continue;
      }
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return { width: u16be(o + 7), height: u16be(o + 5) };
      o += 2 + u16be(o + 2);
    }
    return null;
  }
  return null;
}
