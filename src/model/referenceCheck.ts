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

/**
 * Checks a parsed reference.json against the model's input; returns the
 * reference or throws an error that names the file and the fix. A reference
 * that cannot be used is never skipped silently.
 */
export function validateReference(raw: unknown, p: Preprocessing): ReferenceEmbeddings {
  const r = raw as Partial<ReferenceEmbeddings> | null;
  const fix = 'regenerate it with `npm run demo:train`, or delete it to skip this check';
  if (!r || !Array.isArray(r.inputs) || !Array.isArray(r.embeddings) || r.inputs.length === 0) {
    throw new Error(`reference.json has no "inputs" and "embeddings": ${fix}`);
  }
  if (r.embeddings.length !== r.inputs.length) {
    throw new Error(`reference.json has ${r.inputs.length} inputs but ${r.embeddings.length} embeddings: ${fix}`);
  }
  r.inputs.forEach((inp, k) => {
    if (!Array.isArray(inp?.pixels) || inp.pixels.length !== p.width * p.height) {
      throw new Error(`reference.json input #${k} has ${inp?.pixels?.length ?? 0} pixels; the model takes ${p.width}×${p.height} = ${p.width * p.height}: ${fix}`);
    }
  });
  return r as ReferenceEmbeddings;
}

/** Largest |difference| between the model's output on this backend and the (validated) reference. */
export async function referenceError(model: EmbeddingModel, p: Preprocessing, ref: ReferenceEmbeddings): Promise<number> {
  const n = ref.inputs.length;
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
