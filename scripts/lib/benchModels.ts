/** Models for the benchmarks, written by tfjs in Node (no download). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { L2Normalize, registerL2Normalize } from '../../src/model/l2NormalizeLayer';

/**
 * A convnet at size × size × 3 with seeded random weights (model.json + one
 * shard in `dir`): one stride-2 3×3 conv per entry of `filters`, global
 * average pooling, dense 128, L2-normalised. The default is tiny (the model
 * costs about as much as decoding); [32, 64, 128, 256, 256] at 224 is about
 * 0.3 G multiply-adds per image, MobileNetV2-class.
 */
export async function writeConvModel(dir: string, size: number, filters: number[] = [16, 32, 64]): Promise<void> {
  registerL2Normalize();
  const init = (seed: number) => tf.initializers.glorotUniform({ seed });
  const m = tf.sequential({
    layers: [
      ...filters.map((f, k) =>
        tf.layers.conv2d({ ...(k === 0 ? { inputShape: [size, size, 3] } : {}), filters: f, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu', kernelInitializer: init(k + 1) }),
      ),
      tf.layers.globalAveragePooling2d({}),
      tf.layers.dense({ units: 128, kernelInitializer: init(filters.length + 1) }),
      new L2Normalize({}),
    ],
  });
  await m.save(
    tf.io.withSaveHandler(async (a) => {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'group1-shard1of1.bin'), new Uint8Array(a.weightData as ArrayBuffer));
      const json = { format: 'layers-model', modelTopology: a.modelTopology, weightsManifest: [{ paths: ['group1-shard1of1.bin'], weights: a.weightSpecs }] };
      writeFileSync(join(dir, 'model.json'), JSON.stringify(json));
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
}
