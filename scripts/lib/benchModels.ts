/** Models for the benchmarks, written by tfjs in Node (no download). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { L2Normalize, registerL2Normalize } from '../../src/model/l2NormalizeLayer';

/** A small convnet at size × size × 3 with seeded random weights (model.json + one shard in `dir`). */
export async function writeConvModel(dir: string, size: number): Promise<void> {
  registerL2Normalize();
  const init = (seed: number) => tf.initializers.glorotUniform({ seed });
  const m = tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [size, size, 3], filters: 16, kernelSize: 3, strides: 2, activation: 'relu', kernelInitializer: init(1) }),
      tf.layers.conv2d({ filters: 32, kernelSize: 3, strides: 2, activation: 'relu', kernelInitializer: init(2) }),
      tf.layers.conv2d({ filters: 64, kernelSize: 3, strides: 2, activation: 'relu', kernelInitializer: init(3) }),
      tf.layers.globalAveragePooling2d({}),
      tf.layers.dense({ units: 128, kernelInitializer: init(4) }),
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
