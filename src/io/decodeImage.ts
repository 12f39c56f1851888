import { isPng, pngToOpaqueRgba } from './pngPixels';
import { imageDimensions, ImageTooLarge, MAX_DECODE_PIXELS } from './imageSize';

/** PNGs up to this size are decoded exactly in JS (alpha kept apart); larger ones go to the browser's decoder, which needs no JS copy of every pixel. */
export const MAX_EXACT_PNG_PIXELS = 16_000_000;

/** How an image is fitted to the model's input size. */
export type ResizeMode = 'stretch' | 'crop' | 'letterbox';

/** Pixels of one image at the model's input size, and what the file held. */
export interface DecodedImage {
  rgba: Uint8ClampedArray;
  /** Bits per sample in the file when known (PNG); 16 means it was reduced to 8 bits. */
  depth?: number;
}

/**
 * Browser adapter: image bytes → RGBA pixels at the model's input size.
 * Works in a worker (OffscreenCanvas). Colours are not colour-managed and
 * alpha is not premultiplied, so a transparent pixel keeps its colour.
 *
 * - 'stretch' (default): the whole image scaled to width × height (aspect ratio not kept);
 * - 'crop': scaled to cover, the centre kept (torchvision Resize + CenterCrop);
 * - 'letterbox': scaled to fit, centred on black bars.
 *
 * The size is read from the header first: an image over MAX_DECODE_PIXELS is
 * refused (ImageTooLarge) before any decoder allocates it, and a PNG over
 * MAX_EXACT_PNG_PIXELS goes to the browser's decoder like other formats.
 *
 * PNGs are decoded exactly in JS (pngPixels.ts) and handed on opaque: the
 * canvas premultiplies alpha, which would turn every fully transparent pixel
 * black (case I1). A PNG already at the input size is used as it is, with no
 * canvas at all (exact, and ~20× cheaper than a resampling round trip); others
 * are drawn onto the output canvas from a canvas holding their pixels. Other
 * formats go to the browser's decoder (createImageBitmap, EXIF orientation
 * applied once; Chromium decodes CMYK JPEGs right, case I3), which also
 * downscales large photos while decoding, so full-size pixels are never held.
 */
export async function decodeImage(bytes: Uint8Array, width: number, height: number, mode: ResizeMode = 'stretch'): Promise<DecodedImage> {
  const size = imageDimensions(bytes.subarray(0, 1 << 16));
  if (size && size.width * size.height > MAX_DECODE_PIXELS) throw new ImageTooLarge(size.width, size.height);
  if (isPng(bytes.subarray(0, 8)) && (!size || size.width * size.height <= MAX_EXACT_PNG_PIXELS)) {
    const px = pngToOpaqueRgba(bytes);
    if (px.width === width && px.height === height) return { rgba: px.rgba, depth: px.depth };
    const src = sourceCanvas(px.width, px.height);
    src.putImageData(new ImageData(px.rgba as Uint8ClampedArray<ArrayBuffer>, px.width, px.height), 0, 0);
    return { rgba: paint(src.canvas, px.width, px.height, width, height, mode), depth: px.depth };
  }
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>]);
  const options = { imageOrientation: 'from-image', premultiplyAlpha: 'none', colorSpaceConversion: 'none' } as const;
  const bitmap = mode === 'stretch'
    ? await createImageBitmap(blob, { ...options, resizeWidth: width, resizeHeight: height, resizeQuality: 'high' })
    : await createImageBitmap(blob, options);
  try {
    return { rgba: paint(bitmap, bitmap.width, bitmap.height, width, height, mode) };
  } finally {
    bitmap.close();
  }
}

/** decodeImage's pixels for a File or Blob (the preprocessing preview). */
export async function decodeToRgba(blob: Blob, width: number, height: number, mode: ResizeMode = 'stretch'): Promise<Uint8ClampedArray> {
  return (await decodeImage(new Uint8Array(await blob.arrayBuffer()), width, height, mode)).rgba;
}

/** Draws w × h source pixels into the W × H output as `mode` says and reads them back. */
function paint(source: CanvasImageSource, w: number, h: number, W: number, H: number, mode: ResizeMode): Uint8ClampedArray {
  const ctx = context(W, H);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  if (mode === 'stretch') ctx.drawImage(source, 0, 0, w, h, 0, 0, W, H);
  else {
    const r = fitRect(w, h, W, H, mode);
    if (mode === 'letterbox') {
      ctx.fillStyle = '#000';
      ctx.fillRect(0, 0, W, H);
    }
    ctx.drawImage(source, r.sx, r.sy, r.sw, r.sh, r.dx, r.dy, r.dw, r.dh);
  }
  return ctx.getImageData(0, 0, W, H).data;
}

/** One reusable canvas per output size: creating a canvas per image costs more than decoding a small one. */
let canvasCache: { width: number; height: number; ctx: OffscreenCanvasRenderingContext2D } | null = null;
function context(width: number, height: number): OffscreenCanvasRenderingContext2D {
  if (!canvasCache || canvasCache.width !== width || canvasCache.height !== height) {
    canvasCache = { width, height, ctx: context2d(width, height) };
  }
  canvasCache.ctx.clearRect(0, 0, width, height);
  return canvasCache.ctx;
}

/** A reusable canvas that holds a decoded PNG's own pixels, resized to each image exactly (no stale edge to sample). */
let sourceCache: OffscreenCanvasRenderingContext2D | null = null;
function sourceCanvas(width: number, height: number): OffscreenCanvasRenderingContext2D {
  if (!sourceCache) sourceCache = context2d(width, height);
  else if (sourceCache.canvas.width !== width || sourceCache.canvas.height !== height) {
    sourceCache.canvas.width = width;
    sourceCache.canvas.height = height;
  }
  return sourceCache;
}

function context2d(width: number, height: number): OffscreenCanvasRenderingContext2D {
  const ctx = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2D canvas context');
  return ctx;
}

export interface FitRect {
  sx: number;
  sy: number;
  sw: number;
  sh: number;
  dx: number;
  dy: number;
  dw: number;
  dh: number;
}

/**
 * Source and destination rectangles that fit a w × h image into W × H:
 * 'crop' covers W × H and keeps the centre; 'letterbox' fits inside and centres it.
 */
export function fitRect(w: number, h: number, W: number, H: number, mode: 'crop' | 'letterbox'): FitRect {
  if (mode === 'crop') {
    const scale = Math.max(W / w, H / h);
    const sw = W / scale;
    const sh = H / scale;
    return { sx: (w - sw) / 2, sy: (h - sh) / 2, sw, sh, dx: 0, dy: 0, dw: W, dh: H };
  }
  const scale = Math.min(W / w, H / h);
  const dw = w * scale;
  const dh = h * scale;
  return { sx: 0, sy: 0, sw: w, sh: h, dx: (W - dw) / 2, dy: (H - dh) / 2, dw, dh };
}
