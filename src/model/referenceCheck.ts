import type { EmbeddingModel } from './loadModel';
import type { Preprocessing } from './preprocess';
import { rgbaToInput, inputSize } from './preprocess';
import { embedBatch } from './embed';
import { maxAbsDiff } from './selfTest';

/**
 * A stored reference: a few real inputs (8-bit grayscale pixels) and the
 * embeddings the model gave for them when it was trained (in Node, tfjs wasm).
 * Written by scripts/train-demo-model.ts next to the model as reference.json.
 */
export interface ReferenceEmbeddings {
  inputs: { path: string; pixels: number[] }[];
  embeddings: number[][];
}

export const REFERENCE_TOLERANCE = 1e-3;

/** Largest |difference| between the model's output on this backend and the reference (null if the reference does not fit the input). */
export async function referenceError(model: EmbeddingModel, p: Preprocessing, ref: ReferenceEmbeddings): Promise<number | null> {
  const n = ref.inputs.length;
  if (n === 0 || ref.inputs.some((r) => r.pixels.length !== p.width * p.height)) return null;
  const input = new Float32Array(n * inputSize(p));
  ref.inputs.forEach((r, k) => {
    const rgba = new Uint8Array(r.pixels.length * 4);
    r.pixels.forEach((v, i) => {
      rgba[4 * i] = rgba[4 * i + 1] = rgba[4 * i + 2] = v;
      rgba[4 * i + 3] = 255;
    });
    rgbaToInput(rgba, p, input, k * inputSize(p));
  });
  const { values, dim } = await embedBatch(model, input, n, p);
  let worst = 0;
  for (let k = 0; k < n; k++) {
    worst = Math.max(worst, maxAbsDiff(values.subarray(k * dim, (k + 1) * dim), ref.embeddings[k]));
  }
  return worst;
}
