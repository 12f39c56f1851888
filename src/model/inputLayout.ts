/**
 * How a model wants its image: the app always prepares [batch, H, W, C]
 * (NHWC, as tfjs and Keras use); other common layouts are adapted at predict
 * time rather than refused:
 *  - 'nhwc' [N, H, W, C], C = 1 or 3: as prepared;
 *  - 'nchw' [N, C, H, W], C = 1 or 3 (PyTorch / onnx-tf exports): transposed;
 *  - 'nhw'  [N, H, W] (Keras `Flatten(input_shape=(28, 28))`): grey, channel axis dropped;
 *  - 'flat' [N, D] with D = S·S (grey) or 3·S·S (colour) of a square S × S image: reshaped in H, W, C order.
 */
export type InputLayout = { kind: 'nhwc' | 'nchw' | 'nhw' | 'flat'; height: number | null; width: number | null; channels: 1 | 3 | null };

/** A model input that is not an image this app can feed, with the fix. */
export class InputShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputShapeError';
  }
}

const shapeText = (shape: readonly (number | null)[]) => `[${shape.map((d) => (d == null ? '?' : d)).join(', ')}]`;
const isChannels = (d: number | null): d is 1 | 3 => d === 1 || d === 3;

/** The layout of a model input shape (null for a dynamic dimension); throws InputShapeError naming the shape and the fix. */
export function inputLayout(shape: readonly (number | null)[]): InputLayout {
  const fix = 'export an embedding model whose input is an image batch: [batch, height, width, 1 or 3]';
  if (shape.length === 4) {
    const [, a, b, c] = shape;
    if (isChannels(c) || c === null) {
      if (c === null && isChannels(a)) return { kind: 'nchw', height: b, width: c, channels: a };
      return { kind: 'nhwc', height: a, width: b, channels: c };
    }
    if (isChannels(a)) return { kind: 'nchw', height: b, width: c, channels: a };
    throw new InputShapeError(`the model input ${shapeText(shape)} has ${c} channels (and is not channels-first with 1 or 3); Dipscope feeds grey (1) or colour (3) images. Fix: ${fix}`);
  }
  if (shape.length === 3) {
    const [, h, w] = shape;
    if (isChannels(w) && h !== null && h > 3) throw new InputShapeError(`the model input ${shapeText(shape)} has no batch axis (it reads as one [H, W, C] image). Fix: ${fix}`);
    return { kind: 'nhw', height: h, width: w, channels: 1 };
  }
  if (shape.length === 2) {
    const d = shape[1];
    if (d !== null) {
      const grey = Math.round(Math.sqrt(d));
      if (grey * grey === d) return { kind: 'flat', height: grey, width: grey, channels: 1 };
      const colour = Math.round(Math.sqrt(d / 3));
      if (3 * colour * colour === d) return { kind: 'flat', height: colour, width: colour, channels: 3 };
    }
    throw new InputShapeError(
      `the model input ${shapeText(shape)} is a vector of ${d ?? 'any number of'} values, not the pixels of a square grey (S·S) or colour (3·S·S) image, so Dipscope cannot tell the image size. Fix: ${fix}, or drop precomputed embeddings (.npy) instead`,
    );
  }
  throw new InputShapeError(`the model input ${shapeText(shape)} is not an image batch. Fix: ${fix}`);
}

/** The [batch, H, W, C] shape the app prepares for a layout (null where the model leaves a size open). */
export function preparedShape(layout: InputLayout): (number | null)[] {
  return [null, layout.height, layout.width, layout.channels];
}

/** How the layout differs from NHWC, for the model panel; null when it does not. */
export function layoutNote(layout: InputLayout): string | null {
  if (layout.kind === 'nchw') return 'the input is channels-first [batch, C, H, W]: images are prepared as [batch, H, W, C] and transposed';
  if (layout.kind === 'nhw') return 'the input has no channel axis [batch, H, W]: images are fed grey';
  if (layout.kind === 'flat') return `the input is a flat vector: each ${layout.height}×${layout.width}${layout.channels === 3 ? '×3' : ''} image is fed row by row (H, W, C order, as Keras Flatten gives)`;
  return null;
}
