import { isPng, pngToOpaqueRgba } from './pngPixels';

/** How an image is fitted to the model's input size. */
export type ResizeMode = 'stretch' | 'crop' | 'letterbox';

/**
 * Browser adapter: image bytes → RGBA pixels at the model's input size.
 * Works in a worker (createImageBitmap + OffscreenCanvas). EXIF orientation is
 * applied once by the decoder ('from-image'); colours are not colour-managed
 * and alpha is not premultiplied, so a transparent pixel keeps its colour.
 *
 * - 'stretch' (default): the whole image scaled to width × height (aspect ratio not kept);
 * - 'crop': scaled to cover, the centre kept (torchvision Resize + CenterCrop);
 * - 'letterbox': scaled to fit, centred on black bars.
 */
export async function decodeToRgba(blob: Blob, width: number, height: number, mode: ResizeMode = 'stretch'): Promise<Uint8ClampedArray> {
  const source = await decodableSource(blob);
  if (mode === 'stretch') {
    const bitmap = await createImageBitmap(source, {
      imageOrientation: 'from-image',
      premultiplyAlpha: 'none',
      colorSpaceConversion: 'none',
      resizeWidth: width,
      resizeHeight: height,
      resizeQuality: 'high',
    });
    return draw(bitmap, width, height, (ctx) => ctx.drawImage(bitmap, 0, 0));
  }
  const bitmap = await createImageBitmap(source, { imageOrientation: 'from-image', premultiplyAlpha: 'none', colorSpaceConversion: 'none' });
  const r = fitRect(bitmap.width, bitmap.height, width, height, mode);
  return draw(bitmap, width, height, (ctx) => {
    if (mode === 'letterbox') {
      ctx.fillStyle = '#000';
      ctx.fillRect(0, 0, width, height);
    }
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, r.sx, r.sy, r.sw, r.sh, r.dx, r.dy, r.dw, r.dh);
  });
}

/**
 * PNGs are decoded exactly in JS (pngPixels.ts) and handed on opaque: the
 * canvas premultiplies alpha, which would turn every fully transparent pixel
 * black (case I1). Other formats go to the browser's decoder as they are
 * (Chromium decodes CMYK JPEGs right, case I3: tests/e2e/images.test.ts).
 */
async function decodableSource(blob: Blob): Promise<Blob | ImageData> {
  const head = new Uint8Array(await blob.slice(0, 8).arrayBuffer());
  if (isPng(head)) {
    const px = pngToOpaqueRgba(new Uint8Array(await blob.arrayBuffer()));
    return new ImageData(px.rgba as Uint8ClampedArray<ArrayBuffer>, px.width, px.height);
  }
  return blob;
}

/** One reusable canvas per output size: creating a canvas per image costs more than decoding a small one. */
let canvasCache: { width: number; height: number; ctx: OffscreenCanvasRenderingContext2D } | null = null;
function context(width: number, height: number): OffscreenCanvasRenderingContext2D {
  if (!canvasCache || canvasCache.width !== width || canvasCache.height !== height) {
    const ctx = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('no 2D canvas context');
    canvasCache = { width, height, ctx };
  }
  canvasCache.ctx.clearRect(0, 0, width, height);
  return canvasCache.ctx;
}

function draw(bitmap: ImageBitmap, width: number, height: number, paint: (ctx: OffscreenCanvasRenderingContext2D) => void): Uint8ClampedArray {
  try {
    const ctx = context(width, height);
    paint(ctx);
    return ctx.getImageData(0, 0, width, height).data;
  } finally {
    bitmap.close();
  }
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
