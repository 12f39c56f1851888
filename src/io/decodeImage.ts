/**
 * Browser adapter: image bytes → RGBA pixels at the model's input size.
 * Works in a worker (createImageBitmap + OffscreenCanvas). EXIF orientation is
 * applied once by the decoder ('from-image'); colours are not colour-managed
 * and alpha is not premultiplied, so a transparent pixel keeps its colour.
 */
export async function decodeToRgba(blob: Blob, width: number, height: number): Promise<Uint8ClampedArray> {
  const bitmap = await createImageBitmap(blob, {
    imageOrientation: 'from-image',
    premultiplyAlpha: 'none',
    colorSpaceConversion: 'none',
    resizeWidth: width,
    resizeHeight: height,
    resizeQuality: 'high',
  });
  try {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('no 2D canvas context');
    ctx.drawImage(bitmap, 0, 0);
    return ctx.getImageData(0, 0, width, height).data;
  } finally {
    bitmap.close();
  }
}
