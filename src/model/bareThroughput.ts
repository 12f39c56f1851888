import * as tf from '@tensorflow/tfjs';
import type { EmbeddingModel } from './loadModel';
import type { Preprocessing } from './preprocess';

/**
 * The baseline of the embedding benchmark: `model.predict` over a ready-made
 * input tensor (no fetching, decoding or preprocessing), `count` images in
 * batches of `batchSize`, reading every output back as the pipeline does.
 * Returns seconds for the timed part (after one warm-up batch).
 */
export async function bareThroughput(model: EmbeddingModel, p: Preprocessing, count: number, batchSize: number): Promise<{ images: number; seconds: number }> {
  const x = tf.tidy(() => tf.randomUniform([batchSize, p.height, p.width, p.channels], 0, 1, 'float32', 7) as tf.Tensor4D);
  try {
    const run = async (k: number) => {
      const y = tf.tidy(() => model.predict(k === batchSize ? x : (x.slice(0, k) as tf.Tensor4D)));
      await y.data();
      y.dispose();
    };
    await run(batchSize); // warm-up: shader compilation, first allocation
    const t0 = performance.now();
    for (let done = 0; done < count; done += batchSize) await run(Math.min(batchSize, count - done));
    return { images: count, seconds: (performance.now() - t0) / 1000 };
  } finally {
    x.dispose();
  }
}
