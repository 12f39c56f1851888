import * as tf from '@tensorflow/tfjs';
import type { EmbeddingModel } from './loadModel';
import type { Preprocessing } from './preprocess';
import { inputSize } from './preprocess';

/**
 * Runs `count` preprocessed images (packed [count, H, W, C] in `input`) through the
 * model and returns their embeddings as one flat Float32Array [count × dim].
 * Every tensor made here is disposed before it returns (tested: numTensors unchanged).
 */
export async function embedBatch(
  model: EmbeddingModel,
  input: Float32Array,
  count: number,
  p: Preprocessing,
): Promise<{ values: Float32Array; dim: number }> {
  const size = inputSize(p);
  const out = tf.tidy(() => {
    const x = tf.tensor4d(input.subarray(0, count * size), [count, p.height, p.width, p.channels]);
    return tf.reshape(model.predict(x), [count, -1]);
  });
  try {
    const values = (await out.data()) as Float32Array;
    return { values, dim: out.shape[1] as number };
  } finally {
    out.dispose();
  }
}
