import type { Preprocessing } from './preprocess';
import { inputSize } from './preprocess';

/** One preprocessed image made visible: the model's input values stretched to 0–255 per channel, and their ranges. */
export interface PreprocessPreview {
  width: number;
  height: number;
  /** width × height × 4, opaque; channel 0 shown as red, 1 as green, 2 as blue (as stored: BGR input looks blue-tinted). */
  rgba: Uint8ClampedArray;
  /** Smallest and largest value of each input channel, as the model receives them. */
  min: number[];
  max: number[];
}

/**
 * Turns a model input [H, W, C] (as rgbaToInput wrote it) into a picture:
 * each channel linearly mapped from its own [min, max] to [0, 255] (a flat
 * channel shows as mid-grey). A 1-channel input is shown as grey.
 * Contract: `input` holds at least inputSize(p) floats.
 */
export function previewOfInput(input: Float32Array, p: Preprocessing): PreprocessPreview {
  const n = p.width * p.height;
  const c = p.channels;
  if (input.length < inputSize(p)) throw new Error(`preview: ${input.length} values for a ${p.width}×${p.height}×${c} input`);
  const min = Array<number>(c).fill(Infinity);
  const max = Array<number>(c).fill(-Infinity);
  for (let i = 0; i < n * c; i++) {
    const k = i % c;
    if (input[i] < min[k]) min[k] = input[i];
    if (input[i] > max[k]) max[k] = input[i];
  }
  const scale = min.map((lo, k) => (max[k] > lo ? 255 / (max[k] - lo) : 0));
  const rgba = new Uint8ClampedArray(n * 4);
  for (let i = 0; i < n; i++) {
    for (let ch = 0; ch < 3; ch++) {
      const k = c === 1 ? 0 : ch;
      rgba[4 * i + ch] = scale[k] === 0 ? 128 : (input[i * c + k] - min[k]) * scale[k];
    }
    rgba[4 * i + 3] = 255;
  }
  return { width: p.width, height: p.height, rgba, min, max };
}
